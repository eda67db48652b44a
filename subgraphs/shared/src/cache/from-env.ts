import { randomBytes } from 'node:crypto';
import { ConfigError, envInt, envOptional } from '../config.js';
import type { RegistryClientOptions } from '../registry/index.js';
import type { RegistryName } from '../upstream/index.js';
import { MemoryCacheStore } from './memory-store.js';
import { createRedis } from './redis-client.js';
import { RedisCacheStore } from './redis-store.js';
import { RegistryCache, type CachePolicy } from './registry-cache.js';

type Env = Record<string, string | undefined>;

/** Default time each registry's answers stay fresh: payments change fastest. */
const DEFAULT_TTL_SECONDS: Record<RegistryName, number> = { individuals: 300, 'legal-entities': 300, payments: 15, licensing: 60 };
const ENV_NAME: Record<RegistryName, string> = { individuals: 'INDIVIDUALS', 'legal-entities': 'LEGAL_ENTITIES', payments: 'PAYMENTS', licensing: 'LICENSING' };

export function cachePoliciesFromEnv(env: Env = process.env): Record<RegistryName, CachePolicy> {
  const policy = (registry: RegistryName): CachePolicy => ({
    ttlMs: envInt(`${ENV_NAME[registry]}_CACHE_TTL_SECONDS`, DEFAULT_TTL_SECONDS[registry], env) * 1000,
    // Off unless decided per registry: serving old personal data while a registry is down is a choice.
    staleIfErrorMs: envInt(`${ENV_NAME[registry]}_STALE_IF_ERROR_SECONDS`, 0, env) * 1000,
  });
  return { individuals: policy('individuals'), 'legal-entities': policy('legal-entities'), payments: policy('payments'), licensing: policy('licensing') };
}

/**
 * The registry cache of one subgraph process: Redis (shared by every process) when REDIS_URL is set,
 * an in-process LRU otherwise. With Redis, CACHE_KEY_SECRET must be set (the same in every process), so
 * keys agree across processes and never carry a clear IIN/BIN.
 */
export function registryCacheFromEnv(service: string, env: Env = process.env): { cache: RegistryCache; close(): Promise<void> } {
  const policies = cachePoliciesFromEnv(env);
  const redisUrl = envOptional('REDIS_URL', env);
  if (!redisUrl) {
    return { cache: new RegistryCache(new MemoryCacheStore(), envOptional('CACHE_KEY_SECRET', env) ?? randomBytes(24).toString('hex'), policies), close: async () => undefined };
  }
  const secret = envOptional('CACHE_KEY_SECRET', env);
  if (!secret || secret.length < 16) throw new ConfigError('CACHE_KEY_SECRET (16+ characters, the same in every process) is required with REDIS_URL');
  const redis = createRedis(redisUrl, { name: `egov-${service}` });
  return {
    cache: new RegistryCache(new RedisCacheStore(redis, envOptional('CACHE_KEY_PREFIX', env) ?? 'egov:registry:'), secret, policies),
    close: async () => {
      redis.disconnect();
    },
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
