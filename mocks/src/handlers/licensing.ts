import {
  ByHoldersRequest,
  type ByHoldersResponse,
  DeliverApplicationRequest,
  IssueLicenseRequest,
  LicensesBatchRequest,
  type LicensesBatchResponse,
  licensingApi,
} from '@egov/contracts';
import { activities } from '../fixtures/activities.js';
import { licence } from '../fixtures/records.js';
import type { RegistryState } from '../state.js';
import { badRequest, lookUp, notFound, withBody } from './respond.js';
import { json, type RegistryRoute } from './route.js';

/** Е-лицензирование: licences by number and by holder; issuing the licence an application was granted. */
export function licensingRoutes(state: RegistryState): RegistryRoute[] {
  return [
    {
      method: 'PUT',
      path: licensingApi.deliverApplication,
      handle: withBody(DeliverApplicationRequest, (body, { params }) => {
        if (body.number !== params.number) return badRequest('number in path and body differ');
        state.record('licensing', 'applications/:number');
        const known = state.deliveredApplications.get(body.number);
        if (known) {
          known.times += 1;
          return json({ number: body.number, receivedAt: known.receivedAt, firstDelivery: false });
        }
        const receivedAt = new Date().toISOString();
        state.deliveredApplications.set(body.number, { payload: body, receivedAt, times: 1 });
        return json({ number: body.number, receivedAt, firstDelivery: true }, 201);
      }),
    },
    {
      method: 'PUT',
      path: licensingApi.issueForApplication,
      handle: withBody(IssueLicenseRequest, (body, { params }) => {
        state.record('licensing', 'licenses/by-application/:applicationNumber');
        const applicationNumber = params.applicationNumber ?? '';
        const already = state.licencesByApplication.get(applicationNumber);
        if (already) return json(state.licenses.get(already));
        const kind = activities.find((a) => a.code === body.activityCode);
        if (!kind) return badRequest(`unknown activity ${body.activityCode}`);
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
        return json(record, 201);
      }),
    },
    {
      method: 'POST',
      path: licensingApi.licensesBatch,
      handle: withBody(LicensesBatchRequest, (body) => {
        state.record('licensing', 'licenses/batch', body.numbers.length);
        const { found, missing } = lookUp(body.numbers, state.licenses);
        return json({ licenses: found, missing } satisfies LicensesBatchResponse);
      }),
    },
    {
      method: 'POST',
      path: licensingApi.byHolders,
      handle: withBody(ByHoldersRequest, (body) => {
        state.record('licensing', 'licenses/by-holder', body.holderIds.length);
        const answer: ByHoldersResponse = { licenses: state.licensesOf(body.holderIds) };
        return json(answer);
      }),
    },
    {
      method: 'GET',
      path: licensingApi.license,
      handle: ({ params }) => {
        state.record('licensing', 'licenses/:number');
        const found = state.licenses.get(params.number ?? '');
        return found ? json(found) : notFound();
      },
    },
  ];
}
