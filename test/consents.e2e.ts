import { bearer, CONSENT_PARTNER, NAMED, scenarios } from '@egov/mocks';
import { cachePoliciesFromEnv, MemoryCacheStore, RegistryCache } from '@egov/registry-client';
import { errorCodes, postGraphQL } from '@egov/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { portal } from './support/flow.js';
import { type RunningGraph, startGraph } from './support/index.js';

/**
 * Consent for third-party reads, through the gateway: a partner whose purpose no law exempts reads a
 * person's data only under their valid consent in the access control service (the mock on its own port),
 * and the citizen sees and withdraws consents beside their access log. The graph shares a registry cache,
 * as Redis would, so a withdrawal is seen to take effect at once despite it.
 */
let graph: RunningGraph;
beforeAll(async () => {
  const cache = new RegistryCache(new MemoryCacheStore(), 'e2e-consents-cache-secret-0001', cachePoliciesFromEnv({ CONSENTS_CACHE_TTL_SECONDS: '600' }));
  graph = await startGraph({ cache });
});
afterEach(() => graph.registries.resetHandlers());
afterAll(() => graph?.close());

const asPartner = async (clientId: string, purpose: string, query: string) =>
  postGraphQL(graph.gatewayUrl, query, undefined, await bearer({ kind: 'partner', clientId }, purpose));
const bankReads = (iin: string) => asPartner(CONSENT_PARTNER.clientId, CONSENT_PARTNER.purpose, `{ person(iin: "${iin}") { fullName } }`);

describe('a partner reading a person, through the gateway', () => {
  it('the tax committee, whose purpose the law exempts (tax-audit), reads Жумабаева, who consented to nobody', async () => {
    const response = await asPartner('kgd-tax-audit', 'tax-audit', `{ person(iin: "${NAMED.llpHead}") { fullName address { city } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.person).toEqual({ fullName: 'Жумабаева Гульнара Ерлановна', address: { city: 'Алматы' } });
  });

  it('the bank (credit-application, no exemption) gets CONSENT_REQUIRED for Жумабаева, whose consent is withdrawn, and no data', async () => {
    const response = await bankReads(NAMED.llpHead);
    expect(response.data).toEqual({ person: null });
    expect(errorCodes(response)).toEqual(['CONSENT_REQUIRED']);
    expect(response.errors![0]!.message).toContain('credit-application');
  });

  it('asked as an applicant (legal-entities subgraph), Жумабаева is refused the bank for want of consent, and Ахметов is not', async () => {
    const query = (iin: string) => `{ applicant(id: "${iin}") { ... on Person { fullName } } }`;
    const refused = await asPartner(CONSENT_PARTNER.clientId, CONSENT_PARTNER.purpose, query(NAMED.llpHead));
    expect(refused.data).toEqual({ applicant: null });
    expect(errorCodes(refused)).toEqual(['CONSENT_REQUIRED']);
    const read = await asPartner(CONSENT_PARTNER.clientId, CONSENT_PARTNER.purpose, query(NAMED.manWithLicences));
    // The consent lets Ахметов through; the bank holds no legal-entities scope, so that subgraph's own part of a
    // Person (its key there) is refused by scope, as before consents: FORBIDDEN, not CONSENT_REQUIRED.
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
  });

  it("the bank reads Ахметов's name under his consent, and his access log names the consent", async () => {
    const response = await bankReads(NAMED.manWithLicences);
    expect(response.errors).toBeUndefined();
    expect(response.data.person).toEqual({ fullName: 'Ахметов Нурлан Серикович' });
    const log = await portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences }).ask(
      `{ myDataAccessLog(first: 1) { accessor { kind } purpose fields consentIds } }`,
    );
    expect(log.data.myDataAccessLog).toEqual([
      { accessor: { kind: 'PARTNER' }, purpose: 'credit-application', fields: ['Person.fullName'], consentIds: ['CNS-2026-000001'] },
    ]);
  });

  it('the consent service down: the read that needs it fails closed with REGISTRY_UNAVAILABLE', async () => {
    // Сейтжанова's consent is for a mortgage; her answer has not been cached by an earlier test.
    graph.registries.use('consents', ...scenarios.down('consents'));
    const response = await asPartner(CONSENT_PARTNER.clientId, 'mortgage-application', `{ person(iin: "${NAMED.youngWoman}") { fullName } }`);
    expect(response.data).toEqual({ person: null });
    expect(errorCodes(response)).toEqual(['REGISTRY_UNAVAILABLE']);
  });
});

describe("the citizen's consents, beside myDataAccessLog", () => {
  it("Сейтжанова cannot withdraw Ахметов's consent (NOT_FOUND), and the bank still reads him", async () => {
    const response = await portal(graph, { kind: 'citizen', iin: NAMED.youngWoman }).ask(`mutation { withdrawConsent(id: "CNS-2026-000001") { id status } }`);
    expect(response.data?.withdrawConsent ?? null).toBeNull();
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect((await bankReads(NAMED.manWithLicences)).data.person).toEqual({ fullName: 'Ахметов Нурлан Серикович' });
  });

  it('Ахметов sees his consent, withdraws it, and the bank gets CONSENT_REQUIRED again at once, cache or not', async () => {
    const citizen = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const before = await citizen.ask(`{ myConsents { id partner { name } purpose scope status } }`);
    expect(before.data.myConsents).toEqual([
      {
        id: 'CNS-2026-000001',
        partner: { name: 'A second-tier bank: credit application checks (test client)' },
        purpose: 'credit-application',
        scope: ['individuals:basic'],
        status: 'ACTIVE',
      },
    ]);
    const withdrawn = await citizen.ask(`mutation { withdrawConsent(id: "CNS-2026-000001") { id status } }`);
    expect(withdrawn.data.withdrawConsent).toEqual({ id: 'CNS-2026-000001', status: 'WITHDRAWN' });
    const after = await bankReads(NAMED.manWithLicences);
    expect(after.data).toEqual({ person: null });
    expect(errorCodes(after)).toEqual(['CONSENT_REQUIRED']);
    expect((await citizen.ask(`{ myConsents { id status } }`)).data.myConsents).toEqual([{ id: 'CNS-2026-000001', status: 'WITHDRAWN' }]);
  });
});
