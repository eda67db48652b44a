import { useHeadSampling } from '@egov/telemetry';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { onlyForTracedRequests, untracedRequestHeaders } from '../src/plugins/use-tracing.js';

/** A stand-in for Hive's OpenTelemetry plugin that notes every hook and instrumentation it is given. */
function recordingPlugin(calls: string[]) {
  let tracer: string | undefined;
  const plugin = {
    get tracer() {
      return tracer;
    },
    onYogaInit: () => {
      tracer = 'set at start';
      calls.push('onYogaInit');
    },
    onRequest: (_payload: unknown) => void calls.push('onRequest'),
    onExecute: (_payload: unknown) => void calls.push('onExecute'),
    onSubgraphExecute: (_payload: unknown) => void calls.push('onSubgraphExecute'),
    getActiveContext: () => 'active',
    instrumentation: {
      request: (_payload: unknown, wrapped: () => unknown) => {
        calls.push('instrumentation.request');
        return wrapped();
      },
    },
  };
  return { plugin, gated: onlyForTracedRequests(plugin as unknown as GatewayPlugin) as unknown as typeof plugin };
}

/** The hooks one GraphQL request goes through, each with the payload shape the runtime gives it. */
function serve(gated: ReturnType<typeof recordingPlugin>['gated'], request: Request): unknown {
  const context = { request };
  gated.onRequest({ request });
  gated.onExecute({ args: { contextValue: context } });
  gated.onSubgraphExecute({ executionRequest: { context } });
  return gated.instrumentation.request({ request }, () => 'answered');
}

const graphql = () => new Request('http://gateway/graphql', { method: 'POST' });

/** One GraphQL request through the gated plugin, with the gateway tracing this share of requests. */
function servedAtRatio(ratio: number) {
  useHeadSampling(ratio);
  const calls: string[] = [];
  const { gated } = recordingPlugin(calls);
  const request = graphql();
  return { calls, request, answer: serve(gated, request) };
}

afterAll(() => useHeadSampling(1));

describe("Hive's tracing plugin behind the gateway's sampling decision", () => {
  it('never sees a request the gateway chose not to trace, which still gets its answer and tells its subgraphs "not sampled"', () => {
    const { calls, request, answer } = servedAtRatio(0);
    expect(answer).toBe('answered');
    expect(calls).toEqual([]);
    expect(untracedRequestHeaders(request).traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });

  it('sees every hook of a request the gateway traces', () => {
    const { calls, request, answer } = servedAtRatio(1);
    expect(answer).toBe('answered');
    expect(calls).toEqual(['onRequest', 'onExecute', 'onSubgraphExecute', 'instrumentation.request']);
    expect(untracedRequestHeaders(request)).toEqual({});
  });

  it('never traces probes, whatever the ratio', () => {
    useHeadSampling(1);
    const calls: string[] = [];
    const { gated } = recordingPlugin(calls);
    serve(gated, new Request('http://gateway/health'));
    expect(calls).toEqual([]);
  });

  it('keeps the hooks that belong to no request, and the rest of the plugin as it is, accessors read through', () => {
    useHeadSampling(0);
    const calls: string[] = [];
    const { gated } = recordingPlugin(calls);
    expect(gated.tracer).toBeUndefined();
    gated.onYogaInit();
    expect(calls).toEqual(['onYogaInit']);
    expect(gated.tracer).toBe('set at start');
    expect(gated.getActiveContext()).toBe('active');
  });
});
