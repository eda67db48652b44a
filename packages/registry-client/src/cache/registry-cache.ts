import { createHmac } from 'node:crypto';
import type { RegistryName } from '@egov/contracts';
import type { CacheResult, ProcessMetrics, SpanNotes } from '@egov/telemetry';
import type { CacheEntry, CacheStore } from './store.js';

export interface CachePolicy {
  /** How long an answer is served without asking the registry. 0 disables caching. */
  ttlMs: number;
  /**
   * How much longer a cached answer may stand in while the registry fails. 0 (the default, and the right
   * choice for personal data unless decided otherwise) means a failing registry is reported, never hidden.
   */
  staleIfErrorMs: number;
}

/** Collects, per request, which answers came from a stale cache entry, for the response's extensions. */
export class StaleRecorder {
  readonly entries = new Map<RegistryName, number>();

  record(registry: RegistryName, ageMs: number): void {
    this.entries.set(registry, Math.max(this.entries.get(registry) ?? 0, ageMs));
  }

  toExtension(): { registry: RegistryName; ageSeconds: number }[] {
    return [...this.entries].map(([registry, ageMs]) => ({ registry, ageSeconds: Math.round(ageMs / 1000) }));
  }
}

/** Answers for absent records are kept briefly: a person registered a minute later must show up. */
const NEGATIVE_TTL_MS = 30_000;

/**
 * Registry answers cached per record. Keys never carry an IIN or BIN in clear: they are an HMAC of the id
 * under a secret, so a dump of the cache does not list who was looked up.
 */
export class RegistryCache {
  private metrics: ProcessMetrics | undefined;

  constructor(
    readonly store: CacheStore,
    private readonly secret: string,
    private readonly policies: Record<RegistryName, CachePolicy>,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 16) throw new Error('The cache key secret must be at least 16 characters');
  }

  /** Counts lookups per id (hit, miss, stale) into the process's metrics. */
  observedBy(metrics: ProcessMetrics): this {
    this.metrics = metrics;
    return this;
  }

  key(registry: RegistryName, kind: string, id: string): string {
    return `${registry}:${kind}:${createHmac('sha256', this.secret).update(`${registry}\u0000${kind}\u0000${id}`).digest('base64url').slice(0, 32)}`;
  }

  /**
   * Wraps a batch read: fresh cached answers are used, the rest fetched in one call and cached. When the
   * fetch fails and every missing answer has a cached value within the stale window, those are served and
   * the request is told (StaleRecorder); otherwise the failure stands.
   */
  batch<V>(registry: RegistryName, kind: string, fetchMany: (ids: string[]) => Promise<Map<string, V | null>>) {
    const policy = this.policies[registry];
    return async (ids: readonly string[], stale?: StaleRecorder, span?: SpanNotes): Promise<Map<string, V | null>> => {
      if (policy.ttlMs <= 0) return fetchMany([...ids]);
      const counted = (result: CacheResult, count: number) => {
        this.metrics?.cacheLookups(registry, result, count);
        span?.setAttribute(`egov.cache.${result}`, count);
      };
      const keys = new Map(ids.map((id) => [id, this.key(registry, kind, id)]));
      const cached = await this.store.getMany([...keys.values()]);
      const now = this.now();
      const answer = new Map<string, V | null>();
      const missing: string[] = [];
      for (const id of ids) {
        const entry = cached.get(keys.get(id)!);
        if (entry && now - entry.storedAt < policy.ttlMs) answer.set(id, entry.value as V | null);
        else missing.push(id);
      }
      counted('hit', answer.size);
      if (missing.length === 0) return answer;
      let fetched: Map<string, V | null>;
      try {
        fetched = await fetchMany(missing);
      } catch (error) {
        const fallback = missing
          .map((id) => cached.get(keys.get(id)!))
          .filter((e): e is CacheEntry => e !== undefined && now - e.storedAt < policy.ttlMs + policy.staleIfErrorMs);
        if (policy.staleIfErrorMs <= 0 || fallback.length < missing.length) {
          counted('miss', missing.length);
          throw error;
        }
        missing.forEach((id, i) => answer.set(id, fallback[i]!.value as V | null));
        stale?.record(registry, Math.max(...fallback.map((e) => now - e.storedAt)));
        counted('stale', missing.length);
        return answer;
      }
      counted('miss', missing.length);
      const writes = missing.map((id) => {
        const value = fetched.get(id) ?? null;
        answer.set(id, value);
        return {
          key: keys.get(id)!,
          entry: { value, storedAt: now },
          ttlMs: value === null ? Math.min(NEGATIVE_TTL_MS, policy.ttlMs) : policy.ttlMs + policy.staleIfErrorMs,
        };
      });
      await this.store.setMany(writes);
      return answer;
    };
  }

  /** Drops cached answers our own mutations made wrong (a new payment, an issued licence). */
  async invalidate(registry: RegistryName, kind: string, ids: readonly string[]): Promise<void> {
    await this.store.delete(ids.map((id) => this.key(registry, kind, id)));
  }
}
