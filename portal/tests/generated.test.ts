import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationId } from '@egov/gateway';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

const root = new URL('../', import.meta.url).pathname;
const committed = (file: string) => readFileSync(join(root, 'src/generated', file), 'utf8');

describe('typed documents generated from the supergraph', () => {
  it('src/generated matches the graphql() calls and schema/supergraph.graphql (run `npm run codegen -w @egov/portal` after changing either)', async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(3);
    for (const output of outputs) expect(output.content, output.filename).toBe(committed(output.filename.split('/').pop()!));
  });
});

describe('the trusted documents the gateway holds portal tokens to', () => {
  const manifest = JSON.parse(committed('persisted-documents.json')) as Record<string, string>;

  it('names each operation by the SHA-256 of its text, as PERSISTED_OPERATIONS_FILE requires', () => {
    for (const [id, document] of Object.entries(manifest)) expect(operationId(document)).toBe(id);
  });

  it('lists exactly the operations the portal sends, and the bundle carries their ids, never their text', () => {
    const generated = committed('graphql.ts');
    const ids = [...generated.matchAll(/"__meta__":\{"hash":"([0-9a-f]{64})"\}/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(Object.keys(manifest).sort());
    expect(generated).not.toMatch(/"kind":"OperationDefinition"/);
  });
});
