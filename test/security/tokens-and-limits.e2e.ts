/**
 * Issue 10, class 8 (smaller ones): how long a token may live, who may read a subgraph's SDL, and ids
 * written as numbers.
 *
 * Contract pinned here:
 * - A bearer token is refused (HTTP 401, `extensions.code` UNAUTHENTICATED) when it is older than the
 *   maximum token age (now - iat) or was issued to live longer than it (exp - iat), or when its iat lies
 *   in the future (beyond the usual 30 s clock tolerance) or is missing. The maximum is configured as
 *   `AUTH_MAX_TOKEN_AGE_SECONDS` (AuthConfig.maxTokenAgeSeconds); the default, used here, is 12 h (43200 s).
 *   The gateway and every subgraph apply it, since each verifies the token itself.
 * - `_service { sdl }` (the federation SDL) is not given to anonymous callers at any subgraph: no SDL in
 *   the answer, and UNAUTHENTICATED (as a 401 or as the error of a 200 answer), however the field is
 *   reached (alias, fragment, GET).
 * - An IIN, BIN or applicant id written as a GraphQL number literal (Int or Float), or passed as a JSON
 *   number, list or object in variables, is refused with INVALID_IIN / INVALID_BIN (INVALID_APPLICANT_ID
 *   is accepted too where the argument takes either) before any registry is asked: ids are strings, and
 *   a number loses leading zeros.
 */

import { allScopesHeaders, bearer, NAMED, type TokenRequest } from '@egov/mocks';
import type { SubgraphName } from '@egov/schema';
import { type GraphQLResponse, postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';
import { tokenWithTimes } from './support.js';

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 } });
});
afterAll(() => graph?.close());

const SUBGRAPHS: SubgraphName[] = ['individuals', 'legal-entities', 'payments', 'licensing', 'applications'];
const HOUR = 3600;
const YEAR = 365 * 24 * HOUR;

/** Every door a token is checked at: the gateway and each subgraph called directly. */
const entries = () => [['gateway', graph.gatewayUrl] as const, ...SUBGRAPHS.map((name) => [name, graph.subgraphs[name].url] as const)];

const CALLERS: [string, TokenRequest, Record<string, string>][] = [
  ['a citizen, 850314301234', { kind: 'citizen', iin: NAMED.manWithLicences }, {}],
  ['a partner, egov-test-all-scopes', { kind: 'partner', clientId: 'egov-test-all-scopes' }, { 'x-purpose': 'testing' }],
  ['an officer of MINT-KTRM', { kind: 'officer', iin: '770707342424', agency: 'MINT-KTRM' }, {}],
];

async function ask(url: string, token: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('tokens live at most 12 hours', () => {
  const refused: [string, { iat: number | null; exp: number }][] = [
    ['issued now to live ten years', { iat: -5, exp: 10 * YEAR }],
    ['issued now to live 13 hours', { iat: -5, exp: 13 * HOUR }],
    ['issued 13 hours ago, expiring in an hour', { iat: -13 * HOUR, exp: HOUR }],
    ['issued 11 hours ago to live 13 hours', { iat: -11 * HOUR, exp: 2 * HOUR }],
    ['issued a day ago, expiring in 5 minutes', { iat: -24 * HOUR, exp: 300 }],
    ['issued 30 days ago, expiring in a year', { iat: -30 * 24 * HOUR, exp: YEAR }],
    ['claiming to be issued an hour from now', { iat: HOUR, exp: 2 * HOUR }],
    ['without an iat claim', { iat: null, exp: HOUR }],
  ];
  describe.each(CALLERS)('for %s', (_who, caller, headers) => {
    it.each(refused)('a token %s is refused with 401 UNAUTHENTICATED at the gateway and at every subgraph', async (_case, times) => {
      const token = tokenWithTimes(caller, times);
      for (const [entry, url] of entries()) {
        const { status, body } = await ask(url, token, headers);
        expect(status, entry).toBe(401);
        expect(body.errors?.[0]?.extensions?.code, entry).toBe('UNAUTHENTICATED');
        expect(body.data ?? null, entry).toBeNull();
      }
    });
  });

  const accepted: [string, { iat: number; exp: number }][] = [
    ['issued now for an hour', { iat: -5, exp: HOUR }],
    ['issued 11 hours ago, expiring in 30 minutes', { iat: -11 * HOUR, exp: 1800 }],
    ['issued now for just under 12 hours', { iat: -5, exp: 12 * HOUR - 120 }],
  ];
  it.each(accepted)('a token %s is accepted everywhere (the control)', async (_case, times) => {
    const [, caller, headers] = CALLERS[0]!;
    const token = tokenWithTimes(caller, times);
    for (const [entry, url] of entries()) {
      const { status, body } = await ask(url, token, headers);
      expect(status, `${entry}: ${JSON.stringify(body)}`).toBe(200);
      expect(body.data, entry).toEqual({ __typename: 'Query' });
    }
  });
});

describe('_service { sdl } is not for anonymous callers', () => {
  const variants: [string, (url: string) => Promise<{ status: number; text: string }>][] = [
    ['POST { _service { sdl } }', (url) => post(url, '{ _service { sdl } }')],
    ['POST with an alias', (url) => post(url, 'query Schema { s: _service { sdl } }')],
    ['POST through a fragment', (url) => post(url, 'query { ...S } fragment S on Query { _service { sdl } }')],
    ['POST beside __typename', (url) => post(url, '{ __typename _service { sdl } }')],
    ['POST with an empty Authorization header', (url) => post(url, '{ _service { sdl } }', { authorization: '' })],
    [
      'GET with the query in the URL',
      async (url) => {
        const response = await fetch(`${url}?query=${encodeURIComponent('{ _service { sdl } }')}`, {
          headers: { 'apollo-require-preflight': '1', accept: 'application/json' },
        });
        return { status: response.status, text: await response.text() };
      },
    ],
  ];
  async function post(url: string, query: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, text: await response.text() };
  }

  describe.each(SUBGRAPHS)('at the %s subgraph', (name) => {
    it.each(variants)('%s: no SDL, UNAUTHENTICATED', async (_variant, send) => {
      const { status, text } = await send(graph.subgraphs[name].url);
      expect(text).not.toMatch(/@link|extend schema|type Query|@key/);
      const body = JSON.parse(text) as GraphQLResponse;
      expect([200, 401]).toContain(status);
      expect((body.errors ?? []).map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
    });
  });
});

describe('an IIN or BIN written as a number is refused', () => {
  let partner: Record<string, string>;
  beforeAll(async () => {
    partner = await allScopesHeaders();
  });

  // [case, query, variables, the codes that name the problem]
  const cases: [string, string, Record<string, unknown>, string[]][] = [
    ['person(iin: 850314301234) (Int literal)', '{ person(iin: 850314301234) { fullName } }', {}, ['INVALID_IIN']],
    ['person(iin: 850314301234.0) (Float literal)', '{ person(iin: 850314301234.0) { fullName } }', {}, ['INVALID_IIN']],
    ['person(iin: true)', '{ person(iin: true) { fullName } }', {}, ['INVALID_IIN']],
    ['person(iin: ["850314301234"]) (a list literal)', '{ person(iin: ["850314301234"]) { fullName } }', {}, ['INVALID_IIN']],
    ['$iin = 850314301234 (a JSON number)', 'query($iin: IIN!) { person(iin: $iin) { fullName } }', { iin: 850314301234 }, ['INVALID_IIN']],
    ['$iin = ["850314301234"] (a JSON list)', 'query($iin: IIN!) { person(iin: $iin) { fullName } }', { iin: ['850314301234'] }, ['INVALID_IIN']],
    [
      '$iin = {"iin":"850314301234"} (a JSON object)',
      'query($iin: IIN!) { person(iin: $iin) { fullName } }',
      { iin: { iin: '850314301234' } },
      ['INVALID_IIN'],
    ],
    ['legalEntity(bin: 150250007890) (Int literal)', '{ legalEntity(bin: 150250007890) { shortName } }', {}, ['INVALID_BIN']],
    ['legalEntity(bin: 150250007890.0) (Float literal)', '{ legalEntity(bin: 150250007890.0) { shortName } }', {}, ['INVALID_BIN']],
    ['$bin = 150250007890 (a JSON number)', 'query($bin: BIN!) { legalEntity(bin: $bin) { shortName } }', { bin: 150250007890 }, ['INVALID_BIN']],
    ['applicant(id: 850314301234)', '{ applicant(id: 850314301234) { __typename } }', {}, ['INVALID_IIN', 'INVALID_APPLICANT_ID']],
    ['applicant(id: 150250007890)', '{ applicant(id: 150250007890) { __typename } }', {}, ['INVALID_BIN', 'INVALID_APPLICANT_ID']],
    [
      '$id = 850314301234 for applicant(id:)',
      'query($id: ApplicantId!) { applicant(id: $id) { __typename } }',
      { id: 850314301234 },
      ['INVALID_IIN', 'INVALID_APPLICANT_ID'],
    ],
  ];

  it.each(cases)('%s, through the gateway: the typed code, no data, no registry asked', async (_case, query, variables, codes) => {
    graph.state.resetJournal();
    const response = await postGraphQL(graph.gatewayUrl, query, variables, partner);
    const first = Object.values(response.data ?? {})[0] ?? null;
    expect(first, JSON.stringify(response)).toBeNull();
    expect(response.errors?.length, JSON.stringify(response)).toBeGreaterThan(0);
    for (const error of response.errors ?? []) expect(codes, JSON.stringify(response)).toContain(error.extensions?.code);
    expect(graph.state.journal).toEqual([]);
  });

  it.each([
    ['individuals', '{ person(iin: 850314301234) { fullName } }', ['INVALID_IIN']],
    ['legal-entities', '{ legalEntity(bin: 150250007890) { shortName } }', ['INVALID_BIN']],
    ['legal-entities', '{ applicant(id: 850314301234) { __typename } }', ['INVALID_IIN', 'INVALID_APPLICANT_ID']],
    [
      'applications',
      '{ applicationDraft(serviceCode: "state-symbols-licence", action: ISSUE, applicantId: 850314301234) { eligible } }',
      ['INVALID_IIN', 'INVALID_APPLICANT_ID'],
    ],
    [
      'payments',
      'mutation { initiatePayment(serviceCode: "state-symbols-licence", action: ISSUE, payerId: 850314301234) { paymentUrl } }',
      ['INVALID_IIN', 'INVALID_APPLICANT_ID'],
    ],
    // A representation's key is an argument like any other (a direct caller can send a number there too).
    [
      'licensing',
      '{ _entities(representations: [{ __typename: "Person", iin: 850314301234 }]) { ... on Person { licenses { number } } } }',
      ['INVALID_IIN', 'BAD_USER_INPUT'],
    ],
    [
      'payments',
      '{ _entities(representations: [{ __typename: "Person", iin: 850314301234 }]) { ... on Person { payments { id } } } }',
      ['INVALID_IIN', 'BAD_USER_INPUT'],
    ],
  ] as [SubgraphName, string, string[]][])('at the %s subgraph directly: %s is refused with its code', async (name, query, codes) => {
    graph.state.resetJournal();
    const as = name === 'licensing' || name === 'applications' || name === 'payments' ? await bearer({ kind: 'citizen', iin: NAMED.manWithLicences }) : partner;
    const response = await postGraphQL(graph.subgraphs[name].url, query, {}, as);
    const first = Object.values(response.data ?? {})[0];
    expect([null, undefined, [null]], JSON.stringify(response)).toContainEqual(first);
    expect(response.errors?.length, JSON.stringify(response)).toBeGreaterThan(0);
    for (const error of response.errors ?? []) expect(codes, JSON.stringify(response)).toContain(error.extensions?.code);
    expect(graph.state.journal).toEqual([]);
  });

  it('the same ids as strings are read (the control)', async () => {
    const response = await postGraphQL(graph.gatewayUrl, '{ person(iin: "850314301234") { fullName } legalEntity(bin: "150250007890") { bin } }', {}, partner);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ person: { fullName: 'Ахметов Нурлан Серикович' }, legalEntity: { bin: '150250007890' } });
  });
});
