/**
 * Head sampling at the gateway (packages/telemetry, head-sampling.ts): with OTEL_TRACES_SAMPLER at a ratio, the
 * gateway decides per request before any span is made. A request it does not trace makes no span in any
 * process, and its subgraphs are told "not sampled", so they start no orphan traces of their own; a traced one
 * is the whole connected trace (observability.fault.ts, at always_on). Production runs parent-based 10 %.
 */
import { bearer, NAMED } from '@egov/mocks';
import { http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultGraph, OtlpReceiver, startFaultGraph } from './harness/index.js';

const receiver = new OtlpReceiver();
let graph: FaultGraph;
const traceparents: string[] = [];

beforeAll(async () => {
  await receiver.start();
  graph = await startFaultGraph({
    parts: ['gateway', 'individuals', 'legal-entities', 'payments', 'licensing', 'applications'],
    env: { ...receiver.env, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' },
  });
  for (const registry of ['individuals', 'legal-entities', 'payments', 'licensing'] as const) {
    graph.registries.use(
      registry,
      http.all('*', ({ request }) => {
        traceparents.push(request.headers.get('traceparent') ?? '');
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  await graph?.close();
  await receiver.close();
});

describe('a citizen’s prefill the gateway chose not to trace (sampling ratio 0)', () => {
  it('is answered, leaves no span in the gateway or any subgraph, and tells every registry call "not sampled"', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await bearer({ kind: 'citizen', iin: NAMED.manWithLicences })) },
      body: JSON.stringify({
        query: 'query Prefill($iin: IIN!) { person(iin: $iin) { fullName legalEntities { bin } payments { id } licenses { number } } }',
        variables: { iin: NAMED.manWithLicences },
      }),
    });
    const answer = (await response.json()) as { data?: { person?: { licenses: unknown[] } }; errors?: unknown[] };
    expect(answer.errors ?? []).toEqual([]);
    expect(answer.data?.person?.licenses.length).toBeGreaterThan(0);
    // Spans are exported every 100 ms here: give every process time to send what it has.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Not even the gateway's start-up spans: every root outside a request is sampled at the same ratio.
    expect(receiver.spans.map((s) => `${s.service} ${s.name}`)).toEqual([]);
    expect(traceparents.length).toBeGreaterThanOrEqual(4);
    for (const header of traceparents) expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });
});
