/**
 * Issue 11, item 2: PostgreSQL stopped while submissions are in flight, with transactions open, and started
 * again: no process exits, the database's absence is a typed retryable answer, and nothing is lost.
 *
 * Setting: the submissions process and the gateway as their own processes (production settings, with
 * Redis), over a PostgreSQL cluster of the test's own, stopped with a fast shutdown (SIGINT to the
 * postmaster: open transactions are rolled back and every connection is closed, as `pg_ctl stop -m fast` or
 * a failover does) and started again on the same port after FAULT_DB_DOWN_MS (default 4000).
 * To be sure transactions are open when it stops, the test holds a lock on the outbox table, so the
 * submissions' transactions (application inserted, outbox row waiting) are mid-way.
 *
 * Contract assumed:
 * - No process exits (the same pid before and after), and it recovers without a restart of its own.
 * - While the database is away, a GraphQL operation that needs it fails with
 *   `errors[].extensions.code = "DATABASE_UNAVAILABLE"` (retryable; never INTERNAL_SERVER_ERROR), and the HTTP
 *   status is 503 (a Retry-After header is welcome, not required): from the subgraph itself, and from the
 *   gateway when every field of the answer failed that way (data null).
 * - FAULT_SUBMISSIONS clients (default 250) submitting at once and retrying with their keys all hold their
 *   receipts within FAULT_RECOVERY_DEADLINE_S (default 60) of the database's return; 0 duplicated, 0 lost
 *   (the database rows of these applicants match the receipts one to one); all delivered to Е-лицензирование.
 * Printed: accepted, stranded, duplicated, lost, delivered once, time to recover.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eligibleApplicants,
  type FaultGraph,
  type Figures,
  figures,
  type PreparedSubmission,
  prepareSubmissions,
  printFigures,
  runThroughFault,
  SUBMISSIONS,
  startFaultGraph,
  waitForCommitted,
  waitForDeliveries,
} from './harness/index.js';

const N = Number(process.env.FAULT_SUBMISSIONS ?? 250);
const RECOVERY_DEADLINE_MS = Number(process.env.FAULT_RECOVERY_DEADLINE_S ?? 60) * 1000;
const DB_DOWN_MS = Number(process.env.FAULT_DB_DOWN_MS ?? 4000);

const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { __typename ... on ApplicationReceipt { number } } }`;

interface Probe {
  status: number | null;
  codes: string[];
  dataNull: boolean;
  error?: string;
}

/** One submission sent while the database is away, straight to `url`, as its answer came. */
async function probe(url: string, submission: PreparedSubmission): Promise<Probe> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...submission.headers },
      body: JSON.stringify({ query: SUBMIT, variables: { input: submission.input } }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return {
      status: response.status,
      codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
      dataNull: body.data === null || body.data === undefined || Object.values(body.data as object).every((v) => v === null),
    };
  } catch (error) {
    return { status: null, codes: [], dataNull: true, error: (error as Error).message };
  }
}

let graph: FaultGraph;
const run = {
  figures: null as Figures | null,
  pidBefore: 0 as number | undefined,
  pidAfter: 0 as number | undefined,
  crashes: [] as string[],
  openTransactions: 0,
  direct: [] as Probe[],
  throughGateway: [] as Probe[],
  firstReceiptAfterReturnMs: null as number | null,
};

beforeAll(async () => {
  // Outbox rows leased when the database went away wait out their lease; 5 s instead of 30 keeps the run short.
  graph = await startFaultGraph({ parts: [SUBMISSIONS.part, 'gateway'], env: { OUTBOX_LEASE_MS: '5000' }, fixtures: { persons: Math.max(600, N + 300) } });
  const started = Date.now();
  const iins = eligibleApplicants(graph, N + 2);
  const prepared = await prepareSubmissions(graph, iins);
  const probes = prepared.slice(N);
  const submissions = prepared.slice(0, N);
  run.pidBefore = graph.part(SUBMISSIONS.part).process.pid;

  const { results, recoveredAt } = await runThroughFault(
    graph,
    submissions,
    async () => {
      await waitForCommitted(graph, iins.slice(0, N), Math.ceil(N / 5));
      // Hold the outbox: the next submissions insert their application, then wait on this lock, mid-transaction.
      const locker = new pg.Client({ connectionString: graph.pg.url });
      locker.on('error', () => undefined);
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${SUBMISSIONS.tables.outbox} IN ACCESS EXCLUSIVE MODE`);
      const deadline = Date.now() + 5_000;
      for (;;) {
        const { rows } = await graph.pg.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND state = 'active'`,
          [SUBMISSIONS.part],
        );
        run.openTransactions = rows[0]!.n;
        if (run.openTransactions >= 3 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const faultAt = Date.now();
      await graph.pg.stop('fast');
      await locker.end().catch(() => undefined);
      try {
        await new Promise((resolve) => setTimeout(resolve, 500));
        run.direct.push(await probe(graph.part(SUBMISSIONS.part).url, probes[0]!));
        run.throughGateway.push(await probe(graph.gatewayUrl, probes[1]!));
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, DB_DOWN_MS - (Date.now() - faultAt))));
        run.direct.push(await probe(graph.part(SUBMISSIONS.part).url, probes[0]!));
        run.throughGateway.push(await probe(graph.gatewayUrl, probes[1]!));
      } finally {
        await graph.pg.start();
      }
      return { faultAt, recoveredAt: Date.now() };
    },
    { recoveryDeadlineMs: RECOVERY_DEADLINE_MS },
  );
  await waitForDeliveries(graph, results, 60_000);
  run.figures = await figures(graph, results, recoveredAt);
  const firstAfter = Math.min(...results.flatMap((r) => (r.receivedAt && r.receivedAt >= recoveredAt ? [r.receivedAt] : [])));
  run.firstReceiptAfterReturnMs = Number.isFinite(firstAfter) ? firstAfter - recoveredAt : null;
  printFigures(`PostgreSQL stopped (fast) for ${DB_DOWN_MS} ms with ${run.openTransactions} submission transactions open`, run.figures);
  console.log(`   first receipt after the database came back: ${run.firstReceiptAfterReturnMs === null ? 'none' : `${run.firstReceiptAfterReturnMs} ms`}`);
  console.log(`   while away: direct ${JSON.stringify(run.direct)}; through the gateway ${JSON.stringify(run.throughGateway)}`);
  run.pidAfter = graph.part(SUBMISSIONS.part).process.pid;
  run.crashes = graph.crashes(started).map((c) => `${c.part} exited (${c.exit.signal ?? c.exit.code}):\n${c.tail}`);
}, 400_000);
afterAll(() => graph?.close());

describe('PostgreSQL stopped while submissions are in flight, then started again', () => {
  it('had submission transactions open when it stopped (the scenario is what it claims)', () => {
    expect(run.openTransactions).toBeGreaterThanOrEqual(1);
  });

  it('no process exits, and the submissions process is the same one afterwards (recovered without a restart)', () => {
    expect(run.crashes).toEqual([]);
    expect(run.pidAfter).toBe(run.pidBefore);
  });

  it('while it is away, the submissions process answers DATABASE_UNAVAILABLE with HTTP 503', () => {
    expect(run.direct.map((p) => ({ status: p.status, codes: p.codes }))).toEqual(run.direct.map(() => ({ status: 503, codes: ['DATABASE_UNAVAILABLE'] })));
  });

  it('while it is away, the gateway passes DATABASE_UNAVAILABLE on, with HTTP 503 (no field could be answered)', () => {
    expect(run.throughGateway.map((p) => ({ status: p.status, codes: p.codes }))).toEqual(
      run.throughGateway.map(() => ({ status: 503, codes: ['DATABASE_UNAVAILABLE'] })),
    );
  });

  it(`every client holds its receipt within ${RECOVERY_DEADLINE_MS / 1000} s of its return (none stranded, none refused)`, () => {
    expect(run.figures).not.toBeNull();
    expect({ accepted: run.figures!.accepted, stranded: run.figures!.stranded, refused: run.figures!.refused }).toEqual({
      accepted: N,
      stranded: 0,
      refused: 0,
    });
  });

  it('0 duplicated, 0 lost: the rows of these applicants match the receipts one to one', () => {
    expect(run.figures).not.toBeNull();
    expect({
      duplicated: run.figures!.duplicated,
      receiptsNotInDatabase: run.figures!.receiptsNotInDatabase,
      committedWithoutReceipt: run.figures!.committedWithoutReceipt,
    }).toEqual({ duplicated: 0, receiptsNotInDatabase: 0, committedWithoutReceipt: 0 });
  });

  it('every accepted application reaches Е-лицензирование', () => {
    expect(run.figures).not.toBeNull();
    expect(run.figures!.delivered).toBe(run.figures!.accepted);
  });
});
