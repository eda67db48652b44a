/**
 * Issue 11, item 6: a hung Redis does not slow reads; the cache steps aside at once and comes back.
 *
 * Setting: the individuals subgraph and the gateway as their own processes with REDIS_URL (registry cache,
 * and the gateway's shared rate-limit counters, in Redis), over a Redis of the test's own that is hung with
 * SIGSTOP (connections stay open, nothing answers) and woken with SIGCONT. ГБД ФЛ (the mock) answers in
 * 80 ms, as a real registry might. Reads are `person(iin)` by an all-scopes partner, each for a person not
 * read before (so each is a cache miss that asks the registry), one at a time.
 *
 * Contract assumed:
 * - Every use of Redis on a request's path (registry cache reads and writes, rate-limit counters) sits
 *   behind a breaker: after a few failures (timeouts) Redis is skipped at once, and probed in the background
 *   (or by one request now and then) until it answers again.
 * - With Redis hung, the median read through the gateway takes at most 1.5 × the median with Redis healthy
 *   (measured in the same test, plus 20 ms for scheduling noise). The first reads after the hang may pay
 *   the timeouts that trip the breaker; the median does not.
 * - After SIGCONT the cache is used again within FAULT_CACHE_BACK_S (default 15): a person read twice is
 *   asked of the registry once.
 */

import { allScopesHeaders, scenarios } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultGraph, startFaultGraph } from './harness/index.js';

const READS = Number(process.env.FAULT_READS ?? 25);
const CACHE_BACK_MS = Number(process.env.FAULT_CACHE_BACK_S ?? 15) * 1000;
const REGISTRY_MS = 80;

let graph: FaultGraph;
let headers: Record<string, string>;
let unread: string[];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Reads one person through `url` and says how long it took; fails the test on a wrong answer. */
async function read(url: string, iin: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: `query($iin: IIN!) { person(iin: $iin) { iin } }`, variables: { iin } }),
  });
  const body = (await response.json()) as { data?: { person?: { iin: string } | null } };
  const ms = performance.now() - started;
  if (body.data?.person?.iin !== iin) throw new Error(`reading ${iin.slice(0, 4)}… failed: ${JSON.stringify(body).slice(0, 300)}`);
  return ms;
}

async function readMany(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (const iin of unread.splice(0, count)) times.push(await read(url, iin));
  return times;
}

const figures = {
  healthy: { gateway: [] as number[], subgraph: [] as number[] },
  hung: { gateway: [] as number[], subgraph: [] as number[] },
  cacheBackAfterMs: null as number | null,
};

beforeAll(async () => {
  graph = await startFaultGraph({ parts: ['individuals', 'gateway'] });
  headers = { 'content-type': 'application/json', accept: 'application/json', ...(await allScopesHeaders()) };
  unread = graph.state.fixtures.persons.map((p) => p.iin);
  graph.registries.use('individuals', ...scenarios.slow('individuals', REGISTRY_MS));
  const subgraph = graph.part('individuals').url;

  await readMany(graph.gatewayUrl, 5); // warm-up: connections, JIT
  figures.healthy.gateway = await readMany(graph.gatewayUrl, READS);
  figures.healthy.subgraph = await readMany(subgraph, READS);

  graph.redis!.hang();
  try {
    figures.hung.gateway = await readMany(graph.gatewayUrl, READS);
    figures.hung.subgraph = await readMany(subgraph, READS);
  } finally {
    graph.redis!.resume();
  }

  // Back: a person read twice costs one registry call once the cache is in use again.
  const resumedAt = Date.now();
  while (Date.now() - resumedAt < CACHE_BACK_MS) {
    const [iin] = unread.splice(0, 1);
    await read(graph.gatewayUrl, iin!);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the cache write is not on the read's path
    const before = graph.state.calls('individuals');
    await read(graph.gatewayUrl, iin!);
    if (graph.state.calls('individuals') === before) {
      figures.cacheBackAfterMs = Date.now() - resumedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const f = (xs: number[]) => `p50 ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  console.log(
    [
      `── reads with ГБД ФЛ answering in ${REGISTRY_MS} ms, ${READS} each, one at a time`,
      `   Redis healthy: through the gateway ${f(figures.healthy.gateway)}; the subgraph directly ${f(figures.healthy.subgraph)}`,
      `   Redis hung:    through the gateway ${f(figures.hung.gateway)}; the subgraph directly ${f(figures.hung.subgraph)}`,
      `   cache in use again ${figures.cacheBackAfterMs === null ? `not within ${CACHE_BACK_MS} ms` : `${figures.cacheBackAfterMs} ms after SIGCONT`}`,
    ].join('\n'),
  );
}, 240_000);
afterAll(() => graph?.close());

describe('with Redis hung (SIGSTOP)', () => {
  it('reads through the gateway keep their median: at most 1.5 × the median with Redis healthy', () => {
    expect(median(figures.hung.gateway)).toBeLessThanOrEqual(1.5 * median(figures.healthy.gateway) + 20);
  });

  it('reads from the subgraph directly keep their median too (the registry cache is skipped at once)', () => {
    expect(median(figures.hung.subgraph)).toBeLessThanOrEqual(1.5 * median(figures.healthy.subgraph) + 20);
  });

  it(`after SIGCONT the cache is used again within ${CACHE_BACK_MS / 1000} s`, () => {
    expect(figures.cacheBackAfterMs).not.toBeNull();
  });

  it('no process exits', () => {
    expect(graph.crashes()).toEqual([]);
  });
});
