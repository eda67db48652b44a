import { individualsApi, PersonsBatchRequest, type PersonsBatchResponse } from '@egov/contracts';
import type { RegistryState } from '../state.js';
import { badId, isTwelveDigits, lookUp, notFound, withBody } from './respond.js';
import { json, type RegistryRoute } from './route.js';

/** ГБД ФЛ: persons by IIN, one at a time or in batches. */
export function individualsRoutes(state: RegistryState): RegistryRoute[] {
  return [
    {
      method: 'POST',
      path: individualsApi.personsBatch,
      handle: withBody(PersonsBatchRequest, (body) => {
        state.record('individuals', 'persons/batch', body.iins.length);
        const { found, missing } = lookUp(body.iins, state.persons);
        return json({ persons: found, missing } satisfies PersonsBatchResponse);
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
