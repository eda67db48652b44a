import { REGISTRIES, type RegistryName } from '@egov/contracts';
import { NAMED } from '@egov/mocks';
import { errorCodes, type GraphQLResponse } from '@egov/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allScopesPartner } from './support/flow.js';
import { type RunningGraph, startGraph } from './support/index.js';

let graph: RunningGraph;
let ask: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<any>>;
beforeAll(async () => {
  graph = await startGraph();
  // A partner with every scope: these tests read across several people (authorization has its own suite).
  ask = await allScopesPartner(graph);
});
beforeEach(() => graph.state.resetJournal());
afterAll(() => graph?.close());
// The consents service is never asked here: the all-scopes test partner's purpose is exempt (PARTNERS_FILE).
const callsPerRegistry = () => Object.fromEntries((Object.keys(REGISTRIES) as RegistryName[]).map((r) => [r, graph.state.calls(r)]));

describe('one endpoint, four registries', () => {
  it('the LLP 080440001234 comes back with its head, her licences, its own licence and payments (the README query)', async () => {
    const response = await ask(
      `{ applicant(id: "080440001234") { ... on LegalEntity { name head { lastName licenses { number } } licenses { number } payments { amount } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.applicant).toEqual({
      name: 'Товарищество с ограниченной ответственностью «Сарыарка Металл»',
      head: { lastName: 'Жумабаева', licenses: [] },
      licenses: [{ number: '12003390' }],
      payments: [],
    });
    expect(callsPerRegistry()).toEqual({ individuals: 1, 'legal-entities': 1, payments: 1, licensing: 1, consents: 0 });
  });

  it('a citizen 850314301234 is assembled from all four subgraphs with one call per registry and level', async () => {
    const response = await ask(
      `query Prefill($iin: IIN!) {
        person(iin: $iin) {
          fullName birthDate identityDocument { number valid } address { city street house flat }
          legalEntities { shortName head { fullName } licenses { number } }
          licenses { number activity { name } holder { ... on Person { lastName } } }
          payments { amount status serviceCode }
        }
      }`,
      { iin: NAMED.manWithLicences },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.person).toMatchObject({
      fullName: 'Ахметов Нурлан Серикович',
      birthDate: '1985-03-14',
      identityDocument: { valid: true },
      legalEntities: [{ shortName: 'ТОО «Сарыарка Металл»', head: { fullName: 'Жумабаева Гульнара Ерлановна' }, licenses: [{ number: '12003390' }] }],
      licenses: [
        { number: '16004112', holder: { lastName: 'Ахметов' } },
        { number: '14000731', holder: { lastName: 'Ахметов' } },
      ],
      payments: [{ amount: '18520.00', status: 'PAID', serviceCode: 'state-symbols-licence' }],
    });
    // person; then (in parallel) companies, licences, payments; then the heads and holders together; then company licences
    expect(callsPerRegistry()).toEqual({ individuals: 2, 'legal-entities': 1, payments: 1, licensing: 2, consents: 0 });
  });

  it('a holding with 50 licensed branches costs one call per registry per level, not one per branch', async () => {
    const response = await ask(
      `query($bin: BIN!) { legalEntity(bin: $bin) { name branches { shortName head { lastName } licenses { number holder { ... on LegalEntity { shortName } } } } } }`,
      { bin: graph.state.fixtures.holdingBin },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.legalEntity.branches).toHaveLength(50);
    expect(response.data.legalEntity.branches.every((b: { licenses: unknown[] }) => b.licenses.length === 1)).toBe(true);
    expect(callsPerRegistry()).toEqual({ individuals: 1, 'legal-entities': 3, payments: 0, licensing: 1, consents: 0 });
  });
});

describe('bad and unknown ids', () => {
  it('person(iin: "850314301235") fails with INVALID_IIN without touching any upstream', async () => {
    const response = await ask(`{ person(iin: "850314301235") { iin lastName } }`);
    expect(errorCodes(response)).toEqual(['INVALID_IIN']);
    expect(response.errors![0]!.message).toMatch(/control digit/);
    expect(graph.state.journal).toEqual([]);
  });

  it('person(iin: "770707342424") gives null with NOT_FOUND', async () => {
    const response = await ask(`{ person(iin: "770707342424") { iin lastName } }`);
    expect(response.data).toEqual({ person: null });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });

  it('a BIN where an IIN is expected is INVALID_IIN, and an IIN where a BIN is expected is INVALID_BIN', async () => {
    expect(errorCodes(await ask(`query($iin: IIN!) { person(iin: $iin) { iin } }`, { iin: NAMED.llp }))).toEqual(['INVALID_IIN']);
    expect(errorCodes(await ask(`query($bin: BIN!) { legalEntity(bin: $bin) { bin } }`, { bin: NAMED.manWithLicences }))).toEqual(['INVALID_BIN']);
    expect(graph.state.journal).toEqual([]);
  });
});

describe('operability', () => {
  it('answers health and readiness', async () => {
    expect((await fetch(`${graph.gatewayBase}/health`)).status).toBe(200);
    expect((await fetch(`${graph.gatewayBase}/ready`)).status).toBe(200);
  });
});
