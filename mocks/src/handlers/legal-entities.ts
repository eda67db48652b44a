import { ByParticipantsRequest, type ByParticipantsResponse, EntitiesBatchRequest, type EntitiesBatchResponse, legalEntitiesApi } from '@egov/contracts';
import { HttpResponse, http } from 'msw';
import type { RegistryState } from '../state.js';
import { anyOrigin, badId, isTwelveDigits, notFound, parseBody } from './respond.js';

/** ГБД ЮЛ: entities by BIN, and the entities a person heads or founded. */
export function legalEntitiesHandlers(state: RegistryState) {
  return [
    http.post(anyOrigin(legalEntitiesApi.entitiesBatch), async ({ request }) => {
      const body = await parseBody(request, EntitiesBatchRequest);
      if (body instanceof Response) return body;
      state.record('legal-entities', 'entities/batch', body.bins.length);
      const answer: EntitiesBatchResponse = { entities: [], missing: [] };
      for (const bin of new Set(body.bins)) {
        const entity = state.entities.get(bin);
        if (entity) answer.entities.push(entity);
        else answer.missing.push(bin);
      }
      return HttpResponse.json(answer);
    }),
    http.post(anyOrigin(legalEntitiesApi.byParticipants), async ({ request }) => {
      const body = await parseBody(request, ByParticipantsRequest);
      if (body instanceof Response) return body;
      state.record('legal-entities', 'entities/by-participant', body.iins.length);
      const participations = state.participationsOf(body.iins);
      const bins = new Set(participations.map((p) => p.bin));
      const answer: ByParticipantsResponse = { participations, entities: [...bins].map((bin) => state.entities.get(bin)!) };
      return HttpResponse.json(answer);
    }),
    http.get(anyOrigin(legalEntitiesApi.entity), ({ params }) => {
      if (!isTwelveDigits(params.bin)) return badId();
      state.record('legal-entities', 'entities/:bin');
      const entity = state.entities.get(params.bin);
      return entity ? HttpResponse.json(entity) : notFound();
    }),
  ];
}
