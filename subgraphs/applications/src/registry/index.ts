import {
  type ApplicantRef,
  applicantIdOf,
  type DeliverApplicationRequest,
  DeliverApplicationResponse,
  fillPath,
  type IssueLicenseRequest,
  type LegalEntityRecord,
  LicenseRecord,
  licensingApi,
  type PersonRecord,
} from '@egov/contracts';
import { codeOf } from '@egov/core';
import type { Registry } from '@egov/domain';
import {
  forgetLicencesOf,
  type RegistryCache,
  type RegistryClient,
  type RegistryError,
  readEntities,
  readLicencesOf,
  readPaymentsOf,
  readPersons,
} from '@egov/registry-client';
import type { ApplicantSnapshot, RegistryOutage } from '../applications/applicant.js';

/**
 * A registry that failed (down, too slow, or answering nonsense), as opposed to a bug of ours. Our own overload
 * (too many calls waiting here: the registry was never asked) is not one: were it taken as an outage, a flood of
 * drafts would let a submission skip a check of a registry that is up (degraded mode). It fails the read instead.
 */
const isRegistryFailure = (error: unknown) => String(codeOf(error) ?? '').startsWith('REGISTRY_') && (error as Partial<RegistryError>).overloaded !== true;

/**
 * Reads that may fail without failing the whole snapshot: a failed registry yields `fallback` and is recorded
 * in `outages` (once per registry), so a draft can say what it could not read (degraded mode).
 */
function tolerating(outages: RegistryOutage[], now: Date) {
  return async <T>(registry: Registry, read: Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read;
    } catch (error) {
      if (!isRegistryFailure(error)) throw error;
      if (!outages.some((o) => o.registry === registry)) outages.push({ registry, code: String(codeOf(error)), at: now.toISOString() });
      return fallback;
    }
  };
}

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
    /**
     * Reads the applicant from all four registries, in parallel where the answers do not depend on each other.
     * A registry that fails is listed in `unavailable` and its records are left empty (degraded mode); null only
     * when the registry that says who the applicant is (ГБД ФЛ for an IIN, ГБД ЮЛ for a BIN) answered that it
     * holds no such applicant.
     */
    async readApplicant(ref: ApplicantRef, now: Date): Promise<ApplicantSnapshot | null> {
      const id = applicantIdOf(ref);
      const unavailable: RegistryOutage[] = [];
      const tolerate = tolerating(unavailable, now);
      const licences = tolerate('licensing', readLicencesOf(clients.licensing, [id]), []);
      const payments = tolerate('payments', readPaymentsOf(clients.payments, [id]), []);
      // Start all reads before awaiting any, so a failure of one does not leave the others unhandled.
      licences.catch(() => undefined);
      payments.catch(() => undefined);
      const outages = () => (unavailable.length > 0 ? { unavailable } : {});
      if (ref.kind === 'IIN') {
        const persons = await tolerate<PersonRecord[] | null>('individuals', readPersons(clients.individuals, [ref.iin]), null);
        if (persons?.length === 0) return null;
        const person = persons?.[0] ?? null;
        const [l, p] = [await licences, await payments];
        return { id, ref, readAt: now.toISOString(), person, entity: null, head: null, branches: [], licences: l, payments: p, ...outages() };
      }
      const entities = await tolerate<LegalEntityRecord[] | null>('legal-entities', readEntities(clients.legalEntities, [ref.bin]), null);
      if (entities?.length === 0) return null;
      const entity = entities?.[0] ?? null;
      const [heads, branches] = await Promise.all([
        entity?.headIin ? tolerate('individuals', readPersons(clients.individuals, [entity.headIin]), []) : Promise.resolve([]),
        entity && entity.branchBins.length > 0 ? tolerate('legal-entities', readEntities(clients.legalEntities, entity.branchBins), []) : Promise.resolve([]),
      ]);
      const [l, p] = [await licences, await payments];
      return { id, ref, readAt: now.toISOString(), person: null, entity, head: heads[0] ?? null, branches, licences: l, payments: p, ...outages() };
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
