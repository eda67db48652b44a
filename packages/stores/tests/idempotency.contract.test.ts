import { randomBytes } from 'node:crypto';
import { createRedis } from '@egov/stores';
import { afterAll, describe, expect, it } from 'vitest';
import { type Claim, type IdempotencyStore, MemoryIdempotencyStore, RedisIdempotencyStore, runOnce } from '../src/idempotency/index.js';

const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'idempotency-test' });
const prefix = `egov-test-idem:${randomBytes(4).toString('hex')}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});
const ready = () => new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
const key = () => randomBytes(8).toString('hex');
const tokenOf = (claim: Claim<unknown>) => {
  if (claim.state !== 'claimed') throw new Error(`expected to own the key, got ${claim.state}`);
  return claim.token;
};

/** Every idempotency store must behave the same: memory for `npm start`, Redis for several processes. */
describe.each([
  ['memory', async (): Promise<IdempotencyStore> => new MemoryIdempotencyStore()],
  ['redis (real server)', async (): Promise<IdempotencyStore> => (await ready(), new RedisIdempotencyStore(redis, prefix))],
])('a %s idempotency store', (_name, make) => {
  it('lets exactly one of many simultaneous claims own a key', async () => {
    const store = await make();
    const k = key();
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(k, 'fp', 10_000)));
    expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.state === 'in-progress')).toHaveLength(19);
  });

  it('gives later duplicates the recorded result, and refuses the key for a different request', async () => {
    const store = await make();
    const k = key();
    await store.claim(k, 'fp', 10_000);
    await store.complete(k, 'fp', { number: 'EL-2026-0000001' }, 10_000);
    expect(await store.claim(k, 'fp', 10_000)).toEqual({ state: 'done', result: { number: 'EL-2026-0000001' } });
    expect(await store.claim(k, 'another', 10_000)).toEqual({ state: 'conflict' });
  });

  it("frees a key its owner released, but never another request's", async () => {
    const store = await make();
    const k = key();
    const owner = await store.claim(k, 'fp', 10_000);
    await store.release(k, 'someone-else');
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('in-progress');
    await store.release(k, tokenOf(owner));
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('claimed');
  });

  it('frees the claim of an owner that stopped renewing it (it died) once its lease runs out', async () => {
    const store = await make();
    const k = key();
    await store.claim(k, 'fp', 100);
    expect((await store.claim(k, 'fp', 100)).state).toBe('in-progress');
    await new Promise((r) => setTimeout(r, 180));
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('claimed');
  });

  it('keeps a claim its owner renews past its first lease, and lets nobody else renew it', async () => {
    const store = await make();
    const k = key();
    const owner = tokenOf(await store.claim(k, 'fp', 150));
    expect(await store.renew(k, 'someone-else', 10_000)).toBe(false);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 80));
      expect(await store.renew(k, owner, 150)).toBe(true);
    }
    expect((await store.claim(k, 'fp', 150)).state).toBe('in-progress');
  });

  it('no longer lets the old owner renew or release a claim that lapsed and was taken over', async () => {
    const store = await make();
    const k = key();
    const first = tokenOf(await store.claim(k, 'fp', 50));
    await new Promise((r) => setTimeout(r, 120));
    const second = tokenOf(await store.claim(k, 'fp', 10_000));
    expect(second).not.toBe(first);
    expect(await store.renew(k, first, 10_000)).toBe(false);
    await store.release(k, first);
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('in-progress');
  });

  it('keeps a recorded result for its time to live, then forgets it', async () => {
    const store = await make();
    const k = key();
    await store.claim(k, 'fp', 10_000);
    await store.complete(k, 'fp', 'r', 80);
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('done');
    await new Promise((r) => setTimeout(r, 150));
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('claimed');
  });

  it('runs the work once for twenty concurrent duplicates and answers all of them with its result', async () => {
    const store = await make();
    const k = key();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 100));
      return { paymentId: 'PSH-1' };
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => runOnce(store, k, 'fp', work, { ttlMs: 10_000, pollMs: 10 })));
    expect(runs).toBe(1);
    expect(results.every((r) => r.result.paymentId === 'PSH-1')).toBe(true);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it('releases the key when the work fails, so the client can retry with it', async () => {
    const store = await make();
    const k = key();
    await expect(
      runOnce(
        store,
        k,
        'fp',
        async () => {
          throw new Error('registry down');
        },
        { ttlMs: 10_000 },
      ),
    ).rejects.toThrow('registry down');
    await expect(runOnce(store, k, 'fp', async () => 'ok', { ttlMs: 10_000 })).resolves.toEqual({ result: 'ok', replayed: false });
  });

  it('keeps its claim alive while the work outlasts the lease, so duplicates wait rather than run it again', async () => {
    const store = await make();
    const k = key();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 400));
      return 'once';
    };
    const first = runOnce(store, k, 'fp', work, { ttlMs: 10_000, leaseMs: 150, pollMs: 20 });
    await new Promise((r) => setTimeout(r, 250));
    const duplicate = await runOnce(store, k, 'fp', work, { ttlMs: 10_000, leaseMs: 150, pollMs: 20, waitMs: 1_000 });
    expect(await first).toEqual({ result: 'once', replayed: false });
    expect(duplicate).toEqual({ result: 'once', replayed: true });
    expect(runs).toBe(1);
  });

  it('answers a retry whose first attempt died after doing the work with the recorded result, at once', async () => {
    const store = await make();
    const k = key();
    // The owner claimed the key, committed its work, and died before telling the store.
    await store.claim(k, 'fp', 10_000);
    const started = Date.now();
    const retry = await runOnce(store, k, 'fp', async () => 'must not run', { ttlMs: 10_000, recorded: async () => 'EL-2026-0000007' });
    expect(retry).toEqual({ result: 'EL-2026-0000007', replayed: true });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('tells a retry whose owner is still busy (or died before doing anything) to retry, within the wait', async () => {
    const store = await make();
    const k = key();
    await store.claim(k, 'fp', 10_000);
    const started = Date.now();
    await expect(runOnce(store, k, 'fp', async () => 'x', { ttlMs: 10_000, waitMs: 300, recorded: async () => null })).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_IN_PROGRESS' },
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses the same key for a different request with IDEMPOTENCY_KEY_REUSED', async () => {
    const store = await make();
    const k = key();
    await runOnce(store, k, 'fp', async () => 1, { ttlMs: 10_000 });
    await expect(runOnce(store, k, 'different', async () => 2, { ttlMs: 10_000 })).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' },
    });
  });
});

describe('a request whose idempotency store is unreachable', () => {
  it('still runs (the work keeps its own guard, such as a unique key in the database)', async () => {
    const broken: IdempotencyStore = {
      claim: () => Promise.reject(new Error('Redis is down')),
      renew: () => Promise.reject(new Error('Redis is down')),
      complete: () => Promise.reject(new Error('Redis is down')),
      release: () => Promise.reject(new Error('Redis is down')),
    };
    await expect(runOnce(broken, key(), 'fp', async () => 'filed', { ttlMs: 10_000 })).resolves.toEqual({ result: 'filed', replayed: false });
  });
});
