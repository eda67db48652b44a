import type { Server } from 'node:http';
import { createHttpServer, ErrorCode, type GracefulServer, httpSettingsFromEnv, type Logger } from '@egov/core';
import { createTokenVerifier } from '@egov/security';
import { createRedis, GuardedRedis, redisBreakerOptionsFromEnv } from '@egov/stores';
import { type MetricsServer, observeHttp, ProcessMetrics, sendMetrics, startMetricsServer } from '@egov/telemetry';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { attachmentsRoute } from './attachments-proxy.js';
import type { GatewayConfig } from './config.js';
import { createGatewayLogger, hiveLoggerFor } from './logger.js';
import { PersistedOperations } from './persisted-operations.js';
import { admissionOf, useFrontDoor } from './plugins/use-front-door.js';
import { renderLocalGraphiQL, useLocalGraphiQL } from './plugins/use-local-graphiql.js';
import { useMetrics } from './plugins/use-metrics.js';
import { useOperationLimits } from './plugins/use-operation-limits.js';
import { usePortal } from './plugins/use-portal.js';
import { useStaleExtensions } from './plugins/use-stale-extensions.js';
import { useSubgraphFailures } from './plugins/use-subgraph-failures.js';
import { untracedRequestHeaders, useTracing } from './plugins/use-tracing.js';
import { useTypedVariableErrors } from './plugins/use-typed-variable-errors.js';
import { useUnavailableStatus } from './plugins/use-unavailable-status.js';
import { RateLimit } from './rate-limit.js';
import { withoutOwnSignalHandlers } from './runtime-signals.js';

export { type GatewayConfig, loadConfig } from './config.js';
export { operationId } from './persisted-operations.js';

export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  runtime: GatewayRuntime;
  /** This process's metrics (served at /metrics, on METRICS_PORT when configured). */
  metrics: ProcessMetrics;
  /** Resolves once the shared rate-limit counters are reachable (at once without Redis). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const GRAPHQL_ENDPOINT = '/graphql';
/**
 * The runtime answers its health and readiness endpoints by suffix of the whole URL (`/x/health`, and
 * `/?a=/health` too), by pathname and by URL pattern, before any plugin. They are pointed at `/(<)`: a
 * serialized URL never holds a raw `<` (it is percent-encoded in path, query and fragment alike), and as a
 * pattern it is a group matching that character, so nothing matches. The front door serves /health and
 * /ready exactly instead.
 */
const NO_PATH = '/(<)';

/**
 * The supergraph behind one endpoint: Hive Gateway's runtime with Hive Router's Rust query planner,
 * serving the checked-in supergraph with each subgraph's URL taken from configuration. Every request goes
 * through the front door plugin first.
 */
export function createGateway(
  config: Omit<GatewayConfig, 'port'>,
  logger: Logger = createGatewayLogger(),
  services: { rateLimit?: RateLimit | null; draining?: () => boolean; metrics?: ProcessMetrics } = {},
): GatewayRuntime {
  const persisted = config.persistedOperations ? PersistedOperations.fromFile(config.persistedOperations.file) : null;
  const onlyFor = config.persistedOperations?.onlyFor ?? [];
  const { verifier } = createTokenVerifier(config.auth);
  // Read the built portal now, so a missing build stops the start instead of the first page view.
  const portal = config.portal ? usePortal(config.portal) : null;
  const exactlyGraphQL = (req: { url?: string } | undefined) => req?.url?.split(/[?#]/, 1)[0] === GRAPHQL_ENDPOINT;
  const runtime: GatewayRuntime = createGatewayRuntime({
    supergraph: config.supergraph,
    unifiedGraphHandler,
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }])),
    logging: hiveLoggerFor(logger),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: NO_PATH,
    readinessCheckEndpoint: NO_PATH,
    landingPage: false,
    // GraphiQL matches by suffix too, before the front door: in development it is served on exactly /graphql.
    graphiql: config.production ? false : (_request: Request, serverContext: unknown) => exactlyGraphQL((serverContext as { req?: { url?: string } })?.req),
    renderGraphiQL: renderLocalGraphiQL,
    disableIntrospection: config.production ? { disableIf: () => true } : undefined,
    // The runtime's own request id trusts the client's header verbatim; the front door sets a safe one.
    requestId: false,
    // No csrfPrevention here: the front door refuses cross-site-capable requests itself, with a typed error.
    // An unexpected error is masked (generic message) even where NODE_ENV says development.
    maskedErrors: { isDev: false },
    propagateHeaders: {
      // The subgraphs verify the token again themselves. A signed-in request's id goes along: the subgraphs
      // put it on each audit record, and as part of the fetch it keeps the transport from merging two
      // requests' identical reads into one call. Anonymous requests read only public data and leave it out,
      // so identical ones in flight share a call.
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        const purpose = request.headers.get('x-purpose');
        const requestId = admissionOf(request)?.requestId;
        return {
          ...(authorization ? { authorization } : {}),
          ...(purpose ? { 'x-purpose': purpose } : {}),
          ...(authorization && requestId ? { 'x-request-id': requestId } : {}),
          // "Not traced" for the subgraphs too; anonymous requests stay identical to each other (shared fetches),
          // and a subgraph may then start a trace of its own for one of them.
          ...(authorization ? untracedRequestHeaders(request) : {}),
        };
      },
    },
    ...(persisted
      ? {
          persistedDocuments: {
            getPersistedOperation: (id: string) => persisted.get(id),
            // The caller kind comes from the front door's verdict on this very request, never from a header.
            allowArbitraryDocuments: (request: Request) => {
              const kind = admissionOf(request)?.principal.kind;
              return kind !== undefined && !onlyFor.includes(kind);
            },
            customErrors: {
              persistedQueryOnly: {
                message: 'This caller may run only the persisted operations, by id',
                extensions: { code: ErrorCode.PERSISTED_QUERY_ONLY, http: { status: 403 } },
              },
            },
          },
        }
      : {}),
    plugins: (ctx) => [
      // Tracing first: its spans then cover what the other plugins do, the front door's refusals included.
      ...useTracing(ctx),
      ...(services.metrics ? [useMetrics({ metrics: services.metrics, subgraphs: Object.keys(config.subgraphUrls) })] : []),
      // Pages a browser loads (GraphiQL's assets, the portal), all from this origin for closed networks. They
      // answer only GET and HEAD of their own files, never the API paths, and execute nothing; every other
      // request reaches the front door.
      ...(config.production ? [] : [useLocalGraphiQL()]),
      ...(portal ? [portal] : []),
      useFrontDoor({
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        maxBodyBytes: config.limits.maxBodyBytes,
        verifier,
        rateLimit: services.rateLimit ?? null,
        // A stopping gateway is taken out of rotation at once, whatever its schema says.
        ready: async () => !services.draining?.() && Boolean(await runtime.getSchema()),
        routes: { '/attachments': attachmentsRoute(config.subgraphUrls.applications.replace(/\/graphql$/, '/attachments'), logger) },
        logger,
      }),
      useOperationLimits(config.limits, config.production),
      useStaleExtensions(),
      useSubgraphFailures({ subgraphUrls: config.subgraphUrls, timeoutMs: config.subgraphTimeoutMs }),
      useUnavailableStatus(),
      useTypedVariableErrors(),
    ],
  });
  return runtime;
}

export async function startGateway(config: GatewayConfig, host = '127.0.0.1', logger: Logger = createGatewayLogger()): Promise<RunningGateway> {
  const redis = config.redisUrl ? createRedis(config.redisUrl, { name: 'egov-gateway' }) : null;
  const rateLimit = config.rateLimit ? new RateLimit({ ...config.rateLimit, redis: redis && new GuardedRedis(redis, redisBreakerOptionsFromEnv()) }) : null;
  const metrics = new ProcessMetrics('gateway');
  let served: GracefulServer | undefined;
  const runtime = withoutOwnSignalHandlers(() => createGateway(config, logger, { rateLimit, draining: () => served?.draining ?? false, metrics }));
  // No routing here: the runtime (its front door plugin) sees every request, except a scrape of /metrics when it
  // is served on the API port (METRICS_PORT unset); every answer is counted for egov_http_requests_total.
  served = createHttpServer((req, res) => {
    observeHttp(metrics, req, res, { rateLimitRoutes: true });
    if (config.metricsPort === undefined && req.method === 'GET' && req.url === '/metrics') return void sendMetrics(metrics, res);
    return runtime(req, res);
  }, config.http ?? httpSettingsFromEnv());
  const server = served.server;
  const port = await served.listen(config.port, host);
  const metricsServer: MetricsServer | null = config.metricsPort === undefined ? null : await startMetricsServer(metrics, config.metricsPort, host);
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    runtime,
    metrics,
    ready: () => (!redis || redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => redis.once('ready', () => resolve()))),
    // The runtime does not own the HTTP server: drain it (requests in flight finish within the grace
    // period), then dispose of the runtime, or SIGTERM leaves the port held.
    close: async () => {
      await served.close();
      await metricsServer?.close();
      await runtime[Symbol.asyncDispose]();
      redis?.disconnect();
    },
  };
}
