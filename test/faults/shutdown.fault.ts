/**
 * Issue 11, item 4: SIGTERM under load is graceful, for the gateway and for every subgraph.
 *
 * Contract assumed:
 * - SHUTDOWN_GRACE_MS (default 25000, below Kubernetes' 30 s): on SIGTERM a process stops accepting new
 *   connections at once (a connect 300 ms later is refused), lets the requests in flight finish, and exits on
 *   its own (code 0, or re-raising SIGTERM after its cleanup) no later than the grace period after the signal
 *   (requests still running then are cut).
 *   The test sets SHUTDOWN_GRACE_MS=4000 and allows 2 s on top for the process to wind down and exit.
 * - FAULT_INFLIGHT (default 16) requests are in flight when the signal comes, each waiting 1.5 s on a slow
 *   registry: every one completes with its data (HTTP 200, no errors). One more waits far longer than the
 *   grace period and is cut.
 * The gateway is tested through its /graphql; each subgraph directly, with the read the parts table gives
 * it (PARTS[name].read), asked by an all-scopes partner or, where only the applicant may read, by the person.
 */

import type { RegistryName } from '@egov/contracts';
import { allScopesHeaders, bearer } from '@egov/mocks';
import { delay, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connects, type FaultGraph, PARTS, type PartName, SUBGRAPH_PARTS, type SubgraphPart, startFaultGraph } from './harness/index.js';

const INFLIGHT = Number(process.env.FAULT_INFLIGHT ?? 16);
const GRACE_MS = 4_000;
const EXIT_MARGIN_MS = 2_000;
const SHORT_MS = 1_500;
const LONG_MS = GRACE_MS + 8_000;

let graph: FaultGraph;
let headers: Record<string, string>;

beforeAll(async () => {
  graph = await startFaultGraph({
    env: { SHUTDOWN_GRACE_MS: String(GRACE_MS), REGISTRY_TIMEOUT_MS: '30000', REGISTRY_RETRIES: '0' },
    partEnv: { gateway: { SUBGRAPH_TIMEOUT_MS: '30000' } },
  });
  headers = { 'content-type': 'application/json', accept: 'application/json', ...(await allScopesHeaders()) };
}, 120_000);
afterAll(() => graph?.close());

/**
 * Every call to `registry` waits SHORT_MS, except one about `longId`, which waits LONG_MS; `arrived` counts
 * the calls that reached it (so the test knows they are in flight).
 */
function slowRegistry(registry: RegistryName, longId: string) {
  const seen = { arrived: 0 };
  graph.registries.use(
    registry,
    http.all('*', async ({ request }) => {
      seen.arrived += 1;
      const text = request.url + (request.method === 'GET' ? '' : await request.clone().text());
      await delay(text.includes(longId) ? LONG_MS : SHORT_MS);
      return undefined;
    }),
  );
  return seen;
}

interface Outcome {
  status: number | null;
  ok: boolean;
  error?: string;
}

async function ask(url: string, query: string, variables: Record<string, unknown>, caller: Record<string, string> = headers): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: caller,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(LONG_MS + 5_000),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    const data = body.data ? Object.values(body.data)[0] : null;
    const hasData = Array.isArray(data) ? data.every((d) => d !== null) : data !== null && data !== undefined;
    return { status: response.status, ok: response.status === 200 && !body.errors && hasData };
  } catch (error) {
    return {
      status: null,
      ok: false,
      error: (error as Error).cause ? String((error as { cause: { code?: string } }).cause.code ?? (error as Error).message) : (error as Error).message,
    };
  }
}

/**
 * SIGTERMs `name` while INFLIGHT short requests and one long one are in flight at `registry`, and reports
 * what happened to each, whether new connections were refused, and when and how the process exited.
 */
async function terminateUnderLoad(
  name: PartName,
  url: string,
  registry: RegistryName,
  ids: string[],
  query: string,
  variables: (id: string) => Record<string, unknown>,
  as: 'partner' | 'citizen' = 'partner',
) {
  const [longId, ...shortIds] = ids;
  const callers = await Promise.all(
    ids.map(async (id) =>
      as === 'citizen' ? { 'content-type': 'application/json', accept: 'application/json', ...(await bearer({ kind: 'citizen', iin: id })) } : headers,
    ),
  );
  const seen = slowRegistry(registry, longId!);
  try {
    const short = shortIds.slice(0, INFLIGHT).map((id, i) => ask(url, query, variables(id), callers[i + 1]));
    const long = ask(url, query, variables(longId!), callers[0]);
    const deadline = Date.now() + 15_000;
    while (seen.arrived < INFLIGHT + 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const inFlight = seen.arrived;
    const part = graph.part(name);
    const signalledAt = Date.now();
    const exited = part.terminate(LONG_MS + 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const newConnection = await connects(part.port, 1_000);
    const [shortOutcomes, longOutcome, exit] = await Promise.all([Promise.all(short), long, exited]);
    return { inFlight, shortOutcomes, longOutcome, newConnection, exit, exitAfterMs: exit ? exit.at - signalledAt : null };
  } finally {
    graph.registries.resetHandlers();
  }
}

function expectGraceful(outcome: Awaited<ReturnType<typeof terminateUnderLoad>>) {
  expect(outcome.inFlight).toBeGreaterThanOrEqual(INFLIGHT + 1);
  expect({ newConnectionRefused: !outcome.newConnection.ok }).toEqual({ newConnectionRefused: true });
  expect(outcome.shortOutcomes.filter((o) => !o.ok)).toEqual([]);
  expect(outcome.exit).not.toBeNull();
  // Exiting with 0, or re-raising SIGTERM once cleaned up (as Apollo Server does), are both an exit of its own.
  expect([
    { code: 0, signal: null },
    { code: null, signal: 'SIGTERM' },
  ]).toContainEqual({ code: outcome.exit!.code, signal: outcome.exit!.signal });
  expect(outcome.exitAfterMs!).toBeLessThanOrEqual(GRACE_MS + EXIT_MARGIN_MS);
}

const persons = () => graph.state.fixtures.persons.map((p) => p.iin);
const entities = () => graph.state.fixtures.entities.map((e) => e.bin);

describe(`SIGTERM with ${INFLIGHT} requests in flight and one that outlasts the ${GRACE_MS} ms grace period`, () => {
  // The gateway first: it needs the subgraphs behind it.
  it('the gateway stops accepting at once, finishes every request in flight, and exits within the grace period', async () => {
    const outcome = await terminateUnderLoad(
      'gateway',
      graph.gatewayUrl,
      'individuals',
      persons().slice(0, INFLIGHT + 1),
      `query($iin: IIN!) { person(iin: $iin) { fullName } }`,
      (iin) => ({ iin }),
    );
    console.log(`gateway: ${JSON.stringify({ ...outcome, shortOutcomes: outcome.shortOutcomes.map((o) => o.status ?? o.error) })}`);
    expectGraceful(outcome);
  }, 60_000);

  it.each(SUBGRAPH_PARTS)(
    'the %s subgraph stops accepting at once, finishes every request in flight, and exits within the grace period',
    async (name) => {
      const read: SubgraphPart['read'] = PARTS[name].read;
      // Different records from the gateway's run, so no answer comes from the cache.
      const ids = (read.ids === 'persons' ? persons() : entities()).slice(INFLIGHT + 1 + SUBGRAPH_PARTS.indexOf(name) * (INFLIGHT + 1)).slice(0, INFLIGHT + 1);
      const outcome = await terminateUnderLoad(name, graph.part(name).url, read.registry, ids, read.query, read.variables, read.as);
      console.log(`${name}: ${JSON.stringify({ ...outcome, shortOutcomes: outcome.shortOutcomes.map((o) => o.status ?? o.error) })}`);
      expectGraceful(outcome);
    },
    60_000,
  );
});
