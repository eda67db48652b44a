import type { RunningServer, SubgraphBaseConfig } from '@egov/subgraph-kit';
import { postGraphQL, TEST_REGISTRY_URL } from '@egov/testkit';
import type { TokenRequest } from '../auth/index.js';
import { allScopesHeaders, bearer, type SubmissionDraft, TestSigner } from '../security.js';
import { testSubgraphBase } from './config.js';

export interface TestSubgraph<S> {
  /** What the factory returned (its `app`, `pool` ... for tests that look inside). */
  subgraph: S;
  /** Its /graphql URL, and its origin for other routes. */
  url: string;
  base: string;
  /** A partner holding every scope, for reads whose access is not the point of the test. */
  partner<T = any>(query: string, variables?: Record<string, unknown>): Promise<Awaited<ReturnType<typeof postGraphQL<T>>>>;
  /** A signed-in caller calling the subgraph directly; a citizen's submissions carry their signature. */
  as(request: TokenRequest & { iin: string }): {
    ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<Awaited<ReturnType<typeof postGraphQL<T>>>>;
    upload(form: FormData | { body: Buffer; document: string; fileName: string; contentType: string }): Promise<Response>;
    signed(draft: SubmissionDraft): ReturnType<TestSigner['signedSubmission']>;
  };
  close(): Promise<void>;
}

/**
 * Any subgraph on a free port, the way every subgraph's tests start one: a database of its own on the real
 * PostgreSQL (dropped at close), the test issuer's tokens, registries at TEST_REGISTRY_URL (msw answers).
 * `create` builds the subgraph from the base configuration; `cleanup` runs after it stopped.
 */
export async function startSubgraph<S extends { start(port: number): Promise<RunningServer> }>(
  name: string,
  create: (base: SubgraphBaseConfig, registry: { baseUrl: string; timeoutMs: number }) => S,
  cleanup: () => Promise<void> | void = () => undefined,
): Promise<TestSubgraph<S>> {
  const { base: config, drop } = await testSubgraphBase(TEST_REGISTRY_URL, `egov_${name.replace(/\W/g, '_')}`);
  const subgraph = create(config, { baseUrl: TEST_REGISTRY_URL, timeoutMs: 2000 });
  const running = await subgraph.start(0);
  const origin = running.url.replace(/\/graphql$/, '');
  const partnerHeaders = allScopesHeaders();
  return {
    subgraph,
    url: running.url,
    base: origin,
    partner: async (query, variables) => postGraphQL(running.url, query, variables, await partnerHeaders),
    as(request) {
      const headers = bearer(request);
      return {
        ask: async (query, variables) => postGraphQL(running.url, query, variables, await headers),
        async upload(form) {
          if (form instanceof FormData) return fetch(`${origin}/attachments`, { method: 'POST', body: form, headers: await headers });
          return fetch(`${origin}/attachments?document=${form.document}`, {
            method: 'POST',
            body: new Uint8Array(form.body),
            headers: { ...(await headers), 'content-type': form.contentType, 'x-file-name': form.fileName },
          });
        },
        signed: async (draft) => (await TestSigner.shared()).signedSubmission(draft, request.iin),
      };
    },
    async close() {
      await running.close();
      await drop();
      await cleanup();
    },
  };
}
