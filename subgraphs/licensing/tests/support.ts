import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_FEE_RATES_FILE } from '@egov/mocks';
import { createLogger, type IdempotencyStore } from '@egov/shared';
import { TEST_REGISTRY_URL } from '@egov/shared/testing';
import { createTestDatabase } from '@egov/shared/testing-db';
import { createLicensingSubgraph } from '../src/server.js';


/**
 * The licensing subgraph on a free port, with its own database on the real PostgreSQL server and its own
 * scan directory; registries are whatever msw serves at TEST_REGISTRY_URL.
 */
export async function startLicensing(options: { clock?: () => Date; maxBytes?: number; idempotency?: IdempotencyStore } = {}) {
  const database = await createTestDatabase('egov_licensing');
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'egov-scans-'));
  const endpoint = { baseUrl: TEST_REGISTRY_URL, timeoutMs: 2000 };
  const subgraph = createLicensingSubgraph(
    {
      registries: { licensing: endpoint, individuals: endpoint, legalEntities: endpoint, payments: endpoint },
      databaseUrl: database.url,
      attachments: { dir: attachmentsDir, maxBytes: options.maxBytes ?? 10 * 1024 * 1024, maxFilesPerRequest: 5 },
      fees: { rates: DEV_FEE_RATES_FILE },
      deemedIssuanceEveryMs: 3_600_000,
    },
    { logger: createLogger('licensing', { level: (process.env.LOG_LEVEL as 'error') ?? 'error' }), clock: options.clock, idempotency: options.idempotency },
  );
  const running = await subgraph.start(0);
  return {
    url: running.url,
    base: running.url.replace(/\/graphql$/, ''),
    app: subgraph.app,
    pool: subgraph.pool,
    attachmentsDir,
    async close() {
      await running.close();
      await database.drop();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}
