import { type Claim, decide, type IdempotencyRecord, type IdempotencyStore } from './store.js';

/** The no-setup default: one process's keys, in memory. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord<unknown>; expiresAt: number }>();

  async claim<R>(key: string, fingerprint: string, ttlMs: number): Promise<Claim<R>> {
    const now = Date.now();
    const existing = this.records.get(key);
    const live = existing && existing.expiresAt > now ? (existing.record as IdempotencyRecord<R>) : null;
    const decided = decide(live, fingerprint);
    if (decided) return decided;
    this.records.set(key, { record: { fingerprint, done: false }, expiresAt: now + ttlMs });
    return { state: 'claimed' };
  }

  async complete<R>(key: string, fingerprint: string, result: R, ttlMs: number): Promise<void> {
    this.records.set(key, { record: { fingerprint, done: true, result }, expiresAt: Date.now() + ttlMs });
  }

  async release(key: string, fingerprint: string): Promise<void> {
    if (this.records.get(key)?.record.fingerprint === fingerprint) this.records.delete(key);
  }
}
