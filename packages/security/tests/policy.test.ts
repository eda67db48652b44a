import { createRequire } from 'node:module';
import { type LegalEntityRecord, legalEntitiesApi } from '@egov/contracts';
import { loadCatalog } from '@egov/domain';
import { RegistryClient } from '@egov/registry-client';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AccessRecord, AuditLog } from '../src/audit/index.js';
import {
  Agencies,
  type CompanyRole,
  type Decision,
  decide,
  guardSchema,
  PARTNER_SCOPES,
  Relations,
  RequestAuth,
  type Resource,
  subjectOf,
} from '../src/authz/index.js';
import { ANONYMOUS, type Principal } from '../src/tokens/index.js';

// The fixtures' people and companies (README): an LLP, its branch, its head, a co-founder, the branch's head, a stranger.
const LLP = '080440001234';
const LLP_BRANCH = '110941004568';
const LLP_HEAD = '621102407892'; // head and 60 % founder of the LLP
const CO_FOUNDER = '850314301234'; // 40 % founder of the LLP, not its head
const BRANCH_HEAD = '900101300017'; // heads the branch only
const STRANGER = '010730604568';
const OTHER_COMPANY = '190660003210';

const agencies = Agencies.load();

const citizen = (iin: string): Principal => ({ ...ANONYMOUS, kind: 'citizen', id: iin, iin, roles: [], scopes: new Set() });
const portal = (iin: string): Principal => ({ ...ANONYMOUS, kind: 'portal', id: 'egov-portal', iin, clientId: 'egov-portal', roles: [], scopes: new Set() });
const officer = (agency: string | null, iin = LLP_HEAD): Principal => ({
  ...ANONYMOUS,
  kind: 'officer',
  id: `officer:${iin}`,
  iin,
  agency,
  roles: ['reviewer'],
  scopes: new Set(),
});
const partner = (clientId: string, scopes: string[], purpose = 'testing'): Principal => ({
  ...ANONYMOUS,
  kind: 'partner',
  id: clientId,
  clientId,
  roles: [],
  scopes: new Set(scopes),
  purpose,
});

/** Company roles as ГБД ЮЛ gives them (branches inherit the parent's roles, see the Relations tests). */
const ROLES: Record<string, Record<string, CompanyRole[]>> = {
  [LLP_HEAD]: { [LLP]: ['HEAD', 'FOUNDER'], [LLP_BRANCH]: ['HEAD', 'FOUNDER'] },
  [CO_FOUNDER]: { [LLP]: ['FOUNDER'], [LLP_BRANCH]: ['FOUNDER'] },
  [BRANCH_HEAD]: { [LLP_BRANCH]: ['HEAD'] },
};
const deps = { rolesOf: async (iin: string) => ROLES[iin] ?? {}, agencies };

const check = (principal: Principal, resource: Resource): Promise<Decision> => decide(principal, resource, deps);
const allowed = async (principal: Principal, resource: Resource) => (await check(principal, resource)).allow;

/** One resource of every kind about `subject` (an IIN or a BIN; person-only kinds take the IIN). */
function everyResource(subject: string): Resource[] {
  return [
    { kind: 'person', iin: subject },
    { kind: 'legal-entity', bin: subject },
    { kind: 'participations', iin: subject },
    { kind: 'payments', holderId: subject },
    { kind: 'licences', holderId: subject },
    { kind: 'licence', holderId: subject, activity: 'state-symbols-licence' },
    { kind: 'application', applicantId: subject, serviceCode: 'state-symbols-licence', region: 'г. Астана' },
    { kind: 'applications', holderId: subject },
    { kind: 'act-for', applicantId: subject },
  ];
}

describe('nobody without a token', () => {
  it('may read any personal data: every resource is UNAUTHENTICATED, not FORBIDDEN', async () => {
    for (const resource of everyResource(CO_FOUNDER)) {
      expect(await check(ANONYMOUS, resource)).toMatchObject({ allow: false, code: 'UNAUTHENTICATED' });
    }
  });
});

describe('a citizen', () => {
  it('reads their own person record, participations, payments, licences and applications, and acts for themselves', async () => {
    for (const resource of everyResource(CO_FOUNDER).filter((r) => r.kind !== 'legal-entity')) {
      expect(await check(citizen(CO_FOUNDER), resource), resource.kind).toEqual({ allow: true });
    }
  });

  it("may not read another person's record: FORBIDDEN", async () => {
    expect(await check(citizen(CO_FOUNDER), { kind: 'person', iin: STRANGER })).toEqual({
      allow: false,
      code: 'FORBIDDEN',
      reason: 'A citizen may read only their own person record',
    });
    expect(await check(citizen(CO_FOUNDER), { kind: 'participations', iin: LLP_HEAD })).toMatchObject({ allow: false, code: 'FORBIDDEN' });
  });

  it("may not read a colleague's person record, not even the head of their own company", async () => {
    expect(await allowed(citizen(CO_FOUNDER), { kind: 'person', iin: LLP_HEAD })).toBe(false);
    expect(await allowed(citizen(LLP_HEAD), { kind: 'person', iin: CO_FOUNDER })).toBe(false);
  });

  it("may not read another person's payments, licences or applications, nor act for them", async () => {
    for (const resource of everyResource(STRANGER).filter((r) => r.kind !== 'person' && r.kind !== 'legal-entity' && r.kind !== 'participations')) {
      expect(await check(citizen(CO_FOUNDER), resource), resource.kind).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    }
  });

  it('who heads a company reads it and its payments, licences and applications, and acts for it', async () => {
    for (const resource of everyResource(LLP).filter((r) => r.kind !== 'person' && r.kind !== 'participations')) {
      expect(await check(citizen(LLP_HEAD), resource), resource.kind).toEqual({ allow: true });
    }
  });

  it('who only founded a company reads the company record, but not its payments, licences or applications, and cannot act for it', async () => {
    expect(await allowed(citizen(CO_FOUNDER), { kind: 'legal-entity', bin: LLP })).toBe(true);
    for (const resource of everyResource(LLP).filter((r) => ['payments', 'licences', 'application', 'applications', 'act-for'].includes(r.kind))) {
      expect(await check(citizen(CO_FOUNDER), resource), resource.kind).toEqual({
        allow: false,
        code: 'FORBIDDEN',
        reason: 'A citizen may read only their own records and those of the companies they head',
      });
    }
  });

  it('a role in a company covers its branch: its head acts for the branch, its founder reads it', async () => {
    expect(await allowed(citizen(LLP_HEAD), { kind: 'act-for', applicantId: LLP_BRANCH })).toBe(true);
    expect(await allowed(citizen(CO_FOUNDER), { kind: 'legal-entity', bin: LLP_BRANCH })).toBe(true);
    expect(await allowed(citizen(CO_FOUNDER), { kind: 'act-for', applicantId: LLP_BRANCH })).toBe(false);
  });

  it('the head of a branch acts for the branch, not for the parent company', async () => {
    expect(await allowed(citizen(BRANCH_HEAD), { kind: 'act-for', applicantId: LLP_BRANCH })).toBe(true);
    expect(await allowed(citizen(BRANCH_HEAD), { kind: 'act-for', applicantId: LLP })).toBe(false);
    expect(await check(citizen(BRANCH_HEAD), { kind: 'legal-entity', bin: LLP })).toEqual({
      allow: false,
      code: 'FORBIDDEN',
      reason: 'A citizen may read only the companies they head or founded',
    });
  });

  it('with no role in a company may neither read it nor act for it', async () => {
    for (const resource of everyResource(OTHER_COMPANY).filter((r) => r.kind !== 'person' && r.kind !== 'participations')) {
      expect(await check(citizen(LLP_HEAD), resource), resource.kind).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    }
  });

  it('through a portal has exactly the rights of the citizen the portal acts for', async () => {
    for (const subject of [CO_FOUNDER, LLP_HEAD, LLP, LLP_BRANCH, STRANGER, OTHER_COMPANY]) {
      for (const resource of everyResource(subject)) {
        for (const who of [CO_FOUNDER, LLP_HEAD]) {
          expect(await check(portal(who), resource), `${resource.kind} of ${subjectOf(resource).slice(0, 4)}…`).toEqual(await check(citizen(who), resource));
        }
      }
    }
  });
});

describe('an officer', () => {
  const application = (serviceCode: string, region: string | null): Resource => ({ kind: 'application', applicantId: LLP, serviceCode, region });

  it('of a national committee sees applications for the services it handles, from any region', async () => {
    for (const region of ['г. Астана', 'Мангистауская область', null]) {
      expect(await allowed(officer('MINT-KTRM'), application('state-symbols-licence', region))).toBe(true);
    }
  });

  it('does not see applications for services another agency handles', async () => {
    expect(await check(officer('MINT-KTRM'), application('weapons-licence', 'г. Астана'))).toEqual({
      allow: false,
      code: 'FORBIDDEN',
      reason: 'Applications for this service are not handled by MINT-KTRM',
    });
    expect(await allowed(officer('MINT-KP'), application('weapons-licence', 'г. Астана'))).toBe(true);
  });

  it('of a regional akimat sees scrap-metal applications from its own region only', async () => {
    expect(await allowed(officer('AKIMAT-ASTANA'), application('scrap-metal-licence', 'г. Астана'))).toBe(true);
    expect(await allowed(officer('AKIMAT-ASTANA'), application('scrap-metal-licence', 'г. Алматы'))).toBe(false);
    expect(await allowed(officer('AKIMAT-ALMATY'), application('scrap-metal-licence', 'г. Алматы'))).toBe(true);
    // "г. Алматы" (the city) and "Алматинская область" (the region around it) are different akimats.
    expect(await allowed(officer('AKIMAT-ALMATY'), application('scrap-metal-licence', 'Алматинская область'))).toBe(false);
  });

  it('of an akimat does not see an application whose applicant region is unknown', async () => {
    expect(await allowed(officer('AKIMAT-ASTANA'), application('scrap-metal-licence', null))).toBe(false);
  });

  it('of an akimat does not see national services, even from its region', async () => {
    expect(await allowed(officer('AKIMAT-ASTANA'), application('state-symbols-licence', 'г. Астана'))).toBe(false);
  });

  it('of an agency that is not in the table, or of none, sees no application', async () => {
    expect(await allowed(officer('NO-SUCH-AGENCY'), application('state-symbols-licence', 'г. Астана'))).toBe(false);
    expect(await allowed(officer(null), application('state-symbols-licence', 'г. Астана'))).toBe(false);
  });

  it.each([
    ['MINT-KTRM', ['state-symbols-licence'], ['explosives-licence', 'scrap-metal-licence']],
    ['MINT-KP', ['explosives-licence', 'mining-chemical-licence', 'weapons-licence'], ['state-symbols-licence', 'scrap-metal-licence']],
    ['AKIMAT-ASTANA', ['scrap-metal-licence'], ['state-symbols-licence', 'explosives-licence']],
    ['KAZINMETR', [], ['state-symbols-licence', 'explosives-licence', 'scrap-metal-licence']],
  ])('of %s reads a licence only when its services issue the licence activity (the catalog)', async (agency, readable, refused) => {
    for (const activity of readable) expect(await allowed(officer(agency), { kind: 'licence', holderId: LLP, activity }), activity).toBe(true);
    for (const activity of refused) expect(await allowed(officer(agency), { kind: 'licence', holderId: LLP, activity }), activity).toBe(false);
  });

  it('of an agency not in the table, or without roles, reads no licence and no list', async () => {
    for (const principal of [officer('NO-SUCH-AGENCY'), officer('__proto__'), officer(null), { ...officer('MINT-KTRM'), roles: [] }]) {
      for (const resource of [
        { kind: 'licence', holderId: LLP, activity: 'state-symbols-licence' },
        { kind: 'licences', holderId: LLP },
        { kind: 'applications', holderId: LLP },
      ] as Resource[]) {
        expect(await allowed(principal, resource), `${principal.agency} ${resource.kind}`).toBe(false);
      }
    }
  });

  it('reads licences and application lists, but not person or company records, and never acts for an applicant', async () => {
    expect(await allowed(officer('MINT-KTRM'), { kind: 'licences', holderId: LLP })).toBe(true);
    expect(await allowed(officer('MINT-KTRM'), { kind: 'applications', holderId: LLP })).toBe(true);
    for (const resource of [...everyResource(LLP_HEAD), ...everyResource(LLP)].filter((r) =>
      ['person', 'legal-entity', 'participations', 'payments', 'act-for'].includes(r.kind),
    )) {
      expect(await check(officer('MINT-KTRM'), resource), resource.kind).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    }
  });

  it("is not helped by heading the company themself: an officer token carries the officer's rights, not the citizen's", async () => {
    expect(await allowed(officer('MINT-KTRM', LLP_HEAD), { kind: 'person', iin: LLP_HEAD })).toBe(false);
    expect(await allowed(officer('MINT-KTRM', LLP_HEAD), { kind: 'act-for', applicantId: LLP })).toBe(false);
  });
});

describe('a partner system', () => {
  it('with only legal-entities:read reads companies and who heads or founded them, but no person record', async () => {
    const stat = partner('stat-register', ['legal-entities:read'], 'statistics');
    expect(await allowed(stat, { kind: 'legal-entity', bin: LLP })).toBe(true);
    expect(await allowed(stat, { kind: 'participations', iin: LLP_HEAD })).toBe(true);
    // A company's nested `head` is a Person: the partner cannot follow it.
    expect(await check(stat, { kind: 'person', iin: LLP_HEAD })).toEqual({
      allow: false,
      code: 'FORBIDDEN',
      reason: 'Partner stat-register has no scope for person data',
    });
    for (const kind of ['payments', 'licences', 'applications'] as const) {
      expect(await allowed(stat, { kind, holderId: LLP }), kind).toBe(false);
    }
  });

  it('reads person records with any individuals:* scope', async () => {
    for (const scope of ['individuals:basic', 'individuals:document', 'individuals:address', 'individuals:entrepreneur']) {
      expect(await allowed(partner('p', [scope]), { kind: 'person', iin: CO_FOUNDER }), scope).toBe(true);
    }
  });

  it('needs the matching scope for each kind of data', async () => {
    const cases: [string, Resource][] = [
      ['payments:read', { kind: 'payments', holderId: LLP }],
      ['licensing:read', { kind: 'licences', holderId: LLP }],
      ['applications:read', { kind: 'applications', holderId: LLP }],
      ['applications:read', { kind: 'application', applicantId: LLP, serviceCode: 'scrap-metal-licence', region: 'г. Астана' }],
      ['legal-entities:read', { kind: 'legal-entity', bin: LLP }],
    ];
    for (const [scope, resource] of cases) {
      expect(await allowed(partner('p', [scope]), resource), `${scope} → ${resource.kind}`).toBe(true);
      const others = [
        'individuals:basic',
        'legal-entities:bank-accounts',
        'payments:read',
        'licensing:read',
        'applications:read',
        'legal-entities:read',
      ].filter((s) => s !== scope);
      expect(await allowed(partner('p', others), resource), `without ${scope} → ${resource.kind}`).toBe(false);
    }
  });

  it('with no scopes reads nothing', async () => {
    for (const resource of everyResource(LLP)) {
      expect(await allowed(partner('p', []), resource), resource.kind).toBe(false);
    }
  });

  it('never acts for an applicant, whatever scopes it holds', async () => {
    const everything = partner('egov-test-all-scopes', ['individuals:basic', 'legal-entities:read', 'payments:read', 'licensing:read', 'applications:read']);
    expect(await check(everything, { kind: 'act-for', applicantId: LLP })).toEqual({
      allow: false,
      code: 'FORBIDDEN',
      reason: 'Partner systems cannot act for an applicant',
    });
    expect([...everything.scopes].some(PARTNER_SCOPES['act-for'])).toBe(false);
  });
});

describe('the agencies table (data/agencies.json)', () => {
  it('names an agency for every service in the catalog, and only services the catalog has', () => {
    const catalog = loadCatalog();
    const codes = catalog.all().map((e) => e.code);
    for (const code of codes) expect(agencies.handling(code).length, code).toBeGreaterThan(0);
    const all = new Set(codes);
    for (const code of ['MINT-KTRM', 'MINT-KP', 'KAZINMETR', 'AKIMAT-ASTANA']) {
      for (const service of agencies.get(code)!.services) expect(all.has(service), `${code}: ${service}`).toBe(true);
    }
  });

  it('gives each service either one national agency or one akimat per region', () => {
    const catalog = loadCatalog();
    for (const { code } of catalog.all()) {
      const handling = agencies.handling(code);
      if (handling.some((a) => a.region === null)) {
        expect(handling, code).toHaveLength(1);
      } else {
        const regions = handling.map((a) => a.region);
        expect(new Set(regions).size, code).toBe(regions.length);
      }
    }
  });

  it('knows no agency by a code it does not list', () => {
    expect(agencies.get('NO-SUCH-AGENCY')).toBeUndefined();
    expect(agencies.handles('NO-SUCH-AGENCY', 'state-symbols-licence', null)).toBe(false);
  });
});

/** A ГБД ЮЛ that answers `by-participant` from the fixtures, counting its calls. */
function fakeLegalEntities() {
  const participations = [
    { iin: LLP_HEAD, bin: LLP, roles: ['HEAD', 'FOUNDER'] },
    { iin: CO_FOUNDER, bin: LLP, roles: ['FOUNDER'] },
    { iin: BRANCH_HEAD, bin: LLP_BRANCH, roles: ['HEAD'] },
  ];
  const entity = (bin: string, branchBins: string[], parentBin: string | null): LegalEntityRecord => ({
    bin,
    nameKk: 'ЖШС',
    nameRu: 'ТОО',
    shortNameKk: 'ЖШС',
    shortNameRu: 'ТОО',
    legalForm: parentBin ? 'BRANCH' : 'LLP',
    ownership: 'PRIVATE',
    registeredOn: '2008-04-17',
    registrationDocument: { kind: 'CERTIFICATE', number: '1', issuedOn: '2008-04-17', issuedBy: 'Юстиция' },
    legalAddress: { postcode: null, region: 'г. Астана', district: null, city: 'Астана', street: 'ул. Бейбитшилик', house: '33', flat: null },
    status: 'ACTIVE',
    headIin: null,
    headPosition: null,
    founders: [],
    parentBin,
    branchBins,
    bankAccounts: null,
  });
  const entities: Record<string, LegalEntityRecord> = { [LLP]: entity(LLP, [LLP_BRANCH], null), [LLP_BRANCH]: entity(LLP_BRANCH, [], LLP) };
  const asked: string[][] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname !== legalEntitiesApi.byParticipants || init?.method !== 'POST') return new Response('{}', { status: 404 });
    const { iins } = JSON.parse(String(init.body)) as { iins: string[] };
    asked.push(iins);
    const found = participations.filter((p) => iins.includes(p.iin));
    const bins = [...new Set(found.map((p) => p.bin))];
    return Response.json({ participations: found, entities: bins.map((b) => entities[b]!) });
  };
  const client = new RegistryClient({ registry: 'legal-entities', baseUrl: 'http://gbd-ul.test', fetch, retries: 0, breaker: false });
  return { client, asked };
}

describe('company relations from ГБД ЮЛ', () => {
  it("give a person's roles in each company, and the parent's roles in its branches", async () => {
    const { client } = fakeLegalEntities();
    const relations = new Relations(client);
    expect(await relations.rolesOf(LLP_HEAD)).toEqual({ [LLP]: ['HEAD', 'FOUNDER'], [LLP_BRANCH]: ['HEAD', 'FOUNDER'] });
    expect(await relations.rolesOf(CO_FOUNDER)).toEqual({ [LLP]: ['FOUNDER'], [LLP_BRANCH]: ['FOUNDER'] });
    expect(await relations.rolesOf(BRANCH_HEAD)).toEqual({ [LLP_BRANCH]: ['HEAD'] });
    expect(await relations.rolesOf(STRANGER)).toEqual({});
  });

  it('feed the policy: the head acts for the branch through the registry answer', async () => {
    const { client } = fakeLegalEntities();
    const relations = new Relations(client);
    const live = { rolesOf: (iin: string) => relations.rolesOf(iin), agencies };
    expect((await decide(citizen(LLP_HEAD), { kind: 'act-for', applicantId: LLP_BRANCH }, live)).allow).toBe(true);
    expect((await decide(citizen(CO_FOUNDER), { kind: 'act-for', applicantId: LLP_BRANCH }, live)).allow).toBe(false);
    expect((await decide(citizen(STRANGER), { kind: 'legal-entity', bin: LLP }, live)).allow).toBe(false);
  });
});

describe('the caller of one request (RequestAuth)', () => {
  function requestAuth(principal: Principal) {
    const registry = fakeLegalEntities();
    const auth = new RequestAuth(principal, 'req-1', { relations: new Relations(registry.client), agencies, service: 'test' });
    return { auth, asked: registry.asked };
  }

  it('refuses with GraphQL errors carrying the decision code', async () => {
    const anonymous = requestAuth(ANONYMOUS).auth;
    const refused = await anonymous.require({ kind: 'person', iin: CO_FOUNDER }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).extensions.code).toBe('UNAUTHENTICATED');

    const { auth } = requestAuth(citizen(CO_FOUNDER));
    await expect(auth.require({ kind: 'person', iin: CO_FOUNDER })).resolves.toBeUndefined();
    const forbidden = await auth.require({ kind: 'payments', holderId: LLP }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(forbidden).toBeInstanceOf(GraphQLError);
    expect((forbidden as GraphQLError).extensions.code).toBe('FORBIDDEN');
    expect((forbidden as GraphQLError).message).toBe('A citizen may read only their own records and those of the companies they head');
  });

  it("reads the citizen's company roles once per request, however many resources ask", async () => {
    const { auth, asked } = requestAuth(citizen(LLP_HEAD));
    await Promise.all([
      auth.require({ kind: 'legal-entity', bin: LLP }),
      auth.require({ kind: 'payments', holderId: LLP }),
      auth.require({ kind: 'licences', holderId: LLP_BRANCH }),
      auth.require({ kind: 'act-for', applicantId: LLP }),
      auth.require({ kind: 'payments', holderId: LLP }),
    ]);
    expect(await auth.decision({ kind: 'legal-entity', bin: OTHER_COMPANY })).toMatchObject({ allow: false });
    expect(asked).toEqual([[LLP_HEAD]]);

    // The next request asks again: a role the registry withdrew does not outlive the request.
    const next = requestAuth(citizen(LLP_HEAD));
    await next.auth.require({ kind: 'legal-entity', bin: LLP });
    expect(next.asked).toEqual([[LLP_HEAD]]);
  });

  it("asks the registry nothing for a citizen's own data", async () => {
    const { auth, asked } = requestAuth(citizen(CO_FOUNDER));
    await auth.require({ kind: 'payments', holderId: CO_FOUNDER });
    await auth.require({ kind: 'act-for', applicantId: CO_FOUNDER });
    expect(asked).toEqual([]);
  });

  it('checks field scopes for partners only: one of the listed sets, each set wholly held', () => {
    const kgd = requestAuth(partner('kgd-tax-audit', ['individuals:basic', 'payments:read'], 'tax-audit')).auth;
    expect(kgd.hasScopes(null)).toBe(true);
    expect(kgd.hasScopes([['individuals:basic']])).toBe(true);
    expect(kgd.hasScopes([['individuals:document']])).toBe(false);
    expect(kgd.hasScopes([['individuals:document'], ['payments:read']])).toBe(true);
    expect(kgd.hasScopes([['individuals:basic', 'individuals:address']])).toBe(false);
    expect(kgd.hasScopes([['individuals:basic', 'payments:read']])).toBe(true);
    // Citizens and officers are governed by the policy, not by scopes.
    expect(requestAuth(citizen(CO_FOUNDER)).auth.hasScopes([['individuals:document']])).toBe(true);
    expect(requestAuth(officer('MINT-KTRM')).auth.hasScopes([['individuals:document']])).toBe(true);
  });
});

describe('the subject of a resource', () => {
  it('is the person or organisation whose data it is', () => {
    for (const resource of everyResource(LLP)) expect(subjectOf(resource), resource.kind).toBe(LLP);
  });
});

describe('a guarded schema', () => {
  // The schema tools (@graphql-tools/utils, loaded by Node) see graphql's CommonJS build while vitest hands the
  // test its ES build; one realm for the test's schema and executor, as in a real subgraph process.
  const { buildSchema, graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
  const people: Record<string, { iin: string; lastName: string; address: string }> = {
    [CO_FOUNDER]: { iin: CO_FOUNDER, lastName: 'Ахметов', address: 'г. Астана' },
    [LLP_HEAD]: { iin: LLP_HEAD, lastName: 'Жумабаева', address: 'г. Астана' },
  };
  const base = buildSchema(`
    directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION
    type Query { person(iin: String!): Person, catalogSize: Int }
    type Person {
      iin: String
      lastName: String @requiresScopes(scopes: [["individuals:basic"]])
      address: String @requiresScopes(scopes: [["individuals:address"]])
    }
  `);
  base.getQueryType()!.getFields().person!.resolve = (_parent, args: { iin: string }) => people[args.iin] ?? null;
  base.getQueryType()!.getFields().catalogSize!.resolve = () => 18;
  const schema = guardSchema(base, { Person: (parent: { iin: string }) => ({ kind: 'person', iin: parent.iin }) });

  async function run(principal: Principal, query: string) {
    const written: AccessRecord[] = [];
    const audit = { append: async (records: readonly AccessRecord[]) => void written.push(...records) } as unknown as AuditLog;
    const auth = new RequestAuth(principal, 'req-guard', { relations: new Relations(fakeLegalEntities().client), agencies, audit, service: 'individuals' });
    const result = await graphql({ schema, source: query, contextValue: { auth } });
    await auth.flushAudit();
    return {
      result: JSON.parse(JSON.stringify(result)) as { data?: any; errors?: { message: string; path: string[]; extensions: { code: string } }[] },
      written,
    };
  }

  it('lets a citizen read their own record and records the read fields for the audit trail', async () => {
    const { result, written } = await run(citizen(CO_FOUNDER), `{ person(iin: "${CO_FOUNDER}") { iin lastName address } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.person).toEqual(people[CO_FOUNDER]);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      requestId: 'req-guard',
      actorKind: 'citizen',
      actorId: 'self',
      subjectId: CO_FOUNDER,
      fields: ['Person.iin', 'Person.lastName', 'Person.address'],
    });
  });

  it("refuses every field of another person's record with FORBIDDEN, and records no read", async () => {
    const { result, written } = await run(citizen(CO_FOUNDER), `{ person(iin: "${LLP_HEAD}") { iin lastName } }`);
    expect(result.data.person).toEqual({ iin: null, lastName: null });
    expect(result.errors!.map((e) => [e.path.join('.'), e.extensions.code])).toEqual([
      ['person.iin', 'FORBIDDEN'],
      ['person.lastName', 'FORBIDDEN'],
    ]);
    expect(written).toEqual([]);
  });

  it('gives a partner only the fields its scopes cover', async () => {
    const { result, written } = await run(partner('kgd-like', ['individuals:basic'], 'tax-audit'), `{ person(iin: "${LLP_HEAD}") { lastName address } }`);
    expect(result.data.person).toEqual({ lastName: 'Жумабаева', address: null });
    expect(result.errors!.map((e) => [e.path.join('.'), e.extensions.code, e.message])).toEqual([
      ['person.address', 'FORBIDDEN', 'This field needs the scope individuals:address'],
    ]);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ actorKind: 'partner', actorId: 'kgd-like', purpose: 'tax-audit', fields: ['Person.lastName'] });
  });

  it('leaves unguarded types alone: the anonymous caller reads public data, but no person field', async () => {
    const { result } = await run(ANONYMOUS, `{ catalogSize person(iin: "${CO_FOUNDER}") { lastName } }`);
    expect(result.data).toEqual({ catalogSize: 18, person: { lastName: null } });
    expect(result.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });
});
