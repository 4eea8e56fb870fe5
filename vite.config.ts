import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { scenesPlugin } from './src/lesson/scenesPlugin';

export default defineConfig(({ command }) => ({
  // Relative asset URLs, so dist/ works from any folder (school servers, LMS packages, file://).
  base: './',
  plugins: [scenesPlugin(fileURLToPath(new URL('./scenes', import.meta.url)))],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
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
