import { createLogger, runUntilSignal } from '@egov/core';
import { loadConfig, startGateway } from './server.js';

const logger = createLogger('gateway');
const config = loadConfig();
const running = await startGateway(config, process.env.HOST ?? '127.0.0.1');
logger.info('listening', { url: running.url, subgraphs: config.subgraphUrls });
runUntilSignal(logger, running.close, { graceMs: config.http?.shutdownGraceMs });
