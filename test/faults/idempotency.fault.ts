/**
 * Issue 11, item 3 (and item 7): a crash or a hung Redis must not strand a client that retries with its
 * idempotency key; and the "application accepted" log line keeps the process name in `service`.
 *
 * Setting: the production one. The submissions process and the gateway run as their own processes with
 * REDIS_URL (idempotency claims in Redis), over a PostgreSQL and a Redis of the test's own. The gateway keeps
 * its production subgraph timeout (SUBGRAPH_TIMEOUT_MS unset: 10 s).
 *
 * Contract assumed:
 * - A claim on an idempotency key expires with its owner: a process killed mid-submission does not leave a
 *   key that blocks its retries for 24 h (a short lease renewed while the owner works, or a fencing token).
 * - A retry finds an application already committed under its key in PostgreSQL and answers its receipt
 *   (replayed: true), whatever Redis says.
 * - Redis is not needed to file an application: with Redis hung, submissions are still accepted (the unique
 *   idempotency key in PostgreSQL is the guard against a second filing).
 * - A retry that finds the key in progress answers before the gateway's subgraph timeout (10 s): with the
 *   receipt, or with the retryable problem IDEMPOTENCY_IN_PROGRESS, never with SUBGRAPH_TIMEOUT.
 * - FAULT_SUBMISSIONS clients (default 250) submit at once and retry with the same key (jittered backoff,
 *   at most 2 s apart; one in five loses its first answer: it drops the connection after 300 ms); through (i) a SIGKILL of the submissions process mid-run, restarted at once, and
 *   (ii) a Redis hang (SIGSTOP for FAULT_REDIS_HANG_MS, default 3000, then SIGCONT), every client holds its
 *   receipt within FAULT_RECOVERY_DEADLINE_S (default 60) of recovery; 0 duplicated (one application per
 *   applicant), 0 lost (every receipt's application is in the database and every committed application's
 *   client holds its receipt); every accepted application reaches Е-лицензирование.
 * - SIGTERM of the submissions process with SIGTERM_CLIENTS (60) submitting (a deploy): it drains, so no
 *   attempt is answered INTERNAL_SERVER_ERROR, it exits 0 on its own, and every client is served as above.
 * - Logs: the "application accepted" line of the submissions process has `service` = the process name
 *   (SUBMISSIONS.part) and the catalog code in another field (e.g. `serviceCode`); no line of any process
 *   carries a clear 12-digit IIN.
 * Printed per fault: accepted, stranded, refused, duplicated, lost, delivered once, time to recover.
 */

import { scenarios } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Exit,
  eligibleApplicants,
  type FaultGraph,
  type Figures,
  figures,
  prepareSubmissions,
  printFigures,
  runThroughFault,
  SUBMISSIONS,
  startFaultGraph,
  submitOnce,
  submitUntilReceipt,
  waitForCommitted,
  waitForDeliveries,
} from './harness/index.js';

const N = Number(process.env.FAULT_SUBMISSIONS ?? 250);
const RECOVERY_DEADLINE_MS = Number(process.env.FAULT_RECOVERY_DEADLINE_S ?? 60) * 1000;
const REDIS_HANG_MS = Number(process.env.FAULT_REDIS_HANG_MS ?? 3000);
/** The gateway's production subgraph timeout (SUBGRAPH_TIMEOUT_MS is left unset). */
const GATEWAY_SUBGRAPH_TIMEOUT_MS = 10_000;
const SCENARIO_MS = 300_000;
/** Clients submitting when the submissions process gets SIGTERM (a deploy): fewer than N, the class is what matters. */
const SIGTERM_CLIENTS = Math.min(N, 60);

let graph: FaultGraph;
/** Fixture applicants are handed out in order, so no two scenarios share one. */
let nextApplicant = 0;
const applicants = (count: number) => {
  const iins = eligibleApplicants(graph, count, nextApplicant);
  nextApplicant += count;
  return iins;
};

beforeAll(async () => {
  // The killed process's outbox leases run out before its rows are delivered again; 5 s instead of 30 keeps the run short.
  graph = await startFaultGraph({ parts: [SUBMISSIONS.part, 'gateway'], env: { OUTBOX_LEASE_MS: '5000' }, fixtures: { persons: Math.max(1400, 3 * N + 400) } });
}, 120_000);
afterAll(() => graph?.close());

describe('the "application accepted" log line', () => {
  it(`names the process (${SUBMISSIONS.part}) in its service field, and the service code elsewhere`, async () => {
    const [submission] = await prepareSubmissions(graph, applicants(1));
    const { number } = await submitOnce(graph, submission!);
    expect(number).toMatch(/^EL-/);
    const accepted = graph.part(SUBMISSIONS.part).process.logs('application accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ service: SUBMISSIONS.part, number });
    expect(JSON.stringify(accepted[0])).toContain('state-symbols-licence');
  });
});

describe('a retry whose first attempt died with its process', () => {
  const K = 12;
  let retries: Awaited<ReturnType<typeof submitOnce>>[] = [];
  let eventually: Awaited<ReturnType<typeof submitUntilReceipt>>[] = [];

  beforeAll(async () => {
    const submissions = await prepareSubmissions(graph, applicants(K));
    // The fee check waits 2 s at the bank: every submission has claimed its key and is mid-work when the process dies.
    graph.registries.use('payments', ...scenarios.slow('payments', 2_000));
    const firstAttempts = Promise.all(submissions.map((s) => submitOnce(graph, s)));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await graph.part(SUBMISSIONS.part).kill();
    graph.registries.resetHandlers();
    await firstAttempts;
    await graph.part(SUBMISSIONS.part).start();
    retries = await Promise.all(submissions.map((s) => submitOnce(graph, s)));
    const recovered = Date.now();
    eventually = await Promise.all(submissions.map((s) => submitUntilReceipt(graph, s, () => recovered + RECOVERY_DEADLINE_MS)));
  }, SCENARIO_MS);

  it(`answers before the gateway's ${GATEWAY_SUBGRAPH_TIMEOUT_MS / 1000} s subgraph timeout, with the receipt or IDEMPOTENCY_IN_PROGRESS`, () => {
    const slow = retries.filter((r) => r.attempt.ms >= GATEWAY_SUBGRAPH_TIMEOUT_MS || r.attempt.outcome.includes('SUBGRAPH_TIMEOUT'));
    expect(slow.map((r) => `${r.attempt.outcome} after ${r.attempt.ms} ms`)).toEqual([]);
    for (const r of retries) expect(['receipt', 'rejected:IDEMPOTENCY_IN_PROGRESS']).toContain(r.attempt.outcome);
  });

  it('gets its receipt once the claim of the dead process has expired', () => {
    expect(eventually.filter((r) => !r.number).map((r) => r.attempts.at(-1)?.outcome)).toEqual([]);
  });
});

/** Runs `clients` (FAULT_SUBMISSIONS) clients through one fault; the figures are printed and kept for the assertions. */
function throughFault(title: string, inject: (iins: readonly string[]) => Promise<{ faultAt: number; recoveredAt: number }>, clients = N) {
  const run = { figures: null as Figures | null, crashes: [] as string[], started: 0 };
  beforeAll(async () => {
    const submissions = await prepareSubmissions(graph, applicants(clients));
    run.started = Date.now();
    const { results, recoveredAt } = await runThroughFault(graph, submissions, () => inject(submissions.map((s) => s.iin)), {
      recoveryDeadlineMs: RECOVERY_DEADLINE_MS,
    });
    await waitForDeliveries(graph, results, 60_000);
    run.figures = await figures(graph, results, recoveredAt);
    printFigures(title, run.figures);
    run.crashes = graph.crashes(run.started).map((c) => `${c.part} exited (${c.exit.signal ?? c.exit.code})`);
  }, SCENARIO_MS);
  return run;
}

function expectEveryClientServed(run: ReturnType<typeof throughFault>) {
  it(`every client holds its receipt within ${RECOVERY_DEADLINE_MS / 1000} s of recovery (none stranded, none refused)`, () => {
    expect(run.figures).not.toBeNull();
    expect({ accepted: run.figures!.accepted, stranded: run.figures!.stranded, refused: run.figures!.refused }).toEqual({
      accepted: run.figures!.clients,
      stranded: 0,
      refused: 0,
    });
  });

  it('0 duplicated, 0 lost: the database holds exactly the applications the clients hold receipts for', () => {
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

  it('no process exits other than the one the test killed', () => {
    expect(run.crashes).toEqual([]);
  });
}

describe(`${N} concurrent submissions, the submissions process SIGKILLed mid-run and restarted`, () => {
  const run = throughFault('SIGKILL of the submissions process', async (iins) => {
    await waitForCommitted(graph, iins, Math.ceil(iins.length / 5));
    const faultAt = Date.now();
    await graph.part(SUBMISSIONS.part).kill();
    await graph.part(SUBMISSIONS.part).start();
    return { faultAt, recoveredAt: Date.now() };
  });
  expectEveryClientServed(run);
});

describe(`${SIGTERM_CLIENTS} concurrent submissions, the submissions process stopped with SIGTERM mid-run and started again`, () => {
  let exit: Exit | null = null;
  const run = throughFault(
    'SIGTERM of the submissions process',
    async (iins) => {
      await waitForCommitted(graph, iins, Math.ceil(iins.length / 5));
      const faultAt = Date.now();
      exit = await graph.part(SUBMISSIONS.part).terminate(30_000);
      await graph.part(SUBMISSIONS.part).start();
      return { faultAt, recoveredAt: Date.now() };
    },
    SIGTERM_CLIENTS,
  );
  expectEveryClientServed(run);

  it('drains: the submissions in flight finish, none is answered INTERNAL_SERVER_ERROR, and it exits on its own', () => {
    expect(run.figures).not.toBeNull();
    expect(Object.keys(run.figures!.outcomes).filter((outcome) => outcome.includes('INTERNAL_SERVER_ERROR'))).toEqual([]);
    expect(exit).toMatchObject({ code: 0 });
  });
});

describe('a client whose answer was lost while Redis hung', () => {
  const K = 12;
  let first: Awaited<ReturnType<typeof submitOnce>>[] = [];
  let retries: Awaited<ReturnType<typeof submitOnce>>[] = [];

  beforeAll(async () => {
    const submissions = await prepareSubmissions(graph, applicants(K));
    // Claims are sent while Redis hangs; Redis applies them when it wakes up, after the work is done.
    graph.redis!.hang();
    const hungAt = Date.now();
    try {
      first = await Promise.all(submissions.map((s) => submitOnce(graph, s)));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, REDIS_HANG_MS - (Date.now() - hungAt))));
    } finally {
      graph.redis!.resume();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The answers never reached these clients (say, the portal's connection dropped): they retry with their keys.
    retries = await Promise.all(submissions.map((s) => submitOnce(graph, s)));
  }, SCENARIO_MS);

  it('was accepted while Redis hung (Redis is not needed to file an application)', () => {
    expect(first.map((r) => r.attempt.outcome)).toEqual(first.map(() => 'receipt'));
  });

  it(`gets the same receipt on retry, before the gateway's ${GATEWAY_SUBGRAPH_TIMEOUT_MS / 1000} s subgraph timeout`, () => {
    expect(retries.map((r) => ({ outcome: r.attempt.outcome, number: r.number, inTime: r.attempt.ms < GATEWAY_SUBGRAPH_TIMEOUT_MS }))).toEqual(
      first.map((f) => ({ outcome: 'receipt', number: f.number, inTime: true })),
    );
  });
});

describe(`${N} concurrent submissions while Redis hangs for ${REDIS_HANG_MS} ms`, () => {
  const run = throughFault(`Redis hung (SIGSTOP) for ${REDIS_HANG_MS} ms`, async (iins) => {
    // Early, so that most claims are sent to the hung Redis.
    await waitForCommitted(graph, iins, 1);
    const faultAt = Date.now();
    graph.redis!.hang();
    await new Promise((resolve) => setTimeout(resolve, REDIS_HANG_MS));
    graph.redis!.resume();
    return { faultAt, recoveredAt: Date.now() };
  });
  expectEveryClientServed(run);
});

describe('all through it', () => {
  it('no process wrote a clear IIN in a log line', () => {
    const clear = Object.values(graph.parts).flatMap((part) =>
      part.process.lines.filter((l) => /(?<!\d)\d{12}(?!\d)/.test(l.text)).map((l) => `${part.name}: ${l.text.slice(0, 200)}`),
    );
    expect(clear).toEqual([]);
  });
});
