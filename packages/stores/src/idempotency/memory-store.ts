import { randomUUID } from 'node:crypto';
import { type Claim, decide, type IdempotencyRecord, type IdempotencyStore } from './store.js';

/** The no-setup default: one process's keys, in memory, with the same leases as in Redis. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord<unknown>; expiresAt: number }>();

  private live<R>(key: string): IdempotencyRecord<R> | null {
    const existing = this.records.get(key);
    return existing && existing.expiresAt > Date.now() ? (existing.record as IdempotencyRecord<R>) : null;
  }

  async claim<R>(key: string, fingerprint: string, leaseMs: number): Promise<Claim<R>> {
    const decided = decide(this.live<R>(key), fingerprint);
    if (decided) return decided;
    const token = randomUUID();
    this.records.set(key, { record: { fingerprint, done: false, owner: token }, expiresAt: Date.now() + leaseMs });
    return { state: 'claimed', token };
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    const record = this.live(key);
    if (!record || record.done || record.owner !== token) return false;
    this.records.set(key, { record, expiresAt: Date.now() + leaseMs });
    return true;
  }

  async complete<R>(key: string, fingerprint: string, result: R, ttlMs: number): Promise<void> {
    this.records.set(key, { record: { fingerprint, done: true, result }, expiresAt: Date.now() + ttlMs });
  }

  async release(key: string, token: string): Promise<void> {
    const record = this.live(key);
    if (record && !record.done && record.owner === token) this.records.delete(key);
  }
}
