/**
 * Issue 10, class 5: no existence oracles.
 *
 * Contract pinned here: to a caller who may not see a record, "it exists but is not yours" and "there is
 * no such record" are the same answer — the same HTTP status, the same `data`, and errors with the same
 * message, path, `extensions.code` and extension keys — for licences, payments and applications, whether
 * asked through the gateway (`license(number)`, `payment(id)`, `application(number)`, `applicationEvidence(number)`) or at the subgraph
 * directly (the same root fields, and `_entities` with a representation, which partners and anyone with
 * a token can send). The expected common answer is null with NOT_FOUND, as `application(number)` already
 * answers an officer of another agency; only the sameness is asserted, so a uniform FORBIDDEN would pass.
 * The owner is the control: he reads the record, and gets NOT_FOUND for the unknown one.
 */

import { withControlDigit } from '@egov/contracts';
import { allScopesHeaders, bearer, NAMED, samplePdf, type TokenRequest } from '@egov/mocks';
import { postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portal } from '../support/flow.js';
import { type RunningGraph, startGraph } from '../support/index.js';
import { fileStateSymbolsApplication, shapeOf } from './support.js';

let graph: RunningGraph;
let applicationNumber: string;
let unknownApplicationNumber: string;

const LICENCE = { known: '14000731', unknown: '14999731' }; // the man's State Flag licence
const PAYMENT = { known: 'PSH-20140128-000731', unknown: 'PSH-20140128-000799' }; // the man's fee for it
/** The prefill's root fields are asked by the holder's IIN or BIN: one the registries hold, one they do not. */
const HOLDER = { known: NAMED.manWithLicences, unknown: NAMED.unknownIin };
const COMPANY = { known: NAMED.llp, unknown: withControlDigit('08044000999')! };
const HEAD = { known: NAMED.llpHead, unknown: NAMED.unknownIin };

beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 } });
  applicationNumber = await fileStateSymbolsApplication(portal(graph, { kind: 'citizen', iin: NAMED.llpHead }), samplePdf);
  unknownApplicationNumber = applicationNumber.replace(/\d+$/, (digits) => '9'.repeat(digits.length));
});
afterAll(() => graph?.close());

/** Those who may not see the man's licence and payment, nor the LLP's application. */
const OUTSIDERS: [string, TokenRequest, string | undefined][] = [
  ['a citizen, 010730604568, who is neither', { kind: 'citizen', iin: NAMED.youngWoman }, undefined],
  ['a portal acting for 010730604568', { kind: 'portal', iin: NAMED.youngWoman }, undefined],
  ['the statistics bureau (legal-entities:read only)', { kind: 'partner', clientId: 'stat-register' }, 'statistics'],
  ['migration control (individuals scopes only)', { kind: 'partner', clientId: 'mvd-migration' }, 'migration-control'],
  // A founder of the LLP who does not head it: the LLP's application, evidence and licences are not his to see.
  ['the LLP’s founder 850314301234, who does not head it', { kind: 'citizen', iin: NAMED.manWithLicences }, undefined],
  ['an officer of the Almaty akimat (scrap-metal licences only)', { kind: 'officer', iin: '770707342424', agency: 'AKIMAT-ALMATY' }, undefined],
];

type Probe = {
  name: string;
  url: () => string;
  query: string;
  variables: (id: string) => Record<string, unknown>;
  ids: () => { known: string; unknown: string };
  /** Outsiders that may in fact read this (a partner whose scope covers it): not outsiders for this probe. */
  entitled?: string[];
};

const PROBES: Probe[] = [
  {
    name: 'license(number) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($n: String!) { license(number: $n) { number status } }',
    variables: (n) => ({ n }),
    ids: () => LICENCE,
  },
  {
    name: 'payment(id) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($id: ID!) { payment(id: $id) { id amount } }',
    variables: (id) => ({ id }),
    ids: () => PAYMENT,
  },
  {
    name: 'application(number) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($n: String!) { application(number: $n) { number status } }',
    variables: (n) => ({ n }),
    ids: () => ({ known: applicationNumber, unknown: unknownApplicationNumber }),
  },
  {
    name: 'applicationEvidence(number) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($n: String!) { applicationEvidence(number: $n) { number bundle signature } }',
    variables: (n) => ({ n }),
    ids: () => ({ known: applicationNumber, unknown: unknownApplicationNumber }),
  },
  {
    name: 'licensesOf(holderId: IIN) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($h: ApplicantId!) { licensesOf(holderId: $h) { number status } }',
    variables: (h) => ({ h }),
    ids: () => HOLDER,
  },
  {
    name: 'licensesOf(holderId: BIN) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($h: ApplicantId!) { licensesOf(holderId: $h) { number status } }',
    variables: (h) => ({ h }),
    ids: () => COMPANY,
  },
  {
    name: 'paymentsOf(payerId) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($p: ApplicantId!) { paymentsOf(payerId: $p) { id amount } }',
    variables: (p) => ({ p }),
    ids: () => HOLDER,
  },
  {
    name: 'legalEntitiesOf(iin) through the gateway',
    url: () => graph.gatewayUrl,
    query: 'query($i: IIN!) { legalEntitiesOf(iin: $i) { bin shortName } }',
    variables: (i) => ({ i }),
    ids: () => HEAD,
    entitled: ['the statistics bureau (legal-entities:read only)'],
  },
  {
    name: 'licensesOf(holderId) at the licensing subgraph',
    url: () => graph.subgraphs.licensing.url,
    query: 'query($h: ApplicantId!) { licensesOf(holderId: $h) { number status } }',
    variables: (h) => ({ h }),
    ids: () => HOLDER,
  },
  {
    name: 'paymentsOf(payerId) at the payments subgraph',
    url: () => graph.subgraphs.payments.url,
    query: 'query($p: ApplicantId!) { paymentsOf(payerId: $p) { id amount } }',
    variables: (p) => ({ p }),
    ids: () => HOLDER,
  },
  {
    name: 'legalEntitiesOf(iin) at the legal-entities subgraph',
    url: () => graph.subgraphs['legal-entities'].url,
    query: 'query($i: IIN!) { legalEntitiesOf(iin: $i) { bin shortName } }',
    variables: (i) => ({ i }),
    ids: () => HEAD,
    entitled: ['the statistics bureau (legal-entities:read only)'],
  },
  {
    name: 'license(number) at the licensing subgraph',
    url: () => graph.subgraphs.licensing.url,
    query: 'query($n: String!) { license(number: $n) { number status } }',
    variables: (n) => ({ n }),
    ids: () => LICENCE,
  },
  {
    name: 'payment(id) at the payments subgraph',
    url: () => graph.subgraphs.payments.url,
    query: 'query($id: ID!) { payment(id: $id) { id amount } }',
    variables: (id) => ({ id }),
    ids: () => PAYMENT,
  },
  {
    name: 'application(number) at the applications subgraph',
    url: () => graph.subgraphs.applications.url,
    query: 'query($n: String!) { application(number: $n) { number status } }',
    variables: (n) => ({ n }),
    ids: () => ({ known: applicationNumber, unknown: unknownApplicationNumber }),
  },
  {
    name: '_entities License at the licensing subgraph',
    url: () => graph.subgraphs.licensing.url,
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on License { number status } } }',
    variables: (number) => ({ r: [{ __typename: 'License', number }] }),
    ids: () => LICENCE,
  },
  {
    name: '_entities Payment at the payments subgraph',
    url: () => graph.subgraphs.payments.url,
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id amount } } }',
    variables: (id) => ({ r: [{ __typename: 'Payment', id }] }),
    ids: () => PAYMENT,
  },
  {
    name: '_entities Application at the applications subgraph',
    url: () => graph.subgraphs.applications.url,
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Application { number status } } }',
    variables: (number) => ({ r: [{ __typename: 'Application', number }] }),
    ids: () => ({ known: applicationNumber, unknown: unknownApplicationNumber }),
  },
  {
    name: '_entities Application asking only for the key field',
    url: () => graph.subgraphs.applications.url,
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Application { number } } }',
    variables: (number) => ({ r: [{ __typename: 'Application', number }] }),
    ids: () => ({ known: applicationNumber, unknown: unknownApplicationNumber }),
  },
];

describe.each(PROBES.map((p) => [p.name, p] as const))('%s', (_name, probe) => {
  it.each(OUTSIDERS)('%s gets the same answer for a record that exists as for one that does not', async (who, caller, purpose) => {
    if (probe.entitled?.includes(who)) return;
    // The founder's own licence, payment and lists are his: he is an outsider only to the LLP's and its head's records.
    if (who.startsWith('the LLP’s founder') && [LICENCE.known, PAYMENT.known, NAMED.manWithLicences].includes(probe.ids().known)) return;
    const headers = await bearer(caller, purpose);
    const { known, unknown } = probe.ids();
    const existing = await postGraphQL(probe.url(), probe.query, probe.variables(known), headers);
    const missing = await postGraphQL(probe.url(), probe.query, probe.variables(unknown), headers);
    const seen = JSON.stringify(existing.data ?? null);
    expect(seen.includes(known), `the record itself was read: ${seen}`).toBe(false);
    expect(shapeOf(existing), `exists: ${JSON.stringify(existing)}\nunknown: ${JSON.stringify(missing)}`).toEqual(shapeOf(missing));
  });
});

describe('the control: those who may see them', () => {
  it('the man reads his licence and payment, the LLP head its application; each gets NOT_FOUND for the unknown one', async () => {
    const man = await bearer({ kind: 'citizen', iin: NAMED.manWithLicences });
    const head = await bearer({ kind: 'citizen', iin: NAMED.llpHead });
    for (const [probe, headers] of [
      [PROBES[0]!, man],
      [PROBES[1]!, man],
      [PROBES[2]!, head],
    ] as const) {
      const { known, unknown } = probe.ids();
      const read = await postGraphQL(probe.url(), probe.query, probe.variables(known), headers);
      expect(read.errors, probe.name).toBeUndefined();
      expect(JSON.stringify(read.data), probe.name).toContain(known);
      const missing = await postGraphQL(probe.url(), probe.query, probe.variables(unknown), headers);
      expect(
        missing.errors?.map((e) => e.extensions?.code),
        probe.name,
      ).toEqual(['NOT_FOUND']);
    }
  });

  it('a partner with every scope reads all three (so "exists" above is true)', async () => {
    const response = await postGraphQL(
      graph.gatewayUrl,
      'query($l: String!, $p: ID!, $a: String!) { license(number: $l) { number } payment(id: $p) { id } application(number: $a) { number } }',
      { l: LICENCE.known, p: PAYMENT.known, a: applicationNumber },
      await allScopesHeaders(),
    );
    expect(response.data).toEqual({ license: { number: LICENCE.known }, payment: { id: PAYMENT.known }, application: { number: applicationNumber } });
  });
});
