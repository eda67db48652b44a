/**
 * `migrate`: applies every pending migration of the graph's database (DATABASE_SCHEMA), then exits: 0 when the
 * schema is complete, 1 when a migration failed (the Job retries; what was applied stays applied, each
 * migration being its own transaction). Safe to run twice or beside a starting subgraph: an advisory lock
 * serialises them and `schema_migrations` records what is done.
 *
 * It lives here rather than in @egov/stores because it must know every component's migrations, and the
 * components that own tables (the audit trail in @egov/security, this subgraph) sit above @egov/stores.
 */
import { createLogger, envRequired } from '@egov/core';
import { createPool } from '@egov/stores';
import { applyMigrations } from '@egov/subgraph-kit';
import { DATABASE_SCHEMA } from './database-schema.js';

const logger = createLogger('migrate');
const pool = createPool(envRequired('DATABASE_URL', 'the database to migrate (the schema owner in Kubernetes: MIGRATION_DATABASE_URL)'), {
  applicationName: 'egov-migrate',
  // DDL on a large table may take a while; the Job's own deadline bounds it.
  statementTimeoutMs: 0,
});
try {
  const applied = await applyMigrations(pool, DATABASE_SCHEMA, logger);
  logger.info('schema complete', { components: DATABASE_SCHEMA.map((set) => set.component), applied: applied.length });
  process.exitCode = 0;
} catch (error) {
  logger.error('migration failed', { error });
  process.exitCode = 1;
} finally {
  await pool.end();
}
