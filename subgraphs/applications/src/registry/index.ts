import {
  type ApplicantRef,
  applicantIdOf,
  type DeliverApplicationRequest,
  DeliverApplicationResponse,
  fillPath,
  type IssueLicenseRequest,
  LicenseRecord,
  licensingApi,
} from '@egov/contracts';
import { forgetLicencesOf, type RegistryCache, type RegistryClient, readEntities, readLicencesOf, readPaymentsOf, readPersons } from '@egov/registry-client';
import type { ApplicantSnapshot } from '../applications/applicant.js';

export interface RegistryClients {
  individuals: RegistryClient;
  legalEntities: RegistryClient;
  payments: RegistryClient;
  licensing: RegistryClient;
}

/**
 * The registries as the applications subgraph uses them. Reads bypass the cache on purpose: a draft and a
 * submission must show what the registries say now, and the submission keeps exactly that. Writes go to
 * Е-лицензирование, each idempotent by the application's number.
 */
export function createApplicationsRegistry(clients: RegistryClients, cache?: RegistryCache) {
  return {
    /** Reads the applicant from all four registries, in parallel where the answers do not depend on each other. */
    async readApplicant(ref: ApplicantRef, now: Date): Promise<ApplicantSnapshot | null> {
      const id = applicantIdOf(ref);
      const licences = readLicencesOf(clients.licensing, [id]);
      const payments = readPaymentsOf(clients.payments, [id]);
      // Start all reads before awaiting any, so a failure of one does not leave the others unhandled.
      licences.catch(() => undefined);
      payments.catch(() => undefined);
      if (ref.kind === 'IIN') {
        const [person] = await readPersons(clients.individuals, [ref.iin]);
        if (!person) return null;
        return { id, ref, readAt: now.toISOString(), person, entity: null, head: null, branches: [], licences: await licences, payments: await payments };
      }
      const [entity] = await readEntities(clients.legalEntities, [ref.bin]);
      if (!entity) return null;
      const [heads, branches] = await Promise.all([
        entity.headIin ? readPersons(clients.individuals, [entity.headIin]) : Promise.resolve([]),
        entity.branchBins.length > 0 ? readEntities(clients.legalEntities, entity.branchBins) : Promise.resolve([]),
      ]);
      return { id, ref, readAt: now.toISOString(), person: null, entity, head: heads[0] ?? null, branches, licences: await licences, payments: await payments };
    },

    /** Records a licence granted on an application; repeating the call returns the same licence. */
    async issueLicence(applicationNumber: string, request: IssueLicenseRequest): Promise<LicenseRecord> {
      const licence = await clients.licensing.call({
        method: 'PUT',
        path: fillPath(licensingApi.issueForApplication, { applicationNumber }),
        body: request,
        schema: LicenseRecord,
      });
      await forgetLicencesOf(cache, [request.holderId]);
      return licence;
    },

    /** Hands an accepted application over for processing; the number is the upstream's idempotency key. */
    async deliverApplication(payload: DeliverApplicationRequest): Promise<void> {
      await clients.licensing.call({
        method: 'PUT',
        path: fillPath(licensingApi.deliverApplication, { number: payload.number }),
        body: payload,
        schema: DeliverApplicationResponse,
      });
    },
  };
}

export type ApplicationsRegistry = ReturnType<typeof createApplicationsRegistry>;
