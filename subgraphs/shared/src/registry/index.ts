export { RegistryClient, type RegistryClientOptions, type RegistryCall } from './registry-client.js';
export { RegistryError, type RegistryErrorCode } from './registry-error.js';
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
export { ConcurrencyLimit, LimitExceeded } from './concurrency-limit.js';
export { createBatchLoader } from './batch-loader.js';
export { cachedRead, byKey, groupedBy, type BatchRead } from './cached-read.js';
export { participationsRead, type ParticipationEntry } from './participations.js';
export { forgetLicencesOf, forgetPaymentsOf, licencesOfRead, paymentsOfRead, personsRead } from './common-reads.js';
