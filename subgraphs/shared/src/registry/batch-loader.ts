import DataLoader from 'dataloader';
import { MAX_BATCH } from '../upstream/common.js';

/**
 * A per-request DataLoader over a registry's batch endpoint: all lookups made while resolving one
 * operation tick go out as one upstream call (split at the registry's batch limit).
 * `fetchMany` returns the records it found; keys it does not return resolve to null.
 */
export function createBatchLoader<V>(
  fetchMany: (keys: string[]) => Promise<Iterable<readonly [string, V]>>,
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

/** Like createBatchLoader, for one-to-many relations (payments of a payer): missing keys give []. */
export function createGroupLoader<V>(
  fetchMany: (keys: string[]) => Promise<Iterable<V>>,
  keyOf: (value: V) => string,
  options: { maxBatchSize?: number } = {},
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(
    async (keys) => {
      const groups = new Map<string, V[]>(keys.map((key) => [key, []]));
      for (const value of await fetchMany([...keys])) groups.get(keyOf(value))?.push(value);
      return keys.map((key) => groups.get(key)!);
    },
    { maxBatchSize: options.maxBatchSize ?? MAX_BATCH },
  );
}
