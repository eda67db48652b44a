/**
 * Issue 10, class 8 (smaller ones): a partner refused one field keeps the rest of the object.
 *
 * Contract pinned here: every field a scope can refuse (`@requiresScopes`) is nullable, so a refusal
 * is that field null with one FORBIDDEN error at its exact path, and its siblings, its parent and the
 * rest of the answer arrive. Today `applications: [Application!]!` (licensing, on Person and LegalEntity)
 * and `residency: Residency!`, `kind: EntityKind!` (legal-entities) are non-null, so a refusal wipes out
 * the whole person or company. A partner that cannot read a nested object at all (no scope for its kind)
 * loses that object only — null, or its key with every refused field null — never its parent.
 */

import { bearer, NAMED } from '@egov/mocks';
import { postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';
import { refusals } from './support.js';

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 } });
});
afterAll(() => graph?.close());

const asPartner = async (clientId: string, purpose: string, query: string, scopes?: string[]) =>
  postGraphQL(graph.gatewayUrl, query, {}, await bearer({ kind: 'partner', clientId, ...(scopes ? { scopes } : {}) }, purpose));

// [case, partner, purpose, narrowed scopes, query, the data expected, the refusals expected]
const CASES: [string, string, string, string[] | undefined, string, unknown, string[]][] = [
  [
    'the statistics bureau (no applications:read) asks for a company and its applications',
    'stat-register',
    'statistics',
    undefined,
    `{ legalEntity(bin: "${NAMED.llp}") { shortName applications { number } } }`,
    { legalEntity: { shortName: 'ТОО «Сарыарка Металл»', applications: null } },
    ['FORBIDDEN legalEntity.applications'],
  ],
  [
    'the tax service (no applications:read) asks for a person and his applications',
    'kgd-tax-audit',
    'tax-audit',
    undefined,
    `{ person(iin: "${NAMED.manWithLicences}") { fullName applications { number } } }`,
    { person: { fullName: 'Ахметов Нурлан Серикович', applications: null } },
    ['FORBIDDEN person.applications'],
  ],
  [
    "the statistics bureau asks for the branches' applications: each branch keeps its name",
    'stat-register',
    'statistics',
    undefined,
    `{ legalEntity(bin: "${NAMED.llp}") { bin branches { shortName applications { number } } } }`,
    { legalEntity: { bin: NAMED.llp, branches: [{ shortName: 'Филиал ТОО «Сарыарка Металл» (Караганда)', applications: null }] } },
    ['FORBIDDEN legalEntity.branches.0.applications'],
  ],
  [
    'the Astana akimat with a token narrowed to individuals:basic and licensing:read asks for a person, licences and applications',
    'akimat-astana-licensing',
    'scrap-metal-licence',
    ['individuals:basic', 'licensing:read'],
    `{ person(iin: "${NAMED.manWithLicences}") { fullName licenses { number } applications { number } } }`,
    { person: { fullName: 'Ахметов Нурлан Серикович', licenses: [{ number: '16004112' }, { number: '14000731' }], applications: null } },
    ['FORBIDDEN person.applications'],
  ],
  [
    'the tax service (no applications:read) asks for two people at once: each keeps his name',
    'kgd-tax-audit',
    'tax-audit',
    undefined,
    `{ a: person(iin: "${NAMED.manWithLicences}") { lastName applications { number } } b: person(iin: "${NAMED.entrepreneur}") { lastName applications { number } } }`,
    { a: { lastName: 'Ахметов', applications: null }, b: { lastName: 'Ким', applications: null } },
    ['FORBIDDEN a.applications', 'FORBIDDEN b.applications'],
  ],
];

it.each(CASES)('%s: the refused field is null with FORBIDDEN at its path, the rest arrives', async (_case, clientId, purpose, scopes, query, data, refused) => {
  const response = await asPartner(clientId, purpose, query, scopes);
  expect(response.data, JSON.stringify(response)).toEqual(data);
  expect(refusals(response).sort()).toEqual([...refused].sort());
});

it('a partner narrowed to licensing:read keeps the licence when its holder company cannot be read: the holder is null, or keeps its key with the refused fields null', async () => {
  const response = await asPartner(
    'akimat-astana-licensing',
    'scrap-metal-licence',
    `{ license(number: "12003390") { number holder { ... on LegalEntity { bin residency kind } } } }`,
    ['licensing:read'],
  );
  expect(response.data?.license?.number, JSON.stringify(response)).toBe('12003390');
  const holder = response.data.license.holder;
  if (holder === null) expect(refusals(response)).toEqual(['FORBIDDEN license.holder']);
  else {
    expect(holder, JSON.stringify(response)).toEqual({ bin: NAMED.llp, residency: null, kind: null });
    expect(refusals(response).sort()).toEqual(['FORBIDDEN license.holder.kind', 'FORBIDDEN license.holder.residency']);
  }
});

it('the control: a partner with the scope gets the same fields filled', async () => {
  const response = await asPartner(
    'akimat-astana-licensing',
    'scrap-metal-licence',
    `{ legalEntity(bin: "${NAMED.llp}") { shortName residency kind applications { number } } }`,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data.legalEntity).toMatchObject({ shortName: 'ТОО «Сарыарка Металл»', applications: [] });
  expect(response.data.legalEntity.residency).toEqual(expect.any(String));
});
