import { randomBytes } from 'node:crypto';
import { ErrorCode } from '@egov/core';
import { createRedis } from '@egov/stores';
import { afterAll, describe, expect, it } from 'vitest';
import { type CachePolicy, MemoryCacheStore, RedisCacheStore, RegistryCache, RegistryError, StaleRecorder } from '../src/index.js';

const policy = (ttlMs: number, staleIfErrorMs = 0): Record<'individuals' | 'legal-entities' | 'payments' | 'licensing' | 'consents', CachePolicy> => ({
  individuals: { ttlMs, staleIfErrorMs },
  consents: { ttlMs, staleIfErrorMs: 0 },
  'legal-entities': { ttlMs, staleIfErrorMs },
  payments: { ttlMs, staleIfErrorMs },
  licensing: { ttlMs, staleIfErrorMs },
});
const SECRET = 'a-test-secret-of-32-characters!!';
const down = () => new RegistryError('individuals', ErrorCode.REGISTRY_UNAVAILABLE, 'is unreachable', { transient: true });

function counting(answers: Record<string, string | null>) {
  const asked: string[][] = [];
  let failing = false;
  const fetch = async (ids: string[]) => {
    asked.push(ids);
    if (failing) throw down();
    return new Map(ids.map((id) => [id, answers[id] ?? null]));
  };
  return { fetch, asked, fail: () => (failing = true) };
}

describe('registry answers through the cache', () => {
  it('asks the registry once for what it does not hold fresh, in one batch', async () => {
    let now = 1_000;
    const cache = new RegistryCache(new MemoryCacheStore(), SECRET, policy(60_000), () => now);
    const registry = counting({ '850314301234': 'Ахметов', '621102407892': 'Жумабаева' });
    const read = cache.batch('individuals', 'person', registry.fetch);
    expect(Object.fromEntries(await read(['850314301234']))).toEqual({ '850314301234': 'Ахметов' });
    expect(Object.fromEntries(await read(['850314301234', '621102407892']))).toEqual({ '850314301234': 'Ахметов', '621102407892': 'Жумабаева' });
    expect(registry.asked).toEqual([['850314301234'], ['621102407892']]);
    now += 61_000;
    await read(['850314301234']);
    expect(registry.asked.at(-1)).toEqual(['850314301234']);
  });

  it('keeps a "no such record" answer only briefly', async () => {
    let now = 0;
    const cache = new RegistryCache(new MemoryCacheStore(), SECRET, policy(300_000), () => now);
    const registry = counting({});
    const read = cache.batch('individuals', 'person', registry.fetch);
    await read(['770707342424']);
    now += 10_000;
    await read(['770707342424']);
    expect(registry.asked).toHaveLength(1);
  });

  it('serves a cached answer within the stale-if-error window while the registry fails, and says so', async () => {
    let now = 0;
    const cache = new RegistryCache(new MemoryCacheStore(), SECRET, policy(1_000, 60_000), () => now);
    const registry = counting({ '850314301234': 'Ахметов' });
    const read = cache.batch('individuals', 'person', registry.fetch);
    await read(['850314301234']);
    registry.fail();
    now += 30_000;
    const stale = new StaleRecorder();
    expect(Object.fromEntries(await read(['850314301234'], stale))).toEqual({ '850314301234': 'Ахметов' });
    expect(stale.toExtension()).toEqual([{ registry: 'individuals', ageSeconds: 30 }]);
    now += 60_000;
    await expect(read(['850314301234'], stale)).rejects.toBeInstanceOf(RegistryError);
  });

  it('reports the failure when stale-if-error is off (the default for personal data)', async () => {
    let now = 0;
    const cache = new RegistryCache(new MemoryCacheStore(), SECRET, policy(1_000), () => now);
    const registry = counting({ '850314301234': 'Ахметов' });
    const read = cache.batch('individuals', 'person', registry.fetch);
    await read(['850314301234']);
    registry.fail();
    now += 2_000;
    await expect(read(['850314301234'])).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE' } });
  });

  it('forgets what our own mutation made wrong', async () => {
    const cache = new RegistryCache(new MemoryCacheStore(), SECRET, policy(60_000));
    const registry = counting({ '080440001234': 'three licences' });
    const read = cache.batch('licensing', 'by-holder', registry.fetch);
    await read(['080440001234']);
    await cache.invalidate('licensing', 'by-holder', ['080440001234']);
    await read(['080440001234']);
    expect(registry.asked).toHaveLength(2);
  });
});

describe('cache keys', () => {
  const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'cache-key-test' });
  const prefix = `egov-test-keys:${randomBytes(4).toString('hex')}:`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('never carry an IIN or BIN in clear, in Redis either, and differ by secret', async () => {
    await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
    const cache = new RegistryCache(new RedisCacheStore(redis, prefix), SECRET, policy(60_000));
    await cache.batch('individuals', 'person', async (ids) => new Map(ids.map((id) => [id, 'x'])))(['850314301234', '080440001234']);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toHaveLength(2);
    expect(keys.join(' ')).not.toMatch(/\d{12}/);
    expect(cache.key('individuals', 'person', '850314301234')).not.toBe(
      new RegistryCache(new MemoryCacheStore(), 'another-secret-entirely-000', policy(1)).key('individuals', 'person', '850314301234'),
    );
  });
});
