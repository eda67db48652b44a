import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../../vitest.shared.js';

/**
 * Fault tests start real processes, their own Redis and PostgreSQL, and load them: one file at a time, so
 * a two-core CI machine is not shared between two of them and timings stay meaningful.
 */
export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    include: ['*.fault.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
