import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * The workspace packages' `source` export condition: tests run the TypeScript sources of every package they
 * import, never a stale dist/ (production runs dist/, see docs/operations.md, "The production build"). The
 * rest is what Node itself resolves: not Vite's `module`, which picks bundler-only builds (OpenTelemetry's
 * build/esm has extensionless imports that Node cannot load when Vite leaves the package to Node).
 */
export const SOURCE_CONDITIONS = ['source', 'node', 'development|production'];

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
  resolve: { conditions: SOURCE_CONDITIONS, alias: [oneGraphql] },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
