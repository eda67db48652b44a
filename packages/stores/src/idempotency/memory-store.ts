import { randomUUID } from 'node:crypto';
import { type Claim, decide, type IdempotencyRecord, type IdempotencyStore } from './store.js';

/** Below this many records the store never sweeps: a handful of expired ones cost less than looking for them. */
const SWEEP_FLOOR = 1024;

/**
 * The no-setup default: one process's keys, in memory, with the same leases as in Redis. Redis forgets a key when
 * its lease or TTL runs out; here expired records are swept out whenever the map has doubled since the last sweep,
 * so it holds about twice the keys that are live at once rather than every key since the start (each with its result).
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord<unknown>; expiresAt: number }>();
  private sweepAt = SWEEP_FLOOR;

  /** Records held, expired ones not yet swept included. */
  get size(): number {
    return this.records.size;
  }

  private put(key: string, record: IdempotencyRecord<unknown>, expiresAt: number): void {
    this.records.set(key, { record, expiresAt });
    if (this.records.size < this.sweepAt) return;
    const now = Date.now();
    for (const [k, held] of this.records) if (held.expiresAt <= now) this.records.delete(k);
    this.sweepAt = Math.max(SWEEP_FLOOR, this.records.size * 2);
  }

  private live<R>(key: string): IdempotencyRecord<R> | null {
    const existing = this.records.get(key);
    return existing && existing.expiresAt > Date.now() ? (existing.record as IdempotencyRecord<R>) : null;
  }

  async claim<R>(key: string, fingerprint: string, leaseMs: number): Promise<Claim<R>> {
    const decided = decide(this.live<R>(key), fingerprint);
    if (decided) return decided;
    const token = randomUUID();
    this.put(key, { fingerprint, done: false, owner: token }, Date.now() + leaseMs);
    return { state: 'claimed', token };
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    const record = this.live(key);
    if (!record || record.done || record.owner !== token) return false;
    this.put(key, record, Date.now() + leaseMs);
    return true;
  }

  async complete<R>(key: string, fingerprint: string, result: R, ttlMs: number): Promise<void> {
    this.put(key, { fingerprint, done: true, result }, Date.now() + ttlMs);
  }

  async release(key: string, token: string): Promise<void> {
    const record = this.live(key);
    if (record && !record.done && record.owner === token) this.records.delete(key);
  }
}
