import { bearer, NAMED } from '@egov/mocks';
import { errorCodes, postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portal } from './support/flow.js';
import { type RunningGraph, startGraph } from './support/index.js';

/*
 * The prefill as one parallel operation (issue 14, S5): each root field lives in its own subgraph and takes the
 * IIN from the variables, so the gateway reads the four registries at once. It must answer exactly what the
 * nested person(iin) answers, to exactly the callers that may read it.
 */
const PARALLEL = `query ParallelPrefill($iin: IIN!, $holder: ApplicantId!) {
  person(iin: $iin) { fullName birthDate }
  legalEntitiesOf(iin: $iin) { bin shortName }
  licensesOf(holderId: $holder) { number status }
  paymentsOf(payerId: $holder) { id amount status }
}`;
const NESTED = `query Prefill($iin: IIN!) {
  person(iin: $iin) { fullName birthDate legalEntities { bin shortName } licenses { number status } payments { id amount status } }
}`;

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.close());

describe('the prefill asked by the IIN in four subgraphs at once', () => {
  it('citizen 850314301234 gets the same companies, licences and payments as through person(iin)', async () => {
    const citizen = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const parallel = await citizen.ask(PARALLEL, { iin: NAMED.manWithLicences, holder: NAMED.manWithLicences });
    const nested = await citizen.ask(NESTED, { iin: NAMED.manWithLicences });
    expect(parallel.errors).toBeUndefined();
    expect(nested.errors).toBeUndefined();
    const { legalEntities, licenses, payments, ...person } = nested.data.person;
    expect(parallel.data).toEqual({ person, legalEntitiesOf: legalEntities, licensesOf: licenses, paymentsOf: payments });
    expect(parallel.data.licensesOf.map((l: { number: string }) => l.number)).toEqual(['16004112', '14000731']);
    expect(parallel.data.legalEntitiesOf).toContainEqual({ bin: NAMED.llp, shortName: expect.any(String) });
  });

  it('answers the example in docs/architecture.md', async () => {
    const citizen = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const answer = await citizen.ask(
      `query ParallelPrefill($iin: IIN!, $holder: ApplicantId!) {
        person(iin: $iin) { fullName }
        legalEntitiesOf(iin: $iin, role: FOUNDER) { bin }
        licensesOf(holderId: $holder) { number }
        paymentsOf(payerId: $holder) { status }
      }`,
      { iin: NAMED.manWithLicences, holder: NAMED.manWithLicences },
    );
    expect(answer).toEqual({
      status: 200,
      data: {
        person: { fullName: 'Ахметов Нурлан Серикович' },
        legalEntitiesOf: [{ bin: NAMED.llp }],
        licensesOf: [{ number: '16004112' }, { number: '14000731' }],
        paymentsOf: [{ status: 'PAID' }],
      },
    });
  });

  it('the head of the LLP asks for the companies she heads only (role: HEAD), and for the LLP’s licences by its BIN', async () => {
    const head = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
    const answer = await head.ask(
      `query($iin: IIN!, $bin: ApplicantId!) { legalEntitiesOf(iin: $iin, role: HEAD) { bin } licensesOf(holderId: $bin) { number } }`,
      { iin: NAMED.llpHead, bin: NAMED.llp },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.legalEntitiesOf).toContainEqual({ bin: NAMED.llp });
    expect(answer.data.licensesOf).toEqual([{ number: '12003390' }]);
  });

  it("citizen 850314301234 asking for 621102407892's prefill gets each root field null with FORBIDDEN at its path", async () => {
    const citizen = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const answer = await citizen.ask(PARALLEL, { iin: NAMED.llpHead, holder: NAMED.llpHead });
    expect(answer.data).toEqual({ person: null, legalEntitiesOf: null, licensesOf: null, paymentsOf: null });
    const refusals = (answer.errors ?? []).map(
      (e: { path?: (string | number)[]; extensions?: Record<string, unknown> }) => `${e.extensions?.code} ${e.path?.join('.')}`,
    );
    expect(refusals.sort()).toEqual(['FORBIDDEN legalEntitiesOf', 'FORBIDDEN licensesOf', 'FORBIDDEN paymentsOf', 'FORBIDDEN person']);
  });

  it('the tax service (no licensing:read) reads payments by the IIN but not licences, as through Person.licenses', async () => {
    const headers = await bearer({ kind: 'partner', clientId: 'kgd-tax-audit' }, 'tax-audit');
    const ask = (query: string) => postGraphQL(graph.gatewayUrl, query, { id: NAMED.entrepreneur }, headers);
    const root = await ask(`query($id: ApplicantId!) { paymentsOf(payerId: $id) { id } licensesOf(holderId: $id) { number } }`);
    expect(root.data.paymentsOf).toEqual(expect.any(Array));
    expect(root.data.licensesOf).toBeNull();
    expect(errorCodes(root)).toEqual(['FORBIDDEN']);
    const nested = await ask(`query($id: IIN!) { person(iin: $id) { licenses { number } } }`);
    expect(errorCodes(nested)).toEqual(['FORBIDDEN']);
  });

  it('without a token nothing is read (UNAUTHENTICATED); a wrong IIN is INVALID_IIN before any registry is asked', async () => {
    const anonymous = await postGraphQL(graph.gatewayUrl, PARALLEL, { iin: NAMED.manWithLicences, holder: NAMED.manWithLicences });
    expect(anonymous.data).toEqual({ person: null, legalEntitiesOf: null, licensesOf: null, paymentsOf: null });
    expect(new Set(errorCodes(anonymous))).toEqual(new Set(['UNAUTHENTICATED']));
    const citizen = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const bad = await citizen.ask(`{ legalEntitiesOf(iin: "850314301235") { bin } }`);
    expect(errorCodes(bad)).toEqual(['INVALID_IIN']);
  });

  it('each read by the IIN is in the citizen’s access log under its root field', async () => {
    const citizen = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    await citizen.ask(PARALLEL, { iin: NAMED.manWithLicences, holder: NAMED.manWithLicences });
    const log = await citizen.ask(`{ myDataAccessLog(first: 20) { service fields } }`);
    const fields = (log.data.myDataAccessLog as { service: string; fields: string[] }[]).flatMap((entry) =>
      entry.fields.map((field) => `${entry.service} ${field}`),
    );
    expect(fields).toEqual(expect.arrayContaining(['legal-entities Query.legalEntitiesOf', 'licensing Query.licensesOf', 'payments Query.paymentsOf']));
  });
});
