import { individualsApi, PersonsBatchRequest, type PersonsBatchResponse } from '@egov/contracts';
import type { RegistryState } from '../state.js';
import { badId, isTwelveDigits, notFound, withBody } from './respond.js';
import { json, type RegistryRoute } from './route.js';

/** ГБД ФЛ: persons by IIN, one at a time or in batches. */
export function individualsRoutes(state: RegistryState): RegistryRoute[] {
  return [
    {
      method: 'POST',
      path: individualsApi.personsBatch,
      handle: withBody(PersonsBatchRequest, (body) => {
        state.record('individuals', 'persons/batch', body.iins.length);
        const answer: PersonsBatchResponse = { persons: [], missing: [] };
        for (const iin of new Set(body.iins)) {
          const person = state.persons.get(iin);
          if (person) answer.persons.push(person);
          else answer.missing.push(iin);
        }
        return json(answer);
      }),
    },
    {
      method: 'GET',
      path: individualsApi.person,
      handle: ({ params }) => {
        if (!isTwelveDigits(params.iin)) return badId();
        state.record('individuals', 'persons/:iin');
        const person = state.persons.get(params.iin);
        return person ? json(person) : notFound();
      },
    },
  ];
}
