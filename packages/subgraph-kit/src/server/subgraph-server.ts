import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Logger } from '@egov/core';
import { activeTraceId, BodyTooLargeError, ErrorCode, readBody, sendAuthFailure, sendError, sendJson } from '@egov/core';
import type { RegistryCache, RegistryClientOptions, StaleRecorder } from '@egov/registry-client';
import { type GuardRules, guardSchema, RequestAuth, requestIdFrom, type SubgraphSecurity } from '@egov/security';
import type { IdempotencyStore } from '@egov/stores';
import { type MetricsServer, observeHttp, type ProcessMetrics, sendMetrics, startMetricsServer } from '@egov/telemetry';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { guardInputs, type InputRules } from '../inputs/index.js';
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
  /** The process's metrics (serveSubgraph makes one per process); none in most tests. */
  metrics?: ProcessMetrics;
  /** METRICS_PORT: `/metrics` on its own port rather than on the API port. */
  metricsPort?: number;
  /** Retry, breaker and concurrency settings for the registry clients (timeouts come from the config). */
  registryClient?: Partial<Pick<RegistryClientOptions, 'retries' | 'retryBaseMs' | 'retryCapMs' | 'breaker' | 'maxConcurrency' | 'maxQueue'>>;
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

/**
 * Codes raised on purpose. INTERNAL_SERVER_ERROR is not among them: it is what Apollo labels any error
 * nobody typed (a database's, a driver's), whose message must never reach a client.
 */
const PASSED_THROUGH = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));
/** GraphQL's own wrappers: a code of ours inside one (a scalar refusing a literal) is the one a client acts on. */
const GRAPHQL_CODES = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.BAD_REQUEST,
]);

/**
 * Errors with one of our codes reach the client as raised; anything else is a bug whose message may
 * carry internals, so the client gets a generic INTERNAL_SERVER_ERROR and the log gets the detail.
 */
function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A scalar that rejects an inline literal is reported as a validation failure; its own code
    // (INVALID_IIN, ...) sits on the wrapped error and is the one a client can act on.
    const inner = ownCode(error);
    const code = inner ?? String(formatted.extensions?.code ?? '');
    const { stacktrace: _drop, ...rest } = formatted.extensions ?? {};
    const traceId = activeTraceId();
    const extensions = { ...rest, code, ...(traceId ? { traceId } : {}) };
    if (PASSED_THROUGH.has(code) || GRAPHQL_CODES.has(code)) {
      return { ...formatted, extensions };
    }
    logger.error('unexpected error while resolving', { path: formatted.path, error: (error as { originalError?: unknown })?.originalError ?? error });
    return {
      message: 'Internal error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(traceId ? { traceId } : {}) },
    };
  };
}

function ownCode(error: unknown): string | undefined {
  for (let e = error as { originalError?: unknown; extensions?: Record<string, unknown> } | undefined; e; e = e.originalError as typeof e) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH.has(code) && !GRAPHQL_CODES.has(code)) return code;
  }
  return undefined;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** One Federation 2 subgraph behind a plain node:http server: /graphql, /health, /ready and extra routes. */
export function createSubgraphServer<Ctx extends BaseContext>(options: SubgraphServerOptions<Ctx>) {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const httpServer: Server = createServer();
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
                } catch {
                  response.body.singleResult.data = null;
                  response.body.singleResult.errors = [
                    {
                      message: 'The access could not be recorded in the audit trail, so no data is returned; try again',
                      extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
                    },
                  ];
                }
              }
              const stale = (contextValue as WithStaleRecorder).stale;
              if (!stale || stale.entries.size === 0 || response.body.kind !== 'single') return;
              response.body.singleResult.extensions = { ...response.body.singleResult.extensions, stale: stale.toExtension() };
            },
          };
        },
      },
      ...(options.metrics ? [graphqlMetricsPlugin<Ctx>(options.metrics)] : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
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
      if (url.pathname === '/health') {
        const details = options.health?.() ?? {};
        const audit = options.security.auditStatus();
        // A trail that no longer matches its anchor needs a person; the process still serves.
        const degraded = Object.values(details).some((value) => value === 'degraded') || audit?.verified === false;
        return sendJson(res, 200, { status: degraded ? 'degraded' : 'ok', service: options.name, ...details, ...(audit ? { audit } : {}) });
      }
      if (url.pathname === '/metrics' && options.metrics && options.metricsPort === undefined && req.method === 'GET') {
        return await sendMetrics(options.metrics, res);
      }
      if (url.pathname === '/ready') {
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
      httpServer.keepAliveTimeout = 65_000;
      const metrics = options.metrics;
      httpServer.on('request', (req, res) => {
        if (metrics) observeHttp(metrics, req, res);
        void handle(req, res);
      });
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      // Scheduled security work (the audit anchor's rounds) starts once the process is up.
      options.security.start();
      const actual = (httpServer.address() as AddressInfo).port;
      const metricsServer: MetricsServer | null =
        metrics && options.metricsPort !== undefined ? await startMetricsServer(metrics, options.metricsPort, host) : null;
      return {
        url: `http://${host}:${actual}/graphql`,
        port: actual,
        close: async () => {
          await apollo.stop();
          await options.security.close();
          await options.afterStop?.();
          await metricsServer?.close();
        },
      };
    },
  };
}

export type SubgraphServer = ReturnType<typeof createSubgraphServer>;
