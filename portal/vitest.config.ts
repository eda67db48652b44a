import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../vitest.shared.js';

/**
 * Unit tests (tests/*.test.ts) and the browser test (test/*.e2e.ts), which starts the whole graph, serves
 * the built portal from the gateway and drives Chromium through it. The browser test runs alone: it is
 * the heaviest thing in `npm test` and measures nothing but behaviour.
 */
export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    include: ['tests/**/*.test.ts', 'test/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
