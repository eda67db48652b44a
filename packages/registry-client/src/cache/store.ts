/** One cached registry answer and when it was read. */
export interface CacheEntry {
  value: unknown;
  storedAt: number;
}

/**
 * Where cached registry answers live. Keys arrive already hashed. A store never throws on the read path:
 * when its backend is unreachable it answers "nothing cached" and reports itself degraded.
 */
export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  getMany(keys: readonly string[]): Promise<Map<string, CacheEntry>>;
  setMany(entries: readonly { key: string; entry: CacheEntry; ttlMs: number }[]): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** ok: serving; degraded: the backend is unreachable and reads go uncached. */
  health(): 'ok' | 'degraded';
}
