import { randomBytes } from 'node:crypto';
import { createRedis } from '@egov/stores';
import { afterAll, describe, expect, it } from 'vitest';
import { type IdempotencyStore, MemoryIdempotencyStore, RedisIdempotencyStore, runOnce } from '../src/idempotency/index.js';

const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'idempotency-test' });
const prefix = `egov-test-idem:${randomBytes(4).toString('hex')}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});
const ready = () => new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
const key = () => randomBytes(8).toString('hex');

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
    await store.claim(k, 'fp', 10_000);
    await store.release(k, 'someone-else');
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('in-progress');
    await store.release(k, 'fp');
    expect((await store.claim(k, 'fp', 10_000)).state).toBe('claimed');
  });

  it('forgets a key after its time to live', async () => {
    const store = await make();
    const k = key();
    await store.claim(k, 'fp', 50);
    await new Promise((r) => setTimeout(r, 120));
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

  it('refuses the same key for a different request with IDEMPOTENCY_KEY_REUSED', async () => {
    const store = await make();
    const k = key();
    await runOnce(store, k, 'fp', async () => 1, { ttlMs: 10_000 });
    await expect(runOnce(store, k, 'different', async () => 2, { ttlMs: 10_000 })).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' },
    });
  });
});
