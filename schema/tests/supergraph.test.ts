import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/compose.js';
import { readSupergraph } from '../src/index.js';

describe('the checked-in supergraph', () => {
  it('is what the subgraph SDL files compose to today (run `npm run compose` after changing one)', () => {
    expect(readSupergraph()).toBe(composeSupergraph());
  });

  it('routes each of the four subgraphs and exposes the applicant entry points', () => {
    const sdl = readSupergraph();
    for (const name of ['INDIVIDUALS', 'LEGAL_ENTITIES', 'PAYMENTS', 'LICENSING']) expect(sdl).toMatch(new RegExp(`${name} @join__graph`));
    const query = buildSchema(sdl, { assumeValidSDL: true }).getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['person', 'legalEntity', 'applicant', 'license', 'payment']));
  });
});
