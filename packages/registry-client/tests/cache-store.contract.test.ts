import { randomBytes } from 'node:crypto';
import { createRedis } from '@egov/stores';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type CacheStore, MemoryCacheStore, RedisCacheStore } from '../src/index.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = createRedis(REDIS_URL, { name: 'cache-contract-test' });
const prefix = `egov-test:${randomBytes(4).toString('hex')}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const ready = () => new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same behaviour is required of every store: memory for `npm start`, Redis in production. */
describe.each([
  ['memory', async (): Promise<CacheStore> => new MemoryCacheStore()],
  ['redis (real server)', async (): Promise<CacheStore> => (await ready(), new RedisCacheStore(redis, prefix))],
])('a %s cache store', (_name, make) => {
  it('returns what was stored, and nothing for keys never stored', async () => {
    const store = await make();
    await store.setMany([
      { key: 'a', entry: { value: { n: 1 }, storedAt: 10 }, ttlMs: 10_000 },
      { key: 'b', entry: { value: null, storedAt: 11 }, ttlMs: 10_000 },
    ]);
    const found = await store.getMany(['a', 'b', 'c']);
    expect(Object.fromEntries(found)).toEqual({ a: { value: { n: 1 }, storedAt: 10 }, b: { value: null, storedAt: 11 } });
    expect(store.health()).toBe('ok');
  });

  it('forgets an entry after its time to live', async () => {
    const store = await make();
    await store.setMany([{ key: 'short', entry: { value: 1, storedAt: 0 }, ttlMs: 60 }]);
    await sleep(150);
    expect((await store.getMany(['short'])).size).toBe(0);
  });

  it('forgets deleted entries', async () => {
    const store = await make();
    await store.setMany([{ key: 'gone', entry: { value: 1, storedAt: 0 }, ttlMs: 10_000 }]);
    await store.delete(['gone']);
    expect((await store.getMany(['gone'])).size).toBe(0);
  });
});

describe('a Redis cache store whose Redis is down', () => {
  it('answers "nothing cached" at once, never throws, and says it is degraded', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on('error', () => undefined);
    await dead.connect().catch(() => undefined);
    const store = new RedisCacheStore(dead, 'egov-test-down:');
    const started = Date.now();
    expect((await store.getMany(['a'])).size).toBe(0);
    await store.setMany([{ key: 'a', entry: { value: 1, storedAt: 0 }, ttlMs: 1000 }]);
    await store.delete(['a']);
    expect(Date.now() - started).toBeLessThan(500);
    expect(store.health()).toBe('degraded');
    dead.disconnect();
  });
});

describe('the in-process cache store (npm start, no Redis)', () => {
  const person = (i: number) => ({
    iin: String(900101300000 + i),
    lastName: 'Сейткали',
    firstName: 'Әлия',
    address: { city: 'Астана', street: 'Мәңгілік Ел' },
  });

  it('stays within its byte budget however many answers arrive, forgetting the least recently used first', async () => {
    const store = new MemoryCacheStore({ maxEntries: 1_000_000, maxBytes: 64 * 1024 });
    for (let i = 0; i < 2_000; i++) await store.setMany([{ key: `k${i}`, entry: { value: person(i), storedAt: 0 }, ttlMs: 60_000 }]);
    expect(store.usage.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(store.usage.entries).toBeGreaterThan(100);
    expect(store.usage.entries).toBeLessThan(2_000);
    expect((await store.getMany(['k0', 'k1999'])).has('k0')).toBe(false);
    expect((await store.getMany(['k1999'])).get('k1999')?.value).toEqual(person(1999));
  });

  it('keeps no answer larger than its whole budget, and still answers "nothing cached" for it', async () => {
    const store = new MemoryCacheStore({ maxBytes: 1024 });
    await store.setMany([{ key: 'huge', entry: { value: 'x'.repeat(10_000), storedAt: 0 }, ttlMs: 60_000 }]);
    expect((await store.getMany(['huge'])).size).toBe(0);
    expect(store.usage.bytes).toBe(0);
  });
});
