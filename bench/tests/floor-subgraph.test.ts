import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { repoRoot, subgraphs } from '@egov/schema';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../src/scenarios/ids.js';
import { scenarioDriver } from '../src/scenarios/index.js';
import { CATALOG_QUERY } from '../src/scenarios/s3-catalog.js';
import { DRAFT_QUERY, SUBMIT_MUTATION } from '../src/scenarios/s4-submit.js';
import type { Inputs } from '../src/scenarios/types.js';

// Only the drivers' shape is read here: no request is made, so no input is ever drawn.
const inputs = new Proxy({}, { get: () => () => null }) as unknown as Inputs;

const schemaOf = (name: keyof typeof subgraphs) => buildSubgraphSchema({ typeDefs: parse(readFileSync(join(repoRoot, subgraphs[name].sdl), 'utf8')) });

describe('scenarios without a gateway ask the subgraph that owns their fields', () => {
  it.each([
    ['S3', [CATALOG_QUERY]],
    ['S4', [DRAFT_QUERY, SUBMIT_MUTATION]],
  ] as const)('%s: its operations validate against the floor subgraph it calls', (id, operations) => {
    expect(SCENARIOS[id]).toBeDefined();
    const floor = scenarioDriver(id, inputs).floor;
    expect(floor.kind).toBe('subgraph');
    if (floor.kind !== 'subgraph') return;
    const schema = schemaOf(floor.subgraph);
    for (const operation of operations) expect(validate(schema, parse(operation)).map((e) => e.message)).toEqual([]);
  });
});
