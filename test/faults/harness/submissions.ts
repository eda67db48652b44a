import type { RunningGraph } from '@egov/e2e/support';
import { portal } from '@egov/e2e/support/flow';
import { bearer, type SignedSubmission, samplePdf } from '@egov/mocks';
import type { FaultGraph } from './graph.js';
import { SUBMISSIONS } from './parts.js';

/** One applicant ready to submit: fee paid at the (mock) bank, scan uploaded, submission signed with a fixed idempotency key. */
export interface PreparedSubmission {
  iin: string;
  headers: Record<string, string>;
  input: SignedSubmission;
}

/** A client's attempt: how long it took and what came back. */
export interface Attempt {
  startedAt: number;
  ms: number;
  /** 'receipt', 'rejected:<codes>', 'errors:<codes>', 'http:<status>', or 'network'. */
  outcome: string;
  status: number | null;
}

export interface ClientResult {
  iin: string;
  key: string;
  /** The receipt's application number, once the client holds one. */
  number: string | null;
  receivedAt: number | null;
  /** A final refusal (a problem that retrying cannot fix), if that is how it ended. */
  refused: string | null;
  attempts: Attempt[];
}

/** Problems a client retries with the same key; any other problem ends its attempts. */
const RETRYABLE_PROBLEMS = new Set(['REGISTRY_UNAVAILABLE', 'IDEMPOTENCY_IN_PROGRESS', 'DATABASE_UNAVAILABLE']);

const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { __typename ... on ApplicationReceipt { number replayed } ... on ApplicationRejected { problems { code } } }
}`;

/** Persons the fixtures hold who can apply for the flag-and-emblem licence as individuals. */
export function eligibleApplicants(graph: FaultGraph, count: number, skip = 0): string[] {
  const iins = graph.state.fixtures.persons
    .filter((p) => p.identityDocument && p.identityDocument.expiresOn > '2027-01-01' && !p.entrepreneur)
    .map((p) => p.iin)
    .slice(skip, skip + count);
  if (iins.length < count) throw new Error(`the fixtures hold only ${iins.length} eligible applicants past ${skip}; raise fixtures.persons`);
  return iins;
}

/**
 * What each applicant does before the trouble starts, as a portal would: the fee is marked paid at the
 * bank (the mock's state), the scan is uploaded through the gateway, and the submission is signed.
 */
export async function prepareSubmissions(graph: FaultGraph, iins: readonly string[], concurrency = 25): Promise<PreparedSubmission[]> {
  const asGraph = { gatewayUrl: graph.gatewayUrl, gatewayBase: graph.gatewayBase } as RunningGraph;
  const prepared: PreparedSubmission[] = [];
  for (let i = 0; i < iins.length; i += concurrency) {
    const batch = await Promise.all(
      iins.slice(i, i + concurrency).map(async (iin) => {
        const id = `PSH-FAULT-${iin}`;
        const now = new Date().toISOString();
        graph.state.payments.set(id, {
          id,
          payerId: iin,
          purpose: 'fault test fee',
          serviceCode: 'state-symbols-licence',
          action: 'ISSUE',
          amount: '43250.00',
          currency: 'KZT',
          status: 'PAID',
          createdAt: now,
          paidAt: now,
          transactionId: `TX-${iin}`,
        });
        const p = portal(asGraph, { kind: 'citizen', iin });
        const attachments = await p.upload([{ document: 'information-form', file: samplePdf(`form ${iin}`), name: 'a3.pdf' }]);
        const input = (await p.signedInput({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: iin, attachments })) as SignedSubmission;
        return { iin, headers: await bearer({ kind: 'citizen', iin }), input };
      }),
    );
    prepared.push(...batch);
  }
  return prepared;
}

/**
 * One submitApplication through the gateway, classified; never throws. With `abandonAfterMs` the client
 * drops the connection after that long (its answer is lost; the server may well go on and file it).
 */
export async function submitOnce(
  graph: FaultGraph,
  submission: PreparedSubmission,
  timeoutMs = 30_000,
  abandonAfterMs?: number,
): Promise<{ attempt: Attempt; number: string | null; problems: string[] }> {
  const startedAt = Date.now();
  if (abandonAfterMs !== undefined) timeoutMs = abandonAfterMs;
  try {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...submission.headers },
      body: JSON.stringify({ query: SUBMIT, variables: { input: submission.input } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = Date.now() - startedAt;
    let body: {
      data?: { submitApplication?: { __typename: string; number?: string; problems?: { code: string }[] } | null } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    try {
      body = JSON.parse(text);
    } catch {
      return { attempt: { startedAt, ms, outcome: `http:${response.status}`, status: response.status }, number: null, problems: [] };
    }
    const result = body.data?.submitApplication;
    if (result?.__typename === 'ApplicationReceipt')
      return { attempt: { startedAt, ms, outcome: 'receipt', status: response.status }, number: result.number!, problems: [] };
    if (result?.__typename === 'ApplicationRejected') {
      const codes = result.problems!.map((p) => p.code);
      return { attempt: { startedAt, ms, outcome: `rejected:${codes.join(',')}`, status: response.status }, number: null, problems: codes };
    }
    const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
    return { attempt: { startedAt, ms, outcome: `errors:${codes.join(',')}`, status: response.status }, number: null, problems: [] };
  } catch {
    const outcome = abandonAfterMs !== undefined ? 'abandoned' : 'network';
    return { attempt: { startedAt, ms: Date.now() - startedAt, outcome, status: null }, number: null, problems: [] };
  }
}

/**
 * A well-behaved portal: resubmits the same signed input (same idempotency key) until it holds a receipt,
 * is refused for a reason retrying cannot fix, or `deadline()` passes. Backoff with full jitter, capped at
 * `maxBackoffMs` so a client notices recovery within a couple of seconds. With `abandonFirstAfterMs` its
 * first answer is lost (the connection drops after that long), as a mobile portal's sometimes is.
 */
export async function submitUntilReceipt(
  graph: FaultGraph,
  submission: PreparedSubmission,
  deadline: () => number,
  options: { maxBackoffMs?: number; abandonFirstAfterMs?: number } = {},
): Promise<ClientResult> {
  const maxBackoffMs = options.maxBackoffMs ?? 2_000;
  const result: ClientResult = { iin: submission.iin, key: submission.input.idempotencyKey, number: null, receivedAt: null, refused: null, attempts: [] };
  for (let n = 1; Date.now() < deadline(); n++) {
    const { attempt, number, problems } = await submitOnce(graph, submission, 30_000, n === 1 ? options.abandonFirstAfterMs : undefined);
    result.attempts.push(attempt);
    if (number) {
      result.number = number;
      result.receivedAt = Date.now();
      return result;
    }
    if (problems.length > 0 && !problems.every((code) => RETRYABLE_PROBLEMS.has(code))) {
      result.refused = attempt.outcome;
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(maxBackoffMs, 100 * 2 ** n)));
  }
  return result;
}

export interface Figures {
  clients: number;
  accepted: number;
  stranded: number;
  refused: number;
  /** Applications in the database beyond one per client (the same applicant filed twice). */
  duplicated: number;
  /** Receipts whose application is not in the database, plus applications no client holds a receipt for. */
  lost: number;
  receiptsNotInDatabase: number;
  committedWithoutReceipt: number;
  /** Accepted applications Е-лицензирование holds (and how many arrived more than once, deduplicated by it). */
  delivered: number;
  deliveredMoreThanOnce: number;
  /** From the recovery (the process healthy again, the store answering) to the last client's receipt. */
  recoverMs: number | null;
  /** The slowest single attempt after the recovery, and attempts the gateway cut at its subgraph timeout. */
  slowestAttemptAfterRecoveryMs: number;
  attemptsCutByGateway: number;
  attempts: number;
  outcomes: Record<string, number>;
}

/** Compares what the clients hold with what the database holds and Е-лицензирование received. */
export async function figures(graph: FaultGraph, results: readonly ClientResult[], recoveredAt: number | null): Promise<Figures> {
  const iins = results.map((r) => r.iin);
  const rows = (
    await graph.pg.query<{ number: string; applicant_id: string; idempotency_key: string }>(
      `SELECT number, applicant_id, idempotency_key FROM ${SUBMISSIONS.tables.applications} WHERE applicant_id = ANY($1::text[])`,
      [iins],
    )
  ).rows;
  const stored = new Set(rows.map((r) => r.number));
  const held = new Set(results.flatMap((r) => (r.number ? [r.number] : [])));
  const perApplicant = new Map<string, number>();
  for (const row of rows) perApplicant.set(row.applicant_id, (perApplicant.get(row.applicant_id) ?? 0) + 1);
  const duplicated = [...perApplicant.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const receiptsNotInDatabase = [...held].filter((n) => !stored.has(n)).length;
  const committedWithoutReceipt = rows.filter((r) => !held.has(r.number)).length;
  const delivered = [...held].filter((n) => graph.state.deliveredApplications.has(n));
  const outcomes: Record<string, number> = {};
  for (const attempt of results.flatMap((r) => r.attempts)) outcomes[attempt.outcome] = (outcomes[attempt.outcome] ?? 0) + 1;
  const after = results.flatMap((r) => r.attempts).filter((a) => recoveredAt !== null && a.startedAt >= recoveredAt);
  const lastReceipt = Math.max(...results.map((r) => r.receivedAt ?? 0));
  return {
    clients: results.length,
    accepted: results.filter((r) => r.number).length,
    stranded: results.filter((r) => !r.number && !r.refused).length,
    refused: results.filter((r) => r.refused).length,
    duplicated,
    lost: receiptsNotInDatabase + committedWithoutReceipt,
    receiptsNotInDatabase,
    committedWithoutReceipt,
    delivered: delivered.length,
    deliveredMoreThanOnce: delivered.filter((n) => graph.state.deliveredApplications.get(n)!.times > 1).length,
    recoverMs: recoveredAt === null || lastReceipt === 0 ? null : Math.max(0, lastReceipt - recoveredAt),
    slowestAttemptAfterRecoveryMs: Math.max(0, ...after.map((a) => a.ms)),
    attemptsCutByGateway: results.flatMap((r) => r.attempts).filter((a) => a.outcome.includes('SUBGRAPH_TIMEOUT')).length,
    attempts: results.reduce((sum, r) => sum + r.attempts.length, 0),
    outcomes,
  };
}

/** Prints the figures the issue asks for, one block per fault. */
export function printFigures(title: string, f: Figures): void {
  const lines = [
    `── ${title}`,
    `   clients ${f.clients}: accepted ${f.accepted}, stranded ${f.stranded}, refused ${f.refused}`,
    `   duplicated ${f.duplicated}, lost ${f.lost} (receipts not in the database ${f.receiptsNotInDatabase}, committed without a receipt ${f.committedWithoutReceipt})`,
    `   delivered once to Е-лицензирование ${f.delivered} of ${f.accepted} (arrived more than once, deduplicated: ${f.deliveredMoreThanOnce})`,
    `   time to recover (recovery → last receipt) ${f.recoverMs === null ? 'n/a' : `${(f.recoverMs / 1000).toFixed(1)} s`}; slowest attempt after recovery ${f.slowestAttemptAfterRecoveryMs} ms; attempts cut at the gateway's subgraph timeout ${f.attemptsCutByGateway}`,
    `   attempts ${f.attempts}: ${Object.entries(f.outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ')}`,
  ];
  console.log(lines.join('\n'));
}

/**
 * Waits until Е-лицензирование holds every accepted application (the outbox drained), or `timeoutMs`, or the
 * submissions process is gone (nothing will deliver then). Rows a killed process had leased wait for the
 * lease (OUTBOX_LEASE_MS, 30 s by default) to run out, so give it longer than that.
 */
export async function waitForDeliveries(graph: FaultGraph, results: readonly ClientResult[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const numbers = results.flatMap((r) => (r.number ? [r.number] : []));
  while (Date.now() < deadline && graph.part(SUBMISSIONS.part).alive && !numbers.every((n) => graph.state.deliveredApplications.has(n)))
    await new Promise((resolve) => setTimeout(resolve, 200));
}

/** How many of these applicants' applications the database holds now. */
export async function committedCount(graph: FaultGraph, iins: readonly string[]): Promise<number> {
  const { rows } = await graph.pg.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${SUBMISSIONS.tables.applications} WHERE applicant_id = ANY($1::text[])`,
    [iins],
  );
  return rows[0]!.n;
}

/** Waits until at least `count` of these applicants' applications are committed (the run is well under way). */
export async function waitForCommitted(graph: FaultGraph, iins: readonly string[], count: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await committedCount(graph, iins)) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} applications were committed in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface FaultRun {
  results: ClientResult[];
  /** When the fault was injected, and when the harness saw the system back (process healthy, store answering). */
  faultAt: number;
  recoveredAt: number;
}

/**
 * Every client submits at once and retries by its key; meanwhile `fault` injects the trouble and resolves
 * with the moment things are back. Clients give up `recoveryDeadlineMs` after that moment (or after
 * `hardCapMs` in all), so a client still without a receipt then is stranded. One client in
 * `abandonEvery` (default 5) loses its first answer (drops the connection after 300 ms) and must retry.
 */
export async function runThroughFault(
  graph: FaultGraph,
  submissions: readonly PreparedSubmission[],
  fault: () => Promise<{ faultAt: number; recoveredAt: number }>,
  options: { recoveryDeadlineMs: number; hardCapMs?: number; abandonEvery?: number },
): Promise<FaultRun> {
  const started = Date.now();
  const hardCap = started + (options.hardCapMs ?? 240_000);
  const abandonEvery = options.abandonEvery ?? 5;
  let recoveredAt: number | null = null;
  const deadline = () => (recoveredAt === null ? hardCap : Math.min(hardCap, recoveredAt + options.recoveryDeadlineMs));
  const clients = Promise.all(
    submissions.map((s, i) => submitUntilReceipt(graph, s, deadline, { abandonFirstAfterMs: abandonEvery > 0 && i % abandonEvery === 0 ? 300 : undefined })),
  );
  let faultError: unknown = null;
  let faultAt = started;
  await fault().then(
    (times) => {
      faultAt = times.faultAt;
      recoveredAt = times.recoveredAt;
    },
    (error: unknown) => {
      faultError = error;
      recoveredAt = Date.now();
    },
  );
  const results = await clients;
  if (faultError) throw faultError;
  return { results, faultAt, recoveredAt: recoveredAt! };
}
