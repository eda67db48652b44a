/**
 * What every process of egov-graph (gateway, subgraphs, mocks' servers) is built on: one vocabulary of error
 * codes, one logger, typed configuration readers, money and time, one backoff, one canonical JSON, and the
 * plain-HTTP answers every route gives.
 */

export * from './backoff.js';
export * from './canonical-json.js';
export * from './circuit-breaker.js';
export * from './config.js';
export * from './errors.js';
export * from './http/http-body.js';
export * from './http/json-reply.js';
export * from './http/linger.js';
export * from './http/run-until-signal.js';
export * from './http/serve.js';
export * from './log.js';
export * from './money.js';
export * from './time.js';
export * from './trace-id.js';
