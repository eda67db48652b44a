import { defineConfig } from 'vitest/config';

/**
 * Fault tests start real processes, their own Redis and PostgreSQL, and load them: one file at a time, so
 * a two-core CI machine is not shared between two of them and timings stay meaningful.
 */
export default defineConfig({
  test: {
    include: ['*.fault.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
