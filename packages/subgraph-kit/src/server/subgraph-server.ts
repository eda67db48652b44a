import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Logger } from '@egov/core';
import {
  BodyTooLargeError,
  createHttpServer,
  ErrorCode,
  type HttpServerSettings,
  httpSettingsFromEnv,
  readBody,
  sendAuthFailure,
  sendError,
  sendJson,
} from '@egov/core';
import type { RegistryCache, RegistryClientOptions, StaleRecorder } from '@egov/registry-client';
import { type GuardRules, guardSchema, RequestAuth, requestIdFrom, type SubgraphSecurity } from '@egov/security';
import { databaseUnavailable, type IdempotencyStore, isDatabaseUnavailable } from '@egov/stores';
import { inCallersTraceContext, type MetricsServer, observeHttp, type ProcessMetrics, sendMetrics, startMetricsServer } from '@egov/telemetry';
import type { DocumentNode } from 'graphql';
import { guardInputs, type InputRules } from '../inputs/index.js';
import { auditFailureCode, formatErrorFor, markUnavailable } from './errors.js';
import { graphqlMetricsPlugin } from './observability.js';
import { migrateOnStart } from './schema-migrations.js';
import { sdlForSignedInCallers } from './service-sdl.js';

/** An HTTP route beside /graphql; it gets the request's verified caller like GraphQL does. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, auth: RequestAuth) => Promise<void> | void;

export interface SubgraphServerOptions<Ctx extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  /** Resolver map; typed by each subgraph's generated resolver types. */
  resolvers: object;
  /** Builds the per-request context (loaders, clocks) around the request's verified caller. */
  context: (req: IncomingMessage, auth: RequestAuth) => Promise<Ctx>;
  /** Who may call and read what: token verification, policy, audit trail. */
  security: SubgraphSecurity;
  /** Which types hold personal data, and whose: every field of them is authorized and audited. */
  guard: GuardRules;
  /**
   * Rules for particular string inputs by schema coordinate (free text, opaque keys, id shapes); every other
   * String is one line of text and every other ID a token, checked before any resolver runs.
   */
  inputs?: InputRules;
  logger: Logger;
  /** Extra HTTP routes beside /graphql, keyed by "METHOD /path". */
  routes?: Record<string, RouteHandler>;
  /** Readiness probe: resolves to the state of each dependency; any false answers 503. */
  readiness?: () => Promise<Record<string, boolean | string>>;
  /** Health details (cache, circuits); a value 'degraded' marks the process degraded while it still serves. */
  health?: () => Record<string, unknown>;
  /** Largest accepted GraphQL request body. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Production hides the landing page and introspection. Default: NODE_ENV === 'production'. */
  production?: boolean;
  /** Runs before the server listens (migrations, warm-up); a failure stops the start. */
  beforeStart?: () => Promise<void>;
  /** Runs after the server stopped taking requests (close pools, flush buffers). */
  afterStop?: () => Promise<void>;
  /** Client timeouts and the shutdown grace period. Default: from the environment (HTTP_*_MS, SHUTDOWN_GRACE_MS). */
  http?: Partial<HttpServerSettings>;
  /** The process's metrics: HTTP and GraphQL counts are recorded and `/metrics` served (deploy/METRICS.md). */
  metrics?: ProcessMetrics;
  /** Serve `/metrics` on a port of its own (METRICS_PORT) instead of the API port. */
  metricsPort?: number;
}

/** What every subgraph factory takes besides its configuration. */
export interface SubgraphOptions {
  logger?: Logger;
  /** The clock requests are dated by; tests pin or move it. */
  clock?: () => Date;
  /** Registry answers are cached here when given (memory or Redis); without it every read asks the registry. */
  cache?: RegistryCache;
  /** Idempotency keys of mutations (Redis shared by every process, or in-process); without it mutations rely on their own keys. */
  idempotency?: IdempotencyStore;
  /** Retry, breaker and concurrency settings for the registry clients (timeouts come from the config). */
  registryClient?: Partial<Pick<RegistryClientOptions, 'retries' | 'retryBaseMs' | 'retryCapMs' | 'breaker' | 'maxConcurrency' | 'maxQueue'>>;
  /** The process's metrics (serveSubgraph makes one per process); none in most tests. */
  metrics?: ProcessMetrics;
  /** METRICS_PORT: `/metrics` on its own port rather than on the API port. */
  metricsPort?: number;
}

/** The context every subgraph builds per request carries this, so answers served stale are reported. */
export interface WithStaleRecorder {
  stale?: StaleRecorder;
}

/** Every subgraph context carries the request's caller and authorization. */
export interface WithAuth {
  auth: RequestAuth;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** One Federation 2 subgraph behind a plain node:http server: /graphql, /health, /ready and extra routes. */
export function createSubgraphServer<Ctx extends BaseContext>(options: SubgraphServerOptions<Ctx>) {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const metrics = options.metrics;
  const served = createHttpServer(
    (req, res) => {
      if (metrics) observeHttp(metrics, req, res);
      void inCallersTraceContext(req.headers, () => handle(req, res));
    },
    { ...httpSettingsFromEnv(), ...options.http },
  );
  const httpServer: Server = served.server;
  const apollo = new ApolloServer<Ctx>({
    schema: guardInputs(
      sdlForSignedInCallers(
        guardSchema(
          buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers } as Parameters<typeof buildSubgraphSchema>[0]),
          options.guard,
        ),
      ),
      options.inputs,
    ),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // The process owns its shutdown (drain, then stop): Apollo stopping itself at SIGTERM would fail every
    // operation that arrives while the HTTP server drains.
    stopOnTerminationSignals: false,
    formatError: formatErrorFor(options.logger),
    logger: {
      debug: (m) => options.logger.debug(String(m)),
      info: (m) => options.logger.info(String(m)),
      warn: (m) => options.logger.warn(String(m)),
      error: (m) => options.logger.error(String(m)),
    },
    plugins: [
      {
        // Answers a stale cache entry stood in for are named in the response, never passed off as fresh.
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              // No personal data leaves before its reads are in the audit trail.
              const auth = (contextValue as Partial<WithAuth>).auth;
              if (auth && response.body.kind === 'single') {
                try {
                  await auth.flushAudit();
                } catch (error) {
                  response.body.singleResult.data = null;
                  response.body.singleResult.errors = [
                    {
                      message: 'The access could not be recorded in the audit trail, so no data is returned; try again',
                      extensions: { code: auditFailureCode(error) },
                    },
                  ];
                }
              }
              markUnavailable(response);
              const stale = (contextValue as WithStaleRecorder).stale;
              if (!stale || stale.entries.size === 0 || response.body.kind !== 'single') return;
              response.body.singleResult.extensions = { ...response.body.singleResult.extensions, stale: stale.toExtension() };
            },
          };
        },
      },
      ...(options.metrics ? [graphqlMetricsPlugin<Ctx>(options.metrics)] : []),
      ApolloServerPluginInlineTraceDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      try {
        body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
      } catch {
        sendError(res, 400, ErrorCode.BAD_REQUEST, 'Request body is not valid JSON');
        return;
      }
    }
    const auth = await authenticate(req, res);
    if (!auth) return;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context(req, auth),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /** The request's verified caller; a bad token is answered 401 (a partner without a purpose 403) here. */
  async function authenticate(req: IncomingMessage, res: ServerResponse): Promise<RequestAuth | null> {
    try {
      const principal = await options.security.verifier.principalOf(header(req, 'authorization'), header(req, 'x-purpose'));
      // A request id from outside is kept only when it is a short safe token: it goes into the audit trail.
      return new RequestAuth(principal, requestIdFrom(req.headers['x-request-id']), options.security.authz);
    } catch (error) {
      sendAuthFailure(res, error);
      return null;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/graphql') return await handleGraphQL(req, res, url);
      if (url.pathname === '/metrics' && options.metrics && options.metricsPort === undefined && req.method === 'GET') {
        return await sendMetrics(options.metrics, res);
      }
      if (url.pathname === '/health') {
        const details = options.health?.() ?? {};
        const audit = options.security.auditStatus();
        // A trail that no longer matches its anchor needs a person; the process still serves.
        const degraded = Object.values(details).some((value) => value === 'degraded') || audit?.verified === false;
        return sendJson(res, 200, { status: degraded ? 'degraded' : 'ok', service: options.name, ...details, ...(audit ? { audit } : {}) });
      }
      if (url.pathname === '/ready') {
        // A stopping process is taken out of rotation at once, whatever its dependencies say.
        if (served.draining) return sendJson(res, 503, { status: 'stopping', checks: {} });
        const checks = (await options.readiness?.()) ?? {};
        const ready = Object.values(checks).every((value) => value !== false);
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      }
      const route = options.routes?.[`${req.method} ${url.pathname}`];
      if (route) {
        const auth = await authenticate(req, res);
        if (!auth) return;
        return await route(req, res, auth);
      }
      sendError(res, 404, ErrorCode.NOT_FOUND, `No route ${req.method} ${url.pathname}`);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, error.message);
        return;
      }
      if (isDatabaseUnavailable(error)) {
        options.logger.warn('database unavailable', { path: url.pathname, error });
        if (!res.headersSent) sendError(res, 503, ErrorCode.DATABASE_UNAVAILABLE, databaseUnavailable().message, { 'retry-after': '1' });
        else res.destroy();
        return;
      }
      options.logger.error('request failed', { path: url.pathname, error });
      if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error');
      else res.destroy();
    }
  }

  return {
    apollo,
    httpServer,
    /** Starts listening; port 0 picks a free port (tests). */
    async start(port: number, host = '127.0.0.1'): Promise<RunningServer> {
      // With MIGRATE_ON_START=false the migration Job owns the schema and /ready waits for it (schema-migrations.ts).
      if (migrateOnStart()) await options.security.audit.migrate();
      await options.beforeStart?.();
      await apollo.start();
      const actual = await served.listen(port, host);
      // Scheduled security work (the audit anchor's rounds) starts once the process is up.
      options.security.start();
      const metricsServer: MetricsServer | null =
        metrics && options.metricsPort !== undefined ? await startMetricsServer(metrics, options.metricsPort, host) : null;
      return {
        url: `http://${host}:${actual}/graphql`,
        port: actual,
        // Drain first (stop accepting, let requests in flight finish within the grace period), then stop.
        close: async () => {
          await served.close();
          await metricsServer?.close();
          await apollo.stop();
          await options.security.close();
          await options.afterStop?.();
        },
      };
    },
  };
}
