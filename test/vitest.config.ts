import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../vitest.shared.js';

export default defineConfig({
  resolve: {
    conditions: SOURCE_CONDITIONS,
    // One `graphql` for every importer, as Node loads it in production (see vitest.shared.ts).
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    include: ['**/*.e2e.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
