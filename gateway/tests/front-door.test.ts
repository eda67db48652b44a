import { request as httpRequest } from 'node:http';
import { bearer } from '@egov/mocks';
import { testGatewayAuth } from '@egov/mocks/testing';
import { readSupergraph } from '@egov/schema';
import { TokenVerifier } from '@egov/security';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGatewayLogger } from '../src/logger.js';
import { type RunningGateway, startGateway } from '../src/server.js';

/*
 * The front door's own answers, with no subgraph behind it (they are unreachable): everything here is
 * decided before GraphQL runs. The path and method tables are in test/security/front-door.e2e.ts.
 */
const nowhere = 'http://127.0.0.1:9/graphql';
const lines: string[] = [];
let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(
    {
      port: 0,
      supergraph: readSupergraph(),
      subgraphUrls: { individuals: nowhere, 'legal-entities': nowhere, payments: nowhere, licensing: nowhere, applications: nowhere },
      production: true,
      subgraphTimeoutMs: 1000,
      auth: testGatewayAuth(),
      limits: { maxDepth: 12, maxAliases: 20, maxCost: 20_000, maxTokens: 3_000, maxBodyBytes: 64 * 1024 },
    },
    '127.0.0.1',
    createGatewayLogger('error', (line) => lines.push(line)),
  );
});
afterAll(() => gateway?.close());

async function ask(path: string, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url.replace(/\/graphql$/, '')}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const json = { 'content-type': 'application/json' };

describe('the front door', () => {
  it('serves /health and /ready exactly, and nothing that merely ends like them', async () => {
    expect(await ask('/health')).toMatchObject({ status: 200, body: { status: 'ok', service: 'gateway' } });
    expect(await ask('/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
    for (const path of ['/x/health', '/health/', '/graphql?a=/health', '/healthcheck', '/readiness', '/x/ready'])
      expect((await ask(path)).body.errors[0].extensions.code, path).toBe(path.startsWith('/graphql') ? 'BAD_REQUEST' : 'NOT_FOUND');
  });

  it('refuses a GET (or a form POST) without the CSRF header with a typed error, before any token is looked at', async () => {
    for (const init of [{}, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{__typename}"}' }]) {
      const answer = await ask('/graphql?query=%7B__typename%7D', init);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    expect((await ask('/graphql?query=%7B__typename%7D', { headers: { 'x-graphql-csrf': '1' } })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it.each([
    ['bad percent-encoding', '/graphql?query=%E0%A4%A&variables=%ZZ'],
    ['variables that are not JSON', '/graphql?query=%7B__typename%7D&variables=%7Bnope'],
    ['variables that are a list', '/graphql?query=%7B__typename%7D&variables=%5B1%5D'],
  ])('refuses a GET with %s as BAD_REQUEST, not as an internal error', async (_case, path) => {
    const answer = await ask(path, { headers: { 'x-graphql-csrf': '1' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('keeps a safe request id and echoes it; replaces anything else with a fresh one', async () => {
    const kept = await ask('/graphql', { method: 'POST', headers: { ...json, 'x-request-id': 'req-0123456789abcdef' }, body: '{"query":"{__typename}"}' });
    expect(kept.headers.get('x-request-id')).toBe('req-0123456789abcdef');
    const replaced = await ask('/graphql', { method: 'POST', headers: { ...json, 'x-request-id': 'not safe <b>' }, body: '{"query":"{__typename}"}' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('answers 413 from the declared length before reading, and 411 when a POST declares none', async () => {
    const declared = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(gateway.url, { method: 'POST', headers: { ...json, 'content-length': String(10 * 1024 * 1024) } }, (res) => {
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{"query":"');
    });
    expect(declared).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(gateway.url, { method: 'POST', headers: { ...json, 'transfer-encoding': 'chunked' } }, (res) => {
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{"query":"{__typename}"}');
    });
    expect(chunked).toBe(411);
  });

  it('turns a fault in its own checks into a generic 500 with the one error body, never a stack trace, and logs it', async () => {
    const broken = vi.spyOn(TokenVerifier.prototype, 'principalOf').mockRejectedValueOnce(new TypeError('keys unreachable at /internal/path'));
    const answer = await ask('/graphql', {
      method: 'POST',
      headers: { ...json, ...(await bearer({ kind: 'citizen', iin: '850314301234' })) },
      body: '{"query":"{__typename}"}',
    });
    broken.mockRestore();
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(lines.some((line) => /request failed at the front door/.test(line) && /keys unreachable/.test(line))).toBe(true);
  });
});
