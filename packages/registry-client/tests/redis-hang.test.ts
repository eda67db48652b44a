import { type ChildProcess, spawn } from 'node:child_process';
import { createRedis, GuardedRedis } from '@egov/stores';
import { freePort } from '@egov/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCacheStore } from '../src/index.js';

/**
 * A Redis of this test's own, hung with SIGSTOP (its connections stay open and nothing answers), as the
 * machine's shared Redis must never be.
 */
let server: ChildProcess;
let redis: Redis;
beforeAll(async () => {
  const port = await freePort();
  server = spawn(process.env.FAULT_REDIS_SERVER ?? 'redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redis = createRedis(`redis://127.0.0.1:${port}`, { name: 'cache-hang-test' });
  await new Promise((resolve) => redis.once('ready', resolve));
});
afterAll(() => {
  redis?.disconnect();
  server?.kill('SIGCONT');
  server?.kill('SIGTERM');
});

const entry = (key: string) => ({ key, entry: { value: { key }, storedAt: Date.now() }, ttlMs: 60_000 });

describe('the registry cache in Redis while Redis hangs', () => {
  it('stops waiting on it after a few timeouts (reads and writes alike), and uses it again once it answers', async () => {
    const store = new RedisCacheStore(new GuardedRedis(redis, { failureThreshold: 3, openMs: 200 }), 'egov-test-hang:');
    await store.setMany([entry('a')]);
    expect((await store.getMany(['a'])).size).toBe(1);

    server.kill('SIGSTOP');
    const timings: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      expect((await store.getMany(['a'])).size).toBe(0);
      await store.setMany([entry('b')]);
      timings.push(performance.now() - started);
    }
    // Two round trips pay the timeout; after that the breaker is open and Redis is skipped at once.
    expect(timings.slice(2).every((ms) => ms < 20)).toBe(true);
    expect(store.health()).toBe('degraded');

    server.kill('SIGCONT');
    const deadline = Date.now() + 3_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      back = (await store.getMany(['a'])).size === 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(back).toBe(true);
  });
});
