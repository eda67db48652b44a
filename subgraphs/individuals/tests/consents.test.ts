import { bearer, CONSENT_PARTNER, NAMED, scenarios, type TokenRequest } from '@egov/mocks';
import { createMockRegistries } from '@egov/mocks/node';
import { startSubgraph, type TestSubgraph } from '@egov/mocks/testing';
import { errorCodes, loopbackPassesThrough, postGraphQL } from '@egov/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIndividualsSubgraph } from '../src/server.js';

const { server: registries, state } = createMockRegistries({ persons: 20 });
let subgraph: TestSubgraph<ReturnType<typeof createIndividualsSubgraph>>;

beforeAll(async () => {
  registries.listen(loopbackPassesThrough);
  subgraph = await startSubgraph('individuals_consents', (base, registry) => createIndividualsSubgraph({ ...base, registry }));
});
beforeEach(() => state.resetJournal());
afterEach(() => registries.resetHandlers());
afterAll(async () => {
  await subgraph.close();
  registries.close();
});

type Caller = TokenRequest | { kind: 'partner'; clientId: string; purpose: string };
const ask = async (as: Caller, query: string, variables?: Record<string, unknown>) => {
  const { purpose, ...request } = as as TokenRequest & { purpose?: string };
  return postGraphQL(subgraph.url, query, variables, await bearer(request, purpose));
};
const bank = { kind: 'partner', clientId: CONSENT_PARTNER.clientId, purpose: CONSENT_PARTNER.purpose } as const;
const refusals = (response: { errors?: { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }) =>
  (response.errors ?? []).map((e) => `${e.extensions?.code} ${(e.path ?? []).join('.')}`).sort();

describe('a partner whose purpose no law exempts reads a person only under their valid consent', () => {
  it("the bank reads Ахметов's name under consent CNS-2026-000001 (individuals:basic), but not his address, which it does not cover", async () => {
    const response = await ask(bank, `{ person(iin: "${NAMED.manWithLicences}") { iin fullName birthDate address { city } } }`);
    expect(response.data.person).toEqual({ iin: NAMED.manWithLicences, fullName: 'Ахметов Нурлан Серикович', birthDate: '1985-03-14', address: null });
    expect(refusals(response)).toEqual(['CONSENT_REQUIRED person.address']);
  });

  it.each([
    ['withdrawn (Жумабаева, CNS-2026-000002)', NAMED.llpHead],
    ['expired (Ким, CNS-2025-000003, ran for 2025)', NAMED.entrepreneur],
    ['given for another purpose (Сейтжанова, a mortgage)', NAMED.youngWoman],
    ['never given (a generated person)', null],
  ])('a consent %s opens nothing: null with CONSENT_REQUIRED, and the registry is not asked', async (_what, iin) => {
    const subject = iin ?? state.fixtures.persons.find((p) => !Object.values(NAMED).includes(p.iin as never))!.iin;
    const response = await ask(bank, `{ person(iin: "${subject}") { fullName } }`);
    expect(response.data).toEqual({ person: null });
    expect(refusals(response)).toEqual(['CONSENT_REQUIRED person']);
    expect(state.calls('individuals')).toBe(0);
  });

  it('the same consent holds only for the purpose it was given for: Сейтжанова consented to a mortgage check, and that reads', async () => {
    const response = await ask({ ...bank, purpose: 'mortgage-application' }, `{ person(iin: "${NAMED.youngWoman}") { fullName identityDocument { type } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.person).toEqual({ fullName: 'Сейтжанова Айгерим Маратовна', identityDocument: { type: 'ID_CARD' } });
  });

  it('a person reached through _entities is held to the same rule, field by field', async () => {
    const response = await ask(bank, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName } } }`, {
      r: [
        { __typename: 'Person', iin: NAMED.manWithLicences },
        { __typename: 'Person', iin: NAMED.llpHead },
      ],
    });
    expect(response.data._entities).toEqual([{ fullName: 'Ахметов Нурлан Серикович' }, { fullName: null }]);
    expect(refusals(response)).toEqual(['CONSENT_REQUIRED _entities.1.fullName']);
  });

  it('every person of one operation is checked in one call to the consent service', async () => {
    await ask(bank, `{ a: person(iin: "${NAMED.manWithLicences}") { fullName } b: person(iin: "${NAMED.llpHead}") { fullName } }`);
    expect(state.calls('consents')).toBe(1);
  });

  it('the read is audited with the consent it was made under', async () => {
    const read = await ask(bank, `{ person(iin: "${NAMED.manWithLicences}") { lastName } }`);
    expect(read.errors).toBeUndefined();
    const log = await ask(
      { kind: 'citizen', iin: NAMED.manWithLicences },
      `{ myDataAccessLog(first: 1) { accessor { kind name } purpose fields consentIds } }`,
    );
    expect(log.data.myDataAccessLog).toEqual([
      {
        accessor: { kind: 'PARTNER', name: 'A second-tier bank: credit application checks (test client)' },
        purpose: 'credit-application',
        fields: ['Person.lastName'],
        consentIds: ['CNS-2026-000001'],
      },
    ]);
  });
});

describe('reads the law exempts, and the people who need no consent', () => {
  it('the tax committee (tax-audit, exempt by law) reads Жумабаева, who consented to nobody, and the consent service is not asked', async () => {
    const response = await ask({ kind: 'partner', clientId: 'kgd-tax-audit', purpose: 'tax-audit' }, `{ person(iin: "${NAMED.llpHead}") { fullName } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.person.fullName).toBe('Жумабаева Гульнара Ерлановна');
    expect(state.calls('consents')).toBe(0);
  });

  it('a citizen reads their own record without any consent', async () => {
    const response = await ask({ kind: 'citizen', iin: NAMED.llpHead }, `{ person(iin: "${NAMED.llpHead}") { fullName address { city } } }`);
    expect(response.errors).toBeUndefined();
    expect(state.calls('consents')).toBe(0);
  });
});

describe("the citizen's consents", () => {
  it('Ахметов sees his consent to the bank: partner, purpose, scope, period and status', async () => {
    const response = await ask(
      { kind: 'citizen', iin: NAMED.manWithLicences },
      `{ myConsents { id partner { id name } purpose scope status validFrom validUntil withdrawnAt } }`,
    );
    expect(response.data.myConsents).toEqual([
      {
        id: 'CNS-2026-000001',
        partner: { id: 'bank-credit-check', name: 'A second-tier bank: credit application checks (test client)' },
        purpose: 'credit-application',
        scope: ['individuals:basic'],
        status: 'ACTIVE',
        validFrom: '2026-01-15T04:00:00.000Z',
        validUntil: '2031-01-15T04:00:00.000Z',
        withdrawnAt: null,
      },
    ]);
  });

  it('Жумабаева sees hers withdrawn and Ким his expired', async () => {
    const her = await ask({ kind: 'citizen', iin: NAMED.llpHead }, `{ myConsents { id status } }`);
    expect(her.data.myConsents).toEqual([{ id: 'CNS-2026-000002', status: 'WITHDRAWN' }]);
    const his = await ask({ kind: 'citizen', iin: NAMED.entrepreneur }, `{ myConsents { id status } }`);
    expect(his.data.myConsents).toEqual([{ id: 'CNS-2025-000003', status: 'EXPIRED' }]);
  });

  it('an officer or a partner has no consents list (FORBIDDEN)', async () => {
    const officer = await ask({ kind: 'officer', iin: NAMED.entrepreneur, agency: 'MINT-KTRM', roles: ['reviewer'] }, `{ myConsents { id } }`);
    expect(errorCodes(officer)).toEqual(['FORBIDDEN']);
    const partner = await ask(bank, `mutation { withdrawConsent(id: "CNS-2026-000001") { id } }`);
    expect(errorCodes(partner)).toEqual(['FORBIDDEN']);
  });

  it("Сейтжанова cannot withdraw Ахметов's consent: NOT_FOUND, as for an id nobody has, and it still holds", async () => {
    const theirs = await ask({ kind: 'citizen', iin: NAMED.youngWoman }, `mutation { withdrawConsent(id: "CNS-2026-000001") { id } }`);
    const unknown = await ask({ kind: 'citizen', iin: NAMED.youngWoman }, `mutation { withdrawConsent(id: "CNS-1999-000000") { id } }`);
    expect(errorCodes(theirs)).toEqual(['NOT_FOUND']);
    expect(theirs.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(state.consents.get('CNS-2026-000001')!.status).toBe('GRANTED');
  });

  it('a malformed consent id is BAD_USER_INPUT before the service is asked', async () => {
    const response = await ask({ kind: 'citizen', iin: NAMED.manWithLicences }, `mutation { withdrawConsent(id: "../x") { id } }`);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(state.calls('consents')).toBe(0);
  });

  it('Ахметов withdraws his consent; the bank then gets CONSENT_REQUIRED', async () => {
    const withdrawn = await ask(
      { kind: 'citizen', iin: NAMED.manWithLicences },
      `mutation { withdrawConsent(id: "CNS-2026-000001") { id status withdrawnAt } }`,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawConsent).toMatchObject({ id: 'CNS-2026-000001', status: 'WITHDRAWN' });
    expect(withdrawn.data.withdrawConsent.withdrawnAt).not.toBeNull();
    const read = await ask(bank, `{ person(iin: "${NAMED.manWithLicences}") { fullName } }`);
    expect(refusals(read)).toEqual(['CONSENT_REQUIRED person']);
  });
});

describe('when the consent service cannot answer', () => {
  it("/health shows the consent service's circuit beside the registry's", async () => {
    const health = (await (await fetch(`${subgraph.base}/health`)).json()) as { registries: Record<string, string> };
    expect(health.registries).toEqual({ individuals: 'ok', consents: 'ok' });
  });

  it('a read that needs consent fails closed (REGISTRY_UNAVAILABLE, no data); an exempt read goes on', async () => {
    registries.use(...scenarios.down('consents'));
    const needs = await ask({ ...bank, purpose: 'mortgage-application' }, `{ person(iin: "${NAMED.youngWoman}") { fullName } }`);
    expect(needs.data).toEqual({ person: null });
    expect(errorCodes(needs)).toEqual(['REGISTRY_UNAVAILABLE']);
    const exempt = await ask({ kind: 'partner', clientId: 'kgd-tax-audit', purpose: 'tax-audit' }, `{ person(iin: "${NAMED.youngWoman}") { fullName } }`);
    expect(exempt.errors).toBeUndefined();
  });
});
