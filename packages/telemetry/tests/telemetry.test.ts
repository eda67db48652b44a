import { createLogger } from '@egov/core';
import { context, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedOperations, currentTraceId, ProcessMetrics, routeOf, withSpan } from '../src/index.js';
import { RedactingSpanProcessor } from '../src/sdk/redact.js';
import { followsParent, tracingConfigured } from '../src/sdk/start.js';
import { markTracingStarted, shutdownTracing, tracingStarted } from '../src/tracing/state.js';
import { inCallersTraceContext, injectTraceContext, recordsNothing, saysNotSampled } from '../src/tracing/untraced.js';

const IIN = '850314301234';
const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiI4NTAzMTQzMDEyMzQifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

describe('with tracing off (no OTLP endpoint)', () => {
  it('is not configured by default, and is by an endpoint unless the SDK is disabled', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('runs the traced function as a plain call: no span, no trace id', async () => {
    expect(tracingStarted()).toBe(false);
    const seen = await withSpan('registry.read', { 'egov.registry': 'individuals' }, async (span) => {
      span.setAttribute('egov.cache.hit', 1);
      return currentTraceId();
    });
    expect(seen).toBeUndefined();
  });
});

describe('with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new RedactingSpanProcessor(), new SimpleSpanProcessor(exporter)] });

  beforeAll(() => {
    provider.register();
    markTracingStarted(() => provider.shutdown(), { samplerFollowsParent: true });
  });
  afterAll(async () => {
    await shutdownTracing();
    trace.disable();
    context.disable();
  });

  it('nests our spans and gives their trace id to log lines written inside them', async () => {
    const lines: string[] = [];
    const logger = createLogger('individuals', { write: (line) => lines.push(line) });
    const traceId = await withSpan('registry.read', { 'egov.registry.batch_size': 2 }, () =>
      withSpan('registry.call', {}, async () => {
        logger.warn('registry answered with an error status', { iin: IIN });
        return currentTraceId();
      }),
    );
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const [call, read] = exporter.getFinishedSpans();
    expect(call!.parentSpanContext?.spanId).toBe(read!.spanContext().spanId);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line.traceId).toBe(traceId);
    expect(line.iin).toBe('8503******34');
  });

  it('makes no span under a parent that is not sampled (a request the gateway did not trace), and still runs the work', async () => {
    exporter.reset();
    const unsampled = trace.wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.NONE });
    const sampled = trace.wrapSpanContext({ traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), traceFlags: TraceFlags.SAMPLED });
    const underUnsampled = await context.with(trace.setSpan(context.active(), unsampled), () =>
      withSpan('registry.call', {}, async (span) => {
        span.setAttribute('egov.cache.hit', 1);
        return { traceId: currentTraceId(), activeSpanId: trace.getActiveSpan()?.spanContext().spanId };
      }),
    );
    // The parent is still the active span: no child was made, not even a non-recording one.
    expect(underUnsampled).toEqual({ traceId: 'a'.repeat(32), activeSpanId: 'b'.repeat(16) });
    expect(exporter.getFinishedSpans()).toEqual([]);
    await context.with(trace.setSpan(context.active(), sampled), () => withSpan('registry.call', {}, async () => undefined));
    expect(exporter.getFinishedSpans().map((span) => [span.name, span.parentSpanContext?.spanId])).toEqual([['registry.call', 'd'.repeat(16)]]);
  });

  describe('a request its caller did not trace (traceparent flags 00)', () => {
    const TRACE = 'e'.repeat(32);
    const notSampled = `00-${TRACE}-${'f'.repeat(16)}-00`;

    it('is recognised by the propagator’s own reading of the header; a header it would not accept decides nothing', () => {
      expect(saysNotSampled(notSampled)).toBe(true);
      expect(saysNotSampled(`00-${TRACE}-${'f'.repeat(16)}-01`)).toBe(false);
      expect(saysNotSampled(`00-${'0'.repeat(32)}-${'f'.repeat(16)}-00`)).toBe(false);
      expect(saysNotSampled(`ff-${TRACE}-${'f'.repeat(16)}-00`)).toBe(false);
      expect(saysNotSampled('00-not-a-trace-00')).toBe(false);
      expect(saysNotSampled(undefined)).toBe(false);
      expect(saysNotSampled([notSampled, notSampled])).toBe(false);
    });

    it('is handled with nothing instrumented under it, its logs keeping the caller’s trace id and calls onwards saying "not sampled"', async () => {
      exporter.reset();
      const lines: string[] = [];
      const logger = createLogger('individuals', { write: (line) => lines.push(line) });
      // What the HTTP instrumentation does with a request it leaves alone.
      const seen = await context.with(suppressTracing(context.active()), () =>
        inCallersTraceContext({ traceparent: notSampled, tracestate: 'egov=1' }, () =>
          withSpan('registry.call', {}, async () => {
            logger.warn('registry answered with an error status', { iin: IIN });
            return {
              // No active span: the PostgreSQL and Redis instrumentations make a span under any parent there is.
              activeSpan: trace.getActiveSpan(),
              recordsNothing: recordsNothing(context.active(), true),
              onwards: injectTraceContext({ accept: 'application/json' }),
            };
          }),
        ),
      );
      expect(seen.activeSpan).toBeUndefined();
      expect(seen.recordsNothing).toBe(true);
      expect(seen.onwards).toEqual({ accept: 'application/json', traceparent: notSampled, tracestate: 'egov=1' });
      expect(JSON.parse(lines[0]!).traceId).toBe(TRACE);
      expect(exporter.getFinishedSpans()).toEqual([]);
    });

    it('leaves a request the instrumentation traces as it is, and records the spans under a sampled one', async () => {
      exporter.reset();
      const sampled = trace.wrapSpanContext({ traceId: TRACE, spanId: 'd'.repeat(16), traceFlags: TraceFlags.SAMPLED });
      await context.with(trace.setSpan(context.active(), sampled), () =>
        inCallersTraceContext({ traceparent: notSampled }, async () => {
          expect(trace.getActiveSpan()?.spanContext().spanId).toBe('d'.repeat(16));
          expect(recordsNothing(context.active(), true)).toBe(false);
          await withSpan('registry.call', {}, async () => undefined);
        }),
      );
      expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['registry.call']);
    });

    it('records nothing where tracing is suppressed or there is no parent; under an unsampled one only if the parent decides', () => {
      const unsampled = trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId: TRACE, spanId: 'b'.repeat(16), traceFlags: TraceFlags.NONE }));
      expect(recordsNothing(ROOT_CONTEXT, true)).toBe(true);
      expect(recordsNothing(suppressTracing(ROOT_CONTEXT), false)).toBe(true);
      expect(recordsNothing(unsampled, true)).toBe(true);
      expect(recordsNothing(unsampled, false)).toBe(false);
    });

    it('makes no span where tracing is suppressed, not even a non-recording one', async () => {
      exporter.reset();
      const active = await context.with(suppressTracing(ROOT_CONTEXT), () => withSpan('audit.flush', {}, async () => trace.getActiveSpan()));
      expect(active).toBeUndefined();
      expect(exporter.getFinishedSpans()).toEqual([]);
    });
  });

  it('counts on the parent deciding only for the parent-based samplers (and the default, which is one)', () => {
    expect(followsParent({})).toBe(true);
    expect(followsParent({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio' })).toBe(true);
    expect(followsParent({ OTEL_TRACES_SAMPLER: 'always_on' })).toBe(false);
    expect(followsParent({ OTEL_TRACES_SAMPLER: 'traceidratio' })).toBe(false);
  });

  it('masks IINs, BINs, tokens, signatures and GraphQL string literals in names, attributes, events and status', async () => {
    exporter.reset();
    await withSpan(`GET /persons/${IIN}`, {}, async () => {
      const span = trace.getActiveSpan()!;
      span.setAttributes({
        'url.full': `http://registry/gbd-fl/v1/persons/${IIN}?bin=080440001234`,
        'graphql.document': `{ person(iin: "${IIN}") { fullName } applicant(id: "Ахметов") { __typename } }`,
        'http.request.header.authorization': [`Bearer ${TOKEN}`],
        'egov.signature': 'MIIB'.padEnd(200, 'A'),
        'egov.registry.batch_size': 3,
      });
      span.addEvent('exception', { 'exception.message': `No person ${IIN}` });
      span.setStatus({ code: 2, message: `failed for ${IIN}` });
    });
    const [span] = exporter.getFinishedSpans();
    const everything = JSON.stringify({ name: span!.name, attributes: span!.attributes, events: span!.events, status: span!.status });
    expect(everything).not.toMatch(/\d{12}/);
    expect(everything).not.toContain(TOKEN.split('.')[1]);
    expect(everything).not.toContain('Ахметов');
    expect(everything).not.toContain('MIIBAAAA');
    expect(span!.attributes['graphql.document']).toBe('{ person(iin: "***") { fullName } applicant(id: "***") { __typename } }');
    expect(span!.attributes['egov.registry.batch_size']).toBe(3);
  });
});

describe('metrics', () => {
  it('bounds operation names: kept up to the limit, then other; ids and malformed names are invalid', () => {
    const operation = boundedOperations(2);
    expect(operation('Prefill')).toBe('Prefill');
    expect(operation('Draft')).toBe('Draft');
    expect(operation('Third')).toBe('other');
    expect(operation('Prefill')).toBe('Prefill');
    expect(operation('Persisted', true)).toBe('Persisted');
    expect(operation(undefined)).toBe('anonymous');
    expect(operation(`Q${IIN}`)).toBe('invalid');
    expect(operation('not a name')).toBe('invalid');
  });

  it('labels routes by the fixed routes only, never the path as sent', () => {
    expect(routeOf('/graphql?query={__typename}')).toBe('/graphql');
    expect(routeOf(`/persons/${IIN}`)).toBe('other');
    expect(routeOf('/graphql/')).toBe('other');
  });

  it('starts the series of a registry at zero, with the service label on everything', async () => {
    const metrics = new ProcessMetrics('individuals', { processMetrics: false });
    let circuit: 'CLOSED' | 'OPEN' = 'CLOSED';
    metrics.registryUsed('individuals');
    metrics.breakerOf('individuals', () => circuit);
    metrics.registryCall('individuals', 'ok', 0.02);
    metrics.httpRequest(`/persons/${IIN}?x=1`, 'PROPFIND', 404);
    const text = (await metrics.scrape()).body;
    expect(text).toContain('egov_registry_calls_total{registry="individuals",outcome="timeout",service="individuals"} 0');
    expect(text).toContain('egov_registry_calls_total{registry="individuals",outcome="ok",service="individuals"} 1');
    expect(text).toContain('egov_registry_breaker_state{registry="individuals",service="individuals"} 0');
    expect(text).toContain('egov_http_requests_total{route="other",method="other",status="404",service="individuals"} 1');
    expect(text).not.toMatch(/\d{12}/);
    circuit = 'OPEN';
    expect((await metrics.scrape()).body).toContain('egov_registry_breaker_state{registry="individuals",service="individuals"} 2');
  });
});
