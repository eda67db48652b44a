import { http, HttpResponse } from 'msw';
import { ByHoldersRequest, licensingApi, LicensesBatchRequest, type ByHoldersResponse, type LicensesBatchResponse } from '@egov/shared/upstream';
import type { RegistryState } from '../state.js';
import { anyOrigin, notFound, parseBody } from './respond.js';

/** Е-лицензирование: licences by number and by holder. */
export function licensingHandlers(state: RegistryState) {
  return [
    http.post(anyOrigin(licensingApi.licensesBatch), async ({ request }) => {
      const body = await parseBody(request, LicensesBatchRequest);
      if (body instanceof Response) return body;
      state.record('licensing', 'licenses/batch', body.numbers.length);
      const answer: LicensesBatchResponse = { licenses: [], missing: [] };
      for (const number of new Set(body.numbers)) {
        const found = state.licenses.get(number);
        if (found) answer.licenses.push(found);
        else answer.missing.push(number);
      }
      return HttpResponse.json(answer);
    }),
    http.post(anyOrigin(licensingApi.byHolders), async ({ request }) => {
      const body = await parseBody(request, ByHoldersRequest);
      if (body instanceof Response) return body;
      state.record('licensing', 'licenses/by-holder', body.holderIds.length);
      const answer: ByHoldersResponse = { licenses: state.licensesOf(body.holderIds) };
      return HttpResponse.json(answer);
    }),
    http.get(anyOrigin(licensingApi.license), ({ params }) => {
      state.record('licensing', 'licenses/:number');
      const found = state.licenses.get(String(params.number));
      return found ? HttpResponse.json(found) : notFound();
    }),
  ];
}
