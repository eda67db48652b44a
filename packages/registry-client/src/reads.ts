import { ErrorCode } from '@egov/core';
import type { RegistryClient } from './index.js';
import { RegistryError } from './registry-error.js';
import type { RegistryName } from '@egov/contracts';
import { individualsApi, PersonsBatchResponse, type PersonRecord } from '@egov/contracts';
import { ByParticipantsResponse, EntitiesBatchResponse, legalEntitiesApi, type LegalEntityRecord } from '@egov/contracts';
import { ByHoldersResponse, licensingApi, LicensesBatchResponse, type LicenseRecord } from '@egov/contracts';
import { ByPayersResponse, paymentsApi, type PaymentRecord } from '@egov/contracts';

/**
 * The batch reads every subgraph makes, spelled once: which endpoint, which body, which answer schema.
 * Subgraphs wrap them in per-request DataLoaders; the licensing subgraph also uses them to snapshot an
 * applicant.
 */
/**
 * A batch answer must account for every id asked: found or listed missing. One that silently drops ids is
 * a broken registry, not "not found".
 */
function complete<T>(registry: RegistryName, asked: readonly string[], found: T[], idOf: (record: T) => string, missing: readonly string[]): T[] {
  const answered = new Set([...found.map(idOf), ...missing]);
  const dropped = asked.filter((id) => !answered.has(id)).length;
  if (dropped > 0) throw new RegistryError(registry, ErrorCode.REGISTRY_BAD_RESPONSE, `answered a partial batch (${dropped} of ${asked.length} ids unaccounted for)`);
  return found;
}

export const readPersons = async (client: RegistryClient, iins: string[]): Promise<PersonRecord[]> => {
  const answer = await client.post(individualsApi.personsBatch, { iins }, PersonsBatchResponse);
  return complete('individuals', iins, answer.persons, (p) => p.iin, answer.missing);
};

export const readEntities = async (client: RegistryClient, bins: string[]): Promise<LegalEntityRecord[]> => {
  const answer = await client.post(legalEntitiesApi.entitiesBatch, { bins }, EntitiesBatchResponse);
  return complete('legal-entities', bins, answer.entities, (e) => e.bin, answer.missing);
};

export const readParticipations = (client: RegistryClient, iins: string[]): Promise<ByParticipantsResponse> =>
  client.post(legalEntitiesApi.byParticipants, { iins }, ByParticipantsResponse);

export const readPaymentsOf = async (client: RegistryClient, payerIds: string[]): Promise<PaymentRecord[]> =>
  (await client.post(paymentsApi.byPayers, { payerIds }, ByPayersResponse)).payments;

export const readLicences = async (client: RegistryClient, numbers: string[]): Promise<LicenseRecord[]> => {
  const answer = await client.post(licensingApi.licensesBatch, { numbers }, LicensesBatchResponse);
  return complete('licensing', numbers, answer.licenses, (l) => l.number, answer.missing);
};

export const readLicencesOf = async (client: RegistryClient, holderIds: string[]): Promise<LicenseRecord[]> =>
  (await client.post(licensingApi.byHolders, { holderIds }, ByHoldersResponse)).licenses;
