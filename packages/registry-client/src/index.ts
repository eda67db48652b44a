/**
 * How a subgraph reads an upstream registry: the HTTP client (deadline, retries, circuit breaker,
 * concurrency cap), the registry cache (memory or Redis, keyed by HMAC), per-request batching, and the
 * reads more than one subgraph makes, each defined once with its cache key.
 */
export { RegistryClient, type RegistryClientOptions, type RegistryCall } from './registry-client.js';
export { RegistryError, type RegistryErrorCode } from './registry-error.js';
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
export { ConcurrencyLimit, LimitExceeded } from './concurrency-limit.js';
export { createBatchLoader } from './batch-loader.js';
export { cachedRead, byKey, groupedBy, type BatchRead } from './cached-read.js';
export { participationsRead, type ParticipationEntry } from './participations.js';
export { forgetLicencesOf, forgetPaymentsOf, licencesOfRead, paymentsOfRead, personsRead } from './common-reads.js';
export * from './reads.js';
export * from './cache/index.js';
