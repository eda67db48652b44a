import { envOptional } from '@egov/core';
import { Redis } from 'ioredis';

/**
 * REDIS_KEY_PREFIX: what every key of this deployment starts with (default `egov:`), so deployments sharing one
 * Redis keep apart: the subgraphs' `<prefix>registry:` and `<prefix>idempotency:`, the gateway's `<prefix>rate:`.
 */
export function redisKeyPrefix(env: Record<string, string | undefined> = process.env): string {
  return envOptional('REDIS_KEY_PREFIX', env) ?? 'egov:';
}

/**
 * One ioredis client per process with settings that keep a Redis outage from slowing requests: commands
 * fail at once while disconnected (no offline queue) or after a short timeout, and the client keeps
 * reconnecting in the background.
 */
export function createRedis(url: string, options: { commandTimeoutMs?: number; name?: string } = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 1_000,
    connectionName: options.name,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // Connection errors are expected while Redis is down; health() reports them, logs need not repeat them.
  redis.on('error', () => undefined);
  return redis;
}
