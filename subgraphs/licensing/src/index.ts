import { createLogger, runUntilSignal } from '@egov/shared';
import { createLicensingSubgraph, loadConfig } from './server.js';

const logger = createLogger('licensing');
const config = loadConfig();
const running = await createLicensingSubgraph(config, { logger }).start(config.port, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url });
runUntilSignal(logger, running.close);
