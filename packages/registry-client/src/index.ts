/**
 * How a subgraph reads an upstream registry: the HTTP client (deadline, retries, circuit breaker,
 * concurrency cap), the registry cache (memory or Redis, keyed by HMAC), per-request batching, and the
 * reads themselves, one file per registry, each defined once with its cache key.
 */

// The breaker lives in @egov/core (Redis uses it too); re-exported here where registry code has always found it.
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from '@egov/core';
export { type BatchRead, byKey, cachedRead, createBatchLoader, groupedBy } from './batch.js';
export { MemoryCacheStore } from './cache/memory-store.js';
export { RedisCacheStore } from './cache/redis-store.js';
export { type CachePolicy, RegistryCache, StaleRecorder } from './cache/registry-cache.js';
export type { CacheEntry, CacheStore } from './cache/store.js';
export { ConcurrencyLimit, LimitExceeded } from './client/concurrency-limit.js';
export { type RegistryCall, RegistryClient, type RegistryClientOptions } from './client/registry-client.js';
export { RegistryError, type RegistryErrorCode } from './client/registry-error.js';
export { cachePoliciesFromEnv, registryClientOptionsFromEnv } from './config.js';
export { consentsRead, readConsents, readConsentsOfSubject, withdrawConsent } from './reads/consents.js';
export { personsRead, readPersons } from './reads/individuals.js';
export { entitiesRead, type ParticipationEntry, participationsRead, readEntities } from './reads/legal-entities.js';
export { forgetLicencesOf, licencesOfRead, licencesRead, readLicences, readLicencesOf } from './reads/licensing.js';
export { forgetPaymentsOf, paymentsOfRead, readPaymentsOf } from './reads/payments.js';
