/** The scene library, checked at build time by src/lesson/scenesPlugin.ts. */
declare module 'virtual:scenes' {
  import type { NamedPreset, Scene } from './sceneSchema';
  export const scenes: Scene[];
  export const presets: NamedPreset[];
}
