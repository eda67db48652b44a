import type { Redis } from 'ioredis';
import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { GuardedRedis, RedisUnavailableError, redisBreakerOptionsFromEnv } from '../src/redis-breaker.js';

/** A Redis that can be hung: while hung, every command (and PING) fails after `timeoutMs`, as ioredis's command timeout does. */
function hangableRedis(timeoutMs = 30) {
  const state = { hung: false, commands: 0, pings: 0 };
  const answer = <T>(value: T) =>
    state.hung ? new Promise<T>((_, reject) => setTimeout(() => reject(new Error('Command timed out')), timeoutMs)) : Promise.resolve(value);
  const client = {
    status: 'ready',
    ping: () => {
      state.pings++;
      return answer('PONG');
    },
    get: () => {
      state.commands++;
      return answer('cached');
    },
  };
  return { client: client as unknown as Redis, state, get: (c: Redis) => (c as unknown as typeof client).get() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis behind its breaker', () => {
  it('is skipped at once after a few commands in a row waited out their timeout', async () => {
    const redis = hangableRedis();
    const guarded = new GuardedRedis(redis.client, { failureThreshold: 3, openMs: 10_000 });
    redis.state.hung = true;
    for (let i = 0; i < 3; i++) await expect(guarded.run(redis.get)).rejects.toThrow('Command timed out');
    // Skipped, not sent: the fourth command never reaches Redis, so it cannot wait out a timeout (a wall-clock
    // bound here failed under CI load; the count is the guarantee).
    await expect(guarded.run(redis.get)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(redis.state.commands).toBe(3);
    expect(guarded.circuit).toBe('OPEN');
    expect(guarded.usable).toBe(false);
  });

  it('probes with a PING once the open period is over, no request waiting for it, and is used again when Redis answers', async () => {
    const redis = hangableRedis();
    const guarded = new GuardedRedis(redis.client, { failureThreshold: 1, openMs: 50 });
    redis.state.hung = true;
    await expect(guarded.run(redis.get)).rejects.toThrow();
    await sleep(60);
    // Still hung: the probe fails in the background while requests skip Redis.
    await expect(guarded.run(redis.get)).rejects.toBeInstanceOf(RedisUnavailableError);
    await sleep(150);
    redis.state.hung = false;
    await expect(guarded.run(redis.get)).rejects.toBeInstanceOf(RedisUnavailableError);
    await sleep(10);
    expect(redis.state.pings).toBe(2);
    await expect(guarded.run(redis.get)).resolves.toBe('cached');
    expect(guarded.circuit).toBe('CLOSED');
  });

  it('does not count an error Redis answered (a wrong type, a script error) as an outage', async () => {
    const redis = hangableRedis();
    const guarded = new GuardedRedis(redis.client, { failureThreshold: 1, openMs: 10_000 });
    await expect(guarded.run(() => Promise.reject(new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value')))).rejects.toThrow(
      'WRONGTYPE',
    );
    expect(guarded.circuit).toBe('CLOSED');
  });

  it('takes its settings from REDIS_BREAKER_FAILURES and REDIS_BREAKER_OPEN_MS', () => {
    expect(redisBreakerOptionsFromEnv({ REDIS_BREAKER_FAILURES: '5', REDIS_BREAKER_OPEN_MS: '2000' })).toEqual({ failureThreshold: 5, openMs: 2000 });
    expect(redisBreakerOptionsFromEnv({})).toEqual({ failureThreshold: 3, openMs: 1000 });
  });
});
