import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@egov/core';
import { startSubgraph, testApplicationsConfig } from '@egov/mocks/testing';
import type { IdempotencyStore } from '@egov/stores';
import { createApplicationsSubgraph } from '../src/server.js';

/** The applications subgraph on a free port, with its own database and its own scan directory. */
export async function startApplications(
  options: { clock?: () => Date; maxBytes?: number; idempotency?: IdempotencyStore; admission?: { maxConcurrency: number; maxWaitMs: number } } = {},
) {
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'egov-scans-'));
  const started = await startSubgraph(
    'applications',
    (base, endpoint) =>
      createApplicationsSubgraph(
        {
          ...base,
          ...testApplicationsConfig({ registry: () => endpoint, attachments: { dir: attachmentsDir, maxBytes: options.maxBytes, maxFilesPerRequest: 5 } }),
          admission: options.admission,
        },
        {
          logger: createLogger('applications', { level: (process.env.LOG_LEVEL as 'error') ?? 'error' }),
          clock: options.clock,
          idempotency: options.idempotency,
        },
      ),
    () => rmSync(attachmentsDir, { recursive: true, force: true }),
  );
  return { ...started, app: started.subgraph.app, pool: started.subgraph.pool, attachmentsDir };
}
