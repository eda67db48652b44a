/**
 * The load process. The orchestrator starts it once per session and talks to it in JSON lines (stdin:
 * commands, stdout: answers; logs go to stderr). It builds the same fixture set the mocks serve, so it
 * picks inputs (a different IIN per request, prepared submissions) and checks answers by itself.
 *
 * Through a gateway (and for the floor when one subgraph answers everything) the load is autocannon;
 * for the floor of S1/S2/S5 it is a small closed-loop driver that makes the subgraph calls itself, in
 * parallel where the data allows; a paced run (S5: evenly spaced requests at a fixed rate) uses that
 * driver for every target, since autocannon's rate limit fires each connection's quota in bursts. Every response is checked for HTTP status and GraphQL errors, and a
 * sample (every one for S4) is checked against the fixtures, so a fast wrong answer never counts.
 */
import { Agent, request as httpRequest } from 'node:http';
import { createInterface } from 'node:readline';
import { individualsApi } from '@egov/contracts';
import { loadCatalog } from '@egov/domain';
import type { SubgraphName } from '@egov/schema';
import autocannon from 'autocannon';
import { type Caller, Credentials, testIssuer } from './auth.js';
import type { LoadResult, RunCommand } from './load-protocol.js';
import { buildFixtures, usersWalk } from './scenarios/fixtures.js';
import { USER_REQUESTS, USERS } from './scenarios/ids.js';
import { type Inputs, SCENARIOS, type Step, type Submission, scenarioDriver } from './scenarios/index.js';
import { S2_PARTNER } from './scenarios/s2-holding.js';
import type { Ctx, GraphQLBody } from './scenarios/types.js';
import { percentileOfSorted } from './stats.js';

type GraphQLResponse = { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };

/** What is wrong with a GraphQL answer over HTTP (status, JSON, GraphQL errors), prefixed with `label`; otherwise its data. */
function readAnswer(label: string, status: number, text: string): { problem: string; data?: undefined } | { problem: null; data: unknown } {
  if (status !== 200) return { problem: `${label}: HTTP ${status} ${text.slice(0, 200)}` };
  let parsed: GraphQLResponse;
  try {
    parsed = JSON.parse(text) as GraphQLResponse;
  } catch {
    return { problem: `${label}: response is not JSON: ${text.slice(0, 120)}` };
  }
  const error = parsed.errors?.[0];
  if (error) return { problem: `${label}: GraphQL error ${error.extensions?.code ?? ''} ${error.message ?? ''}`.trim() };
  return { problem: null, data: parsed.data };
}

class Tally {
  sent = 0;
  responses = 0;
  valid = 0;
  invalid = 0;
  non2xx = 0;
  checked = 0;
  connErrors = 0;
  timeouts = 0;
  readonly latencies: number[] = [];
  readonly problems = new Map<string, number>();

  problem(text: string): void {
    this.invalid++;
    const key = text.slice(0, 300);
    if (this.problems.size < 5 || this.problems.has(key)) this.problems.set(key, (this.problems.get(key) ?? 0) + 1);
  }

  /** Status and errors for every response, the full check for every n-th (or any that mentions errors). */
  observe(status: number, body: string, step: Step, ctx: Ctx, validateEvery: number): void {
    this.responses++;
    if (status !== 200) this.non2xx++;
    const sample = this.responses % validateEvery === 0;
    if (status !== 200 || sample || body.includes('"errors"')) {
      const { problem, data } = readAnswer(step.name, status, body);
      if (problem) return this.problem(problem);
      if (sample) {
        this.checked++;
        const wrong = step.check(data, ctx);
        if (wrong) return this.problem(`${step.name}: ${wrong}`);
      }
    }
    this.valid++;
  }

  result(durationS: number, submissionsUsed: number): LoadResult {
    const sorted = Float64Array.from(this.latencies).sort();
    const mean = sorted.length === 0 ? null : sorted.reduce((a, b) => a + b, 0) / sorted.length;
    return {
      sent: Math.max(this.sent, this.responses),
      responses: this.responses,
      valid: this.valid,
      invalid: this.invalid,
      non2xx: this.non2xx,
      connErrors: this.connErrors,
      timeouts: this.timeouts,
      durationS,
      rps: durationS > 0 ? this.valid / durationS : 0,
      latencyMs: { p50: percentileOfSorted(sorted, 50), p99: percentileOfSorted(sorted, 99), mean, max: sorted.length ? sorted[sorted.length - 1]! : null },
      checked: this.checked,
      problems: [...this.problems].map(([text, n]) => (n > 1 ? `${text} (×${n})` : text)),
      submissionsUsed,
    };
  }
}

function postJson(agent: Agent, url: URL, body: string, timeoutMs = 10_000, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sequential calls to one registry while the load runs: what one registry round trip costs right now. */
function measureRoundTrips(url: string, inputs: Inputs): { stop(): Promise<{ p50: number | null; p99: number | null; calls: number }> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(individualsApi.personsBatch, url);
  const times: number[] = [];
  let calls = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const iin = inputs.fx.iins[Math.floor(Math.random() * inputs.fx.iins.length)]!;
      const started = performance.now();
      calls++;
      try {
        const { status } = await postJson(agent, target, JSON.stringify({ iins: [iin] }));
        if (status === 200) times.push(performance.now() - started);
      } catch {
        // counted as a call; no time
      }
      await sleep(20);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      const sorted = Float64Array.from(times).sort();
      return { p50: percentileOfSorted(sorted, 50), p99: percentileOfSorted(sorted, 99), calls };
    },
  };
}

/**
 * `identical`: every request of a step is the same body from the same caller, built once up front; otherwise
 * each is built as it goes out (the first step picks the inputs in the connection's context).
 */
function runAutocannon(
  command: RunCommand,
  url: string,
  steps: Step[],
  headersOf: (ctx: Ctx) => Readonly<Record<string, string>>,
  identical: boolean,
): Promise<{ tally: Tally; durationS: number }> {
  const tally = new Tally();
  const target = new URL(url);
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...command.headers };
  const requests: autocannon.Request[] = steps.map((step) => {
    const onResponse = (status: number, body: string, context: object) => tally.observe(status, body, step, context as Ctx, command.validateEvery);
    if (identical) return { method: 'POST', path: target.pathname, headers: { ...headers, ...headersOf({}) }, body: JSON.stringify(step.body({})), onResponse };
    return {
      method: 'POST',
      path: target.pathname,
      headers,
      setupRequest: (req: autocannon.Request, context: object) => {
        req.body = JSON.stringify(step.body(context as Ctx));
        req.headers = { ...headers, ...headersOf(context as Ctx) };
        return req;
      },
      onResponse,
    };
  });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: target.origin,
        connections: command.connections,
        ...(command.amount ? { amount: command.amount } : { duration: command.durationS ?? 10 }),
        requests,
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        tally.connErrors = result.errors;
        tally.timeouts = result.timeouts;
        tally.sent = result.requests.sent;
        resolve({ tally, durationS: (performance.now() - started) / 1000 });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) tally.latencies.push(responseTime);
    });
  });
}

type Call = (subgraph: SubgraphName, body: GraphQLBody) => Promise<any>;
type Operation = (ctx: Ctx) => Promise<string | null>;

/**
 * A closed loop of `connections` workers, or, with `rate`, operations started at evenly spaced instants
 * (at most `connections` in flight). One operation is one client-visible request, however many HTTP
 * calls it takes (the floor joins across subgraphs itself).
 */
async function runOperations(command: RunCommand, operation: Operation): Promise<{ tally: Tally; durationS: number }> {
  const tally = new Tally();
  const started = performance.now();
  const deadline = started + (command.durationS ?? 10) * 1000;
  let remaining = command.amount ?? Number.POSITIVE_INFINITY;
  let next = 0;
  const one = async () => {
    tally.sent++;
    const ctx: Ctx = {};
    const t0 = performance.now();
    let wrong: string | null;
    try {
      wrong = await operation(ctx);
    } catch (error) {
      const message = (error as Error).message;
      if (/ECONN|timeout|socket/i.test(message)) tally.connErrors++;
      wrong = message;
    }
    tally.responses++;
    tally.checked++;
    if (wrong) tally.problem(wrong);
    else {
      tally.valid++;
      tally.latencies.push(performance.now() - t0);
    }
  };
  const worker = async () => {
    for (;;) {
      if (command.amount !== undefined) {
        if (remaining-- <= 0) return;
      } else if (command.rate) {
        const due = started + (next++ * 1000) / command.rate;
        if (due >= deadline) return;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      } else if (performance.now() >= deadline) return;
      await one();
    }
  };
  await Promise.all(Array.from({ length: command.connections }, worker));
  return { tally, durationS: (performance.now() - started) / 1000 };
}

/** POSTs a GraphQL body to a subgraph as `headers`' caller; resolves to `data`, throws on HTTP or GraphQL errors. */
function subgraphCaller(
  agent: Agent,
  command: RunCommand,
): (subgraph: SubgraphName, body: GraphQLBody, headers: Readonly<Record<string, string>>) => Promise<any> {
  const urls = Object.fromEntries(Object.entries(command.subgraphUrls).map(([name, u]) => [name, new URL(u)])) as Record<SubgraphName, URL>;
  return async (subgraph, body, headers) => {
    const { status, text } = await postJson(agent, urls[subgraph], JSON.stringify(body), 10_000, headers);
    const { problem, data } = readAnswer(subgraph, status, text);
    if (problem) throw new Error(problem);
    return data;
  };
}

/** The scenario's request sequence sent to one URL (a gateway, or the subgraph that answers it all), every answer checked. */
function sequenceOperation(
  agent: Agent,
  url: string,
  steps: Step[],
  headers: Record<string, string>,
  headersOf: (ctx: Ctx) => Readonly<Record<string, string>>,
): Operation {
  const target = new URL(url);
  return async (ctx) => {
    for (const step of steps) {
      const body = JSON.stringify(step.body(ctx));
      const { status, text } = await postJson(agent, target, body, 10_000, { ...headers, ...headersOf(ctx) });
      const { problem, data } = readAnswer(step.name, status, text);
      if (problem) return problem;
      const wrong = step.check(data, ctx);
      if (wrong) return `${step.name}: ${wrong}`;
    }
    return null;
  };
}

/**
 * Tokens for every caller the requested scenarios use (BENCH_SCENARIOS), when the repository has a test
 * issuer and BENCH_AUTH is not "off": each person for S1/S5, S6's users, each applicant's head for S4, the partner for S2.
 */
/** S6's users: the last USERS persons of the walk, which S1 reaches only after ~11 000 requests (so their registry reads are not already cached). */
const s6Users = (fx: ReturnType<typeof buildFixtures>) => fx.iins.slice(-USERS);
/** How many S6 users are active at a time: each about one request in flight with 50 connections. */
const S6_CONCURRENT_USERS = 50;

async function prepareCredentials(fx: ReturnType<typeof buildFixtures>): Promise<Credentials | null> {
  if (process.env.BENCH_AUTH === 'off') return null;
  const scenarios = new Set((process.env.BENCH_SCENARIOS ?? 'S1,S2,S3,S4,S5,S6').split(','));
  const callers: Exclude<Caller, null>[] = [];
  if (scenarios.has('S1') || scenarios.has('S5')) for (const iin of fx.iins) callers.push({ kind: 'citizen', iin });
  if (scenarios.has('S6')) for (const iin of s6Users(fx)) callers.push({ kind: 'citizen', iin });
  if (scenarios.has('S4')) {
    for (const bin of fx.submissionBins) {
      const head = fx.entities.get(bin)?.headIin;
      if (head) callers.push({ kind: 'citizen', iin: head });
    }
  }
  if (scenarios.has('S2')) callers.push({ kind: 'partner', clientId: S2_PARTNER.clientId, purpose: S2_PARTNER.purpose });
  const started = performance.now();
  const credentials = await Credentials.create(testIssuer, callers);
  process.stderr.write(`signed ${credentials.size} test tokens in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return credentials;
}

async function main() {
  const persons = Number(process.env.BENCH_PERSONS ?? 12_000);
  const fx = buildFixtures(persons);
  let cursor = 0;
  let userCursor = 0;
  const user = usersWalk(s6Users(fx), USER_REQUESTS, S6_CONCURRENT_USERS);
  let submissions: Submission[] = [];
  let used = 0;
  const inputs: Inputs = {
    fx,
    nextIin: () => fx.iins[cursor++ % fx.iins.length]!,
    nextUser: () => user(userCursor++),
    nextSubmission: () => (used < submissions.length ? submissions[used++]! : null),
    catalogCodes: loadCatalog()
      .all()
      .map((e) => e.code),
  };
  const credentials = await prepareCredentials(fx);
  const reply = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
  reply({ event: 'ready', persons: fx.persons.size, submissionBins: fx.submissionBins.length, holdingBin: fx.set.holdingBin, tokens: credentials?.size ?? 0 });

  const lines = createInterface({ input: process.stdin });
  // One command at a time: the orchestrator waits for each answer.
  for await (const line of lines) {
    if (!line.trim()) continue;
    const command = JSON.parse(line) as RunCommand | { id: number; cmd: 'exit' };
    if (command.cmd === 'exit') break;
    try {
      submissions = command.submissions ?? [];
      used = 0;
      const driver = scenarioDriver(command.scenario, inputs);
      const roundTrips = command.roundTripUrl ? measureRoundTrips(command.roundTripUrl, inputs) : null;
      let outcome: { tally: Tally; durationS: number };
      const url = command.mode === 'gateway' ? command.url! : driver.floor.kind === 'subgraph' ? command.subgraphUrls[driver.floor.subgraph] : undefined;
      const agent = new Agent({ keepAlive: true, maxSockets: command.connections });
      const headersOf = (ctx: Ctx): Readonly<Record<string, string>> => (credentials ? credentials.headers(driver.caller(ctx)) : {});
      const extra = command.mode === 'gateway' ? (command.headers ?? {}) : {};
      try {
        if (url && !command.rate)
          outcome = await runAutocannon({ ...command, headers: extra }, url, driver.steps, headersOf, SCENARIOS[command.scenario].identicalRequests);
        else if (url) outcome = await runOperations(command, sequenceOperation(agent, url, driver.steps, extra, headersOf));
        else {
          const floor = driver.floor as Extract<typeof driver.floor, { kind: 'custom' }>;
          const post = subgraphCaller(agent, command);
          outcome = await runOperations(command, async (ctx) => {
            // The floor picks its inputs inside run(); the caller's headers are resolved at each call.
            const call: Call = (subgraph, body) => post(subgraph, body, headersOf(ctx));
            const wrong = await floor.run(call, ctx);
            return wrong ? `floor: ${wrong}` : null;
          });
        }
      } finally {
        agent.destroy();
      }
      const result = outcome.tally.result(outcome.durationS, used);
      if (roundTrips) result.roundTrip = await roundTrips.stop();
      reply({ id: command.id, ok: true, result });
    } catch (error) {
      reply({ id: command.id, ok: false, error: (error as Error).stack ?? String(error) });
    }
  }
  process.exit(0);
}

await main();
