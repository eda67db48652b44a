import { defineConfig } from 'vitest/config';

/**
 * Unit tests (tests/*.test.ts) and the browser test (test/*.e2e.ts), which starts the whole graph, serves
 * the built portal from the gateway and drives Chromium through it. The browser test runs alone: it is
 * the heaviest thing in `npm test` and measures nothing but behaviour.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'test/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
