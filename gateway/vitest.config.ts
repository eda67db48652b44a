import { createRequire } from 'node:module';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.ts';

// One `graphql` for every importer, as Node loads it in production: Vite would hand our sources the ES build
// and Yoga the CommonJS one, and an error made by one copy fails the other's `instanceof GraphQLError`.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({ resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] } }),
);
