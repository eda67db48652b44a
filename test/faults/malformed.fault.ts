/**
 * Issue 11: "no malformed request crashes any process". A table of broken HTTP sent, byte for byte, to
 * every process of the graph (the gateway and each subgraph), each process on its own while the others
 * take theirs.
 *
 * Contract assumed:
 * - No request in the table makes any process exit.
 * - Each is answered with a 4xx, or 200 with typed GraphQL errors (or, for what is not HTTP at all, the
 *   connection is closed); never a 5xx, and never left without an answer.
 * - A JSON error answer carries a code on every error (`errors[].extensions.code`, or `errors[].code` for
 *   the upload route), and none is INTERNAL_SERVER_ERROR: a bad input is the client's fault, typed as such
 *   (BAD_REQUEST, GRAPHQL_PARSE_FAILED, BAD_USER_INPUT, INVALID_IIN, PAYLOAD_TOO_LARGE, ...).
 * Subgraphs get `_entities` with malformed representations (with an all-scopes partner token, as the
 * gateway would send); the gateway and the submissions process get multipart garbage on /attachments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allScopesHeaders, bearer, NAMED } from '@egov/mocks';
import { repoRoot } from '@egov/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultGraph, PARTS, type PartName, type RawOutcome, rawExchange, SUBMISSIONS, startFaultGraph } from './harness/index.js';

interface Case {
  name: string;
  /** Which processes get it. */
  for: (name: PartName) => boolean;
  /** The exact bytes of the request. */
  bytes: (ctx: { partner: string; citizen: string; entityTypes: string[] }) => Buffer | string;
}

const everyone = () => true;
const subgraphsOnly = (name: PartName) => name !== 'gateway';
const uploads = (name: PartName) => name === 'gateway' || name === SUBMISSIONS.part;

/** A POST with an honest Content-Length. */
function post(path: string, body: Buffer | string, headers: Record<string, string> = { 'content-type': 'application/json' }): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}Content-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}
const graphql = (body: Buffer | string, headers?: Record<string, string>) => post('/graphql', body, headers);
const entities = (representations: unknown, partner: string) =>
  graphql(JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: representations } }), {
    'content-type': 'application/json',
    authorization: partner,
    'x-purpose': 'testing',
  });

const CASES: Case[] = [
  { name: 'JSON cut short', for: everyone, bytes: () => graphql('{"query": "{ __typename }"') },
  { name: 'JSON array of garbage', for: everyone, bytes: () => graphql('[1, "x", null]') },
  { name: 'JSON null', for: everyone, bytes: () => graphql('null') },
  { name: 'JSON string', for: everyone, bytes: () => graphql('"{ __typename }"') },
  { name: 'query is a number', for: everyone, bytes: () => graphql('{"query": 42}') },
  { name: 'variables is a string', for: everyone, bytes: () => graphql('{"query": "query($a: Int) { __typename }", "variables": "x"}') },
  { name: 'operationName names nothing', for: everyone, bytes: () => graphql('{"query": "query A { __typename }", "operationName": {"x": 1}}') },
  { name: 'empty body', for: everyone, bytes: () => graphql('') },
  { name: 'text/plain', for: everyone, bytes: () => graphql('{"query": "{ __typename }"}', { 'content-type': 'text/plain' }) },
  { name: 'form-urlencoded', for: everyone, bytes: () => graphql('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }) },
  { name: 'no content type', for: everyone, bytes: () => graphql('{"query": "{ __typename }"}', {}) },
  {
    name: 'content type with a bogus charset',
    for: everyone,
    bytes: () => graphql('{"query": "{ __typename }"}', { 'content-type': 'application/json; charset=klingon' }),
  },
  {
    name: 'multipart garbage to /graphql',
    for: everyone,
    bytes: () =>
      graphql('--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{not json\r\n--x--\r\n', { 'content-type': 'multipart/form-data; boundary=x' }),
  },
  {
    name: 'invalid UTF-8 in a variable',
    for: everyone,
    bytes: () =>
      graphql(
        Buffer.concat([
          Buffer.from('{"query": "query($s: String) { __typename }", "variables": {"s": "'),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from('"}}'),
        ]),
      ),
  },
  {
    name: 'invalid UTF-8 in the query',
    for: everyone,
    bytes: () => graphql(Buffer.concat([Buffer.from('{"query": "{ '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' }"}')])),
  },
  { name: 'a lone surrogate in JSON', for: everyone, bytes: () => graphql('{"query": "{ __typename }", "variables": {"s": "\\ud800"}}') },
  { name: 'selection nested 3000 deep', for: everyone, bytes: () => graphql(JSON.stringify({ query: `${'{ a '.repeat(3000)}${'}'.repeat(3000)}` })) },
  { name: 'a 200 KB string literal', for: everyone, bytes: () => graphql(JSON.stringify({ query: `{ __typename(x: "${'x'.repeat(200_000)}") }` })) },
  { name: 'a batch of operations', for: everyone, bytes: () => graphql(JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ __typename }' })))) },
  {
    name: 'a mutation over GET',
    for: everyone,
    bytes: () =>
      `GET /graphql?query=${encodeURIComponent('mutation { __typename }')} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-graphql-csrf: 1\r\nConnection: close\r\n\r\n`,
  },
  {
    name: 'bad percent-encoding in GET',
    for: everyone,
    bytes: () => `GET /graphql?query=%E0%A4%A&variables=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nx-graphql-csrf: 1\r\nConnection: close\r\n\r\n`,
  },
  {
    name: 'GET variables that are not JSON',
    for: everyone,
    bytes: () => `GET /graphql?query=%7B__typename%7D&variables=%7Bnope HTTP/1.1\r\nHost: 127.0.0.1\r\nx-graphql-csrf: 1\r\nConnection: close\r\n\r\n`,
  },
  {
    name: 'a 64 KB header',
    for: everyone,
    bytes: () => `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\nConnection: close\r\n\r\n`,
  },
  {
    name: '3000 headers',
    for: everyone,
    bytes: () => `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n${Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join('')}Connection: close\r\n\r\n`,
  },
  {
    name: 'not HTTP at all',
    for: everyone,
    bytes: () => Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]),
  },
  { name: 'an unknown method', for: everyone, bytes: () => 'BREW /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' },
  {
    name: 'Content-Length and chunked together',
    for: everyone,
    bytes: () =>
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n',
  },
  {
    name: 'a chunk size that is not hex',
    for: everyone,
    bytes: () =>
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
  },
  {
    name: 'a negative Content-Length',
    for: everyone,
    bytes: () => 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: -5\r\nConnection: close\r\n\r\n',
  },
  { name: 'a path that climbs out', for: everyone, bytes: () => 'GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' },
  {
    name: 'a bearer token that is not a JWT',
    for: everyone,
    bytes: () => graphql('{"query": "{ __typename }"}', { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' }),
  },
  {
    name: 'a 16 KB bearer token',
    for: everyone,
    bytes: () =>
      graphql('{"query": "{ __typename }"}', {
        'content-type': 'application/json',
        authorization: `Bearer ${'A'.repeat(16 * 1024)}.${'B'.repeat(10)}.${'C'.repeat(10)}`,
      }),
  },
  {
    name: 'a Basic authorization',
    for: everyone,
    bytes: () => graphql('{"query": "{ __typename }"}', { 'content-type': 'application/json', authorization: 'Basic Zm9vOmJhcg==' }),
  },
  {
    name: 'a request id of control characters',
    for: everyone,
    bytes: () => graphql('{"query": "{ __typename }"}', { 'content-type': 'application/json', 'x-request-id': '\x01\x02\x7f'.repeat(20) }),
  },
  { name: '_entities: representations not a list', for: subgraphsOnly, bytes: ({ partner }) => entities('x', partner) },
  { name: '_entities: [null]', for: subgraphsOnly, bytes: ({ partner }) => entities([null], partner) },
  { name: '_entities: [{}]', for: subgraphsOnly, bytes: ({ partner }) => entities([{}], partner) },
  { name: '_entities: a type that does not exist', for: subgraphsOnly, bytes: ({ partner }) => entities([{ __typename: 'Nope', id: '1' }], partner) },
  { name: '_entities: __typename an object', for: subgraphsOnly, bytes: ({ partner }) => entities([{ __typename: { x: 1 } }], partner) },
  {
    name: '_entities: each entity type without its key',
    for: subgraphsOnly,
    bytes: ({ partner, entityTypes }) =>
      entities(
        entityTypes.map((t) => ({ __typename: t })),
        partner,
      ),
  },
  {
    name: '_entities: each entity type with a number key',
    for: subgraphsOnly,
    bytes: ({ partner, entityTypes }) =>
      entities(
        entityTypes.map((t) => ({ __typename: t, iin: 850314301234, bin: 80440001234, number: 7, id: 1 })),
        partner,
      ),
  },
  {
    name: '_entities: each entity type with an ill-formed key',
    for: subgraphsOnly,
    bytes: ({ partner, entityTypes }) =>
      entities(
        entityTypes.map((t) => ({ __typename: t, iin: '85031430123X', bin: '0804400012', number: '../../x', id: '\u0000' })),
        partner,
      ),
  },
  {
    name: '_entities: 5000 representations',
    for: subgraphsOnly,
    bytes: ({ partner }) =>
      entities(
        Array.from({ length: 5000 }, (_, i) => ({ __typename: 'Person', iin: String(850314301234 + i) })),
        partner,
      ),
  },
  {
    name: '/attachments: multipart without a boundary',
    for: uploads,
    bytes: ({ citizen }) => post('/attachments', 'garbage', { 'content-type': 'multipart/form-data', authorization: citizen }),
  },
  {
    name: '/attachments: multipart of random bytes',
    for: uploads,
    bytes: ({ citizen }) =>
      post('/attachments', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), {
        'content-type': 'multipart/form-data; boundary=zz',
        authorization: citizen,
      }),
  },
  {
    name: '/attachments: a part with no headers',
    for: uploads,
    bytes: ({ citizen }) =>
      post('/attachments', '--zz\r\n\r\n%PDF-1.4\r\n--zz--\r\n', { 'content-type': 'multipart/form-data; boundary=zz', authorization: citizen }),
  },
  {
    name: '/attachments: 2000 empty fields',
    for: uploads,
    bytes: ({ citizen }) =>
      post('/attachments', `${Array.from({ length: 2000 }, (_, i) => `--zz\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n\r\n`).join('')}--zz--\r\n`, {
        'content-type': 'multipart/form-data; boundary=zz',
        authorization: citizen,
      }),
  },
  {
    name: '/attachments: a file name of path and control characters',
    for: uploads,
    bytes: ({ citizen }) =>
      post(
        '/attachments',
        `--zz\r\nContent-Disposition: form-data; name="information-form"; filename="../../\u0001\u0007etc/passwd"\r\nContent-Type: application/pdf\r\n\r\nnot a pdf\r\n--zz--\r\n`,
        { 'content-type': 'multipart/form-data; boundary=zz', authorization: citizen },
      ),
  },
  {
    name: '/attachments: a boundary 300 characters long',
    for: uploads,
    bytes: ({ citizen }) =>
      post(
        '/attachments',
        `--${'b'.repeat(300)}\r\nContent-Disposition: form-data; name="information-form"; filename="a.pdf"\r\n\r\nx\r\n--${'b'.repeat(300)}--\r\n`,
        { 'content-type': `multipart/form-data; boundary=${'b'.repeat(300)}`, authorization: citizen },
      ),
  },
];

interface Result {
  part: PartName;
  case: string;
  outcome: RawOutcome;
  /** The process was dead after this case (it has been restarted for the next one). */
  killedIt: boolean;
}

let graph: FaultGraph;
const results: Result[] = [];

/** Entity types a subgraph resolves (from its SDL's @key directives). */
function entityTypesOf(name: PartName): string[] {
  const part = PARTS[name];
  if (part.kind !== 'subgraph') return [];
  const sdl = readFileSync(join(repoRoot, part.sdl), 'utf8');
  return [...sdl.matchAll(/type\s+(\w+)\s+@key\(fields:\s*"[^"]+"(?!\s*,\s*resolvable:\s*false)/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  graph = await startFaultGraph();
  const partner = (await allScopesHeaders()).authorization!;
  const citizen = (await bearer({ kind: 'citizen', iin: NAMED.entrepreneur })).authorization!;
  await Promise.all(
    (Object.keys(graph.parts) as PartName[]).map(async (name) => {
      const part = graph.part(name);
      const ctx = { partner, citizen, entityTypes: entityTypesOf(name) };
      for (const c of CASES.filter((c) => c.for(name))) {
        const outcome = await rawExchange(part.port, [c.bytes(ctx)], { waitMs: 5_000 });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const killedIt = !part.alive;
        results.push({ part: name, case: c.name, outcome, killedIt });
        if (killedIt) await part.start();
      }
    }),
  );
}, 240_000);
afterAll(() => graph?.close());

/** The codes of a JSON error answer: GraphQL's `extensions.code`, or the upload route's `code`. */
function codes(body: string): string[] | null {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: unknown; extensions?: { code?: unknown } }[] };
    if (!Array.isArray(parsed.errors)) return null;
    return parsed.errors.map((e) => String(e.extensions?.code ?? e.code ?? 'NO_CODE'));
  } catch {
    return null;
  }
}

const label = (r: Result) =>
  `${r.part} ← ${r.case}: ${r.outcome.status ?? (r.outcome.closedByServer ? 'closed' : (r.outcome.connectError ?? 'no answer'))} ${codes(r.outcome.body)?.join(',') ?? ''} ${r.outcome.body.slice(0, 120)}`;

describe('a table of malformed requests sent to every process', () => {
  it('was sent in full (every process got every case meant for it)', () => {
    const expected = (Object.keys(graph.parts) as PartName[]).reduce((n, name) => n + CASES.filter((c) => c.for(name)).length, 0);
    expect(results).toHaveLength(expected);
  });

  it('crashes no process', () => {
    expect(results.filter((r) => r.killedIt).map(label)).toEqual([]);
    expect(graph.crashes().map((c) => `${c.part}: ${c.tail.split('\n').slice(-3).join(' | ')}`)).toEqual([]);
  });

  it('is never answered 5xx (a 4xx, a 200 with typed errors, or the connection closed) and never left hanging', () => {
    const wrong = results.filter((r) =>
      r.outcome.status !== null ? r.outcome.status >= 500 || (r.outcome.status < 400 && r.outcome.status !== 200) : !r.outcome.closedByServer,
    );
    expect(wrong.map(label)).toEqual([]);
  });

  it("never gets INTERNAL_SERVER_ERROR: a bad input is the client's fault", () => {
    const internal = results.filter((r) => codes(r.outcome.body)?.includes('INTERNAL_SERVER_ERROR'));
    expect(internal.map(label)).toEqual([]);
  });

  it('gets errors that each carry a code', () => {
    const untyped = results.filter((r) => codes(r.outcome.body)?.some((code) => code === 'NO_CODE' || code === 'undefined'));
    expect(untyped.map(label)).toEqual([]);
  });
});
