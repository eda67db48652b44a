import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../vitest.shared.js';

export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    include: ['**/*.e2e.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
