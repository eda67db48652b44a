import { individualsApi, PersonsBatchRequest, type PersonsBatchResponse } from '@egov/contracts';
import { HttpResponse, http } from 'msw';
import type { RegistryState } from '../state.js';
import { anyOrigin, badId, isTwelveDigits, notFound, parseBody } from './respond.js';

/** ГБД ФЛ: persons by IIN, one at a time or in batches. */
export function individualsHandlers(state: RegistryState) {
  return [
    http.post(anyOrigin(individualsApi.personsBatch), async ({ request }) => {
      const body = await parseBody(request, PersonsBatchRequest);
      if (body instanceof Response) return body;
      state.record('individuals', 'persons/batch', body.iins.length);
      const answer: PersonsBatchResponse = { persons: [], missing: [] };
      for (const iin of new Set(body.iins)) {
        const person = state.persons.get(iin);
        if (person) answer.persons.push(person);
        else answer.missing.push(iin);
      }
      return HttpResponse.json(answer);
    }),
    http.get(anyOrigin(individualsApi.person), ({ params }) => {
      if (!isTwelveDigits(params.iin)) return badId();
      state.record('individuals', 'persons/:iin');
      const person = state.persons.get(params.iin);
      return person ? HttpResponse.json(person) : notFound();
    }),
  ];
}
