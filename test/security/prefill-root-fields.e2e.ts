/**
 * Red team on the prefill's root fields (issue 14, S5): `legalEntitiesOf(iin:)`, `licensesOf(holderId:)` and
 * `paymentsOf(payerId:)` take the id from the client. Pinned here beyond the shared tables (existence oracles,
 * typed inputs, officer scope, log mask): every read through them reaches the subject's `myDataAccessLog`
 * attributed to the caller who made it (a partner with its purpose, an officer with the agency), and a caller
 * without a token is refused at each subgraph directly, before any registry is asked.
 */
import { bearer, NAMED } from '@egov/mocks';
import { postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 } });
});
afterAll(() => graph?.close());

const MAN = NAMED.manWithLicences;
const ROOT = `query($i: IIN!, $h: ApplicantId!) { legalEntitiesOf(iin: $i) { bin } licensesOf(holderId: $h) { number } paymentsOf(payerId: $h) { id } }`;

type Access = { service: string; accessor: { kind: string; name: string; agency: string | null }; purpose: string | null; fields: string[]; requestId: string };

async function myLog(): Promise<Access[]> {
  const answer = await postGraphQL(
    graph.gatewayUrl,
    '{ myDataAccessLog(first: 100) { service accessor { kind name agency } purpose fields requestId } }',
    {},
    await bearer({ kind: 'citizen', iin: MAN }),
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.myDataAccessLog;
}

describe("reads through the prefill's root fields are in the subject's access log, under the caller", () => {
  it('the tax service (kgd-tax-audit, purpose tax-audit) reads the man’s companies and payments: both are in his log with the purpose', async () => {
    const response = await postGraphQL(graph.gatewayUrl, ROOT, { i: MAN, h: MAN }, await bearer({ kind: 'partner', clientId: 'kgd-tax-audit' }, 'tax-audit'));
    expect(response.data.paymentsOf).toEqual(expect.any(Array));
    expect(response.data.legalEntitiesOf).toEqual(expect.any(Array));
    expect(response.data.licensesOf).toBeNull(); // no licensing:read
    const log = (await myLog()).filter((entry) => entry.accessor.kind === 'PARTNER');
    const read = log.flatMap((entry) => entry.fields.map((field) => `${entry.service} ${field} ${entry.purpose}`));
    expect(read).toEqual(expect.arrayContaining(['legal-entities Query.legalEntitiesOf tax-audit', 'payments Query.paymentsOf tax-audit']));
    // What it was refused it did not read.
    expect(read.filter((line) => line.includes('Query.licensesOf'))).toEqual([]);
  });

  it('an officer of MINT-KTRM asking for the man’s licences by his IIN is in his log, with the agency', async () => {
    const response = await postGraphQL(
      graph.gatewayUrl,
      'query($h: ApplicantId!) { licensesOf(holderId: $h) { number } }',
      { h: MAN },
      await bearer({ kind: 'officer', iin: '770707342424', agency: 'MINT-KTRM', roles: ['reviewer'] }),
    );
    expect(response.data.licensesOf).toEqual([{ number: '14000731' }]);
    const log = (await myLog()).filter((entry) => entry.accessor.kind === 'OFFICER');
    expect(log).toContainEqual(
      expect.objectContaining({
        service: 'licensing',
        fields: expect.arrayContaining(['Query.licensesOf']),
        accessor: expect.objectContaining({ agency: 'MINT-KTRM' }),
      }),
    );
  });
});

describe('without a token, at each subgraph directly', () => {
  const AT: [string, 'legal-entities' | 'licensing' | 'payments', string, Record<string, string>][] = [
    ['legalEntitiesOf', 'legal-entities', 'query($i: IIN!) { legalEntitiesOf(iin: $i) { bin } }', { i: MAN }],
    ['licensesOf', 'licensing', 'query($h: ApplicantId!) { licensesOf(holderId: $h) { number } }', { h: MAN }],
    ['paymentsOf', 'payments', 'query($h: ApplicantId!) { paymentsOf(payerId: $h) { id } }', { h: MAN }],
  ];
  it.each(AT)('%s is UNAUTHENTICATED and no registry is asked', async (field, subgraph, query, variables) => {
    graph.state.resetJournal();
    const response = await postGraphQL(graph.subgraphs[subgraph].url, query, variables);
    expect(response.data?.[field] ?? null).toBeNull();
    expect((response.errors ?? []).map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(graph.state.journal).toEqual([]);
  });
});
