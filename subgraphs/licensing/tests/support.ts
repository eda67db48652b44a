import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allScopesHeaders, bearer, TestSigner, testLicensingConfig, testSubgraphBase, type SubmissionDraft, type TokenRequest } from '@egov/mocks';
import { createLogger } from '@egov/core';
import { type IdempotencyStore } from '@egov/stores';
import { postGraphQL, TEST_REGISTRY_URL } from '@egov/testkit';
import { createLicensingSubgraph } from '../src/server.js';

/**
 * The licensing subgraph on a free port, with its own database on the real PostgreSQL server and its own
 * scan directory; registries are whatever msw serves at TEST_REGISTRY_URL.
 */
export async function startLicensing(options: { clock?: () => Date; maxBytes?: number; idempotency?: IdempotencyStore } = {}) {
  const { base: config, drop } = await testSubgraphBase(TEST_REGISTRY_URL, 'egov_licensing');
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'egov-scans-'));
  const endpoint = { baseUrl: TEST_REGISTRY_URL, timeoutMs: 2000 };
  const subgraph = createLicensingSubgraph(
    { ...config, ...testLicensingConfig({ registry: () => endpoint, attachments: { dir: attachmentsDir, maxBytes: options.maxBytes, maxFilesPerRequest: 5 } }) },
    { logger: createLogger('licensing', { level: (process.env.LOG_LEVEL as 'error') ?? 'error' }), clock: options.clock, idempotency: options.idempotency },
  );
  const running = await subgraph.start(0);
  const base = running.url.replace(/\/graphql$/, '');
  const partner = allScopesHeaders();

  return {
    url: running.url,
    base,
    app: subgraph.app,
    pool: subgraph.pool,
    attachmentsDir,
    /** A partner holding every scope, for reads whose access is not the point of the test. */
    partner: async <T = any>(query: string, variables?: Record<string, unknown>) => postGraphQL<T>(running.url, query, variables, await partner),
    /** A signed-in caller calling this subgraph directly; a citizen's submissions carry their signature. */
    as(request: TokenRequest & { iin: string }) {
      const headers = bearer(request);
      const ask = async <T = any>(query: string, variables?: Record<string, unknown>) => postGraphQL<T>(running.url, query, variables, await headers);
      return {
        ask,
        async upload(form: FormData | { body: Buffer; document: string; fileName: string; contentType: string }): Promise<Response> {
          if (form instanceof FormData) return fetch(`${base}/attachments`, { method: 'POST', body: form, headers: await headers });
          return fetch(`${base}/attachments?document=${form.document}`, {
            method: 'POST',
            body: new Uint8Array(form.body),
            headers: { ...(await headers), 'content-type': form.contentType, 'x-file-name': form.fileName },
          });
        },
        signed: async (draft: SubmissionDraft) => (await TestSigner.shared()).signedSubmission(draft, request.iin),
      };
    },
    async close() {
      await running.close();
      await drop();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}
