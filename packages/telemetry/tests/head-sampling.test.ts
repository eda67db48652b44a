import { afterEach, describe, expect, it } from 'vitest';
import { headSamplingRatio, sampleRequest, unsampledTraceparent, useHeadSampling } from '../src/index.js';

describe('the share of requests the gateway traces, from the standard OTEL_TRACES_SAMPLER', () => {
  it.each([
    [{}, 1],
    [{ OTEL_TRACES_SAMPLER: 'always_on' }, 1],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_always_on' }, 1],
    [{ OTEL_TRACES_SAMPLER: 'always_off' }, 0],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_always_off' }, 0],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }, 0.1],
    [{ OTEL_TRACES_SAMPLER: 'TraceIdRatio', OTEL_TRACES_SAMPLER_ARG: '0.25' }, 0.25],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio' }, 1],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '7' }, 1],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: 'ten percent' }, 1],
    [{ OTEL_TRACES_SAMPLER: 'jaeger_remote' }, null],
  ])('%j traces %s of requests (null: left to the SDK)', (env, share) => {
    expect(headSamplingRatio(env)).toBe(share);
  });
});

describe('deciding per request', () => {
  afterEach(() => useHeadSampling(1));

  it('traces about the configured share, none at 0 and all at 1', () => {
    useHeadSampling(0.1);
    const traced = Array.from({ length: 20_000 }, sampleRequest).filter(Boolean).length;
    expect(traced).toBeGreaterThan(1_600);
    expect(traced).toBeLessThan(2_400);
    useHeadSampling(0);
    expect(Array.from({ length: 1_000 }, sampleRequest).some(Boolean)).toBe(false);
    useHeadSampling(1);
    expect(Array.from({ length: 1_000 }, sampleRequest).every(Boolean)).toBe(true);
  });

  it('tells the subgraphs of an untraced request "not sampled" in a valid W3C traceparent', () => {
    const header = unsampledTraceparent((bytes) => 'ab'.repeat(bytes));
    expect(header).toBe(`00-${'ab'.repeat(16)}-${'ab'.repeat(8)}-00`);
    expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });
});
