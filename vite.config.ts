import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset URLs, so dist/ works from any folder (school servers, LMS packages, file://).
  base: './',
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  resolve: {
    // xstate ships a development build with extra checks; use the same one in the dev server and in tests
    // (notes/xstate.md §6.7).
    conditions: ['development'],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    server: { deps: { inline: ['xstate'] } },
  },
});
