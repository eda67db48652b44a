import { createLogger, runUntilSignal } from '@egov/shared';
import { createPaymentsSubgraph, loadConfig } from './server.js';

const logger = createLogger('payments');
const config = loadConfig();
const running = await createPaymentsSubgraph(config, { logger }).start(config.port, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url });
runUntilSignal(logger, running.close);
