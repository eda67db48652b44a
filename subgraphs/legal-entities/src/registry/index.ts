import { type LegalEntityRecord, MAX_BATCH } from '@egov/contracts';
import {
  createBatchLoader,
  entitiesRead,
  participationsRead,
  personsRead,
  type RegistryCache,
  type RegistryClient,
  type StaleRecorder,
} from '@egov/registry-client';
import DataLoader from 'dataloader';

export type Role = 'HEAD' | 'FOUNDER';
export interface Participation {
  bin: string;
  roles: Role[];
}

/**
 * ГБД ЮЛ as one request sees it, plus the one question this subgraph asks ГБД ФЛ: does a person with
 * this IIN exist (for `applicant`). Each question is one batch call per operation tick.
 */
export function createLegalEntitiesRegistry(
  clients: { legalEntities: RegistryClient; individuals: RegistryClient },
  cache?: RegistryCache,
  stale?: StaleRecorder,
) {
  const entities = entitiesRead(clients.legalEntities, cache);
  const entity = createBatchLoader<LegalEntityRecord>((bins) => entities(bins, stale));

  // The same read (and cache key) authorization uses for the caller's companies; each entry carries its
  // entity, so a cached answer needs no second call either.
  const participationsOf = participationsRead(clients.legalEntities, cache);
  const participations = new DataLoader<string, Participation[]>(
    async (iins) => {
      const answer = await participationsOf(iins, stale);
      return iins.map((iin) =>
        (answer.get(iin) ?? []).map(({ bin, roles, entity: record }) => {
          entity.prime(bin, record);
          return { bin, roles };
        }),
      );
    },
    { maxBatchSize: MAX_BATCH },
  );

  const persons = personsRead(clients.individuals, cache);
  const personExists = createBatchLoader<true>(async (iins) => new Map([...(await persons(iins, stale))].map(([iin, p]) => [iin, p ? (true as const) : null])));

  return { entity, participations, personExists };
}

export type LegalEntitiesRegistry = ReturnType<typeof createLegalEntitiesRegistry>;
