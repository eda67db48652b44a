import { resolve } from 'node:path';
import { createLogger, envInt, envString, runUntilSignal, shutdownGraceFromEnv } from '@egov/core';
import { startEmbeddedPostgres } from './embedded.js';

// `npm start` runs this when no DATABASE_URL is given: an embedded PostgreSQL keeping its data in .data/.
const logger = createLogger('embedded-postgres');
const dataDir = resolve(envString('EMBEDDED_PG_DIR', '.data/pglite'));
const embedded = await startEmbeddedPostgres({ dataDir, port: envInt('EMBEDDED_PG_PORT', 5433) });
logger.info('embedded PostgreSQL (PGlite) listening', { url: embedded.url, dataDir });
// The same grace period as every other process: the subgraphs finish their requests, then it stops.
const shutdownGraceMs = shutdownGraceFromEnv();
runUntilSignal(logger, () => embedded.close({ graceMs: shutdownGraceMs }), { graceMs: shutdownGraceMs });
