import type { Redis } from 'ioredis';
import { type Claim, decide, type IdempotencyRecord, type IdempotencyStore } from './store.js';

/**
 * Idempotency keys in Redis, shared by every process: SET NX makes exactly one request the owner of a key,
 * whichever process it reached. The client is passed in; every key is prefixed.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    if (!prefix) throw new Error('RedisIdempotencyStore needs a key prefix');
  }

  async claim<R>(key: string, fingerprint: string, ttlMs: number): Promise<Claim<R>> {
    const pending: IdempotencyRecord<R> = { fingerprint, done: false };
    const set = await this.redis.set(this.prefix + key, JSON.stringify(pending), 'PX', ttlMs, 'NX');
    if (set === 'OK') return { state: 'claimed' };
    const raw = await this.redis.get(this.prefix + key);
    // Expired between the two calls: try once more.
    if (raw === null) return this.claim(key, fingerprint, ttlMs);
    return decide(JSON.parse(raw) as IdempotencyRecord<R>, fingerprint)!;
  }

  async complete<R>(key: string, fingerprint: string, result: R, ttlMs: number): Promise<void> {
    const done: IdempotencyRecord<R> = { fingerprint, done: true, result };
    await this.redis.set(this.prefix + key, JSON.stringify(done), 'PX', ttlMs);
  }

  async release(key: string, fingerprint: string): Promise<void> {
    // Only the owner's pending record is removed, never someone else's (compare and delete atomically).
    await this.redis.eval(
      `local v = redis.call('GET', KEYS[1]) if v and cjson.decode(v).fingerprint == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
      1,
      this.prefix + key,
      fingerprint,
    );
  }
}
