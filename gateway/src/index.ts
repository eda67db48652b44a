// Tracing starts before anything else is loaded (it does nothing unless an OTLP endpoint is configured):
// its module hook must see ioredis being imported, so the rest is imported after it.
import { startTracing } from '@egov/telemetry/sdk';

await startTracing('gateway', 'gateway');
const { runUntilSignal } = await import('@egov/core');
const { shutdownTracing } = await import('@egov/telemetry');
const { createGatewayLogger } = await import('./logger.js');
const { loadConfig, startGateway } = await import('./server.js');

const logger = createGatewayLogger();
const config = loadConfig();
const running = await startGateway(config, process.env.HOST ?? '127.0.0.1', logger);
logger.info('listening', { url: running.url, subgraphs: config.subgraphUrls });
runUntilSignal(
  logger,
  async () => {
    await running.close();
    await shutdownTracing();
  },
  { graceMs: config.http?.shutdownGraceMs },
);
