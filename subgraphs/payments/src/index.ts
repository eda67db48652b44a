import { createLogger, registryClientOptionsFromEnv, runUntilSignal, servicesFromEnv } from '@egov/shared';
import { createPaymentsSubgraph, loadConfig } from './server.js';

const logger = createLogger('payments');
const config = loadConfig();
const services = servicesFromEnv('payments');
const running = await createPaymentsSubgraph(config, { logger, cache: services.cache, idempotency: services.idempotency, registryClient: registryClientOptionsFromEnv() }).start(config.port, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url });
runUntilSignal(logger, async () => {
  await running.close();
  await services.close();
});
