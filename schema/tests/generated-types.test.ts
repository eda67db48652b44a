import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { repoRoot, SUBGRAPH_NAMES } from '../src/index.js';

describe('resolver types generated from each subgraph schema', () => {
  it.each(SUBGRAPH_NAMES)('%s: src/generated/graphql.ts matches its schema.graphql (run `npm run codegen` after changing it)', async (name) => {
    const dir = join(repoRoot, 'subgraphs', name);
    const config = (await import(join(dir, 'codegen.ts'))).default;
    const [output] = await generate({ ...config, cwd: dir, silent: true }, false);
    expect(output.content).toBe(readFileSync(join(dir, 'src/generated/graphql.ts'), 'utf8'));
  });
});
