/**
 * How a subgraph reads an upstream registry: the HTTP client (deadline, retries, circuit breaker,
 * concurrency cap), the registry cache (memory or Redis, keyed by HMAC), per-request batching, and the
 * reads themselves, one file per registry, each defined once with its cache key.
 */
export { RegistryClient, type RegistryClientOptions, type RegistryCall } from './client/registry-client.js';
export { RegistryError, type RegistryErrorCode } from './client/registry-error.js';
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './client/circuit-breaker.js';
export { ConcurrencyLimit, LimitExceeded } from './client/concurrency-limit.js';
export type { CacheEntry, CacheStore } from './cache/store.js';
export { MemoryCacheStore } from './cache/memory-store.js';
export { RedisCacheStore } from './cache/redis-store.js';
export { RegistryCache, StaleRecorder, type CachePolicy } from './cache/registry-cache.js';
export { cachePoliciesFromEnv, registryClientOptionsFromEnv } from './config.js';
export { byKey, cachedRead, createBatchLoader, groupedBy, type BatchRead } from './batch.js';
export { personsRead, readPersons } from './reads/individuals.js';
export { entitiesRead, participationsRead, readEntities, type ParticipationEntry } from './reads/legal-entities.js';
export { forgetPaymentsOf, paymentsOfRead, readPaymentsOf } from './reads/payments.js';
export { forgetLicencesOf, licencesOfRead, licencesRead, readLicences, readLicencesOf } from './reads/licensing.js';
