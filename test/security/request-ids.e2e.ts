/**
 * Issue 10, class 7: request ids from outside are not trusted.
 *
 * Contract pinned here: at every entry (the gateway, and each subgraph called directly) a client's
 * `x-request-id` is kept only when it is a short safe token, `^[A-Za-z0-9_-]{8,64}$` (the gateway's rule
 * today); anything else is replaced by a fresh id before it is used. An unsafe value is never written to
 * the audit trail, never sent back (headers or body), and never written to the logs. A safe one is kept
 * as sent, so a trace can follow a request from the gateway through the subgraphs.
 */

import { bearer, NAMED } from '@egov/mocks';
import { createPool } from '@egov/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';
import { LogCapture, rawRequest } from './support.js';

const SAFE = /^[A-Za-z0-9_-]{8,64}$/;

/** What a client may send as x-request-id, and nothing of which may be kept. */
const UNSAFE: [string, string][] = [
  ['5 KB of HTML', `<html><body><script>alert(document.cookie)</script>${'<p>request</p>'.repeat(360)}</body></html>`],
  ['200 letters', 'a'.repeat(200)],
  ['65 letters (one over the limit)', 'b'.repeat(65)],
  ['a tab inside', 'abc\tdefgh1234'],
  ['spaces', 'id with spaces 12345'],
  ['JSON breaking out of a string', '"},{"injected":true,"x":"'],
  ['a path', '../../../../etc/passwd'],
  ['SQL', "x'); DROP TABLE audit.access_log; --"],
  ['an encoded header injection', '%0d%0aSet-Cookie:%20session=stolen'],
  ['Cyrillic (UTF-8 bytes)', 'идентификатор-запроса'],
  ['a DEL character', 'abcdefgh\u007f123'],
  ['a vertical tab', 'abcdefgh\u000b123'],
];

let graph: RunningGraph;
let pool: ReturnType<typeof createPool>;
const logs = new LogCapture();
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 }, logs: { level: 'debug', write: logs.write } });
  pool = createPool(graph.databaseUrl, { applicationName: 'request-ids-e2e' });
});
afterAll(async () => {
  await pool?.end();
  await graph?.close();
});

/** Each entry, with a read of personal data there that the audit trail records. */
const entries: [string, () => string, { kind: 'citizen'; iin: string }, string][] = [
  ['the gateway', () => graph.gatewayUrl, { kind: 'citizen', iin: NAMED.manWithLicences }, '{ person(iin: "850314301234") { fullName } }'],
  [
    'the individuals subgraph',
    () => graph.subgraphs.individuals.url,
    { kind: 'citizen', iin: NAMED.manWithLicences },
    '{ person(iin: "850314301234") { fullName } }',
  ],
  [
    'the legal-entities subgraph',
    () => graph.subgraphs['legal-entities'].url,
    { kind: 'citizen', iin: NAMED.llpHead },
    '{ legalEntity(bin: "080440001234") { shortName } }',
  ],
  [
    'the payments subgraph',
    () => graph.subgraphs.payments.url,
    { kind: 'citizen', iin: NAMED.manWithLicences },
    '{ payment(id: "PSH-20140128-000731") { amount } }',
  ],
  [
    'the licensing subgraph',
    () => graph.subgraphs.licensing.url,
    { kind: 'citizen', iin: NAMED.manWithLicences },
    '{ license(number: "14000731") { status } }',
  ],
  [
    'the applications subgraph',
    () => graph.subgraphs.applications.url,
    { kind: 'citizen', iin: NAMED.manWithLicences },
    '{ _entities(representations: [{ __typename: "Person", iin: "850314301234" }]) { ... on Person { applications { number } } } }',
  ],
];

async function lastAuditId(): Promise<number> {
  const { rows } = await pool.query<{ id: string | null }>('SELECT max(id)::text AS id FROM audit.access_log');
  return Number(rows[0]!.id ?? 0);
}

async function auditRequestIdsAfter(id: number): Promise<string[]> {
  const { rows } = await pool.query<{ request_id: string }>('SELECT request_id FROM audit.access_log WHERE id > $1 ORDER BY id', [id]);
  return rows.map((r) => r.request_id);
}

/** Sends the entry's read with `requestId`, byte for byte (UTF-8), and says what came back and what was stored. */
async function readWith(entry: (typeof entries)[number], requestId: string) {
  const [, url, caller, query] = entry;
  const before = await lastAuditId();
  const mark = logs.lines.length;
  const target = new URL(url());
  const response = await rawRequest(target.origin, {
    method: 'POST',
    target: target.pathname,
    headers: { ...(await bearer(caller)), 'content-type': 'application/json', 'x-request-id': Buffer.from(requestId, 'utf8').toString('latin1') },
    body: JSON.stringify({ query }),
  });
  return { response, stored: await auditRequestIdsAfter(before), logged: logs.since(mark) };
}

/** The forms a value can take once a server has read it from a header or written it into JSON. */
const formsOf = (value: string) => [
  value,
  Buffer.from(value, 'utf8').toString('latin1'),
  JSON.stringify(value).slice(1, -1),
  JSON.stringify(Buffer.from(value, 'utf8').toString('latin1')).slice(1, -1),
];

describe.each(entries)('at %s', (...entry) => {
  it.each(UNSAFE)('an x-request-id of %s is replaced: not stored, not echoed, not logged', async (_case, value) => {
    const { response, stored, logged } = await readWith(entry, value);
    // A server may refuse the header outright (400); if it answers, it has read the data and audited it.
    if (response.status === 400) {
      expect(stored).toEqual([]);
      return;
    }
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(response.json?.errors, response.text.slice(0, 300)).toBeUndefined();
    expect(stored.length, 'the read was audited').toBeGreaterThan(0);
    for (const id of stored) expect(id).toMatch(SAFE);
    const answer = `${JSON.stringify(response.headers)}\n${response.text}`;
    for (const form of formsOf(value)) {
      expect(stored).not.toContain(form);
      if (value.length >= 12) {
        expect(answer.includes(form), 'echoed in the answer').toBe(false);
        expect(
          logged.filter((line) => line.includes(form)),
          'written to the logs',
        ).toEqual([]);
      }
    }
  });

  it('a safe id (req-0123456789abcdef) is kept as sent, so a trace follows it', async () => {
    const { response, stored } = await readWith(entry, 'req-0123456789abcdef');
    expect(response.status).toBe(200);
    expect(stored.length).toBeGreaterThan(0);
    expect(new Set(stored)).toEqual(new Set(['req-0123456789abcdef']));
  });
});

it('a citizen never sees an unsafe id in his access log, wherever it was sent', async () => {
  const { rows } = await pool.query<{ request_id: string }>('SELECT request_id FROM audit.access_log');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.map((r) => r.request_id).filter((id) => !SAFE.test(id))).toEqual([]);
  const me = await bearer({ kind: 'citizen', iin: NAMED.manWithLicences });
  const log = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...me },
    body: JSON.stringify({ query: '{ myDataAccessLog(first: 500) { requestId } }' }),
  });
  const entriesSeen = ((await log.json()) as any).data.myDataAccessLog as { requestId: string }[];
  expect(entriesSeen.length).toBeGreaterThan(0);
  expect(entriesSeen.map((e) => e.requestId).filter((id) => !SAFE.test(id))).toEqual([]);
});
