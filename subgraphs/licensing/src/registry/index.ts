import { createBatchLoader, createGroupLoader, type RegistryClient } from '@egov/shared';
import { readLicences, readLicencesOf, type LicenseRecord } from '@egov/shared/upstream';

/** Е-лицензирование as one request sees it: licences by number and by holder, one batch call each. */
export function createLicensingRegistry(client: RegistryClient) {
  const license = createBatchLoader<LicenseRecord>(async (numbers) => (await readLicences(client, numbers)).map((l) => [l.number, l] as const));
  const licensesOf = createGroupLoader<LicenseRecord>(
    async (holderIds) => {
      const licences = await readLicencesOf(client, holderIds);
      for (const record of licences) license.prime(record.number, record);
      return licences;
    },
    (record) => record.holderId,
  );
  return { license, licensesOf };
}

export type LicensingRegistry = ReturnType<typeof createLicensingRegistry>;
