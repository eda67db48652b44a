/**
 * What makes a subgraph: the server (/graphql, /health, /ready, extra routes) with authorization and audit
 * built in, the shared scalars (IIN, BIN, ApplicantId, Date, DateTime, Money), the process services (cache,
 * idempotency) and the entry point every subgraph's index.ts calls.
 */

export * from './applicant-reference.js';
export * from './inputs/index.js';
export * from './process-services.js';
export * from './scalars/index.js';
export * from './schema-file.js';
export * from './server/index.js';
