/**
 * Idempotency of mutations: the first request with a key claims it (atomically) and runs; a duplicate that
 * arrives meanwhile waits for its result; a different request under the same key is a conflict.
 *
 * A claim is a lease held by its owner's token: it lives `leaseMs` unless the owner renews it while it
 * works, so a claim whose owner died (a process killed mid-request, a Redis that applied the claim after
 * its owner had given up on it) frees itself within one lease instead of blocking the key for a day.
 * Results, once recorded, are kept for `ttlMs` (a day).
 */
export type Claim<R> = { state: 'claimed'; token: string } | { state: 'done'; result: R } | { state: 'in-progress' } | { state: 'conflict' };

export interface IdempotencyStore {
  /** Claims `key` for a request whose canonical form hashes to `fingerprint`, for `leaseMs`. */
  claim<R>(key: string, fingerprint: string, leaseMs: number): Promise<Claim<R>>;
  /** Extends the owner's claim to `leaseMs` from now; false when the claim is no longer this owner's. */
  renew(key: string, token: string, leaseMs: number): Promise<boolean>;
  /** Records the result of a claimed key, kept `ttlMs`; duplicates get it from now on. */
  complete<R>(key: string, fingerprint: string, result: R, ttlMs: number): Promise<void>;
  /** Gives the owner's claim up (the work failed before anything was done), so a retry can claim it. */
  release(key: string, token: string): Promise<void>;
}

interface Record<R> {
  fingerprint: string;
  done: boolean;
  result?: R;
  /** The owner's token, while the claim is pending. */
  owner?: string;
}

export function decide<R>(record: Record<R> | null, fingerprint: string): Claim<R> | null {
  if (!record) return null;
  if (record.fingerprint !== fingerprint) return { state: 'conflict' };
  return record.done ? { state: 'done', result: record.result as R } : { state: 'in-progress' };
}

export type { Record as IdempotencyRecord };
