import { createLogger, registryClientOptionsFromEnv, runUntilSignal, servicesFromEnv } from '@egov/shared';
import { createLegalEntitiesSubgraph, loadConfig } from './server.js';

const logger = createLogger('legal-entities');
const config = loadConfig();
const services = servicesFromEnv('legal-entities');
const running = await createLegalEntitiesSubgraph(config, { logger, cache: services.cache, idempotency: services.idempotency, registryClient: registryClientOptionsFromEnv() }).start(config.port, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url });
runUntilSignal(logger, async () => {
  await running.close();
  await services.close();
});
