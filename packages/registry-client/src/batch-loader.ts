import DataLoader from 'dataloader';
import { MAX_BATCH } from '@egov/contracts';

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
