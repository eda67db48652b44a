import { currentTraceId, tracingStarted } from '@egov/telemetry';
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { GraphQLError } from 'graphql';

/** Probes and scrapes make no trace. */
const UNTRACED = new Set(['/health', '/ready', '/metrics']);

/**
 * Traces at the gateway, when this process started the OpenTelemetry SDK (an OTLP endpoint is configured):
 * Hive's OpenTelemetry plugin makes the HTTP, operation, parse/validate/execute and subgraph spans and sends
 * `traceparent` to the subgraphs; with tracing off it is not installed at all (it costs CPU per request even
 * without an SDK). Every GraphQL error then carries the trace id (`extensions.traceId`), to quote in a report.
 *
 * A client's own `traceparent` is not continued (`inheritContext: false`): the gateway is the public edge, and
 * trace ids that clients choose could collide, be replayed or carry data into our logs.
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
      traces: { spans: { http: ({ request }) => !UNTRACED.has(new URL(request.url).pathname) } },
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
