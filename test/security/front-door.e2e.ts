/**
 * Issue 10, class 1: one front door.
 *
 * Contract pinned here (what a client of the gateway can rely on):
 * - GraphQL executes on exactly one path, `/graphql` (a query string is allowed: `/graphql?...`). Methods:
 *   POST (JSON body) and GET (query string, with the CSRF header `x-graphql-csrf`); nothing else executes.
 * - Every other path is 404 with the standard error body `{ errors: [{ message, extensions: { code:
 *   'NOT_FOUND' } }] }`, whatever the method and whatever the body: `/graphql/`, `//graphql`, `/GRAPHQL`,
 *   `/graphql;a`, `/graphql%2F`, `/%67raphql`, `/graphiql`, `/`, ... (HEAD gets the 404 without a body; an
 *   OPTIONS request may instead be answered by CORS with 204, as long as nothing executes).
 * - A request target that a URL parser turns into `/graphql` itself (`/graphql#`, `/graphql/../graphql`,
 *   `/x/../graphql`) is either refused with that 404 or treated as `/graphql` with every check below.
 * - PUT, PATCH and DELETE on `/graphql` are 405 with `extensions.code` 'METHOD_NOT_ALLOWED'; HEAD and
 *   OPTIONS never execute (405, or 204 for a CORS answer).
 * - Wherever GraphQL executes, the same checks run before execution: a forged token is 401 UNAUTHENTICATED;
 *   callers whose kind is persisted-only (here citizen and portal) run nothing but listed operations; the
 *   caller's request counter is one per caller across every path (the N+1th request in the window is 429
 *   RATE_LIMITED with Retry-After); a chunked POST is 411 LENGTH_REQUIRED; a declared Content-Length over
 *   the limit is 413 PAYLOAD_TOO_LARGE at once, without waiting for (or reading) the body.
 *
 * "Executed" is observed from outside: a registry call in the mock registries' journal, or `data` in the
 * answer. Requests go over a raw socket so each path reaches the server byte for byte as written.
 */

import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationId } from '@egov/gateway';
import { allScopesHeaders, bearer, mintToken, NAMED } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';
import { freshIin, type RawResponse, rawRequest } from './support.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

/** Paths that are not the GraphQL endpoint, however close they look: 404 for every method. */
const NOT_GRAPHQL = [
  '/graphql/',
  '/graphql//',
  '//graphql',
  '///graphql',
  '/GRAPHQL',
  '/Graphql',
  '/graphql;a',
  '/graphql;',
  '/graphql%2F',
  '/graphql%2f',
  '/graphql%20',
  '/graphql%00',
  '/graphql.',
  '/graphql.json',
  '/graphql/x',
  '/graphql/graphql',
  '/%67raphql',
  '/%2Fgraphql',
  '/api/graphql',
  '/graphiql',
  '/',
  '/anything',
  '/health/x',
  '/health/graphql',
  '/attachments/',
  '/attachments/graphql',
];
/** Targets a URL parser resolves to /graphql itself: refused, or /graphql with every check. */
const RESOLVES_TO_GRAPHQL = ['/graphql#', '/graphql#x', '/graphql/../graphql', '/x/../graphql', '/./graphql', '/graphql/.'];
/** The endpoint itself. */
const GRAPHQL = ['/graphql', '/graphql?x=1', '/graphql?'];

const READ_MAN = '{ person(iin: "850314301234") { fullName } }';

/** The target with a GraphQL operation in its query string (for GET and HEAD), kept apart from any fragment. */
function withQuery(target: string, query: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ query, ...extra }).toString();
  const hash = target.indexOf('#');
  const [path, fragment] = hash < 0 ? [target, ''] : [target.slice(0, hash), target.slice(hash)];
  return `${path}${path.includes('?') ? (path.endsWith('?') ? '' : '&') : '?'}${params}${fragment}`;
}

function expectNotFoundBody(response: RawResponse, method: Method) {
  if (method === 'HEAD') return;
  expect(response.json, `${method}: the standard error body`).toEqual({
    errors: [{ message: expect.any(String), extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }],
  });
}

// ------------------------------------------------------------------------------------- an open gateway

describe('a gateway without persisted operations or rate limit: where GraphQL executes', () => {
  let graph: RunningGraph;
  let partner: Record<string, string>;
  beforeAll(async () => {
    graph = await startGraph({ fixtures: { persons: 20 } });
    partner = await allScopesHeaders();
  });
  afterAll(() => graph?.close());

  /** Sends READ_MAN as a partner with every scope (who may run any query) by `method` to `target`. */
  async function send(method: Method, target: string, extraHeaders: Record<string, string> = {}) {
    graph.state.resetJournal();
    const headers = { ...partner, 'x-graphql-csrf': '1', accept: 'application/json', ...extraHeaders };
    const inQuery = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
    const response = await rawRequest(graph.gatewayBase, {
      method,
      target: inQuery ? withQuery(target, READ_MAN) : target,
      headers: inQuery ? headers : { ...headers, 'content-type': 'application/json' },
      body: inQuery ? undefined : JSON.stringify({ query: READ_MAN }),
    });
    return { response, registryCalls: graph.state.journal.length };
  }

  it('executes on POST /graphql and on GET /graphql?query (the control for everything below)', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const { response, registryCalls } = await send(method, '/graphql');
      expect(response.status, method).toBe(200);
      expect(response.json.data, method).toEqual({ person: { fullName: 'Ахметов Нурлан Серикович' } });
      expect(registryCalls, method).toBe(1);
    }
  });

  describe.each(NOT_GRAPHQL)('%s is not the GraphQL endpoint', (target) => {
    it.each(METHODS)('%s: 404 NOT_FOUND, and nothing executes', async (method) => {
      const { response, registryCalls } = await send(method, target);
      expect(registryCalls, 'no registry was asked').toBe(0);
      expect(response.json?.data, 'no data').toBeUndefined();
      if (method === 'OPTIONS') expect([204, 404, 405]).toContain(response.status);
      else {
        expect(response.status).toBe(404);
        expectNotFoundBody(response, method);
      }
    });
  });

  it.each(['PUT', 'PATCH', 'DELETE'] as const)('%s /graphql is 405 METHOD_NOT_ALLOWED and executes nothing', async (method) => {
    for (const target of GRAPHQL) {
      const { response, registryCalls } = await send(method, target);
      expect(registryCalls, target).toBe(0);
      expect(response.status, target).toBe(405);
      expect(response.json, target).toEqual({ errors: [{ message: expect.any(String), extensions: expect.objectContaining({ code: 'METHOD_NOT_ALLOWED' }) }] });
    }
  });

  it.each(['HEAD', 'OPTIONS'] as const)('%s /graphql executes nothing', async (method) => {
    for (const target of GRAPHQL) {
      const { response, registryCalls } = await send(method, target);
      expect(registryCalls, target).toBe(0);
      expect([204, 405], target).toContain(response.status);
    }
  });

  /**
   * For a target that executes at all: a forged token is 401, a chunked POST 411, a declared body over the
   * limit 413 without the body being sent, and a body over the limit 413 — the same as /graphql.
   */
  async function expectGatewayChecks(target: string) {
    const forged = await mintToken(
      { kind: 'partner', clientId: 'egov-test-all-scopes' },
      { key: ((await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair).privateKey },
    );
    for (const method of ['POST', 'GET'] as const) {
      const { response, registryCalls } = await send(method, target, { authorization: `Bearer ${forged}` });
      expect(registryCalls, `${method} ${target} with a forged token`).toBe(0);
      expect(response.status, `${method} ${target} with a forged token`).toBe(401);
      expect(response.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }

    graph.state.resetJournal();
    const chunked = await rawRequest(graph.gatewayBase, {
      method: 'POST',
      target,
      headers: { ...partner, 'content-type': 'application/json' },
      body: JSON.stringify({ query: READ_MAN }),
      chunked: true,
    });
    expect(graph.state.journal.length, `chunked POST ${target}`).toBe(0);
    expect(chunked.status, `chunked POST ${target}`).toBe(411);
    expect(chunked.json?.errors?.[0]?.extensions?.code).toBe('LENGTH_REQUIRED');

    // 3 MB declared, 200 bytes sent, then the client waits: the answer must come from the header alone.
    const declared = await rawRequest(graph.gatewayBase, {
      method: 'POST',
      target,
      headers: { ...partner, 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) },
      body: `{"query":"${READ_MAN.replace(/"/g, '\\"')}","variables":{"pad":"${'x'.repeat(100)}`,
      timeoutMs: 4_000,
    }).catch((error: Error) => ({ status: 0, json: { error: error.message } }) as RawResponse);
    expect(declared.status, `POST ${target} declaring 3 MB: ${JSON.stringify(declared.json)}`).toBe(413);
    expect(declared.json?.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');

    const big = await rawRequest(graph.gatewayBase, {
      method: 'POST',
      target,
      headers: { ...partner, 'content-type': 'application/json' },
      body: JSON.stringify({ query: READ_MAN, variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    expect(big.status, `POST ${target} with a 3 MB body`).toBe(413);
  }

  it.each(GRAPHQL)('%s: forged token 401, chunked 411, oversized 413 from the header alone', async (target) => {
    await expectGatewayChecks(target);
  });

  it.each(RESOLVES_TO_GRAPHQL)('%s is either 404 or /graphql with every check', async (target) => {
    const { response, registryCalls } = await send('POST', target);
    if (response.status === 404) {
      expect(registryCalls).toBe(0);
      expectNotFoundBody(response, 'POST');
      return;
    }
    await expectGatewayChecks(target);
  });

  it('GraphiQL and the landing page are not served on other paths either (no HTML anywhere but /graphql)', async () => {
    for (const target of ['/', '/graphiql', '/graphql/', '//graphql']) {
      const response = await rawRequest(graph.gatewayBase, { method: 'GET', target, headers: { accept: 'text/html' } });
      expect(response.status, target).toBe(404);
      expect(String(response.headers['content-type'] ?? ''), target).not.toMatch(/html/);
    }
  });

  it('/health, /ready and POST /attachments still answer on their own paths', async () => {
    expect((await rawRequest(graph.gatewayBase, { method: 'GET', target: '/health' })).status).toBe(200);
    expect((await rawRequest(graph.gatewayBase, { method: 'GET', target: '/ready' })).status).toBe(200);
    // An upload without a token reaches the uploads route, which wants a signed-in citizen.
    const upload = await rawRequest(graph.gatewayBase, {
      method: 'POST',
      target: '/attachments?document=charter-copy',
      headers: { 'content-type': 'application/pdf' },
      body: '%PDF-1.4\n%%EOF\n',
    });
    expect(upload.status).toBe(401);
  });
});

// ----------------------------------------------------------------------------------- a locked gateway

describe('a gateway with persisted operations for citizens and portals and a rate limit of 3 per caller', () => {
  const ME = 'query Me($iin: IIN!) { person(iin: $iin) { iin } }';
  const PING = 'query Ping { __typename }';
  const POINTS = 3;
  let graph: RunningGraph;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'egov-front-door-'));
    const file = join(dir, 'operations.json');
    writeFileSync(file, JSON.stringify({ [operationId(ME)]: ME, [operationId(PING)]: PING }));
    graph = await startGraph({
      fixtures: { persons: 20 },
      gateway: { persistedOperations: { file, onlyFor: ['citizen', 'portal'] }, rateLimit: { points: POINTS, windowSeconds: 60 } },
    });
  });
  afterAll(async () => {
    await graph?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A POST of `body` to `target` as `headers`; registry calls counted. */
  async function post(target: string, headers: Record<string, string>, body: object) {
    graph.state.resetJournal();
    const response = await rawRequest(graph.gatewayBase, {
      method: 'POST',
      target,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { response, registryCalls: graph.state.journal.length };
  }

  /** Each call is a new person, so the per-caller counter starts at zero. */
  const someone = () => {
    const iin = freshIin();
    return { iin, citizen: () => bearer({ kind: 'citizen', iin }), portal: () => bearer({ kind: 'portal', iin }) };
  };

  it('the control: at /graphql a portal runs its listed operation and nothing else', async () => {
    const me = someone();
    const listed = await post('/graphql', await me.portal(), { documentId: operationId(ME), variables: { iin: me.iin } });
    expect(listed.registryCalls).toBe(1);
    const arbitrary = await post('/graphql', await me.portal(), { query: `{ person(iin: "${me.iin}") { iin fullName } }` });
    expect(arbitrary.registryCalls).toBe(0);
    expect(arbitrary.response.json?.data ?? null).toBeNull();
  });

  it.each(NOT_GRAPHQL)('%s runs neither a listed nor an arbitrary operation for a citizen (404)', async (target) => {
    for (const listed of [true, false]) {
      const me = someone();
      const body = listed ? { documentId: operationId(ME), variables: { iin: me.iin } } : { query: READ_MAN };
      const { response, registryCalls } = await post(target, await me.citizen(), body);
      expect(registryCalls, JSON.stringify(body)).toBe(0);
      expect(response.status, JSON.stringify(body)).toBe(404);
    }
  });

  /** Non-persisted refused for portals and citizens; the caller's counter is one across paths. */
  async function expectLockedChecks(target: string) {
    for (const kind of ['citizen', 'portal'] as const) {
      const me = someone();
      const { response, registryCalls } = await post(target, await me[kind](), { query: `{ person(iin: "${me.iin}") { iin fullName } }` });
      expect(registryCalls, `${kind}: a query not on the list, at ${target}`).toBe(0);
      expect(response.json?.data ?? null, `${kind}: a query not on the list, at ${target}`).toBeNull();
    }
    // POINTS requests, split between /graphql and this target, then one more here: 429.
    const me = someone();
    const headers = await me.citizen();
    for (let i = 0; i < POINTS; i++) {
      const { response } = await post(i % 2 === 0 ? '/graphql' : target, headers, { documentId: operationId(PING) });
      expect(response.status, `request ${i + 1} of ${POINTS}`).toBe(200);
    }
    const over = await post(target, headers, { documentId: operationId(PING) });
    expect(over.response.status, `request ${POINTS + 1} at ${target}`).toBe(429);
    expect(over.response.json?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(over.response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // ... and the other way round: spent here, refused at /graphql.
    const other = someone();
    const otherHeaders = await other.citizen();
    for (let i = 0; i < POINTS; i++) await post(target, otherHeaders, { documentId: operationId(PING) });
    expect((await post('/graphql', otherHeaders, { documentId: operationId(PING) })).response.status).toBe(429);
  }

  it.each(GRAPHQL)('%s: portal and citizen run only listed operations, and one counter per caller', async (target) => {
    await expectLockedChecks(target);
  });

  it.each(RESOLVES_TO_GRAPHQL)('%s is either 404 or /graphql with the same persisted-only rule and counter', async (target) => {
    const me = someone();
    const { response, registryCalls } = await post(target, await me.citizen(), { documentId: operationId(ME), variables: { iin: me.iin } });
    if (response.status === 404) {
      expect(registryCalls).toBe(0);
      return;
    }
    await expectLockedChecks(target);
  });

  it('a GET with the operation in the query string counts against the same limit and list', async () => {
    const me = someone();
    const headers = { ...(await me.citizen()), 'x-graphql-csrf': '1' };
    graph.state.resetJournal();
    const arbitrary = await rawRequest(graph.gatewayBase, {
      method: 'GET',
      target: withQuery('/graphql', `{ person(iin: "${me.iin}") { iin fullName } }`),
      headers,
    });
    expect(arbitrary.json?.data ?? null).toBeNull();
    expect(graph.state.journal.length).toBe(0);
    // Spent on POSTs, refused on a GET (whether or not the refused GET above was counted).
    for (let i = 0; i < POINTS; i++) await post('/graphql', headers, { documentId: operationId(PING) });
    const over = await rawRequest(graph.gatewayBase, { method: 'GET', target: `/graphql?documentId=${operationId(PING)}`, headers });
    expect(over.status).toBe(429);
  });

  it('the same limit holds for uploads: POST /attachments counts against the caller too', async () => {
    const me = someone();
    const headers = await me.citizen();
    for (let i = 0; i < POINTS; i++) await post('/graphql', headers, { documentId: operationId(PING) });
    const upload = await rawRequest(graph.gatewayBase, {
      method: 'POST',
      target: '/attachments?document=charter-copy',
      headers: { ...headers, 'content-type': 'application/pdf' },
      body: '%PDF-1.4\n%%EOF\n',
    });
    expect(upload.status).toBe(429);
  });

  it(`the man ${NAMED.manWithLicences} is counted as himself at every path: a forged kind header does not escape the list`, async () => {
    const headers = { ...(await bearer({ kind: 'citizen', iin: NAMED.manWithLicences })), 'x-egov-verified-caller': 'partner' };
    for (const target of ['/graphql', '/graphql/', '//graphql', '/graphql#']) {
      const { response, registryCalls } = await post(target, headers, { query: READ_MAN });
      expect(registryCalls, target).toBe(0);
      expect(response.json?.data ?? null, target).toBeNull();
    }
  });
});
