import { individualsApi, type PersonRecord, PersonsBatchResponse } from '@egov/contracts';
import { type BatchRead, byKey, cachedRead, complete } from '../batch.js';
import type { RegistryCache } from '../cache/registry-cache.js';
import type { RegistryClient } from '../client/registry-client.js';

/** ГБД ФЛ: persons by IIN, straight from the registry (a submission's snapshot reads it fresh). */
export async function readPersons(client: RegistryClient, iins: string[]): Promise<PersonRecord[]> {
  const answer = await client.post(individualsApi.personsBatch, { iins }, PersonsBatchResponse);
  return complete('individuals', iins, answer.persons, (p) => p.iin, answer.missing);
}

/** Persons by IIN through the cache: the individuals and legal-entities subgraphs share the entry. */
export function personsRead(client: RegistryClient, cache?: RegistryCache): BatchRead<PersonRecord> {
  return cachedRead(cache, 'individuals', 'person', async (iins) => byKey(await readPersons(client, iins), (p) => p.iin));
}
