/**
 * A build plugin that trims Pixi to what the map uses:
 * - the WebGPU and Canvas renderers (about 140 kB): the app draws with WebGL only and says so when WebGL is
 *   missing (src/render/pixiStage.ts), so Pixi's renderer detection never loads them;
 * - the extensions Application.init loads for browsers (pixi.js/environment-browser/browserAll) beyond what
 *   pixi.js's main module already brings (rendering): events (the stage has eventMode "none"), accessibility (the
 *   canvas is aria-hidden; the page's HTML carries names and descriptions), DOMContainer and filters (unused);
 * - the spritesheet loader (the map loads no asset files);
 * - the Canvas renderer's start-up test of 2D-canvas blend modes;
 * - textures per batch: four, not the GPU's 16 (a smaller shader to compile).
 * Both builds use it: in the site, Vite's preloading fetched chunks named after both renderers on every visit, and
 * Application.init fetched browserAll; in one file they are dead weight. (The dev server pre-bundles Pixi whole.)
 * The offline browser test plays, compares and switches language in the single file with no console error; every
 * browser test of the site runs against the dev server, the bench (`npm run bench`) against this build.
 */
import type { Plugin } from 'vite';

/** Textures one batch of the map may use (see below). */
const MAP_BATCH_TEXTURES = 4;

export function leanPixi(): Plugin {
  const prefix = '\0calcium-routes:lean-pixi:';
  const stubs: Record<string, { importer: string; code: string }> = {
    './gpu/WebGPURenderer.mjs': {
      importer: 'rendering/renderers/autoDetectRenderer.mjs',
      code: noRenderer('WebGPURenderer'),
    },
    './canvas/CanvasRenderer.mjs': {
      importer: 'rendering/renderers/autoDetectRenderer.mjs',
      code: noRenderer('CanvasRenderer'),
    },
    './browserAll.mjs': { importer: 'environment-browser/browserExt.mjs', code: 'export {};' },
    './spritesheet/init.mjs': { importer: 'index.mjs', code: 'export {};' },
    // The Canvas renderer's helpers come along with Pixi's scene classes, and their module tests 2D-canvas blend
    // modes as it loads: a pixel read-back that took 0.6 s of the app's start on software rendering. Only the
    // Canvas renderer reads the answer.
    // Textures per batch: Pixi uses as many as the GPU has units (16 on most), and its batch shader branches on
    // each. The map draws with five textures in all; four per batch costs a draw call now and then, and the smaller
    // shader compiles much faster on software WebGL, the slowest step of the app's start there. (Pixi's own test
    // compiles a shader just to find the GPU's limit; every WebGL device handles four, the spec's minimum is 8.)
    '../../batcher/gl/utils/checkMaxIfStatementsInShader.mjs': {
      importer: 'rendering/renderers/gl/GlLimitsSystem.mjs',
      code: `export function checkMaxIfStatementsInShader(units) { return Math.min(units, ${MAP_BATCH_TEXTURES}); }`,
    },
    './canUseNewCanvasBlendModes.mjs': {
      importer: 'rendering/renderers/canvas/utils/canvasUtils.mjs',
      code: 'export function canUseNewCanvasBlendModes() { return false; }',
    },
  };
  return {
    name: 'calcium-routes:lean-pixi',
    enforce: 'pre',
    resolveId(source, importer) {
      const stub = stubs[source];
      if (!stub || !importer?.replaceAll('\\', '/').endsWith(`/pixi.js/lib/${stub.importer}`)) return null;
      return `${prefix}${source}`;
    },
    load(id) {
      return id.startsWith(prefix) ? (stubs[id.slice(prefix.length)]?.code ?? null) : null;
    },
  };
}

function noRenderer(name: string): string {
  return `export class ${name} { constructor() { throw new Error('${name} is not in the single-file build: WebGL only'); } }`;
}
