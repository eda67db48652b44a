import { register } from 'node:module';
import { headSamplingRatio, useHeadSampling } from '../tracing/head-sampling.js';
import { markTracingStarted, tracingStarted } from '../tracing/state.js';
import { recordsNothing, saysNotSampled } from '../tracing/untraced.js';

/**
 * The two kinds of process and what each instruments:
 * - `subgraph`: incoming HTTP (the server span a gateway's traceparent continues), outgoing HTTP (the registry
 *   calls, over node:http, which carry traceparent on; undici too, for any fetch), PostgreSQL and Redis;
 * - `gateway`: Redis only (rate limits). Hive's OpenTelemetry plugin makes the gateway's HTTP, GraphQL and
 *   subgraph-fetch spans and propagates the context; HTTP instrumentation there would double them.
 */
export type ProcessKind = 'gateway' | 'subgraph';

/** Modules whose imports the ESM hook rewrites so they can be patched; every other module is left alone. */
const HOOKED: Record<ProcessKind, string[]> = {
  subgraph: ['http', 'node:http', 'https', 'node:https', 'pg', 'pg-pool', 'ioredis'],
  gateway: ['ioredis'],
};

/** Paths that are probed, not used: their requests make no trace. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

type Env = Record<string, string | undefined>;

/** Tracing is on when an OTLP endpoint is configured and the SDK is not disabled: nothing else turns it on. */
export function tracingConfigured(env: Env = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true';
}

/**
 * Starts OpenTelemetry for this process when configured by the standard OTEL_* variables (endpoint, protocol
 * `http/protobuf` or `http/json`, sampler, resource attributes, service name), and does nothing otherwise:
 * no SDK is loaded, spans are plain calls, and no request pays for tracing.
 *
 * Call it first, before anything else is imported (each process's index.ts does, then imports the rest
 * dynamically): the ESM loader hook it registers must see http, pg and ioredis being loaded, or their spans
 * are missing. Works the same from dist/ and through tsx (the hook chains after tsx's).
 *
 * @returns whether tracing started
 */
export async function startTracing(service: string, kind: ProcessKind, env: Env = process.env): Promise<boolean> {
  if (tracingStarted() || !tracingConfigured(env)) return false;
  await hookModuleLoading(HOOKED[kind]);

  // The gateway samples requests itself (head-sampling.ts); the SDK then records what it chose to trace.
  const headRatio = kind === 'gateway' ? headSamplingRatio(env) : null;
  // The tracer provider, not @opentelemetry/sdk-node: that package also loads the metrics and logs SDKs and every
  // exporter (gRPC included) we never use, ~45 MB of resident memory in each process (measured idle).
  const [
    { NodeTracerProvider },
    { registerInstrumentations },
    { detectResources, envDetector, hostDetector, processDetector, resourceFromAttributes },
    { BatchSpanProcessor, ParentBasedSampler },
    { RedactingSpanProcessor },
    exporter,
    instrumentations,
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('./redact.js'),
    traceExporter(env),
    kind === 'subgraph' ? subgraphInstrumentations(followsParent(env)) : gatewayInstrumentations(),
  ]);
  // OTEL_RESOURCE_ATTRIBUTES, the host and the process; not the cloud detectors, which probe metadata endpoints
  // over the network at every start. The service name given here wins.
  const resource = detectResources({ detectors: [envDetector, hostDetector, processDetector] }).merge(
    resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || service }),
  );
  const provider = new NodeTracerProvider({
    resource,
    // The redactor first: it masks attributes while the span is still writable, before the batch exports it.
    spanProcessors: [new RedactingSpanProcessor(), new BatchSpanProcessor(exporter)],
    // Without one, the provider builds the sampler OTEL_TRACES_SAMPLER names, as the SDK did.
    ...(headRatio === null ? {} : { sampler: new ParentBasedSampler({ root: new (await import('./gateway-sampler.js')).HeadSampledRoot(headRatio) }) }),
  });
  // The global provider, AsyncLocalStorage for the context, and W3C trace context + baggage (OTEL_PROPAGATORS).
  provider.register();
  registerInstrumentations({ tracerProvider: provider, instrumentations });
  if (headRatio !== null) useHeadSampling(headRatio);
  markTracingStarted(() => provider.shutdown(), { samplerFollowsParent: headRatio !== null || followsParent(env) });
  return true;
}

/**
 * Lets the instrumentations patch the named modules as ESM imports them. In the process's own thread where Node
 * can run import-in-the-middle's synchronous hooks (`module.registerHooks`: Node 24.11.1 and later, what the image
 * runs); otherwise through `module.register`, whose hooks run on a loader thread of their own: a second V8
 * isolate that stays for the life of the process, 12 MB of resident memory on Node 20 and 20 MB on Node 24 idle,
 * more once it has resolved every module of a subgraph (BENCHMARKS.md), and a message round trip per import.
 */
async function hookModuleLoading(include: string[]): Promise<void> {
  const inThread = await import('import-in-the-middle/register-hooks.mjs');
  if (inThread.supportsSyncHooks()) inThread.register({ include });
  else register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include } });
}

/** Whether OTEL_TRACES_SAMPLER names a sampler that keeps its parent's decision (unset: parentbased_always_on). */
export function followsParent(env: Env): boolean {
  const sampler = (env.OTEL_TRACES_SAMPLER ?? '').trim().toLowerCase();
  return sampler === '' || sampler.startsWith('parentbased_');
}

/** OTLP over HTTP, protobuf (the default, what collectors expect) or JSON (what a test can read). */
async function traceExporter(env: Env) {
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf';
  if (protocol === 'http/json') return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  if (protocol === 'http/protobuf') return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported: use http/protobuf or http/json`);
}

/**
 * @param parentDecides whether the sampler follows the parent's decision (then a request that says "not sampled"
 *   can never be recorded, and is left alone).
 */
async function subgraphInstrumentations(parentDecides: boolean) {
  const [{ context }, { HttpInstrumentation }, { UndiciInstrumentation }, { PgInstrumentation }, { IORedisInstrumentation }] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-undici'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
  ]);
  // A request the gateway did not trace (its traceparent says so; nine in ten as deployed) is left to run with
  // tracing suppressed: no server span, no wrapped request and response, no client span of any call it makes (the
  // registry client still tells the registry "not sampled": untraced.ts). Made and ended unrecorded, those spans
  // were a tenth of a subgraph's CPU per call (BENCHMARKS.md).
  const untracedRequest = (request: { url?: string; headers: Record<string, string | string[] | undefined> }) =>
    PROBES.has((request.url ?? '').split('?', 1)[0] ?? '') || (parentDecides && saysNotSampled(request.headers.traceparent));
  // An outgoing call is instrumented only when its span can be recorded; parentless ones were already unrecorded.
  const untracedCall = () => recordsNothing(context.active(), parentDecides);
  // Client spans (HTTP out, PostgreSQL, Redis) only inside a request or a named job (outbox.deliver, audit.flush, …):
  // a poll that finds nothing or an anchor round would otherwise start a trace of its own, several a second.
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: untracedRequest,
      ignoreOutgoingRequestHook: untracedCall,
      requireParentforOutgoingSpans: true,
    }),
    new UndiciInstrumentation({ requireParentforSpans: true, ignoreRequestHook: untracedCall }),
    new PgInstrumentation({ requireParentSpan: true }),
    redisInstrumentation(IORedisInstrumentation, { requireParentSpan: true }),
  ];
}

async function gatewayInstrumentations() {
  const { IORedisInstrumentation } = await import('@opentelemetry/instrumentation-ioredis');
  // Only inside a traced request: the SDK records every root span here, and a request the gateway chose not to
  // trace has no span for its rate-limit calls to join.
  return [redisInstrumentation(IORedisInstrumentation, { requireParentSpan: true })];
}

/** The command name only: ioredis' default statement carries the key, and our keys may be derived from ids. */
function redisInstrumentation(
  Instrumentation: typeof import('@opentelemetry/instrumentation-ioredis').IORedisInstrumentation,
  options: { requireParentSpan?: boolean } = {},
) {
  return new Instrumentation({ dbStatementSerializer: (command) => command, ...options });
}
