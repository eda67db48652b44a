import { createLogger, httpSettingsFromEnv, runUntilSignal } from '@egov/core';
import { registryClientOptionsFromEnv } from '@egov/registry-client';
import { servicesFromEnv } from '../process-services.js';
import type { RunningServer, SubgraphOptions } from './subgraph-server.js';

/**
 * A subgraph's process, the same for all four: configuration, cache and idempotency store from the
 * environment, listen, and on SIGINT/SIGTERM drain the server (SHUTDOWN_GRACE_MS) before closing the
 * services it uses.
 */
export async function serveSubgraph<C extends { port: number }>(
  name: string,
  loadConfig: () => C,
  create: (config: C, options: SubgraphOptions) => { start(port: number, host?: string): Promise<RunningServer> },
): Promise<void> {
  const logger = createLogger(name);
  const config = loadConfig();
  const http = httpSettingsFromEnv();
  const services = servicesFromEnv(name);
  const options = { logger, cache: services.cache, idempotency: services.idempotency, registryClient: registryClientOptionsFromEnv() };
  const running = await create(config, options).start(config.port, process.env.HOST ?? '127.0.0.1');
  logger.info('listening', { url: running.url });
  runUntilSignal(
    logger,
    async () => {
      await running.close();
      await services.close();
    },
    { graceMs: http.shutdownGraceMs },
  );
}
