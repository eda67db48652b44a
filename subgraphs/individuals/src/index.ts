import { createLogger, runUntilSignal } from '@egov/shared';
import { createIndividualsSubgraph, loadConfig } from './server.js';

const logger = createLogger('individuals');
const config = loadConfig();
const running = await createIndividualsSubgraph(config, { logger }).start(config.port, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url });
runUntilSignal(logger, running.close);
