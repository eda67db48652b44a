import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createHttpServer, httpSettingsFromEnv, sendAuthFailure, sendError, sendJson } from '@egov/core';
import { newRequestId, PartnerRegistry, type Principal, TokenVerifier } from '@egov/security';
import { createRedis, GuardedRedis, redisBreakerOptionsFromEnv } from '@egov/stores';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@graphql-hive/logger';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { createAttachmentsProxy } from './attachments-proxy.js';
import type { GatewayConfig } from './config.js';
import { createGatewayLogger } from './logger.js';
import { CALLER_KIND_HEADER, mayRunArbitrary, PersistedOperations } from './persisted-operations.js';
import { renderLocalGraphiQL, useLocalGraphiQL } from './plugins/use-local-graphiql.js';
import { useOperationLimits } from './plugins/use-operation-limits.js';
import { usePortal } from './plugins/use-portal.js';
import { useRequestErrorCodes } from './plugins/use-request-error-codes.js';
import { useStaleExtensions } from './plugins/use-stale-extensions.js';
import { useSubgraphFailures } from './plugins/use-subgraph-failures.js';
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
  /** Resolves once the shared rate-limit counters are reachable (at once without Redis). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The headers that carry the caller to the subgraphs, which verify the token again themselves. */
const FORWARDED = ['authorization', 'x-purpose', 'x-request-id'] as const;
const FORWARDED_ANONYMOUS = FORWARDED.filter((name) => name !== 'x-request-id');

/**
 * The supergraph behind one endpoint: Hive Gateway's runtime with Hive Router's Rust query planner,
 * serving the checked-in supergraph with each subgraph's URL taken from configuration.
 */
export function createGateway(config: Omit<GatewayConfig, 'port'>, logger: Logger = createGatewayLogger()): GatewayRuntime {
  const persisted = config.persistedOperations ? PersistedOperations.fromFile(config.persistedOperations.file) : null;
  const onlyFor = config.persistedOperations?.onlyFor ?? [];
  // Read the built portal now, so a missing build stops the start instead of the first page view.
  const portal = config.portal ? usePortal(config.portal) : null;
  return createGatewayRuntime({
    supergraph: config.supergraph,
    unifiedGraphHandler,
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }])),
    logging: logger,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    readinessCheckEndpoint: '/ready',
    landingPage: !config.production,
    graphiql: !config.production,
    renderGraphiQL: renderLocalGraphiQL,
    disableIntrospection: config.production ? { disableIf: () => true } : undefined,
    // GET queries need a header a cross-site form cannot set; JSON POSTs are never "simple" requests.
    csrfPrevention: { requestHeaders: ['x-graphql-csrf', 'apollo-require-preflight'] },
    propagateHeaders: {
      // A signed-in request's id is a propagated header: the subgraphs put it on each audit record, and as
      // part of the fetch it keeps the transport from merging two requests' identical reads into one call.
      // Anonymous requests read only public data and leave it out, so identical ones in flight share a call
      // (the runtime still adds the id to every fetch afterwards, for tracing).
      fromClientToSubgraphs: ({ request }) => {
        const forwarded = request.headers.get('authorization') ? FORWARDED : FORWARDED_ANONYMOUS;
        return Object.fromEntries(forwarded.map((name) => [name, request.headers.get(name)]).filter(([, value]) => value));
      },
    },
    ...(persisted
      ? {
          persistedDocuments: {
            getPersistedOperation: (id: string) => persisted.get(id),
            allowArbitraryDocuments: (request: Request) => mayRunArbitrary(request, onlyFor),
          },
        }
      : {}),
    plugins: () => [
      useOperationLimits(config.limits, config.production),
      useStaleExtensions(),
      useSubgraphFailures({ subgraphUrls: config.subgraphUrls, timeoutMs: config.subgraphTimeoutMs }),
      useUnavailableStatus(),
      useRequestErrorCodes(),
      // Pages a browser loads: GraphiQL's assets and the portal, all from this origin (closed networks).
      ...(config.production ? [] : [useLocalGraphiQL()]),
      ...(portal ? [portal] : []),
    ],
  });
}

export async function startGateway(config: GatewayConfig, host = '127.0.0.1', logger: Logger = createGatewayLogger()): Promise<RunningGateway> {
  const runtime = withoutOwnSignalHandlers(() => createGateway(config, logger));
  const verifier = new TokenVerifier({
    issuers: config.auth.issuers,
    audience: config.auth.audience,
    partners: PartnerRegistry.fromFile(config.auth.partnersFile),
  });
  const uploads = createAttachmentsProxy(config.subgraphUrls.applications.replace(/\/graphql$/, '/attachments'), logger);
  const redis = config.redisUrl ? createRedis(config.redisUrl, { name: 'egov-gateway' }) : null;
  const limit = config.rateLimit ? new RateLimit({ ...config.rateLimit, redis: redis && new GuardedRedis(redis, redisBreakerOptionsFromEnv()) }) : null;
  const isUpload = (url = '') => url === '/attachments' || url.startsWith('/attachments?');
  const isGraphQL = (url = '') => url === '/graphql' || url.startsWith('/graphql?');

  /** Who calls, before anything else happens: a bad token is 401 (a partner without a granted purpose 403). */
  async function caller(req: IncomingMessage, res: ServerResponse): Promise<Principal | null> {
    try {
      const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
      return await verifier.principalOf(header('authorization'), header('x-purpose'));
    } catch (error) {
      sendAuthFailure(res, error);
      return null;
    }
  }

  async function handlePublic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (isGraphQL(req.url) && req.method === 'POST') {
      // The size is judged before a byte is read; a chunked body could not be, so it must declare its length.
      const declared = req.headers['content-length'];
      if (declared === undefined) {
        req.resume();
        return sendError(res, 411, 'LENGTH_REQUIRED', 'A GraphQL POST must carry Content-Length');
      }
      if (Number(declared) > config.limits.maxBodyBytes) {
        req.resume();
        return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `A GraphQL request may be at most ${config.limits.maxBodyBytes} bytes`);
      }
    }
    const principal = await caller(req, res);
    if (!principal) return;
    // Only the gateway says who the caller is to later stages; whatever a client sent under that name is dropped.
    req.headers[CALLER_KIND_HEADER] = principal.kind;
    if (!/^[\w-]{8,64}$/.test(String(req.headers['x-request-id'] ?? ''))) req.headers['x-request-id'] = newRequestId();
    const wait = limit && (await limit.retryAfter(principal.kind === 'anonymous' ? limit.clientOf(req) : `${principal.kind}:${principal.id}`));
    if (wait) return sendError(res, 429, 'RATE_LIMITED', `Too many requests; retry in ${wait} s`, { 'retry-after': String(wait) }, { retryAfterSeconds: wait });
    if (req.method === 'POST' && isUpload(req.url)) return uploads(req, res);
    return runtime(req, res);
  }

  const served = createHttpServer((req, res) => {
    delete req.headers[CALLER_KIND_HEADER];
    // A stopping gateway is taken out of rotation at once.
    if (served.draining && req.url === '/ready') return sendJson(res, 503, { status: 'stopping' });
    if (!isGraphQL(req.url) && !isUpload(req.url)) return runtime(req, res);
    handlePublic(req, res).catch((error: unknown) => {
      logger.error({ error: (error as Error).message }, 'request failed before execution');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal error');
    });
  }, config.http ?? httpSettingsFromEnv());
  const server = served.server;
  const port = await served.listen(config.port, host);
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    runtime,
    ready: () => (!redis || redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => redis.once('ready', () => resolve()))),
    // The runtime does not own the HTTP server: drain it (requests in flight finish within the grace
    // period), then dispose of the runtime, or SIGTERM leaves the port held.
    close: async () => {
      await served.close();
      await runtime[Symbol.asyncDispose]();
      redis?.disconnect();
    },
  };
}
