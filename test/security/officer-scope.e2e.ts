/**
 * Issue 10, class 4: officers see what their agency handles.
 *
 * Contract pinned here:
 * - Officers' agencies are configuration (subgraphs/shared/data/agencies.json), like partners'. A token
 *   naming an agency that is not configured (by exact code: no case folding, no trimming, nothing the
 *   lookup would find on an object's prototype), or carrying no roles, reads nothing: no licence by number,
 *   no person's or company's licences through `_entities`, no application, no work queue. Refused means no
 *   record in the answer; the code is one of UNAUTHENTICATED (a 401 at the door is fine), FORBIDDEN or
 *   NOT_FOUND.
 * - An officer of a known agency reads the licences of its services only (a licence's activity is the
 *   catalog service it was issued under): MINT-KTRM the State Flag and Emblem licence 14000731, not the
 *   explosives licence 16004112 of the same man (MINT-KP's); MINT-KP the reverse; the Astana akimat
 *   (scrap-metal only) neither. A list of a holder's licences shows an officer only its services' ones.
 *   (None of the refused licences' holders has an application the agency handles, so the reading "and
 *   the applicants of the applications it handles" does not open them either.)
 * - Applications: only those of the agency's services (and, for an akimat, its region), as today.
 */

import { NAMED, samplePdf } from '@egov/mocks';
import type { GraphQLResponse } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portal } from '../support/flow.js';
import { type RunningGraph, startGraph } from '../support/index.js';
import { fileStateSymbolsApplication, tokenWithTimes } from './support.js';

const OFFICER_IIN = '770707342424';
const STATE_SYMBOLS = '14000731'; // the man's, issued under state-symbols-licence (MINT-KTRM)
const EXPLOSIVES = '16004112'; // the man's, issued under explosives-licence (MINT-KP)
const MINING = '12003390'; // the LLP's, issued under mining-chemical-licence (MINT-KP)

let graph: RunningGraph;
let applicationNumber: string;
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 } });
  applicationNumber = await fileStateSymbolsApplication(portal(graph, { kind: 'citizen', iin: NAMED.llpHead }), samplePdf);
});
afterAll(() => graph?.close());

/**
 * An officer's token with these claims (agency, roles), valid for an hour. Roles default to reviewer and
 * decider; an explicit `undefined` leaves the claim out (a default parameter would have put it back).
 */
function officerToken(agency: unknown, ...roles: [] | [unknown]) {
  const claimed = roles.length === 0 ? ['reviewer', 'decider'] : roles[0];
  return tokenWithTimes({ kind: 'officer', iin: OFFICER_IIN, agency: 'MINT-KTRM' }, { iat: -5, exp: 3600 }, { agency, roles: claimed });
}

async function ask(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Every way an officer could read a licence or an application. */
const READS: [string, () => string, string, () => Record<string, unknown>][] = [
  [
    'license(number) through the gateway',
    () => graph.gatewayUrl,
    `{ a: license(number: "${STATE_SYMBOLS}") { number status } b: license(number: "${EXPLOSIVES}") { number status } c: license(number: "${MINING}") { number } }`,
    () => ({}),
  ],
  [
    'license(number) at the licensing subgraph',
    () => graph.subgraphs.licensing.url,
    `{ a: license(number: "${STATE_SYMBOLS}") { number status } b: license(number: "${EXPLOSIVES}") { number } }`,
    () => ({}),
  ],
  [
    "a person's licences through _entities",
    () => graph.subgraphs.licensing.url,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { licenses { number } } ... on LegalEntity { licenses { number } } } }',
    () => ({
      r: [
        { __typename: 'Person', iin: NAMED.manWithLicences },
        { __typename: 'LegalEntity', bin: NAMED.llp },
      ],
    }),
  ],
  [
    'licences through _entities by number',
    () => graph.subgraphs.licensing.url,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on License { number status } } }',
    () => ({ r: [STATE_SYMBOLS, EXPLOSIVES, MINING].map((number) => ({ __typename: 'License', number })) }),
  ],
  [
    "the prefill's licensesOf, paymentsOf and legalEntitiesOf through the gateway",
    () => graph.gatewayUrl,
    'query($i: IIN!, $h: ApplicantId!, $b: ApplicantId!) { a: licensesOf(holderId: $h) { number status } b: licensesOf(holderId: $b) { number } paymentsOf(payerId: $h) { id status } legalEntitiesOf(iin: $i) { bin } }',
    () => ({ i: NAMED.manWithLicences, h: NAMED.manWithLicences, b: NAMED.llp }),
  ],
  [
    'licensesOf at the licensing subgraph',
    () => graph.subgraphs.licensing.url,
    'query($h: ApplicantId!, $b: ApplicantId!) { a: licensesOf(holderId: $h) { number status } b: licensesOf(holderId: $b) { number } }',
    () => ({ h: NAMED.manWithLicences, b: NAMED.llp }),
  ],
  [
    'application(number) through the gateway',
    () => graph.gatewayUrl,
    'query($n: String!) { application(number: $n) { number status } }',
    () => ({ n: applicationNumber }),
  ],
  [
    'an application through _entities',
    () => graph.subgraphs.applications.url,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Application { number status } } }',
    () => ({ r: [{ __typename: 'Application', number: applicationNumber }] }),
  ],
  [
    "a company's applications through _entities",
    () => graph.subgraphs.applications.url,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalEntity { applications { number } } } }',
    () => ({ r: [{ __typename: 'LegalEntity', bin: NAMED.llp }] }),
  ],
  ['the work queue', () => graph.gatewayUrl, '{ applicationsToHandle(status: [SUBMITTED, IN_REVIEW]) { number } }', () => ({})],
];

function expectNothingRead(response: GraphQLResponse<any>, what: string) {
  const text = JSON.stringify(response.data ?? null);
  for (const secret of [STATE_SYMBOLS, EXPLOSIVES, MINING, applicationNumber, 'SUBMITTED', 'ACTIVE'])
    expect(text.includes(secret), `${what}: ${secret} in ${text}`).toBe(false);
  if (response.status === 401) return;
  for (const error of response.errors ?? [])
    expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'], `${what}: ${JSON.stringify(error)}`).toContain(error.extensions?.code);
}

describe('an officer whose token names no configured agency, or carries no roles, reads nothing', () => {
  const TOKENS: [string, () => string][] = [
    ['agency AKIMAT-NOWHERE', () => officerToken('AKIMAT-NOWHERE')],
    ['agency NOT-AN-AGENCY with every role', () => officerToken('NOT-AN-AGENCY', ['reviewer', 'decider', 'auditor'])],
    ['an empty agency', () => officerToken('')],
    ['agency mint-ktrm (lower case)', () => officerToken('mint-ktrm')],
    ['agency "MINT-KTRM " (trailing space)', () => officerToken('MINT-KTRM ')],
    ['agency __proto__', () => officerToken('__proto__')],
    ['agency constructor', () => officerToken('constructor')],
    ['agency toString', () => officerToken('toString')],
    ['agency MINT-KTRM with no roles', () => officerToken('MINT-KTRM', [])],
    ['agency MINT-KTRM without a roles claim', () => officerToken('MINT-KTRM', undefined)],
    ['agency AKIMAT-ASTANA with no roles', () => officerToken('AKIMAT-ASTANA', [])],
  ];
  describe.each(TOKENS)('%s', (_case, token) => {
    it.each(READS)('%s', async (what, url, query, variables) => {
      expectNothingRead(await ask(url(), token(), query, variables()), what);
    });
  });
});

describe('an officer of a known agency reads the licences of its services only', () => {
  const CASES: [string, string[], string[]][] = [
    ['MINT-KTRM', [STATE_SYMBOLS], [EXPLOSIVES]],
    ['MINT-KP', [EXPLOSIVES], [STATE_SYMBOLS]],
    ['AKIMAT-ASTANA', [], [STATE_SYMBOLS, EXPLOSIVES, MINING]],
    ['AKIMAT-ALMATY', [], [STATE_SYMBOLS, EXPLOSIVES, MINING]],
    ['KAZINMETR', [], [STATE_SYMBOLS, EXPLOSIVES, MINING]],
  ];

  it.each(CASES)('%s reads %j by number and not %j (through the gateway and at the subgraph)', async (agency, readable, refused) => {
    const token = officerToken(agency);
    for (const url of [graph.gatewayUrl, graph.subgraphs.licensing.url]) {
      for (const number of readable) {
        const response = await ask(url, token, 'query($n: String!) { license(number: $n) { number } }', { n: number });
        expect(response.data?.license, `${agency} ${number} at ${url}: ${JSON.stringify(response)}`).toEqual({ number });
      }
      for (const number of refused) {
        const response = await ask(url, token, 'query($n: String!) { license(number: $n) { number activity { code } } }', { n: number });
        expect(response.data?.license ?? null, `${agency} ${number} at ${url}`).toBeNull();
        expect(
          response.errors?.map((e) => e.extensions?.code),
          `${agency} ${number}`,
        ).toEqual([expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
      }
    }
  });

  it.each(CASES)(
    "%s sees only its services' licences in the man's list, through _entities and through a licence's holder",
    async (agency, readable, refused) => {
      const token = officerToken(agency);
      const listed = await ask(
        graph.subgraphs.licensing.url,
        token,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { licenses { number } } } }',
        {
          r: [{ __typename: 'Person', iin: NAMED.manWithLicences }],
        },
      );
      const numbers = ((listed.data?._entities?.[0]?.licenses ?? []) as { number: string }[]).map((l) => l.number);
      for (const number of refused) expect(numbers, `${agency} via _entities`).not.toContain(number);
      if (listed.data?._entities?.[0]?.licenses) expect(numbers.sort()).toEqual([...readable].filter((n) => n !== MINING).sort());

      const viaHolder = await ask(graph.gatewayUrl, token, `{ license(number: "${STATE_SYMBOLS}") { holder { ... on Person { licenses { number } } } } }`);
      for (const number of refused.filter((n) => n !== STATE_SYMBOLS))
        expect(JSON.stringify(viaHolder.data ?? null), `${agency} via the holder`).not.toContain(number);
    },
  );
});

describe("an officer asking the prefill's root fields by the holder's id sees what the nested paths show", () => {
  const CASES: [string, string[], string[]][] = [
    ['MINT-KTRM', [STATE_SYMBOLS], [EXPLOSIVES, MINING]],
    ['MINT-KP', [EXPLOSIVES, MINING], [STATE_SYMBOLS]],
    ['AKIMAT-ASTANA', [], [STATE_SYMBOLS, EXPLOSIVES, MINING]],
  ];
  it.each(CASES)(
    "%s: licensesOf lists %j of the man's and the LLP's licences, never %j; paymentsOf and legalEntitiesOf are FORBIDDEN",
    async (agency, readable, refused) => {
      const token = officerToken(agency);
      for (const url of [graph.gatewayUrl, graph.subgraphs.licensing.url]) {
        const response = await ask(
          url,
          token,
          'query($h: ApplicantId!, $b: ApplicantId!) { a: licensesOf(holderId: $h) { number } b: licensesOf(holderId: $b) { number } }',
          { h: NAMED.manWithLicences, b: NAMED.llp },
        );
        expect(response.errors, JSON.stringify(response)).toBeUndefined();
        const numbers = [...response.data.a, ...response.data.b].map((l: { number: string }) => l.number);
        expect(numbers.sort(), `${agency} at ${url}`).toEqual([...readable].sort());
        for (const number of refused) expect(numbers).not.toContain(number);
      }
      const other = await ask(
        graph.gatewayUrl,
        token,
        'query($i: IIN!, $h: ApplicantId!) { paymentsOf(payerId: $h) { id } legalEntitiesOf(iin: $i) { bin } }',
        { i: NAMED.manWithLicences, h: NAMED.manWithLicences },
      );
      expect(other.data).toEqual({ paymentsOf: null, legalEntitiesOf: null });
      expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    },
  );
});

describe('applications follow the agency that decides them', () => {
  it('MINT-KTRM (which decides State Flag licences) has the LLP application in its queue and reads it (the control)', async () => {
    const token = officerToken('MINT-KTRM');
    const queue = await ask(graph.gatewayUrl, token, '{ applicationsToHandle { number } }');
    expect(queue.data.applicationsToHandle.map((a: { number: string }) => a.number)).toContain(applicationNumber);
    const read = await ask(graph.gatewayUrl, token, 'query($n: String!) { application(number: $n) { status } }', { n: applicationNumber });
    expect(read.data.application).toEqual({ status: 'SUBMITTED' });
  });

  it.each(['MINT-KP', 'AKIMAT-ASTANA', 'KAZINMETR'])('%s neither lists it nor reads it, by number or through _entities', async (agency) => {
    const token = officerToken(agency);
    for (const [what, url, query, variables] of READS.filter(([what]) => /application|queue/.test(what))) {
      const response = await ask(url(), token, query, variables());
      expect(JSON.stringify(response.data ?? null).includes(applicationNumber), `${agency}: ${what}`).toBe(false);
      expect(JSON.stringify(response.data ?? null).includes('SUBMITTED'), `${agency}: ${what}`).toBe(false);
    }
  });
});
