import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit, LimitExceeded } from '../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a concurrency limit', () => {
  it('runs at most `max` at once and the rest in turn', async () => {
    const limit = new ConcurrencyLimit(2, 10);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limit.run(async () => {
          most = Math.max(most, ++running);
          await sleep(20);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(limit.load).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses a call that waited longer than maxWaitMs for its turn, without ever running it', async () => {
    const limit = new ConcurrencyLimit(1, 10, 50);
    let ran = false;
    const busy = limit.run(() => sleep(300));
    const started = Date.now();
    await expect(limit.run(async () => void (ran = true))).rejects.toBeInstanceOf(LimitExceeded);
    expect(Date.now() - started).toBeLessThan(250);
    expect(ran).toBe(false);
    await busy;
    // The slot is free again: the next call runs at once.
    await expect(limit.run(async () => 'ran')).resolves.toBe('ran');
  });
});
