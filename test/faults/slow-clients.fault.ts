/**
 * Issue 11, item 5: slow and lying clients do not hold connections for minutes, on any process.
 *
 * Contract assumed (every HTTP server of the graph, the gateway and each subgraph, reads these):
 * - HTTP_HEADERS_TIMEOUT_MS   (default a few seconds, e.g. 10000): a request whose headers are not complete by
 *   then is answered 408 or its connection closed (slowloris).
 * - HTTP_REQUEST_TIMEOUT_MS   (default e.g. 30000; uploads included): a request whose body has not arrived whole
 *   by then (a Content-Length larger than what is sent) is answered 408 or its connection closed.
 * - HTTP_KEEPALIVE_TIMEOUT_MS (default e.g. 5000, or longer than a load balancer's idle timeout): an idle
 *   keep-alive connection is closed after that long.
 * The test sets 1500 / 3000 / 1000 ms and allows 2000 ms on top of each (Node checks these timeouts every
 * `connectionsCheckingInterval`, 30 s by default: the server must check more often than the margin).
 */

import { bearer, NAMED } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultGraph, PARTS, type PartName, type RawOutcome, rawExchange, type Step, SUBMISSIONS, startFaultGraph } from './harness/index.js';

const HEADERS_TIMEOUT_MS = 1_500;
const REQUEST_TIMEOUT_MS = 3_000;
const KEEPALIVE_TIMEOUT_MS = 1_000;
const MARGIN_MS = 2_000;
/** How long the test waits for a server that never cuts the client off (Node's defaults are 60 s and 300 s). */
const GIVE_UP_MS = REQUEST_TIMEOUT_MS + MARGIN_MS + 3_000;

let graph: FaultGraph;
const outcomes = new Map<string, RawOutcome>();
const key = (part: PartName, kind: string) => `${part} ${kind}`;

/** The headers of a POST that promises `length` bytes of body. */
const post = (path: string, length: number, extra = '') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`;

/** Header lines sent one every 400 ms, never finishing the headers, for longer than any limit. */
const slowloris = (path: string): Step[] => [
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`,
  ...Array.from({ length: Math.ceil(GIVE_UP_MS / 400) }, (_, i) => [{ pauseMs: 400 }, `X-Slow-${i}: still coming\r\n`] as Step[]).flat(),
];

beforeAll(async () => {
  graph = await startFaultGraph({
    env: {
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      HTTP_KEEPALIVE_TIMEOUT_MS: String(KEEPALIVE_TIMEOUT_MS),
    },
  });
  const citizen = (await bearer({ kind: 'citizen', iin: NAMED.entrepreneur })).authorization!;
  const runs: Promise<void>[] = [];
  const record = (part: PartName, kind: string, exchange: Promise<RawOutcome>) => runs.push(exchange.then((o) => void outcomes.set(key(part, kind), o)));
  for (const name of Object.keys(graph.parts) as PartName[]) {
    const port = graph.part(name).port;
    record(name, 'lying Content-Length', rawExchange(port, [post('/graphql', 1_000), '{"query":"{ __typename'], { waitMs: GIVE_UP_MS }));
    record(name, 'slowloris headers', rawExchange(port, slowloris('/graphql'), { waitMs: 500 }));
    record(
      name,
      'idle keep-alive',
      rawExchange(port, ['GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n'], { waitMs: GIVE_UP_MS, untilResponse: false }),
    );
    if (name === 'gateway' || name === SUBMISSIONS.part) {
      const upload = `POST /attachments?document=information-form HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${citizen}\r\nContent-Type: application/pdf\r\nContent-Length: 500000\r\n\r\n`;
      record(name, 'lying Content-Length on an upload', rawExchange(port, [upload, '%PDF-1.4\n'], { waitMs: GIVE_UP_MS }));
    }
  }
  await Promise.all(runs);
}, 120_000);
afterAll(() => graph?.close());

const describeCut = (o: RawOutcome | undefined) =>
  o ? (o.endedAfterMs === null ? `still open when the test gave up` : `${o.status ?? 'closed'} after ${o.endedAfterMs} ms`) : 'not run';

describe.each(Object.keys(PARTS) as PartName[])('the %s process', (name) => {
  it(`cuts off a request whose body never matches its Content-Length within HTTP_REQUEST_TIMEOUT_MS (${REQUEST_TIMEOUT_MS} ms)`, () => {
    const o = outcomes.get(key(name, 'lying Content-Length'));
    expect(describeCut(o)).not.toMatch(/still open|not run/);
    expect(o!.endedAfterMs!).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + MARGIN_MS);
  });

  it(`cuts off headers that never end within HTTP_HEADERS_TIMEOUT_MS (${HEADERS_TIMEOUT_MS} ms)`, () => {
    const o = outcomes.get(key(name, 'slowloris headers'));
    expect(describeCut(o)).not.toMatch(/still open|not run/);
    expect(o!.endedAfterMs!).toBeLessThanOrEqual(HEADERS_TIMEOUT_MS + MARGIN_MS);
  });

  it(`closes an idle keep-alive connection within HTTP_KEEPALIVE_TIMEOUT_MS (${KEEPALIVE_TIMEOUT_MS} ms)`, () => {
    const o = outcomes.get(key(name, 'idle keep-alive'));
    expect(o?.status).toBe(200);
    expect(describeCut(o)).not.toMatch(/still open|not run/);
    expect(o!.endedAfterMs!).toBeLessThanOrEqual(KEEPALIVE_TIMEOUT_MS + MARGIN_MS);
  });

  if (name === 'gateway' || name === SUBMISSIONS.part) {
    it(`cuts off an upload whose body never matches its Content-Length within HTTP_REQUEST_TIMEOUT_MS`, () => {
      const o = outcomes.get(key(name, 'lying Content-Length on an upload'));
      expect(describeCut(o)).not.toMatch(/still open|not run/);
      expect(o!.endedAfterMs!).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + MARGIN_MS);
    });
  }

  it('is still up afterwards', async () => {
    expect(graph.crashes()).toEqual([]);
    expect((await fetch(`${graph.part(name).origin}/health`)).status).toBe(200);
  });
});
