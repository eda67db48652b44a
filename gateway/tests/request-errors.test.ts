import { testGatewayAuth } from '@egov/mocks/testing';
import { readSupergraph } from '@egov/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayLogger } from '../src/logger.js';
import { type RunningGateway, startGateway } from '../src/server.js';

const nowhere = 'http://127.0.0.1:9/graphql';
let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(
    {
      port: 0,
      supergraph: readSupergraph(),
      subgraphUrls: { individuals: nowhere, 'legal-entities': nowhere, payments: nowhere, licensing: nowhere, applications: nowhere },
      production: true,
      subgraphTimeoutMs: 1000,
      rateLimit: false,
      auth: testGatewayAuth(),
      limits: { maxDepth: 12, maxAliases: 20, maxCost: 20_000, maxTokens: 3_000, maxBodyBytes: 64 * 1024 },
    },
    '127.0.0.1',
    createGatewayLogger('error'),
  );
});
afterAll(() => gateway?.close());

const get = (search: string) => fetch(`${gateway.url}?${search}`, { headers: { 'x-graphql-csrf': '1' } });
const codes = async (response: Response) => ((await response.json()) as { errors: { extensions?: { code?: string } }[] }).errors.map((e) => e.extensions?.code);

describe('a request the gateway cannot read', () => {
  it('is 400 BAD_REQUEST when its GET variables are not JSON, not a 500', async () => {
    const response = await get('query=%7B__typename%7D&variables=%7Bnope');
    expect(response.status).toBe(400);
    expect(await codes(response)).toEqual(['BAD_REQUEST']);
  });

  it('is 400 BAD_REQUEST when its GET parameters are not properly percent-encoded', async () => {
    const response = await get('query=%E0%A4%A&variables=%ZZ');
    expect(response.status).toBe(400);
    expect(await codes(response)).toEqual(['BAD_REQUEST']);
  });

  it('is refused with a code when it lacks the CSRF header a browser form cannot send', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(403);
    expect(await codes(response)).toEqual(['BAD_REQUEST']);
  });
});
