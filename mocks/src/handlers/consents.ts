import { ConsentLookupRequest, ConsentsBySubjectRequest, type ConsentsResponse, consentsApi, WithdrawConsentRequest } from '@egov/contracts';
import type { RegistryState } from '../state.js';
import { notFound, withBody } from './respond.js';
import { json, type RegistryRoute } from './route.js';

/** The personal-data access control service: consents by subject and partner, and a subject's withdrawal. */
export function consentsRoutes(state: RegistryState): RegistryRoute[] {
  return [
    {
      method: 'POST',
      path: consentsApi.lookup,
      handle: withBody(ConsentLookupRequest, (body) => {
        state.record('consents', 'consents/lookup', body.subjects.length);
        const answer: ConsentsResponse = { consents: state.consentsOf(body.subjects, body.partnerId) };
        return json(answer);
      }),
    },
    {
      method: 'POST',
      path: consentsApi.bySubject,
      handle: withBody(ConsentsBySubjectRequest, (body) => {
        state.record('consents', 'consents/by-subject');
        const answer: ConsentsResponse = { consents: state.consentsOf([body.subject]) };
        return json(answer);
      }),
    },
    {
      method: 'POST',
      path: consentsApi.withdraw,
      handle: withBody(WithdrawConsentRequest, (body, { params }) => {
        state.record('consents', 'consents/:id/withdraw');
        const consent = state.consents.get(params.id ?? '');
        // Someone else's consent is answered as an unknown one: the service tells nobody whose ids exist.
        if (!consent || consent.subject !== body.subject) return notFound();
        if (consent.status === 'GRANTED') {
          consent.status = 'WITHDRAWN';
          consent.withdrawnAt = new Date().toISOString();
        }
        return json(consent);
      }),
    },
  ];
}
