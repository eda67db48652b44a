import {
  ByHoldersRequest,
  type ByHoldersResponse,
  DeliverApplicationRequest,
  IssueLicenseRequest,
  LicensesBatchRequest,
  type LicensesBatchResponse,
  licensingApi,
} from '@egov/contracts';
import { HttpResponse, http } from 'msw';
import { activities } from '../fixtures/activities.js';
import { licence } from '../fixtures/records.js';
import type { RegistryState } from '../state.js';
import { anyOrigin, notFound, parseBody } from './respond.js';

/** Е-лицензирование: licences by number and by holder; issuing the licence an application was granted. */
export function licensingHandlers(state: RegistryState) {
  return [
    http.put(anyOrigin(licensingApi.deliverApplication), async ({ request, params }) => {
      const body = await parseBody(request, DeliverApplicationRequest);
      if (body instanceof Response) return body;
      if (body.number !== params.number) return HttpResponse.json({ error: 'BAD_REQUEST', detail: 'number in path and body differ' }, { status: 400 });
      state.record('licensing', 'applications/:number');
      const known = state.deliveredApplications.get(body.number);
      if (known) {
        known.times += 1;
        return HttpResponse.json({ number: body.number, receivedAt: known.receivedAt, firstDelivery: false });
      }
      const receivedAt = new Date().toISOString();
      state.deliveredApplications.set(body.number, { payload: body, receivedAt, times: 1 });
      return HttpResponse.json({ number: body.number, receivedAt, firstDelivery: true }, { status: 201 });
    }),
    http.put(anyOrigin(licensingApi.issueForApplication), async ({ request, params }) => {
      const body = await parseBody(request, IssueLicenseRequest);
      if (body instanceof Response) return body;
      state.record('licensing', 'licenses/by-application/:applicationNumber');
      const applicationNumber = String(params.applicationNumber);
      const already = state.licencesByApplication.get(applicationNumber);
      if (already) return HttpResponse.json(state.licenses.get(already));
      const kind = activities.find((a) => a.code === body.activityCode);
      if (!kind) return HttpResponse.json({ error: 'BAD_REQUEST', detail: `unknown activity ${body.activityCode}` }, { status: 400 });
      const record = licence({
        number: state.nextLicenceNumber(body.issuedOn),
        activity: kind.code,
        holderId: body.holderId,
        issuedOn: body.issuedOn,
        subtypes: body.subtypeCodes.length > 0 ? body.subtypeCodes : kind.subtypes.map((s) => s.code),
        territory: body.territory,
      });
      state.licenses.set(record.number, record);
      state.licencesByApplication.set(applicationNumber, record.number);
      return HttpResponse.json(record, { status: 201 });
    }),
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
