import { ErrorCode, graphqlError, sleep } from '@egov/core';
import type { IdempotencyStore } from './store.js';

export interface RunOnceOptions<R> {
  /** How long a finished request's result is kept for its duplicates (a day, say). */
  ttlMs: number;
  /**
   * How long a claim lives without its owner: the owner renews it every third of this while it works, so
   * only a dead owner's claim runs out. Default 10 s.
   */
  leaseMs?: number;
  /**
   * How long a duplicate waits for the owner's result before it is told IDEMPOTENCY_IN_PROGRESS (retry
   * shortly). Default 3 s: a waiting retry must answer well before a gateway gives up on the call (10 s).
   */
  waitMs?: number;
  pollMs?: number;
  /**
   * Where the work's effect is recorded for good (the committed database row), as the result a duplicate
   * should get. Asked when the key is held by someone else: its owner may have died after committing, or
   * committed while the store could not be told, and the client must still get its answer at once.
   */
  recorded?: () => Promise<R | null>;
}

/**
 * Runs `work` once per key: the first request claims the key and runs it, renewing its lease while it
 * works, and its result is kept for `ttlMs`; duplicates, concurrent or later, get that result; the same
 * key with a different request fingerprint is refused (IDEMPOTENCY_KEY_REUSED). If `work` throws, the
 * claim is released so the client can retry with the key. If the store is unreachable the gate steps
 * aside and `work` runs: the work's own guard (a unique key in the database, the upstream's order key)
 * is the last line of defence, so Redis trouble never blocks a request.
 */
export async function runOnce<R>(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  work: () => Promise<R>,
  options: RunOnceOptions<R>,
): Promise<{ result: R; replayed: boolean }> {
  const leaseMs = options.leaseMs ?? 10_000;
  const deadline = Date.now() + (options.waitMs ?? 3_000);
  let lookedUp = false;
  for (;;) {
    let claim: Awaited<ReturnType<typeof store.claim<R>>>;
    try {
      claim = await store.claim<R>(key, fingerprint, leaseMs);
    } catch {
      return { result: await work(), replayed: false };
    }
    if (claim.state === 'done') return { result: claim.result, replayed: true };
    if (claim.state === 'conflict') {
      throw graphqlError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for a different request; use a new key', {
        field: 'idempotencyKey',
      });
    }
    if (claim.state === 'claimed') return runClaimed(store, key, fingerprint, claim.token, work, leaseMs, options.ttlMs);

    // Held by another request: one that is still working, or one whose owner died after doing the work.
    const expired = Date.now() > deadline;
    if (options.recorded && (!lookedUp || expired)) {
      lookedUp = true;
      const result = await options.recorded();
      if (result !== null) return { result, replayed: true };
    }
    if (expired) {
      throw graphqlError(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'The first request with this idempotency key is still running; retry with the same key shortly', {
        field: 'idempotencyKey',
      });
    }
    await sleep(options.pollMs ?? 100);
  }
}

async function runClaimed<R>(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  token: string,
  work: () => Promise<R>,
  leaseMs: number,
  ttlMs: number,
): Promise<{ result: R; replayed: boolean }> {
  // A failed renewal is no reason to stop: the claim may lapse and a retry run the work again, which the
  // work's own guard turns into a replay of this result.
  const renewal = setInterval(() => void store.renew(key, token, leaseMs).catch(() => false), Math.max(50, Math.floor(leaseMs / 3)));
  renewal.unref();
  let result: R;
  try {
    result = await work();
  } catch (error) {
    await store.release(key, token).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(renewal);
  }
  await store.complete(key, fingerprint, result, ttlMs).catch(() => undefined);
  return { result, replayed: false };
}
