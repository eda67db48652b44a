import type { RegistryClient } from '../registry/index.js';
import { individualsApi, PersonsBatchResponse, type PersonRecord } from './individuals.js';
import { ByParticipantsResponse, EntitiesBatchResponse, legalEntitiesApi, type LegalEntityRecord } from './legal-entities.js';
import { ByHoldersResponse, licensingApi, LicensesBatchResponse, type LicenseRecord } from './licensing.js';
import { ByPayersResponse, paymentsApi, type PaymentRecord } from './payments.js';

/**
 * The batch reads every subgraph makes, spelled once: which endpoint, which body, which answer schema.
 * Subgraphs wrap them in per-request DataLoaders; the licensing subgraph also uses them to snapshot an
 * applicant.
 */
export const readPersons = async (client: RegistryClient, iins: string[]): Promise<PersonRecord[]> =>
  (await client.post(individualsApi.personsBatch, { iins }, PersonsBatchResponse)).persons;

export const readEntities = async (client: RegistryClient, bins: string[]): Promise<LegalEntityRecord[]> =>
  (await client.post(legalEntitiesApi.entitiesBatch, { bins }, EntitiesBatchResponse)).entities;

export const readParticipations = (client: RegistryClient, iins: string[]): Promise<ByParticipantsResponse> =>
  client.post(legalEntitiesApi.byParticipants, { iins }, ByParticipantsResponse);

export const readPaymentsOf = async (client: RegistryClient, payerIds: string[]): Promise<PaymentRecord[]> =>
  (await client.post(paymentsApi.byPayers, { payerIds }, ByPayersResponse)).payments;

export const readLicences = async (client: RegistryClient, numbers: string[]): Promise<LicenseRecord[]> =>
  (await client.post(licensingApi.licensesBatch, { numbers }, LicensesBatchResponse)).licenses;

export const readLicencesOf = async (client: RegistryClient, holderIds: string[]): Promise<LicenseRecord[]> =>
  (await client.post(licensingApi.byHolders, { holderIds }, ByHoldersResponse)).licenses;
