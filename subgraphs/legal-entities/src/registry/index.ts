import DataLoader from 'dataloader';
import { createBatchLoader, type RegistryClient } from '@egov/shared';
import { MAX_BATCH, readEntities, readParticipations, readPersons, type LegalEntityRecord } from '@egov/shared/upstream';

export type Role = 'HEAD' | 'FOUNDER';
export interface Participation {
  bin: string;
  roles: Role[];
}

/**
 * ГБД ЮЛ as one request sees it, plus the one question this subgraph asks ГБД ФЛ: does a person with
 * this IIN exist (for `applicant`). Each question is one batch call per operation tick.
 */
export function createLegalEntitiesRegistry(clients: { legalEntities: RegistryClient; individuals: RegistryClient }) {
  const entity = createBatchLoader<LegalEntityRecord>(async (bins) => (await readEntities(clients.legalEntities, bins)).map((e) => [e.bin, e] as const));

  const participations = new DataLoader<string, Participation[]>(
    async (iins) => {
      const answer = await readParticipations(clients.legalEntities, [...iins]);
      // The answer carries the entities themselves: later lookups of them cost nothing.
      for (const record of answer.entities) entity.prime(record.bin, record);
      const byPerson = new Map<string, Participation[]>(iins.map((iin) => [iin, []]));
      for (const p of answer.participations) byPerson.get(p.iin)?.push({ bin: p.bin, roles: p.roles });
      return iins.map((iin) => byPerson.get(iin)!);
    },
    { maxBatchSize: MAX_BATCH },
  );

  const personExists = createBatchLoader<true>(async (iins) => (await readPersons(clients.individuals, iins)).map((p) => [p.iin, true] as const));

  return { entity, participations, personExists };
}

export type LegalEntitiesRegistry = ReturnType<typeof createLegalEntitiesRegistry>;
