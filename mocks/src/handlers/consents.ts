import { ConsentLookupRequest, ConsentsBySubjectRequest, type ConsentsResponse, consentsApi, WithdrawConsentRequest } from '@egov/contracts';
import { HttpResponse, http } from 'msw';
import type { RegistryState } from '../state.js';
import { anyOrigin, notFound, parseBody } from './respond.js';

/** The personal-data access control service: consents by subject and partner, and a subject's withdrawal. */
export function consentsHandlers(state: RegistryState) {
  return [
    http.post(anyOrigin(consentsApi.lookup), async ({ request }) => {
      const body = await parseBody(request, ConsentLookupRequest);
      if (body instanceof Response) return body;
      state.record('consents', 'consents/lookup', body.subjects.length);
      const answer: ConsentsResponse = { consents: state.consentsOf(body.subjects, body.partnerId) };
      return HttpResponse.json(answer);
    }),
    http.post(anyOrigin(consentsApi.bySubject), async ({ request }) => {
      const body = await parseBody(request, ConsentsBySubjectRequest);
      if (body instanceof Response) return body;
      state.record('consents', 'consents/by-subject');
      const answer: ConsentsResponse = { consents: state.consentsOf([body.subject]) };
      return HttpResponse.json(answer);
    }),
    http.post(anyOrigin(consentsApi.withdraw), async ({ params, request }) => {
      const body = await parseBody(request, WithdrawConsentRequest);
      if (body instanceof Response) return body;
      state.record('consents', 'consents/:id/withdraw');
      const consent = state.consents.get(String(params.id));
      // Someone else's consent is answered as an unknown one: the service tells nobody whose ids exist.
      if (!consent || consent.subject !== body.subject) return notFound();
      if (consent.status === 'GRANTED') {
        consent.status = 'WITHDRAWN';
        consent.withdrawnAt = new Date().toISOString();
      }
      return HttpResponse.json(consent);
    }),
  ];
}
