import { NAMED } from '@egov/mocks';
import { createMockRegistries } from '@egov/mocks/node';
import { errorCodes, loopbackPassesThrough } from '@egov/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLicensing } from './support.js';

const { server: registries, state } = createMockRegistries({ persons: 300 });
let licensing: Awaited<ReturnType<typeof startLicensing>>;
/** A partner holding every scope: these tests are about Е-лицензирование's data, not about access. */
const ask = (query: string, variables?: Record<string, unknown>) => licensing.partner(query, variables);

beforeAll(async () => {
  registries.listen(loopbackPassesThrough);
  licensing = await startLicensing();
});
beforeEach(() => state.resetJournal());
afterEach(() => registries.resetHandlers());
afterAll(async () => {
  await licensing.close();
  registries.close();
});

describe('licences from Е-лицензирование', () => {
  it('850314301234 holds two licences, newest first: explosives (with an annex) and the flag-and-emblem one', async () => {
    const response = await ask(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
      licenses { number status issuedOn activity { code name nameKk: name(language: KK) } subtypes { code } annexes { number } licensor { name } holder { __typename ... on Person { iin } } territory }
    } } }`,
      { r: [{ __typename: 'Person', iin: NAMED.manWithLicences }] },
    );
    expect(response.errors).toBeUndefined();
    const licences = response.data._entities[0].licenses;
    expect(licences.map((l: { number: string }) => l.number)).toEqual(['16004112', '14000731']);
    expect(licences[1]).toMatchObject({
      status: 'ACTIVE',
      issuedOn: '2014-02-10',
      activity: { code: 'state-symbols-licence', nameKk: expect.stringContaining('Мемлекеттік Туын') },
      subtypes: [{ code: 'FLAG' }, { code: 'EMBLEM' }],
      licensor: { name: 'Комитет технического регулирования и метрологии МИНТ РК' },
      holder: { __typename: 'Person', iin: NAMED.manWithLicences },
      territory: 'Республика Казахстан',
    });
    expect(licences[0].annexes).toHaveLength(1);
  });

  it('the LLP 080440001234 holds one licence and its holder is the LegalEntity', async () => {
    const response = await ask(`{ license(number: "12003390") { holder { __typename ... on LegalEntity { bin } } } }`);
    expect(response.data.license.holder).toEqual({ __typename: 'LegalEntity', bin: NAMED.llp });
  });

  it('licences of the 50 branches of the holding cost one registry call', async () => {
    const holding = state.fixtures.entities.find((e) => e.bin === state.fixtures.holdingBin)!;
    const response = await ask(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalEntity { licenses { number } } } }`, {
      r: holding.branchBins.map((bin) => ({ __typename: 'LegalEntity', bin })),
    });
    expect(response.data._entities.every((e: { licenses: unknown[] }) => e.licenses.length >= 1)).toBe(true);
    expect(state.calls('licensing')).toBe(1);
  });

  it('an unknown licence number is NOT_FOUND', async () => {
    const response = await ask(`{ license(number: "99999999") { number } }`);
    expect(response.data).toEqual({ license: null });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});
