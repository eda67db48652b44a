import { type LicenseRecord, MAX_BATCH } from '@egov/contracts';
import { createBatchLoader, licencesOfRead, licencesRead, type RegistryCache, type RegistryClient, type StaleRecorder } from '@egov/registry-client';
import DataLoader from 'dataloader';

/** Е-лицензирование as one request sees it: licences by number and by holder, one batch call each. */
export function createLicensingRegistry(client: RegistryClient, cache?: RegistryCache, stale?: StaleRecorder) {
  const byNumber = licencesRead(client, cache);
  const byHolder = licencesOfRead(client, cache);
  const license = createBatchLoader<LicenseRecord>((numbers) => byNumber(numbers, stale));
  const licensesOf = new DataLoader<string, LicenseRecord[]>(
    async (holderIds) => {
      const answer = await byHolder(holderIds, stale);
      return holderIds.map((id) => {
        const licences = answer.get(id) ?? [];
        for (const record of licences) license.prime(record.number, record);
        return licences;
      });
    },
    { maxBatchSize: MAX_BATCH },
  );
  return { license, licensesOf };
}

export type LicensingRegistry = ReturnType<typeof createLicensingRegistry>;
