import { LRUCache } from 'lru-cache';
import type { CacheEntry, CacheStore } from './store.js';

export interface MemoryCacheLimits {
  /** Entries kept at most. Default 50 000. */
  maxEntries?: number;
  /**
   * Estimated memory the entries may hold, in bytes (strings counted as UTF-16, as V8 keeps Cyrillic text).
   * Default 32 MiB: well inside a subgraph's heap limit (deploy/bin/processes.mjs) whatever size the answers are.
   */
  maxBytes?: number;
}

/** What an entry holds in memory, roughly: its value as JSON text in UTF-16, and the entry around it. */
const estimatedBytes = (entry: CacheEntry): number => 2 * (JSON.stringify(entry.value)?.length ?? 0) + 64;

/** The no-setup default (`npm start`): an LRU in this process, bounded by entry count and by estimated size. */
export class MemoryCacheStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, CacheEntry>;

  constructor(limits: MemoryCacheLimits = {}) {
    this.lru = new LRUCache<string, CacheEntry>({
      max: limits.maxEntries ?? 50_000,
      maxSize: limits.maxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: estimatedBytes,
      ttlAutopurge: false,
    });
  }

  /** Entries and their estimated bytes now. */
  get usage(): { entries: number; bytes: number } {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize };
  }

  async getMany(keys: readonly string[]): Promise<Map<string, CacheEntry>> {
    const found = new Map<string, CacheEntry>();
    for (const key of keys) {
      const entry = this.lru.get(key);
      if (entry) found.set(key, entry);
    }
    return found;
  }

  async setMany(entries: readonly { key: string; entry: CacheEntry; ttlMs: number }[]): Promise<void> {
    for (const { key, entry, ttlMs } of entries) this.lru.set(key, entry, { ttl: ttlMs });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.lru.delete(key);
  }

  health(): 'ok' {
    return 'ok';
  }
}
