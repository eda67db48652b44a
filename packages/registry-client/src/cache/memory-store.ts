import { LRUCache } from 'lru-cache';
import type { CacheEntry, CacheStore } from './store.js';

/** The no-setup default (`npm start`): an LRU in this process, bounded by entry count. */
export class MemoryCacheStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, CacheEntry>;

  constructor(maxEntries = 50_000) {
    this.lru = new LRUCache<string, CacheEntry>({ max: maxEntries, ttlAutopurge: false });
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
