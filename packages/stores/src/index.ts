/**
 * The datastores behind the graph, each behind a small interface with its client passed in: PostgreSQL
 * (pool, transactions, migrations; PGlite for `npm start`), Redis (one client per process) and the
 * idempotency store of mutations (Redis, or memory for `npm start`).
 */

export * from './idempotency/index.js';
export * from './postgres/index.js';
export * from './redis.js';
export * from './redis-breaker.js';
