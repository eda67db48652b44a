import { createBatchLoader, createGroupLoader, type RegistryClient } from '@egov/shared';
import { ByHoldersResponse, licensingApi, LicensesBatchResponse, type LicenseRecord } from '@egov/shared/upstream';

/** Е-лицензирование as one request sees it: licences by number and by holder, one batch call each. */
export function createLicensingRegistry(client: RegistryClient) {
  const license = createBatchLoader<LicenseRecord>(async (numbers) => {
    const answer = await client.post(licensingApi.licensesBatch, { numbers }, LicensesBatchResponse);
    return answer.licenses.map((l) => [l.number, l] as const);
  });
  const licensesOf = createGroupLoader<LicenseRecord>(
    async (holderIds) => {
      const answer = await client.post(licensingApi.byHolders, { holderIds }, ByHoldersResponse);
      for (const record of answer.licenses) license.prime(record.number, record);
      return answer.licenses;
    },
    (record) => record.holderId,
  );
  return { license, licensesOf };
}

export type LicensingRegistry = ReturnType<typeof createLicensingRegistry>;
