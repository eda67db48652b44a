import { defineConfig } from 'vitest/config';

/**
 * What every package's tests share. Tests that talk to PostgreSQL, Redis and HTTP servers are given room:
 * `npm test` runs every package at once, and on a two-core CI machine a request can wait for a core.
 */
export const sharedTestConfig = defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
