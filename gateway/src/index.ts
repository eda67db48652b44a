import { runUntilSignal } from '@egov/core';
import { createGatewayLogger } from './logger.js';
import { loadConfig, startGateway } from './server.js';

const logger = createGatewayLogger();
const config = loadConfig();
const running = await startGateway(config, process.env.HOST ?? '127.0.0.1', logger);
logger.info('listening', { url: running.url, subgraphs: config.subgraphUrls });
runUntilSignal(logger, running.close, { graceMs: config.http?.shutdownGraceMs });
