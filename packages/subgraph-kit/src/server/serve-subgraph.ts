import { createLogger, envInt, envOptional, httpSettingsFromEnv, runUntilSignal } from '@egov/core';
import { registryClientOptionsFromEnv } from '@egov/registry-client';
import { ProcessMetrics, shutdownTracing } from '@egov/telemetry';
import { servicesFromEnv } from '../process-services.js';
import type { RunningServer, SubgraphOptions } from './subgraph-server.js';

/**
 * A subgraph's process, the same for all of them: configuration, cache and idempotency store from the
 * environment, the process's metrics (`/metrics` on METRICS_PORT when set, else on the API port), listen, and
 * on SIGINT/SIGTERM drain the server (SHUTDOWN_GRACE_MS) before closing the services it uses, then flush the
 * last spans.
 */
export async function serveSubgraph<C extends { port: number }>(
  name: string,
  loadConfig: () => C,
  create: (config: C, options: SubgraphOptions) => { start(port: number, host?: string): Promise<RunningServer> },
): Promise<void> {
  const logger = createLogger(name);
  const config = loadConfig();
  const metrics = new ProcessMetrics(name);
  const http = httpSettingsFromEnv();
  const services = servicesFromEnv(name);
  services.cache.observedBy(metrics);
  const metricsPort = envOptional('METRICS_PORT');
  const options: SubgraphOptions = {
    logger,
    cache: services.cache,
    idempotency: services.idempotency,
    registryClient: registryClientOptionsFromEnv(),
    metrics,
    metricsPort: metricsPort === undefined ? undefined : envInt('METRICS_PORT', 0),
  };
  const running = await create(config, options).start(config.port, process.env.HOST ?? '127.0.0.1');
  logger.info('listening', { url: running.url });
  runUntilSignal(
    logger,
    async () => {
      await running.close();
      await services.close();
      await shutdownTracing();
    },
    { graceMs: http.shutdownGraceMs },
  );
}
