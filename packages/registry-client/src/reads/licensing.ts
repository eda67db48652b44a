import { ByHoldersResponse, type LicenseRecord, LicensesBatchResponse, licensingApi } from '@egov/contracts';
import { type BatchRead, byKey, cachedRead, complete, groupedBy } from '../batch.js';
import type { RegistryCache } from '../cache/registry-cache.js';
import type { RegistryClient } from '../client/registry-client.js';

/** Е-лицензирование: licences by number, straight from the registry. */
export async function readLicences(client: RegistryClient, numbers: string[]): Promise<LicenseRecord[]> {
  const answer = await client.post(licensingApi.licensesBatch, { numbers }, LicensesBatchResponse);
  return complete('licensing', numbers, answer.licenses, (l) => l.number, answer.missing);
}

/** Licences by number through the cache. */
export function licencesRead(client: RegistryClient, cache?: RegistryCache): BatchRead<LicenseRecord> {
  return cachedRead(cache, 'licensing', 'licence', async (numbers) => byKey(await readLicences(client, numbers), (l) => l.number));
}

/** Every licence held by these IINs/BINs, straight from the registry. */
export async function readLicencesOf(client: RegistryClient, holderIds: string[]): Promise<LicenseRecord[]> {
  return (await client.post(licensingApi.byHolders, { holderIds }, ByHoldersResponse)).licenses;
}

/** Licences by holder through the cache. */
export function licencesOfRead(client: RegistryClient, cache?: RegistryCache): BatchRead<LicenseRecord[]> {
  return cachedRead(cache, 'licensing', 'by-holder', async (holderIds) => groupedBy(holderIds, await readLicencesOf(client, holderIds), (l) => l.holderId));
}

/** After a licence is issued to them: the holders' licence lists are read afresh. */
export const forgetLicencesOf = (cache: RegistryCache | undefined, holderIds: readonly string[]) => cache?.invalidate('licensing', 'by-holder', holderIds);
