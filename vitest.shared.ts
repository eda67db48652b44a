import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * One `graphql` in every test, as in production: Node loads the CommonJS build for every importer (the
 * package has no `exports`), while Vite would hand our own sources the ES build, and a schema made by one
 * copy fails the other's `instanceof` checks ("from another module or realm").
 */
export const oneGraphql = { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') };

/**
 * What every package's tests share. Tests that talk to PostgreSQL, Redis and HTTP servers are given room:
 * `npm test` runs every package at once, and on a two-core CI machine a request can wait for a core.
 */
export const sharedTestConfig = defineConfig({
  resolve: { alias: [oneGraphql] },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
