import { MAX_BATCH, type RegistryName } from '@egov/contracts';
import { ErrorCode } from '@egov/core';
import { withSpan } from '@egov/telemetry';
import DataLoader from 'dataloader';
import type { RegistryCache, StaleRecorder } from './cache/registry-cache.js';
import { RegistryError } from './client/registry-error.js';

/**
 * A per-request DataLoader over a registry's batch endpoint: all lookups made while resolving one
 * operation tick go out as one upstream call (split at the registry's batch limit).
 * `fetchMany` answers the records it found; keys it does not answer resolve to null.
 */
export function createBatchLoader<V>(
  fetchMany: (keys: string[]) => Promise<Iterable<readonly [string, V | null]>>,
  options: { maxBatchSize?: number } = {},
): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(
    async (keys) => {
      const found = new Map(await fetchMany([...keys]));
      return keys.map((key) => found.get(key) ?? null);
    },
    { maxBatchSize: options.maxBatchSize ?? MAX_BATCH },
  );
}

export type BatchRead<V> = (ids: readonly string[], stale?: StaleRecorder) => Promise<Map<string, V | null>>;

/**
 * A batch read through the registry cache when there is one, straight to the registry when not, in its span
 * (`registry.read`: the registry, what is read, how many ids in the batch, how many came from the cache).
 */
export function cachedRead<V>(
  cache: RegistryCache | undefined,
  registry: RegistryName,
  kind: string,
  fetch: (ids: string[]) => Promise<Map<string, V | null>>,
): BatchRead<V> {
  const read = cache ? cache.batch(registry, kind, fetch) : (ids: readonly string[]) => fetch([...ids]);
  return (ids, stale) =>
    withSpan('registry.read', { 'egov.registry': registry, 'egov.registry.kind': kind, 'egov.registry.batch_size': ids.length }, (span) =>
      read(ids, stale, span),
    );
}

/** Records by their id. */
export function byKey<V>(records: readonly V[], keyOf: (record: V) => string): Map<string, V> {
  return new Map(records.map((record) => [keyOf(record), record]));
}

/** One list per requested id (empty when the registry returned none for it), for one-to-many reads. */
export function groupedBy<V>(ids: readonly string[], records: readonly V[], keyOf: (record: V) => string): Map<string, V[]> {
  const groups = new Map<string, V[]>(ids.map((id) => [id, []]));
  for (const record of records) groups.get(keyOf(record))?.push(record);
  return groups;
}

/**
 * A batch answer must account for every id asked: found or listed missing. One that silently drops ids is
 * a broken registry, not "not found".
 */
export function complete<T>(registry: RegistryName, asked: readonly string[], found: T[], idOf: (record: T) => string, missing: readonly string[]): T[] {
  const answered = new Set([...found.map(idOf), ...missing]);
  const dropped = asked.filter((id) => !answered.has(id)).length;
  if (dropped > 0)
    throw new RegistryError(registry, ErrorCode.REGISTRY_BAD_RESPONSE, `answered a partial batch (${dropped} of ${asked.length} ids unaccounted for)`);
  return found;
}
