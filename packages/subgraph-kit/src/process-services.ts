import { randomBytes } from 'node:crypto';
import { ConfigError, envOptional } from '@egov/core';
import { cachePoliciesFromEnv, MemoryCacheStore, RedisCacheStore, RegistryCache } from '@egov/registry-client';
import {
  createRedis,
  GuardedRedis,
  type IdempotencyStore,
  MemoryIdempotencyStore,
  RedisIdempotencyStore,
  redisBreakerOptionsFromEnv,
  redisKeyPrefix,
} from '@egov/stores';
import type { Redis } from 'ioredis';

type Env = Record<string, string | undefined>;

export interface ProcessServices {
  /** Registry answers cache (Redis, shared by every process, or an in-process LRU). */
  cache: RegistryCache;
  /** Idempotency keys of mutations (Redis, or in-process). */
  idempotency: IdempotencyStore;
  /** The one Redis client of this process, when REDIS_URL is set. */
  redis: Redis | null;
  close(): Promise<void>;
}

/**
 * What one process keeps in Redis when REDIS_URL is set, through one client: the registry cache and the
 * idempotency keys. Without REDIS_URL (the `npm start` default) both live in the process. With Redis,
 * CACHE_KEY_SECRET must be set, the same in every process, so cache keys agree and never show an id.
 */
export function servicesFromEnv(service: string, env: Env = process.env): ProcessServices {
  const policies = cachePoliciesFromEnv(env);
  const redisUrl = envOptional('REDIS_URL', env);
  const prefix = redisKeyPrefix(env);
  if (!redisUrl) {
    const secret = envOptional('CACHE_KEY_SECRET', env) ?? randomBytes(24).toString('hex');
    return {
      cache: new RegistryCache(new MemoryCacheStore(), secret, policies),
      idempotency: new MemoryIdempotencyStore(),
      redis: null,
      close: async () => undefined,
    };
  }
  const secret = envOptional('CACHE_KEY_SECRET', env);
  if (!secret || secret.length < 16) throw new ConfigError('CACHE_KEY_SECRET (16+ characters, the same in every process) is required with REDIS_URL');
  const redis = createRedis(redisUrl, { name: `egov-${service}` });
  // One breaker for the process's Redis: when the cache finds it hung, the idempotency gate skips it too.
  const guarded = new GuardedRedis(redis, redisBreakerOptionsFromEnv(env));
  return {
    cache: new RegistryCache(new RedisCacheStore(guarded, `${prefix}registry:`), secret, policies),
    idempotency: new RedisIdempotencyStore(guarded, `${prefix}idempotency:`),
    redis,
    close: async () => {
      redis.disconnect();
    },
  };
}
