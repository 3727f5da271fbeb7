import { defineConfig } from 'vitest/config';

// Browser journeys: one real server (built web, temp PGlite or a fresh PostgreSQL database) for all files, Chromium per test.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['web/e2e/**/*.test.ts'],
    globalSetup: ['web/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 240_000,
    env: { NODE_ENV: 'test' },
  },
});
