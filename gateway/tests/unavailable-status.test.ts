import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allScopesHeaders, NAMED } from '@egov/mocks';
import { testGatewayAuth } from '@egov/mocks/testing';
import { readSupergraph } from '@egov/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayLogger } from '../src/logger.js';
import { type RunningGateway, startGateway } from '../src/server.js';

/** An individuals subgraph whose database is away: every answer is DATABASE_UNAVAILABLE, with 503, as ours answer then. */
let subgraph: Server;
let gateway: RunningGateway;
beforeAll(async () => {
  subgraph = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(
      JSON.stringify({
        data: { person: null },
        errors: [{ message: 'The database is unavailable', path: ['person'], extensions: { code: 'DATABASE_UNAVAILABLE' } }],
      }),
    );
  });
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
  const nowhere = 'http://127.0.0.1:9/graphql';
  gateway = await startGateway(
    {
      port: 0,
      supergraph: readSupergraph(),
      subgraphUrls: { individuals: url, 'legal-entities': nowhere, payments: nowhere, licensing: nowhere, applications: nowhere },
      production: true,
      subgraphTimeoutMs: 2000,
      rateLimit: false,
      auth: testGatewayAuth(),
      limits: { maxDepth: 12, maxAliases: 20, maxCost: 20_000, maxTokens: 3_000, maxBodyBytes: 64 * 1024 },
    },
    '127.0.0.1',
    createGatewayLogger('error'),
  );
});
afterAll(async () => {
  await gateway?.close();
  subgraph?.close();
});

describe('a subgraph whose database is away', () => {
  it('makes an answer with no data at all a 503 with Retry-After, its code passed on (not INTERNAL_SERVER_ERROR with 200)', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await allScopesHeaders()) },
      body: JSON.stringify({ query: 'query($iin: IIN!) { person(iin: $iin) { fullName } }', variables: { iin: NAMED.entrepreneur } }),
    });
    const body = (await response.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['DATABASE_UNAVAILABLE']);
  });
});
