import { ErrorCode, graphqlError, sleep } from '@egov/core';
import type { IdempotencyStore } from './store.js';

export interface RunOnceOptions {
  ttlMs: number;
  /** How long a duplicate waits for the first request's result before being told to retry. Default 5 s. */
  waitMs?: number;
  pollMs?: number;
}

/**
 * Runs `work` once per key: the first request runs it and its result is kept for `ttlMs`; duplicates,
 * concurrent or later, get that result; the same key with a different request fingerprint is refused
 * (IDEMPOTENCY_KEY_REUSED). If `work` throws, the key is released so the client can retry with it.
 */
export async function runOnce<R>(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  work: () => Promise<R>,
  options: RunOnceOptions,
): Promise<{ result: R; replayed: boolean }> {
  const deadline = Date.now() + (options.waitMs ?? 5_000);
  for (;;) {
    let claim: Awaited<ReturnType<typeof store.claim<R>>>;
    try {
      claim = await store.claim<R>(key, fingerprint, options.ttlMs);
    } catch {
      // The store (Redis) is unreachable: go on without the gate; callers keep their own last line of
      // defence (the upstream's order key, the database's unique idempotency key).
      return { result: await work(), replayed: false };
    }
    if (claim.state === 'done') return { result: claim.result, replayed: true };
    if (claim.state === 'conflict') {
      throw graphqlError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for a different request; use a new key', {
        field: 'idempotencyKey',
      });
    }
    if (claim.state === 'claimed') {
      try {
        const result = await work();
        await store.complete(key, fingerprint, result, options.ttlMs).catch(() => undefined);
        return { result, replayed: false };
      } catch (error) {
        await store.release(key, fingerprint).catch(() => undefined);
        throw error;
      }
    }
    if (Date.now() > deadline) {
      throw graphqlError(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'The first request with this idempotency key is still running; retry with the same key shortly', {
        field: 'idempotencyKey',
      });
    }
    await sleep(options.pollMs ?? 50);
  }
}
