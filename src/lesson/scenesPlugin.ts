/**
 * Vite plugin: reads scenes/*.json and scenes/presets.json at build time, checks them, and serves them to the app
 * as the module "virtual:scenes". A broken file stops the build (and the dev server's page) with every problem
 * named by file, field and problem — a scene is never silently skipped. Adding a file needs no code change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import type { NamedPreset, Scene } from './sceneSchema';
import { checkPresetsFile, checkSceneFile, orderScenes } from './validateScene';

const MODULE_ID = 'virtual:scenes';
const RESOLVED_ID = `\0${MODULE_ID}`;
export const PRESETS_FILE = 'presets.json';

export interface SceneLibrary {
  readonly scenes: Scene[];
  readonly presets: NamedPreset[];
}

/** Reads and checks every file in `dir`; throws one error listing all problems found. */
export function loadSceneLibrary(dir: string, root = process.cwd()): SceneLibrary {
  const problems: string[] = [];
  const scenes: Scene[] = [];
  let presets: NamedPreset[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const path = join(dir, name);
    const shown = relative(root, path) || name;
    const text = readFileSync(path, 'utf8');
    if (name === PRESETS_FILE) {
      const checked = checkPresetsFile(shown, text);
      if (checked.ok) presets = checked.value;
      else problems.push(...checked.problems);
      continue;
    }
    const checked = checkSceneFile(shown, text);
    if (checked.ok) scenes.push(checked.value);
    else problems.push(...checked.problems);
  }
  if (problems.length > 0) {
    throw new Error(`Scene files have problems:\n  ${problems.join('\n  ')}`);
  }
  return { scenes: orderScenes(scenes), presets };
}

export function scenesPlugin(dir: string): Plugin {
  return {
    name: 'calcium-routes-scenes',
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      for (const name of readdirSync(dir)) this.addWatchFile(join(dir, name));
      const library = loadSceneLibrary(dir);
      return `export const scenes = ${JSON.stringify(library.scenes)};\nexport const presets = ${JSON.stringify(library.presets)};\n`;
    },
    configureServer(server) {
      // A new or edited scene file reloads the page with the new library (or shows the error overlay).
      server.watcher.add(dir);
      const reload = (file: string): void => {
        if (!file.startsWith(dir)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
