import { createLogger, registryCacheFromEnv, registryClientOptionsFromEnv, runUntilSignal } from '@egov/shared';
import { createLegalEntitiesSubgraph, loadConfig } from './server.js';

const logger = createLogger('legal-entities');
const config = loadConfig();
const { cache, close: closeCache } = registryCacheFromEnv('legal-entities');
const running = await createLegalEntitiesSubgraph(config, { logger, cache, registryClient: registryClientOptionsFromEnv() }).start(config.port, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url });
runUntilSignal(logger, async () => {
  await running.close();
  await closeCache();
});
