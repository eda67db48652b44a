import { randomBytes } from 'node:crypto';
import { currentTraceId, sampleRequest, tracingStarted, unsampledTraceparent } from '@egov/telemetry';
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { GraphQLError } from 'graphql';

/** Probes and scrapes make no trace. */
const UNTRACED = new Set(['/health', '/ready', '/metrics']);

/**
 * Each request's sampling decision (head sampling: OTEL_TRACES_SAMPLER, packages/telemetry), made once, at the
 * first hook that sees it: null when traced, else the one "not sampled" traceparent all its subgraph calls carry.
 */
const decisions = new WeakMap<Request, string | null>();

/** Whether this request is traced: probes and scrapes never, the rest at the sampler's ratio. */
function traced(request: Request): boolean {
  let decision = decisions.get(request);
  if (decision === undefined) {
    const traceIt = !UNTRACED.has(new URL(request.url).pathname) && sampleRequest();
    decision = traceIt ? null : unsampledTraceparent((bytes) => randomBytes(bytes).toString('hex'));
    decisions.set(request, decision);
  }
  return decision === null;
}

/** The request a hook's or an instrumentation's payload belongs to, as Hive's plugin finds it; none for lifecycle hooks. */
function requestOf(payload: unknown): Request | undefined {
  const p = payload as
    | {
        request?: Request;
        context?: { request?: Request };
        executionRequest?: { context?: { request?: Request } };
        args?: { contextValue?: { request?: Request } };
      }
    | undefined;
  return p?.executionRequest?.context?.request ?? p?.context?.request ?? p?.args?.contextValue?.request ?? p?.request;
}

type Hook = (payload: unknown, ...rest: unknown[]) => unknown;
type Wrapper = (payload: unknown, wrapped: () => unknown) => unknown;

/**
 * Hive's OpenTelemetry plugin with its hooks and instrumentation called only for the requests traced here. The
 * plugin skips making spans under an untraced request, but only after wrapping every hook's payload and running
 * every hook and wrapper of every request: nine requests in ten paid for that (5.9 % of the gateway's CPU in
 * the S1 profile of issue 14). Hooks that belong to no request (start, schema changes, disposal) always run.
 */
export function onlyForTracedRequests(plugin: GatewayPlugin): GatewayPlugin {
  const source = plugin as unknown as Record<string, unknown> & { instrumentation?: Record<string, Wrapper> };
  const gated: Record<string, unknown> = {};
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(source))) {
    if (name === 'instrumentation') continue; // wrapped below
    const hook = descriptor.value as Hook | undefined;
    if (typeof hook !== 'function' || !name.startsWith('on')) {
      // Everything else as it is, accessors included (read through to the plugin, which may set them later).
      const accessor = descriptor.get || descriptor.set;
      Object.defineProperty(
        gated,
        name,
        accessor
          ? {
              ...descriptor,
              get: descriptor.get && (() => source[name]),
              set: descriptor.set && ((value: unknown) => void (source[name] = value)),
            }
          : descriptor,
      );
      continue;
    }
    gated[name] = (payload: unknown, ...rest: unknown[]) => {
      const request = requestOf(payload);
      return request && !traced(request) ? undefined : hook(payload, ...rest);
    };
  }
  if (source.instrumentation) {
    const wrappers: Record<string, Wrapper> = {};
    for (const [name, wrap] of Object.entries(source.instrumentation)) {
      wrappers[name] = (payload, wrapped) => {
        const request = requestOf(payload);
        return request && !traced(request) ? wrapped() : wrap(payload, wrapped);
      };
    }
    gated.instrumentation = wrappers;
  }
  return gated as unknown as GatewayPlugin;
}

/**
 * What a request tells its subgraphs about tracing when the gateway did not trace it: a traceparent that says
 * "not sampled", so they do not start traces of their own. Nothing for a traced request (the plugin sends its
 * own) or with tracing off.
 */
export function untracedRequestHeaders(request: Request): { traceparent: string } | Record<string, never> {
  const traceparent = decisions.get(request);
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
    onlyForTracedRequests(
      useOpenTelemetry({
        ...ctx,
        inheritContext: false,
        propagateContext: true,
        // The operation hash costs a document print per request and shows nothing the name does not.
        hashOperation: null,
        traces: { spans: { http: ({ request }) => traced(request) } },
      }),
    ),
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
