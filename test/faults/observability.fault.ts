/**
 * Traces and metrics of the graph as it runs in production: every part its own process (compiled or through
 * tsx), PostgreSQL and Redis of the test's own, tracing configured by the standard OTEL_* variables towards an
 * OTLP/HTTP receiver in this test, `/metrics` scraped from every process (the gateway's on METRICS_PORT).
 *
 * Contract (issue 13.2, 13.3): one client request is one connected trace across the gateway, the four subgraphs,
 * the registry calls (which receive its `traceparent`), PostgreSQL and Redis; no exported attribute holds an IIN,
 * a BIN, a token or a signature; an error carries its trace id. Every metric of deploy/METRICS.md is exported by
 * the processes it names, with no label outside its tables and no personal data in any label value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, NAMED } from '@egov/mocks';
import { repoRoot } from '@egov/schema';
import { freePort } from '@egov/testkit';
import { http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultGraph, OtlpReceiver, type ReceivedSpan, SUBGRAPH_PARTS, startFaultGraph } from './harness/index.js';

const receiver = new OtlpReceiver();
let graph: FaultGraph;
let gatewayMetricsPort: number;
/** `traceparent` headers the mock registries received, by registry. */
const traceparents: Record<string, string[]> = {};
let citizen: Record<string, string>;

const PREFILL = `query Prefill($iin: IIN!) {
  person(iin: $iin) { fullName legalEntities { bin shortName } payments { id } licenses { number } }
}`;

async function ask(query: string, variables: Record<string, unknown>, headers: Record<string, string> = citizen) {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

beforeAll(async () => {
  await receiver.start();
  gatewayMetricsPort = await freePort();
  graph = await startFaultGraph({ env: receiver.env, partEnv: { gateway: { METRICS_PORT: String(gatewayMetricsPort) } } });
  for (const registry of ['individuals', 'legal-entities', 'payments', 'licensing'] as const) {
    traceparents[registry] = [];
    // Answers nothing, so the registry's own handlers answer: it only notes what the caller propagated.
    graph.registries.use(
      registry,
      http.all('*', ({ request }) => {
        traceparents[registry]!.push(request.headers.get('traceparent') ?? '');
      }),
    );
  }
  citizen = await bearer({ kind: 'citizen', iin: NAMED.manWithLicences });
}, 180_000);

afterAll(async () => {
  await graph?.close();
  await receiver.close();
});

describe('a citizen prefilling an application (person, companies, payments, licences)', () => {
  let trace: ReceivedSpan[];
  let traceId: string;

  beforeAll(async () => {
    const answer = await ask(PREFILL, { iin: NAMED.manWithLicences });
    expect(answer.errors ?? []).toEqual([]);
    const person = answer.data?.person as { licenses: unknown[]; payments: unknown[] };
    expect(person.licenses.length).toBeGreaterThan(0);
    await receiver.until((spans) => spans.some((s) => s.service === 'gateway' && s.attributes['graphql.operation.name'] === 'Prefill'));
    traceId = receiver.spans.find((s) => s.service === 'gateway' && s.attributes['graphql.operation.name'] === 'Prefill')!.traceId;
    // Every process exports on its own schedule: wait until the four registry reads and an audit flush are in.
    await receiver.until((spans) => {
      const mine = spans.filter((s) => s.traceId === traceId);
      const registries = new Set(mine.filter((s) => s.name === 'registry.call').map((s) => s.attributes['egov.registry']));
      return registries.size === 4 && mine.some((s) => s.name === 'audit.flush');
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the last batches in flight
    trace = receiver.trace(traceId);
  });

  it('is one trace across the gateway and the four subgraphs it touches', () => {
    const services = new Set(trace.map((s) => s.service));
    for (const service of ['gateway', 'individuals', 'legal-entities', 'payments', 'licensing']) expect(services, service).toContain(service);
  });

  it('is connected: one root, and every other span a child of a span of the same trace', () => {
    const ids = new Set(trace.map((s) => s.spanId));
    const roots = trace.filter((s) => !s.parentSpanId);
    expect(roots.map((s) => `${s.service} ${s.name}`)).toHaveLength(1);
    expect(roots[0]!.service).toBe('gateway');
    const orphans = trace.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId));
    expect(orphans.map((s) => `${s.service} ${s.name}`)).toEqual([]);
  });

  it('shows each registry call with its batch size, the cache, the breaker, and the HTTP call under it', () => {
    for (const registry of ['individuals', 'legal-entities', 'payments', 'licensing']) {
      const read = trace.find((s) => s.name === 'registry.read' && s.attributes['egov.registry'] === registry);
      expect(read, registry).toBeDefined();
      expect(read!.attributes['egov.registry.batch_size']).toBeGreaterThan(0);
      expect(
        Object.keys(read!.attributes).some((key) => key.startsWith('egov.cache.')),
        `${registry} cache`,
      ).toBe(true);
      const call = trace.find((s) => s.name === 'registry.call' && s.attributes['egov.registry'] === registry)!;
      expect(call.attributes['egov.registry.breaker_state']).toBe('CLOSED');
      expect(
        trace.some((s) => s.parentSpanId === call.spanId && s.scope.includes('instrumentation-http')),
        `${registry} HTTP client span`,
      ).toBe(true);
    }
  });

  it('reaches PostgreSQL and Redis inside the trace, and records the audit flush', () => {
    expect(trace.some((s) => s.scope.includes('instrumentation-pg'))).toBe(true);
    expect(trace.some((s) => s.scope.includes('instrumentation-ioredis'))).toBe(true);
    expect(trace.find((s) => s.name === 'audit.flush')?.attributes['egov.audit.batch_size']).toBeGreaterThan(0);
  });

  it('starts no trace for database or Redis work outside a request or a named job (polls, anchor rounds)', () => {
    // Everything every process exported while the graph ran, at always_on: background polls ran all along.
    const clientScopes = ['instrumentation-pg', 'instrumentation-ioredis', 'instrumentation-undici'];
    const orphans = receiver.spans.filter((s) => !s.parentSpanId && clientScopes.some((scope) => s.scope.includes(scope)));
    expect(receiver.spans.some((s) => s.scope.includes('instrumentation-pg'))).toBe(true);
    expect(orphans.map((s) => `${s.service} ${s.name}`)).toEqual([]);
  });

  it('sent the W3C traceparent of this trace to every registry', () => {
    for (const registry of ['individuals', 'legal-entities', 'payments', 'licensing']) {
      expect(
        traceparents[registry]!.some((header) => header.split('-')[1] === traceId),
        registry,
      ).toBe(true);
    }
  });
});

describe('what the exported spans hold', () => {
  it('no IIN, BIN, token or signature in any attribute, event or name of any span', async () => {
    // Personal data where it is most tempting to record: inline literals, a GET query string, an error.
    await ask(`{ person(iin: "${NAMED.youngWoman}") { fullName } legalEntity(bin: "${NAMED.llp}") { shortName } }`, {});
    await fetch(
      `${graph.gatewayUrl}?query=${encodeURIComponent('query($iin: IIN!) { person(iin: $iin) { fullName } }')}&variables=${encodeURIComponent(JSON.stringify({ iin: NAMED.llpHead }))}`,
      {
        headers: { ...citizen, 'x-graphql-csrf': '1' },
      },
    );
    await ask(PREFILL, { iin: NAMED.unknownIin });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const token = citizen.authorization!.replace(/^Bearer /, '');
    const leaks: string[] = [];
    for (const span of receiver.spans) {
      const texts = [
        span.name,
        span.status.message ?? '',
        ...Object.entries(span.attributes).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
        ...span.events.flatMap((e) => Object.entries(e.attributes).map(([k, v]) => `${e.name}.${k}=${JSON.stringify(v)}`)),
      ];
      for (const text of texts) {
        if (/\d{12}/.test(text) || text.includes(token) || text.includes(token.split('.')[2]!))
          leaks.push(`${span.service} ${span.name}: ${text.slice(0, 200)}`);
      }
    }
    expect(receiver.spans.length).toBeGreaterThan(50);
    expect(leaks).toEqual([]);
  });
});

describe('errors and logs', () => {
  it('an error answer carries its trace id, and that trace was exported', async () => {
    const answer = await ask(PREFILL, { iin: NAMED.unknownIin });
    const traceIds = (answer.errors ?? []).map((e) => e.extensions?.traceId);
    expect(traceIds.length).toBeGreaterThan(0);
    expect(traceIds.every((id) => typeof id === 'string' && /^[0-9a-f]{32}$/.test(id))).toBe(true);
    await receiver.until((spans) => spans.some((s) => s.traceId === traceIds[0]));
  });

  it('no process logs a line without the trace id while it serves a traced request', () => {
    // Lines written inside a request (they carry a requestId) must carry the trace id too.
    const inRequest = SUBGRAPH_PARTS.flatMap((name) => graph.part(name).process.logs()).filter((line) => 'requestId' in line);
    expect(inRequest.filter((line) => !('traceId' in line))).toEqual([]);
  });
});

/** Prometheus text → samples; enough for our own scrapes. */
function parseScrape(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line)!;
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The METRICS.md tables: name, labels, and which processes export it. */
function metricsContract(): { name: string; labels: string[]; where: string }[] {
  const text = readFileSync(join(repoRoot, 'deploy/METRICS.md'), 'utf8');
  return [...text.matchAll(/^\| `(egov_\w+)` \| (\w+) \| ([^|]*) \| [^|]* \| ([^|]*) \|/gm)].map((m) => ({
    name: m[1]!,
    labels: [...m[3]!.matchAll(/`(\w+)`/g)].map((l) => l[1]!),
    where: m[4]!.trim(),
  }));
}

describe('/metrics on every process', () => {
  const scrapes = new Map<string, ReturnType<typeof parseScrape>>();

  beforeAll(async () => {
    // A client choosing labels: 150 operation names, one of them an IIN, and an IIN in a GET query string.
    for (let i = 0; i < 150; i++) await ask(`query Probe${i} { __typename }`, {});
    await ask(`query Q${NAMED.manWithLicences} { __typename }`, {});
    await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent(`{ person(iin: "${NAMED.llpHead}") { fullName } }`)}`, {
      headers: { ...citizen, 'x-graphql-csrf': '1' },
    });
    await fetch(`${graph.gatewayBase}/nope/${NAMED.llpHead}`);
    await ask(PREFILL, { iin: NAMED.manWithLicences });
    await ask('query Services { publicServices { code } }', {});
    const gateway = await fetch(`http://127.0.0.1:${gatewayMetricsPort}/metrics`);
    scrapes.set('gateway', parseScrape(await gateway.text()));
    for (const name of SUBGRAPH_PARTS) scrapes.set(name, parseScrape(await (await fetch(`${graph.part(name).origin}/metrics`)).text()));
  });

  it('the gateway serves /metrics on METRICS_PORT and not on its API port', async () => {
    expect((await fetch(`${graph.gatewayBase}/metrics`)).status).not.toBe(200);
    expect(scrapes.get('gateway')!.length).toBeGreaterThan(0);
  });

  it('every metric of deploy/METRICS.md is exported by the processes it names, with the labels it names', () => {
    const missing: string[] = [];
    const extraLabels: string[] = [];
    for (const metric of metricsContract()) {
      const processes =
        metric.where === 'gateway'
          ? ['gateway']
          : metric.where === 'applications'
            ? ['applications']
            : metric.where === 'subgraphs'
              ? SUBGRAPH_PARTS
              : ['gateway', ...SUBGRAPH_PARTS];
      for (const process of processes) {
        const samples = scrapes.get(process)!.filter((s) => s.name === metric.name || s.name.startsWith(`${metric.name}_`));
        if (samples.length === 0) missing.push(`${process}: ${metric.name}`);
        for (const sample of samples) {
          for (const label of Object.keys(sample.labels)) {
            if (!['service', 'le', ...metric.labels].includes(label)) extraLabels.push(`${metric.name}{${label}}`);
          }
          expect(sample.labels.service).toBe(process);
        }
      }
    }
    expect(missing).toEqual([]);
    expect([...new Set(extraLabels)]).toEqual([]);
  });

  it('counts what happened: the prefill per operation, each registry call, the subgraph fetches', () => {
    const gateway = scrapes.get('gateway')!;
    expect(
      gateway.find((s) => s.name === 'egov_graphql_requests_total' && s.labels.operation === 'Prefill' && s.labels.outcome === 'ok')?.value,
    ).toBeGreaterThan(0);
    for (const subgraph of ['individuals', 'legal-entities', 'payments', 'licensing']) {
      expect(
        gateway.find((s) => s.name === 'egov_graphql_subgraph_requests_total' && s.labels.subgraph === subgraph && s.labels.outcome === 'ok')?.value,
        subgraph,
      ).toBeGreaterThan(0);
    }
    const individuals = scrapes.get('individuals')!;
    const calls = individuals.filter((s) => s.name === 'egov_registry_calls_total' && s.labels.registry === 'individuals');
    expect(calls.map((s) => s.labels.outcome).sort()).toEqual([
      'bad_response',
      'breaker_open',
      'network_error',
      'not_found',
      'ok',
      'queue_full',
      'rejected',
      'server_error',
      'timeout',
    ]);
    expect(calls.find((s) => s.labels.outcome === 'ok')!.value).toBeGreaterThan(0);
    expect(individuals.find((s) => s.name === 'egov_audit_batch_size_count')?.value).toBeGreaterThan(0);
    expect(scrapes.get('applications')!.find((s) => s.name === 'egov_outbox_pending')?.value).toBe(0);
  });

  it('bounds operation names: 100 kept, then `other`; a name with an id is `invalid`', () => {
    const operations = new Set(
      scrapes
        .get('gateway')!
        .filter((s) => s.name === 'egov_graphql_requests_total')
        .map((s) => s.labels.operation),
    );
    expect(operations).toContain('other');
    expect(operations).toContain('invalid');
    expect(operations.size).toBeLessThanOrEqual(104);
  });

  it('no label value holds personal data, a path as sent or a token', () => {
    const token = citizen.authorization!.replace(/^Bearer /, '');
    const bad = [...scrapes].flatMap(([process, samples]) =>
      samples.flatMap((s) =>
        Object.entries(s.labels)
          .filter(([, value]) => /\d{12}/.test(value) || value.includes('/nope') || value.includes('?') || value.includes(token.slice(0, 20)))
          .map(([label, value]) => `${process} ${s.name}{${label}="${value}"}`),
      ),
    );
    expect(bad).toEqual([]);
    const routes = new Set(
      scrapes
        .get('gateway')!
        .filter((s) => s.name === 'egov_http_requests_total')
        .map((s) => s.labels.route),
    );
    expect([...routes].every((r) => ['/graphql', '/attachments', '/health', '/ready', '/metrics', 'other'].includes(r!))).toBe(true);
  });

  it('exports Node process metrics', () => {
    for (const [process, samples] of scrapes) {
      for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes']) {
        expect(
          samples.some((s) => s.name === name),
          `${process} ${name}`,
        ).toBe(true);
      }
    }
  });
});
