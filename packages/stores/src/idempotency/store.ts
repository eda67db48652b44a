/**
 * Idempotency of mutations: the first request with a key claims it (atomically), runs, and records its
 * result; a duplicate that arrives meanwhile waits for that result; a different request under the same
 * key is a conflict. Entries expire after a TTL.
 */
export type Claim<R> = { state: 'claimed' } | { state: 'done'; result: R } | { state: 'in-progress' } | { state: 'conflict' };

export interface IdempotencyStore {
  /** Claims `key` for a request whose canonical form hashes to `fingerprint`. */
  claim<R>(key: string, fingerprint: string, ttlMs: number): Promise<Claim<R>>;
  /** Records the result of a claimed key; duplicates get it from now on. */
  complete<R>(key: string, fingerprint: string, result: R, ttlMs: number): Promise<void>;
  /** Gives a claimed key up (the work failed before anything was done), so a retry can claim it. */
  release(key: string, fingerprint: string): Promise<void>;
}

interface Record<R> {
  fingerprint: string;
  done: boolean;
  result?: R;
}

export function decide<R>(record: Record<R> | null, fingerprint: string): Claim<R> | null {
  if (!record) return null;
  if (record.fingerprint !== fingerprint) return { state: 'conflict' };
  return record.done ? { state: 'done', result: record.result as R } : { state: 'in-progress' };
}

export type { Record as IdempotencyRecord };
