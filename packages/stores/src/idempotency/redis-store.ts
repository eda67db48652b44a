import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type GuardedRedis, guarded } from '../redis-breaker.js';
import { type Claim, decide, type IdempotencyRecord, type IdempotencyStore } from './store.js';

/** Extends a pending claim only while it is still the caller's (compare and expire, atomically). */
const RENEW = `local v = redis.call('GET', KEYS[1])
if v then local r = cjson.decode(v) if r.done == false and r.owner == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end end
return 0`;

/** Removes a pending claim only while it is still the caller's, never someone else's (compare and delete). */
const RELEASE = `local v = redis.call('GET', KEYS[1])
if v then local r = cjson.decode(v) if r.done == false and r.owner == ARGV[1] then return redis.call('DEL', KEYS[1]) end end
return 0`;

/**
 * Idempotency keys in Redis, shared by every process: SET NX PX makes exactly one request the owner of a
 * key for one lease, whichever process it reached. Every command goes through the process's Redis breaker,
 * so a hung Redis costs a request nothing once the breaker is open (the caller then goes on without the
 * gate; the database's unique key is the last guard). The client is passed in; every key is prefixed.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: GuardedRedis;

  constructor(
    redis: Redis | GuardedRedis,
    private readonly prefix: string,
  ) {
    if (!prefix) throw new Error('RedisIdempotencyStore needs a key prefix');
    this.redis = guarded(redis);
  }

  async claim<R>(key: string, fingerprint: string, leaseMs: number): Promise<Claim<R>> {
    // A record that expires between SET NX and GET is simply claimed again, a few times at most.
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = randomUUID();
      const pending: IdempotencyRecord<R> = { fingerprint, done: false, owner: token };
      const set = await this.redis.run((client) => client.set(this.prefix + key, JSON.stringify(pending), 'PX', leaseMs, 'NX'));
      if (set === 'OK') return { state: 'claimed', token };
      const raw = await this.redis.run((client) => client.get(this.prefix + key));
      if (raw !== null) return decide(JSON.parse(raw) as IdempotencyRecord<R>, fingerprint)!;
    }
    return { state: 'in-progress' };
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    return (await this.redis.run((client) => client.eval(RENEW, 1, this.prefix + key, token, String(leaseMs)))) === 1;
  }

  async complete<R>(key: string, fingerprint: string, result: R, ttlMs: number): Promise<void> {
    const done: IdempotencyRecord<R> = { fingerprint, done: true, result };
    await this.redis.run((client) => client.set(this.prefix + key, JSON.stringify(done), 'PX', ttlMs));
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.run((client) => client.eval(RELEASE, 1, this.prefix + key, token));
  }
}
