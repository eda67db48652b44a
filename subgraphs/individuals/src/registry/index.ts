import type { PersonRecord } from '@egov/contracts';
import { createBatchLoader, personsRead, type RegistryCache, type RegistryClient, type StaleRecorder } from '@egov/registry-client';

/**
 * ГБД ФЛ as one request sees it: every person looked up while resolving the operation goes out in one
 * batch call (minus those the cache still holds), however many places in the query ask for one.
 */
export function createIndividualsRegistry(client: RegistryClient, cache?: RegistryCache, stale?: StaleRecorder) {
  const persons = personsRead(client, cache);
  return {
    person: createBatchLoader<PersonRecord>((iins) => persons(iins, stale)),
  };
}

export type IndividualsRegistry = ReturnType<typeof createIndividualsRegistry>;
