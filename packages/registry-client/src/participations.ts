import type { RegistryCache } from './cache/index.js';
import type { LegalEntityRecord, RegistryName } from '@egov/contracts';
import { readParticipations } from './reads.js';
import { byKey, cachedRead, groupedBy, type BatchRead } from './cached-read.js';
import type { RegistryClient } from './registry-client.js';

export interface ParticipationEntry {
  bin: string;
  roles: ('HEAD' | 'FOUNDER')[];
  entity: LegalEntityRecord;
}

const REGISTRY: RegistryName = 'legal-entities';

/**
 * The companies each person heads or founded, with the companies themselves, from ГБД ЮЛ. Authorization
 * (whose companies may a citizen see) and `Person.legalEntities` ask the same question: both read it here,
 * under one cache key, so a person's own prefill costs one ГБД ЮЛ call rather than two.
 */
export function participationsRead(client: RegistryClient, cache?: RegistryCache): BatchRead<ParticipationEntry[]> {
  return cachedRead(cache, REGISTRY, 'participations', async (iins) => {
    const answer = await readParticipations(client, iins);
    const entitiesByBin = byKey(answer.entities, (e) => e.bin);
    const groups = groupedBy(iins, answer.participations, (p) => p.iin);
    return new Map([...groups].map(([iin, list]) => [iin, list.map((p) => ({ bin: p.bin, roles: p.roles, entity: entitiesByBin.get(p.bin)! }))]));
  });
}
