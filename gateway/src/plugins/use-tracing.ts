import { randomBytes } from 'node:crypto';
import { currentTraceId, sampleRequest, tracingStarted, unsampledTraceparent } from '@egov/telemetry';
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { GraphQLError } from 'graphql';

/** Probes and scrapes make no trace. */
const UNTRACED = new Set(['/health', '/ready', '/metrics']);

/**
 * The requests this gateway chose not to trace (head sampling: OTEL_TRACES_SAMPLER, packages/telemetry), with the
 * one "not sampled" traceparent all their subgraph calls carry.
 */
const untraced = new WeakMap<Request, string>();

/**
 * What a request tells its subgraphs about tracing when the gateway did not trace it: a traceparent that says
 * "not sampled", so they do not start traces of their own. Nothing for a traced request (the plugin sends its
 * own) or with tracing off.
 */
export function untracedRequestHeaders(request: Request): { traceparent: string } | Record<string, never> {
  const traceparent = untraced.get(request);
  return traceparent ? { traceparent } : {};
}

/**
 * Traces at the gateway, when this process started the OpenTelemetry SDK (an OTLP endpoint is configured):
 * Hive's OpenTelemetry plugin makes the HTTP, operation, parse/validate/execute and subgraph spans and sends
 * `traceparent` to the subgraphs; with tracing off it is not installed at all (it costs CPU per request even
 * without an SDK). Every GraphQL error then carries the trace id (`extensions.traceId`), to quote in a report.
 *
 * A client's own `traceparent` is not continued (`inheritContext: false`): the gateway is the public edge, and
 * trace ids that clients choose could collide, be replayed or carry data into our logs.
 *
 * Which requests are traced is decided here, once per request, at the sampler's ratio (head sampling); an
 * error of a request not traced carries no trace id, as there is no trace to look it up in.
 */
export function useTracing(ctx: GatewayConfigContext): GatewayPlugin[] {
  if (!tracingStarted()) return [];
  return [
    useOpenTelemetry({
      ...ctx,
      inheritContext: false,
      propagateContext: true,
      // The operation hash costs a document print per request and shows nothing the name does not.
      hashOperation: null,
      // A request not traced here makes no span at all: the plugin skips every hook under an untraced HTTP span.
      traces: {
        spans: {
          http: ({ request }) => {
            if (UNTRACED.has(new URL(request.url).pathname)) return false;
            if (sampleRequest()) return true;
            untraced.set(
              request,
              unsampledTraceparent((bytes) => randomBytes(bytes).toString('hex')),
            );
            return false;
          },
        },
      },
    }),
    {
      onExecutionResult({ result, setResult }) {
        const traceId = currentTraceId();
        if (!traceId || !result || Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
        const errors = result.errors.map(
          (e) =>
            new GraphQLError(e.message, {
              nodes: e.nodes,
              source: e.source,
              positions: e.positions,
              path: e.path,
              originalError: e.originalError,
              extensions: { ...e.extensions, traceId },
            }),
        );
        setResult({ ...result, errors });
      },
    },
  ];
}
