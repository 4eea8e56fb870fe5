import { fileURLToPath } from 'node:url';
import type { PluginOption } from 'vite';
import { defineConfig } from 'vitest/config';
import { hostedCsp } from './src/build/csp';
import { leanPixi } from './src/build/leanPixi';
import { installableApp } from './src/build/pwa';
import { scenesPlugin } from './src/lesson/scenesPlugin';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Plugins every build of the app needs: this one (the site in dist/) and the single file (vite.single.config.ts). */
export function appPlugins(): PluginOption[] {
  return [scenesPlugin(fileURLToPath(new URL('./scenes', import.meta.url)))];
}

/** Language level of the built code, shared with the single file. */
export const BUILD_TARGET = 'es2022';

export default defineConfig(({ command }) => ({
  // Relative asset URLs, so dist/ works from any folder (school servers, LMS packages, file://).
  base: './',
  // The build leaves out the Pixi renderers and extensions the map does not use (src/build/leanPixi.ts), and also
  // gets a Content-Security-Policy <meta>, a web app manifest and a service worker (docs/offline.md).
  plugins: [...appPlugins(), ...(command === 'build' ? [leanPixi()] : []), hostedCsp(), installableApp({ root: ROOT })],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { target: BUILD_TARGET, sourcemap: true },
  resolve: {
    // xstate ships a development build with extra checks: use it in the dev server and in tests (notes/xstate.md
    // §6.7), never in the build students download.
    ...(command === 'serve' ? { conditions: ['development'] } : {}),
  },
  test: {
    environment: 'node',
    server: { deps: { inline: ['xstate'] } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] } },
      {
        extends: true,
        // Browser tests share two cores with everything else: one file at a time, generous time limits.
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
}));
