import { createLogger, runUntilSignal } from '@egov/shared';
import { createLegalEntitiesSubgraph, loadConfig } from './server.js';

const logger = createLogger('legal-entities');
const config = loadConfig();
const running = await createLegalEntitiesSubgraph(config, { logger }).start(config.port, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url });
runUntilSignal(logger, running.close);
