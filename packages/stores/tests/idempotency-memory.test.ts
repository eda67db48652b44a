import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryIdempotencyStore } from '../src/idempotency/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the in-memory idempotency store is bounded by the keys live at once', () => {
  it('sweeps records past their TTL as new ones come in, and keeps every live one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T12:00:00Z'));
    const store = new MemoryIdempotencyStore();
    // A day's worth of submissions would be 100 000 rounds of this; 20 rounds of 5 000 keys that each live 1 s.
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 5_000; i++) {
        const key = `r${round}-${i}`;
        await store.claim(key, 'fp', 10_000);
        await store.complete(key, 'fp', { number: i }, 1_000);
      }
      vi.advanceTimersByTime(2_000);
    }
    expect(store.size).toBeLessThanOrEqual(2 * 5_000 + 1);
    // A key still within its TTL is there, with its result, whatever was swept around it.
    const keep = 'long-lived';
    await store.claim(keep, 'fp', 10_000);
    await store.complete(keep, 'fp', { number: 'kept' }, 3_600_000);
    for (let i = 0; i < 20_000; i++) await store.claim(`late-${i}`, 'fp', 1);
    vi.advanceTimersByTime(10);
    for (let i = 0; i < 20_000; i++) await store.claim(`later-${i}`, 'fp', 1);
    expect(await store.claim(keep, 'fp', 10_000)).toEqual({ state: 'done', result: { number: 'kept' } });
    expect(store.size).toBeLessThan(40_000);
  });
});
