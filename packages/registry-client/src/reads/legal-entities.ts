import { ByParticipantsResponse, EntitiesBatchResponse, type LegalEntityRecord, legalEntitiesApi } from '@egov/contracts';
import { type BatchRead, byKey, cachedRead, complete, groupedBy } from '../batch.js';
import type { RegistryCache } from '../cache/registry-cache.js';
import type { RegistryClient } from '../client/registry-client.js';

/** ГБД ЮЛ: organisations by BIN, straight from the registry. */
export async function readEntities(client: RegistryClient, bins: string[]): Promise<LegalEntityRecord[]> {
  const answer = await client.post(legalEntitiesApi.entitiesBatch, { bins }, EntitiesBatchResponse);
  return complete('legal-entities', bins, answer.entities, (e) => e.bin, answer.missing);
}

/** Organisations by BIN through the cache. */
export function entitiesRead(client: RegistryClient, cache?: RegistryCache): BatchRead<LegalEntityRecord> {
  return cachedRead(cache, 'legal-entities', 'entity', async (bins) => byKey(await readEntities(client, bins), (e) => e.bin));
}

export interface ParticipationEntry {
  bin: string;
  roles: ('HEAD' | 'FOUNDER')[];
  entity: LegalEntityRecord;
}

/**
 * The companies each person heads or founded, with the companies themselves. Authorization (whose
 * companies may a citizen see) and `Person.legalEntities` ask the same question: both read it here,
 * under one cache key, so a person's own prefill costs one ГБД ЮЛ call rather than two.
 */
export function participationsRead(client: RegistryClient, cache?: RegistryCache): BatchRead<ParticipationEntry[]> {
  return cachedRead(cache, 'legal-entities', 'participations', async (iins) => {
    const answer = await client.post(legalEntitiesApi.byParticipants, { iins }, ByParticipantsResponse);
    const entitiesByBin = byKey(answer.entities, (e) => e.bin);
    const groups = groupedBy(iins, answer.participations, (p) => p.iin);
    return new Map([...groups].map(([iin, list]) => [iin, list.map((p) => ({ bin: p.bin, roles: p.roles, entity: entitiesByBin.get(p.bin)! }))]));
  });
}
