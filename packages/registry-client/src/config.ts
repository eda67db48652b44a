import type { RegistryName } from '@egov/contracts';
import { envInt } from '@egov/core';
import type { CachePolicy } from './cache/registry-cache.js';
import type { RegistryClientOptions } from './client/registry-client.js';

type Env = Record<string, string | undefined>;

/** Default time each registry's answers stay fresh: payments change fastest. */
/** Consents are cached briefly (a withdrawal made elsewhere shows within this), and never past their own end (see readConsents). */
const DEFAULT_TTL_SECONDS: Record<RegistryName, number> = { individuals: 300, 'legal-entities': 300, payments: 15, licensing: 60, consents: 30 };
const ENV_NAME: Record<RegistryName, string> = {
  individuals: 'INDIVIDUALS',
  'legal-entities': 'LEGAL_ENTITIES',
  payments: 'PAYMENTS',
  licensing: 'LICENSING',
  consents: 'CONSENTS',
};

export function cachePoliciesFromEnv(env: Env = process.env): Record<RegistryName, CachePolicy> {
  const policy = (registry: RegistryName): CachePolicy => ({
    ttlMs: envInt(`${ENV_NAME[registry]}_CACHE_TTL_SECONDS`, DEFAULT_TTL_SECONDS[registry], env) * 1000,
    // Off unless decided per registry: serving old personal data while a registry is down is a choice.
    staleIfErrorMs: envInt(`${ENV_NAME[registry]}_STALE_IF_ERROR_SECONDS`, 0, env) * 1000,
  });
  return {
    individuals: policy('individuals'),
    'legal-entities': policy('legal-entities'),
    payments: policy('payments'),
    licensing: policy('licensing'),
    // A consent check fails closed: an old answer never stands in for a consent service that is down.
    consents: { ttlMs: policy('consents').ttlMs, staleIfErrorMs: 0 },
  };
}

/** Retry, breaker and concurrency settings shared by every registry client of a process. */
export function registryClientOptionsFromEnv(env: Env = process.env): Pick<RegistryClientOptions, 'retries' | 'breaker' | 'maxConcurrency' | 'maxQueue'> {
  return {
    retries: envInt('REGISTRY_RETRIES', 2, env),
    breaker: { failureThreshold: envInt('REGISTRY_BREAKER_FAILURES', 5, env), openMs: envInt('REGISTRY_BREAKER_OPEN_MS', 10_000, env) },
    maxConcurrency: envInt('REGISTRY_MAX_CONCURRENCY', 32, env),
    maxQueue: envInt('REGISTRY_MAX_QUEUE', 256, env),
  };
}
