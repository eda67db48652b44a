import { NAMED } from '@egov/mocks';
import { createMockRegistries } from '@egov/mocks/node';
import { startSubgraph, type TestSubgraph } from '@egov/mocks/testing';
import { errorCodes, loopbackPassesThrough } from '@egov/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIndividualsSubgraph } from '../src/server.js';

const { server: registries, state } = createMockRegistries({ persons: 50 });
let subgraph: TestSubgraph<ReturnType<typeof createIndividualsSubgraph>>;
/** A partner system holding every scope: these tests are about the registry's data, security.test.ts about access. */
const ask = (query: string, variables?: Record<string, unknown>) => subgraph.partner(query, variables);

beforeAll(async () => {
  registries.listen(loopbackPassesThrough);
  subgraph = await startSubgraph('individuals', (base, registry) => createIndividualsSubgraph({ ...base, registry }));
});
beforeEach(() => state.resetJournal());
afterEach(() => registries.resetHandlers());
afterAll(async () => {
  await subgraph.close();
  registries.close();
});

const PERSON = /* GraphQL */ `
  query Person($iin: IIN!) {
    person(iin: $iin) {
      iin fullName birthDate sex
      citizenship { countryCode }
      identityDocument { type number issuedBy expiresOn valid }
      address { region city street house flat }
      entrepreneur { tradeName certificateNumber registeredOn taxAuthority { code } }
    }
  }
`;

describe('a citizen looked up by IIN', () => {
  it('850314301234 is Ахметов Нурлан Серикович, born 1985-03-14, with a valid ID card and an Astana address', async () => {
    const response = await ask(PERSON, { iin: NAMED.manWithLicences });
    expect(response.errors).toBeUndefined();
    expect(response.data.person).toMatchObject({
      fullName: 'Ахметов Нурлан Серикович',
      birthDate: '1985-03-14',
      sex: 'MALE',
      citizenship: { countryCode: 'KZ' },
      identityDocument: { type: 'ID_CARD', valid: true },
      address: { city: 'Астана', street: 'ул. Сыганак', house: '15', flat: '42' },
      entrepreneur: null,
    });
  });

  it('900101300017 is a registered individual entrepreneur with a certificate and tax registration', async () => {
    const response = await ask(PERSON, { iin: NAMED.entrepreneur });
    expect(response.data.person.entrepreneur).toEqual({
      tradeName: 'ИП «Ким Д.А.»',
      certificateNumber: '0312458',
      registeredOn: '2011-03-15',
      taxAuthority: { code: '3020' },
    });
  });

  it('a valid IIN the registry does not hold gives null with NOT_FOUND', async () => {
    const response = await ask(PERSON, { iin: NAMED.unknownIin });
    expect(response.data).toEqual({ person: null });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['a wrong control digit', '850314301235', /control digit/],
    ['an impossible birth date', '850230301236', /birth date/],
    ['eleven digits', '85031430123', /exactly 12 digits/],
    ['letters', '85031430123A', /digits only/],
    ['a BIN', NAMED.llp, /BIN/],
  ])('%s is rejected with INVALID_IIN before the registry is asked', async (_case, iin, why) => {
    const response = await ask(PERSON, { iin });
    expect(errorCodes(response)).toEqual(['INVALID_IIN']);
    expect(response.errors![0]!.message).toMatch(why);
    expect(state.calls('individuals')).toBe(0);
  });

  it('an IIN written inline in the query is validated the same way', async () => {
    const response = await ask('{ person(iin: "850314301235") { iin } }');
    expect(errorCodes(response)).toEqual(['INVALID_IIN']);
    expect(state.calls('individuals')).toBe(0);
  });
});

describe('batching', () => {
  it('persons referenced many times in one operation cost one registry call', async () => {
    const iins = state.fixtures.persons.slice(0, 30).map((p) => p.iin);
    const representations = iins.map((iin) => ({ __typename: 'Person', iin }));
    const response = await ask('query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { iin lastName } } }', { r: representations });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities.map((p: { iin: string }) => p.iin)).toEqual(iins);
    expect(state.calls('individuals')).toBe(1);
  });
});
