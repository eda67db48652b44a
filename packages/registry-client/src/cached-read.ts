import type { RegistryCache, StaleRecorder } from './cache/index.js';
import type { RegistryName } from '@egov/contracts';

export type BatchRead<V> = (ids: readonly string[], stale?: StaleRecorder) => Promise<Map<string, V | null>>;

/** A batch read through the registry cache when there is one, straight to the registry when not. */
export function cachedRead<V>(cache: RegistryCache | undefined, registry: RegistryName, kind: string, fetch: (ids: string[]) => Promise<Map<string, V | null>>): BatchRead<V> {
  if (!cache) return (ids) => fetch([...ids]);
  return cache.batch(registry, kind, fetch);
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
