import { type GuardedRedis, guarded } from '@egov/stores';
import type { Redis } from 'ioredis';
import type { CacheEntry, CacheStore } from './store.js';

/**
 * Cached registry answers in Redis, shared by every subgraph process. The client is passed in (one per
 * process, see createRedis) and every key is prefixed. Redis trouble never fails a read and never slows
 * one down for long: every command goes through the process's Redis breaker (GuardedRedis), so while
 * Redis is down or hung the answer is "not cached" at once, the store says degraded, and the registry is
 * asked directly; the breaker's probe brings the cache back when Redis answers again.
 */
export class RedisCacheStore implements CacheStore {
  readonly kind = 'redis' as const;
  private readonly redis: GuardedRedis;
  private lastError = 0;

  constructor(
    redis: Redis | GuardedRedis,
    private readonly prefix: string,
  ) {
    if (!prefix) throw new Error('RedisCacheStore needs a key prefix');
    this.redis = guarded(redis);
  }

  async getMany(keys: readonly string[]): Promise<Map<string, CacheEntry>> {
    const found = new Map<string, CacheEntry>();
    if (keys.length === 0) return found;
    try {
      const values = await this.redis.run((client) => client.mget(...keys.map((k) => this.prefix + k)));
      values.forEach((raw, i) => {
        if (raw) found.set(keys[i]!, JSON.parse(raw) as CacheEntry);
      });
    } catch {
      this.lastError = Date.now();
    }
    return found;
  }

  async setMany(entries: readonly { key: string; entry: CacheEntry; ttlMs: number }[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      await this.redis.run(async (client) => {
        const pipeline = client.pipeline();
        for (const { key, entry, ttlMs } of entries) pipeline.set(this.prefix + key, JSON.stringify(entry), 'PX', Math.max(1, Math.round(ttlMs)));
        // A pipeline resolves even when its commands timed out; their errors come back per command, and
        // must reach the breaker as the failure they are.
        const failed = (await pipeline.exec())?.find(([error]) => error);
        if (failed) throw failed[0];
      });
    } catch {
      this.lastError = Date.now();
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.run((client) => client.del(...keys.map((k) => this.prefix + k)));
    } catch {
      this.lastError = Date.now();
    }
  }

  health(): 'ok' | 'degraded' {
    return this.redis.usable && Date.now() - this.lastError > 5_000 ? 'ok' : 'degraded';
  }
}
