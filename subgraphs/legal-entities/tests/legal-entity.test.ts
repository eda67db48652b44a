import { NAMED } from '@egov/mocks';
import { createMockRegistries } from '@egov/mocks/node';
import { startSubgraph, type TestSubgraph } from '@egov/mocks/testing';
import { errorCodes, loopbackPassesThrough } from '@egov/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLegalEntitiesSubgraph } from '../src/server.js';

const { server: registries, state } = createMockRegistries({ persons: 100 });
let subgraph: TestSubgraph<ReturnType<typeof createLegalEntitiesSubgraph>>;
/** A partner system holding every scope: these tests are about the registry's data, not about access. */
const ask = (query: string, variables?: Record<string, unknown>) => subgraph.partner(query, variables);

beforeAll(async () => {
  registries.listen(loopbackPassesThrough);
  subgraph = await startSubgraph('legal-entities', (base, registry) =>
    createLegalEntitiesSubgraph({ ...base, registries: { legalEntities: registry, individuals: registry } }),
  );
});
beforeEach(() => state.resetJournal());
afterEach(() => registries.resetHandlers());
afterAll(async () => {
  await subgraph.close();
  registries.close();
});

describe('a company looked up by BIN', () => {
  it('080440001234 is the active LLP «Сарыарка Металл», registered 2008 by certificate, headed by 621102407892, with its Karaganda branch', async () => {
    const response = await ask(`{
      legalEntity(bin: "080440001234") {
        name shortName nameKk: name(language: KK) legalForm residency kind status registeredOn
        registrationDocument { kind number issuedOn }
        head { iin } headPosition
        founders { kind person { iin } sharePercent }
        branches { bin kind parent { bin } legalAddress { city } }
        bankAccounts { iban bic }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.legalEntity).toMatchObject({
      shortName: 'ТОО «Сарыарка Металл»',
      nameKk: '«Сарыарқа Металл» жауапкершілігі шектеулі серіктестігі',
      legalForm: 'LLP',
      residency: 'RESIDENT',
      kind: 'HEAD_OFFICE',
      status: 'ACTIVE',
      registrationDocument: { kind: 'CERTIFICATE', issuedOn: '2008-04-17' },
      head: { iin: NAMED.llpHead },
      founders: [
        { kind: 'PERSON', person: { iin: NAMED.llpHead }, sharePercent: 60 },
        { kind: 'PERSON', person: { iin: NAMED.manWithLicences }, sharePercent: 40 },
      ],
      branches: [{ bin: NAMED.llpBranch, kind: 'BRANCH', parent: { bin: NAMED.llp }, legalAddress: { city: 'Караганда' } }],
      bankAccounts: [{ bic: 'HSBKKZKX' }],
    });
  });

  it('150250007890 is non-resident with a foreign founder and no head with an IIN', async () => {
    const response = await ask(
      `{ legalEntity(bin: "150250007890") { residency head { iin } founders { kind name countryCode person { iin } } bankAccounts { iban } } }`,
    );
    expect(response.data.legalEntity).toEqual({
      residency: 'NON_RESIDENT',
      head: null,
      founders: [{ kind: 'FOREIGN', name: 'Nordstahl Holding AG', countryCode: 'DE', person: null }],
      bankAccounts: null,
    });
  });

  it('an invalid BIN is refused with INVALID_BIN before the registry is asked; an unknown one is NOT_FOUND', async () => {
    const invalid = await ask(`query($bin: BIN!) { legalEntity(bin: $bin) { bin } }`, { bin: '080440001235' });
    expect(errorCodes(invalid)).toEqual(['INVALID_BIN']);
    expect(state.calls('legal-entities')).toBe(0);
    const unknown = await ask(`{ legalEntity(bin: "080440001254") { bin } }`);
    expect(unknown.data).toEqual({ legalEntity: null });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });
});

describe('the applicant field', () => {
  it('a BIN gives the LegalEntity, an IIN the Person, from one 12-digit field', async () => {
    const query = `query($id: ApplicantId!) { applicant(id: $id) { __typename ... on LegalEntity { bin shortName } ... on Person { iin } } }`;
    expect((await ask(query, { id: NAMED.llp })).data.applicant).toEqual({ __typename: 'LegalEntity', bin: NAMED.llp, shortName: 'ТОО «Сарыарка Металл»' });
    expect((await ask(query, { id: NAMED.youngWoman })).data.applicant).toEqual({ __typename: 'Person', iin: NAMED.youngWoman });
  });

  it('says which kind of id is wrong, and NOT_FOUND for an IIN no registry holds', async () => {
    const query = `query($id: ApplicantId!) { applicant(id: $id) { __typename } }`;
    expect(errorCodes(await ask(query, { id: '850314301235' }))).toEqual(['INVALID_IIN']);
    expect(errorCodes(await ask(query, { id: '080440001235' }))).toEqual(['INVALID_BIN']);
    expect(errorCodes(await ask(query, { id: '080490001234' }))).toEqual(['INVALID_APPLICANT_ID']);
    expect(state.journal).toHaveLength(0);
    const unknown = await ask(query, { id: NAMED.unknownIin });
    expect(unknown.data).toEqual({ applicant: null });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });
});

describe("a person's companies", () => {
  it('621102407892 heads and founded the LLP; 850314301234 only founded it', async () => {
    const representations = [NAMED.llpHead, NAMED.manWithLicences, NAMED.youngWoman].map((iin) => ({ __typename: 'Person', iin }));
    const response = await ask(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { iin all: legalEntities { bin } headed: legalEntities(role: HEAD) { bin } } } }`,
      { r: representations },
    );
    expect(response.data._entities).toEqual([
      { iin: NAMED.llpHead, all: [{ bin: NAMED.llp }], headed: [{ bin: NAMED.llp }] },
      { iin: NAMED.manWithLicences, all: [{ bin: NAMED.llp }], headed: [] },
      { iin: NAMED.youngWoman, all: [{ bin: NAMED.jointEntrepreneurship }], headed: [] },
    ]);
    // one by-participant call for all three persons, and the entities came with it
    expect(state.calls('legal-entities')).toBe(1);
  });

  it('50 branches of the holding cost one registry call', async () => {
    const response = await ask(`query($bin: BIN!) { legalEntity(bin: $bin) { branches { bin parent { bin } } } }`, { bin: state.fixtures.holdingBin });
    expect(response.data.legalEntity.branches).toHaveLength(50);
    expect(state.calls('legal-entities', 'entities/batch')).toBe(2); // the holding, then all its branches at once
  });
});
