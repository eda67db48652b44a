export { databaseUnavailable, isDatabaseUnavailable } from './errors.js';
export { type MigrationSet, migrate, pendingMigrations } from './migrate.js';
export { createPool, inTransaction, type Pool, type PoolClient, type PoolOptions, withTransactionClient } from './pool.js';
