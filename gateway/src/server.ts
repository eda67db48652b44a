import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import type { Logger } from '@graphql-hive/logger';
import { createRedis } from '@egov/shared';
import { createAttachmentsProxy } from './attachments-proxy.js';
import { RateLimit } from './rate-limit.js';
import type { GatewayConfig } from './config.js';
import { createGatewayLogger } from './logger.js';
import { useStaleExtensions } from './plugins/use-stale-extensions.js';

export { loadConfig, type GatewayConfig } from './config.js';

export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  runtime: GatewayRuntime;
  close(): Promise<void>;
}

/**
 * The supergraph behind one endpoint: Hive Gateway's runtime with Hive Router's Rust query planner,
 * serving the checked-in supergraph with each subgraph's URL taken from configuration.
 */
export function createGateway(config: Omit<GatewayConfig, 'port'>, logger: Logger = createGatewayLogger()): GatewayRuntime {
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
    disableIntrospection: config.production ? { disableIf: () => true } : undefined,
    upstreamTimeout: config.subgraphTimeoutMs,
    plugins: () => [useStaleExtensions()],
  });
}

export async function startGateway(config: GatewayConfig, host = '127.0.0.1', logger: Logger = createGatewayLogger()): Promise<RunningGateway> {
  const runtime = createGateway(config, logger);
  const uploads = createAttachmentsProxy(config.subgraphUrls.licensing.replace(/\/graphql$/, '/attachments'), logger);
  const redis = config.redisUrl ? createRedis(config.redisUrl, { name: 'egov-gateway' }) : null;
  const limit = config.rateLimit ? new RateLimit({ ...config.rateLimit, redis }) : null;
  const isUpload = (url = '') => url === '/attachments' || url.startsWith('/attachments?');
  const isPublic = (url = '') => url === '/graphql' || url.startsWith('/graphql?') || isUpload(url);
  const server = createServer((req, res) => {
    const route = () => (req.method === 'POST' && isUpload(req.url) ? uploads(req, res) : runtime(req, res));
    if (!limit || !isPublic(req.url)) return route();
    void limit.admit(req, res).then((admitted) => (admitted ? route() : undefined));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    runtime,
    // The runtime does not own the HTTP server: close both, or SIGTERM leaves the port held.
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime[Symbol.asyncDispose]();
      redis?.disconnect();
    },
  };
}
