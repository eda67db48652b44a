import { ByParticipantsRequest, type ByParticipantsResponse, EntitiesBatchRequest, type EntitiesBatchResponse, legalEntitiesApi } from '@egov/contracts';
import type { RegistryState } from '../state.js';
import { badId, isTwelveDigits, lookUp, notFound, withBody } from './respond.js';
import { json, type RegistryRoute } from './route.js';

/** ГБД ЮЛ: entities by BIN, and the entities a person heads or founded. */
export function legalEntitiesRoutes(state: RegistryState): RegistryRoute[] {
  return [
    {
      method: 'POST',
      path: legalEntitiesApi.entitiesBatch,
      handle: withBody(EntitiesBatchRequest, (body) => {
        state.record('legal-entities', 'entities/batch', body.bins.length);
        const { found, missing } = lookUp(body.bins, state.entities);
        return json({ entities: found, missing } satisfies EntitiesBatchResponse);
      }),
    },
    {
      method: 'POST',
      path: legalEntitiesApi.byParticipants,
      handle: withBody(ByParticipantsRequest, (body) => {
        state.record('legal-entities', 'entities/by-participant', body.iins.length);
        const participations = state.participationsOf(body.iins);
        const bins = new Set(participations.map((p) => p.bin));
        const answer: ByParticipantsResponse = { participations, entities: [...bins].map((bin) => state.entities.get(bin)!) };
        return json(answer);
      }),
    },
    {
      method: 'GET',
      path: legalEntitiesApi.entity,
      handle: ({ params }) => {
        if (!isTwelveDigits(params.bin)) return badId();
        state.record('legal-entities', 'entities/:bin');
        const entity = state.entities.get(params.bin);
        return entity ? json(entity) : notFound();
      },
    },
  ];
}
