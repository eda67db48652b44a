/**
 * `npm run bench`: our gateway against the gateways a user would pick instead, in one command.
 *
 * Every part is its own process, as in production (NODE_ENV=production): the mock registries with call
 * counters and a latency switch (registries.ts), the four subgraphs (their own src/index.ts), one process
 * per gateway (ours is gateway/src/index.ts itself; the vanilla ones are targets/*.ts), and the load
 * (load.ts, autocannon). Runs alternate round-robin across targets; medians and ratios go to
 * bench/results/. See bench/README.md.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_FEE_RATES_FILE, TEST_EVIDENCE_KEY_FILE, TEST_TRUST_FILES, TestSigner } from '@egov/mocks';
import {
  REGISTRY_NAMES,
  type RegistryName,
  registries as registryTopology,
  repoRoot,
  SUBGRAPH_NAMES,
  type SubgraphName,
  subgraphs as subgraphTopology,
} from '@egov/schema';
import { createTestDatabase } from '@egov/testkit';
import pg from 'pg';
import { Credentials, securityEnv, testIssuer } from './auth.js';
import { type Child, httpOk, type NodeChildSpec, Supervisor, waitUntilReady } from './children.js';
import type { LoadResult } from './load-protocol.js';
import { LoadProcess } from './loader.js';
import { type BenchOptions, parseOptions, USAGE } from './options.js';
import { freePort } from './ports.js';
import { cpuMs, hostCpu, loadAverage, pidsNamed, RssPoller, rssBytes } from './proc.js';
import { buildForBench, productionNodeArgs, type ServiceName } from './production.js';
import { aggregateComponents, aggregateProfile, formatComponents, formatProfile, readProfile, SUBGRAPH_COMPONENTS } from './profile.js';
import { openRedisSession, type RedisSession } from './redis-session.js';
import {
  checkTargets,
  headline,
  type Machine,
  memoryRows,
  type ProbeRecord,
  processLabel,
  type RunRecord,
  type SessionReport,
  summarise,
  toMarkdown,
} from './report.js';
import { buildFixtures } from './scenarios/fixtures.js';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from './scenarios/ids.js';
import type { Submission } from './scenarios/types.js';
import { max, median, rotate } from './stats.js';
import { SubmissionPool } from './submissions.js';
import { scenarioTargets, TARGET_IDS, TARGETS, type TargetId } from './targets/ids.js';

const benchDir = fileURLToPath(new URL('../', import.meta.url));
const resultsDir = join(benchDir, 'results');
const SETTLE_MS = 750;
const PROBE_REQUESTS = 4;

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const rawDir = join(resultsDir, 'raw', stamp);
const logDir = join(rawDir, 'logs');
mkdirSync(logDir, { recursive: true });
const supervisor = new Supervisor(logDir);
const sessionStarted = performance.now();
const startedAt = new Date().toISOString();
const loadAverageStart = loadAverage();
const log = (message: string) => console.log(`[${((performance.now() - sessionStarted) / 1000).toFixed(0).padStart(4)} s] ${message}`);

// ---- cleanup: every child is stopped however this process ends -------------------------------------
let database: { url: string; drop(): Promise<void> } | undefined;
/** A connection to this session's database for as long as it runs: another session starting meanwhile sees it in use, not stale. */
let databaseKeeper: pg.Client | undefined;
let attachmentsDir: string | undefined;
/** The session's keys in Redis (--redis, the default): what our processes get, and how they are removed. */
let redisSession: RedisSession | undefined;
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await supervisor.stopAll(3000).catch(() => undefined);
    await redisSession?.close().catch((error: unknown) => console.error(`could not remove the session's Redis keys: ${(error as Error).message}`));
    await dbAdmin?.end().catch(() => undefined);
    await databaseKeeper?.end().catch(() => undefined);
    await database?.drop().catch((error: unknown) => console.error(`could not drop the bench database: ${(error as Error).message}`));
    if (attachmentsDir) rmSync(attachmentsDir, { recursive: true, force: true });
  })();
  return cleaning;
}
process.on('exit', () => supervisor.killAllNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping every process of the session…`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on('uncaughtException', (error) => {
  console.error(error);
  void cleanup().finally(() => process.exit(1));
});
process.on('unhandledRejection', (error) => {
  console.error(error);
  void cleanup().finally(() => process.exit(1));
});

function machine(): Machine {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  return {
    cpus: cpus().length,
    model: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `Linux ${release()}`,
  };
}

// ---- the graph ---------------------------------------------------------------------------------------
/**
 * --no-subgraph-cache: the subgraphs cache registry answers (minutes for persons and entities), shared by
 * every target. By default they keep that production behaviour (S1/S5 walk 12 000 persons, so a session
 * hardly repeats one; S2 repeats one holding and is served from those caches after its first request);
 * this switch makes every request pay the full upstream work instead.
 */
const NO_SUBGRAPH_CACHE = {
  INDIVIDUALS_CACHE_TTL_SECONDS: '0',
  LEGAL_ENTITIES_CACHE_TTL_SECONDS: '0',
  PAYMENTS_CACHE_TTL_SECONDS: '0',
  LICENSING_CACHE_TTL_SECONDS: '0',
};
const childEnv = (extra: Record<string, string>): Record<string, string | undefined> => {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', ...extra };
  // Without --redis nothing of ours may find one through the environment: caches and limits stay in each process.
  if (!options.redis) for (const name of ['REDIS_URL', 'REDIS_KEY_PREFIX', 'CACHE_KEY_SECRET']) delete env[name];
  return env;
};
/**
 * Each service's production Node flags (its Kubernetes NODE_OPTIONS: heap limits), given to ours and the subgraphs;
 * the vanilla gateways get the gateway's, as they would in the same pod. Set in main().
 */
let nodeArgsOf: Record<ServiceName, string[]>;
const processesNote = () =>
  `${options.compiled ? 'compiled (node dist/…, as in the image)' : 'from source through tsx (--source)'}, with the production Node flags (gateway ${nodeArgsOf.gateway.join(' ')}; subgraphs ${nodeArgsOf.individuals.join(' ')}; applications ${nodeArgsOf.applications.join(' ')})`;

interface Graph {
  /** AUTH_* and friends for the test issuer (empty when the repository has none). */
  security: Record<string, string>;
  registries: Child;
  controlUrl: string;
  registryUrls: Record<RegistryName, string>;
  subgraphs: Record<SubgraphName, Child>;
  /** How each subgraph was started, to start one again under --cpu-prof on the same port. */
  subgraphSpecs: Record<SubgraphName, NodeChildSpec>;
  subgraphUrls: Record<SubgraphName, string>;
  /** OTEL_* of our processes: traces to the session's sink, sampled as deployed; empty with --no-telemetry. */
  telemetry: Record<string, string>;
}

/**
 * Databases of earlier sessions that were killed outright (SIGKILL leaves no chance to drop them). Only
 * unused ones go: a plain DROP DATABASE fails while a running session is connected, and every session keeps
 * a connection to its own from the moment it is created (databaseKeeper), also while its subgraphs start.
 */
async function dropStaleDatabases(): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'egov\\_bench\\_%'");
    for (const { datname } of rows) {
      if (!/^egov_bench_[0-9a-f]+$/.test(datname)) continue;
      await admin.query(`DROP DATABASE ${datname}`).then(
        () => log(`dropped ${datname}, left over by an earlier session`),
        () => undefined,
      );
    }
  } catch {
    // createTestDatabase below reports an unreachable server
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function startGraph(security: Record<string, string>): Promise<Graph> {
  await dropStaleDatabases();
  database = await createTestDatabase('egov_bench');
  databaseKeeper = new pg.Client({ connectionString: database.url });
  await databaseKeeper.connect();
  attachmentsDir = join(rawDir, 'attachments');
  mkdirSync(attachmentsDir, { recursive: true });

  const registryPorts = Object.fromEntries(await Promise.all(REGISTRY_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<
    RegistryName,
    number
  >;
  const controlPort = await freePort();
  const registries = supervisor.start({
    name: 'registries',
    entry: join(benchDir, 'src/registries.ts'),
    env: childEnv({
      BENCH_PERSONS: String(options.persons),
      BENCH_REGISTRY_PORTS: JSON.stringify(registryPorts),
      BENCH_CONTROL_PORT: String(controlPort),
      LOG_LEVEL: 'warn',
    }),
  });
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  await waitUntilReady(registries, httpOk(`${controlUrl}/health`));
  const registryUrls = Object.fromEntries(REGISTRY_NAMES.map((name) => [name, `http://127.0.0.1:${registryPorts[name]}`])) as Record<RegistryName, string>;

  const telemetry = options.telemetry ? await startTelemetrySink() : {};
  const registryEnv = Object.fromEntries(REGISTRY_NAMES.map((name) => [registryTopology[name].urlEnv, registryUrls[name]]));
  const subgraphPorts = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<
    SubgraphName,
    number
  >;
  const subgraphs = {} as Record<SubgraphName, Child>;
  const subgraphSpecs = {} as Record<SubgraphName, NodeChildSpec>;
  for (const name of SUBGRAPH_NAMES) {
    subgraphSpecs[name] = {
      name: `subgraph-${name}`,
      entry: `subgraphs/${name}/src/index.ts`,
      compiled: options.compiled,
      nodeArgs: nodeArgsOf[name],
      env: childEnv({
        ...registryEnv,
        HOST: '127.0.0.1',
        PORT: String(subgraphPorts[name]),
        LOG_LEVEL: process.env.BENCH_SUBGRAPH_LOG_LEVEL ?? 'warn',
        FEE_RATES_FILE: process.env.FEE_RATES_FILE ?? DEV_FEE_RATES_FILE,
        DATABASE_URL: database.url,
        ATTACHMENTS_DIR: attachmentsDir,
        ATTACHMENT_MAX_FILES: '100',
        DEEMED_ISSUANCE_EVERY_MS: '3600000',
        ...(options.subgraphCache ? {} : NO_SUBGRAPH_CACHE),
        ...redisSession?.env,
        ...security,
        ...telemetry,
      }),
    };
    subgraphs[name] = supervisor.start(subgraphSpecs[name]);
  }
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${subgraphPorts[name]}/graphql`])) as Record<
    SubgraphName,
    string
  >;
  await Promise.all(SUBGRAPH_NAMES.map((name) => waitUntilReady(subgraphs[name], httpOk(subgraphUrls[name].replace(/\/graphql$/, '/health')))));
  return { security, registries, controlUrl, registryUrls, subgraphs, subgraphSpecs, subgraphUrls, telemetry };
}

/**
 * The sink our processes export traces to, and the OTEL_* settings that point them at it: the protocol and
 * sampler deploy/k8s/base/kustomization.yaml gives every process (one in ten new traces, the gateway's decision
 * followed by the subgraphs).
 */
async function startTelemetrySink(): Promise<Record<string, string>> {
  const port = await freePort();
  const sink = supervisor.start({ name: 'otlp-sink', entry: join(benchDir, 'src/otlp-sink.ts'), env: childEnv({ BENCH_OTLP_PORT: String(port) }) });
  await waitUntilReady(sink, httpOk(`http://127.0.0.1:${port}/stats`));
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: '0.1',
    OTEL_METRICS_EXPORTER: 'none',
    OTEL_LOGS_EXPORTER: 'none',
  };
}

/** The bare @apollo/subgraph baseline: one process, the prefill's four subgraph SDLs answered from memory. */
async function startBare(): Promise<{ child: Child; urls: Record<SubgraphName, string> }> {
  const names = ['individuals', 'legal-entities', 'licensing', 'payments'] as const;
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const)));
  const child = supervisor.start({
    name: 'bare-subgraphs',
    entry: join(benchDir, 'src/targets/bare-subgraphs.ts'),
    compiled: options.compiled,
    env: childEnv({ BENCH_PERSONS: String(options.persons), BENCH_BARE_PORTS: JSON.stringify(ports) }),
  });
  const urls = Object.fromEntries(names.map((name) => [name, `http://127.0.0.1:${ports[name]}/`])) as Record<SubgraphName, string>;
  await Promise.all(names.map((name) => waitUntilReady(child, httpOk(urls[name], { query: '{ __typename }' }))));
  return { child, urls };
}

async function control<T>(graph: Graph, method: 'GET' | 'POST', path: string): Promise<T> {
  const response = await fetch(`${graph.controlUrl}${path}`, { method, signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`mock control ${path}: ${response.status}`);
  return (await response.json()) as T;
}
/**
 * CPU of the PostgreSQL backends serving the bench database (the licensing store, and the audit trail
 * where subgraphs keep one), from /proc like the rest; null when PostgreSQL is not on this machine.
 */
let dbAdmin: pg.Client | undefined;
async function databaseCpu(): Promise<Map<number, number> | null> {
  if (!database) return null;
  try {
    if (!dbAdmin) {
      dbAdmin = new pg.Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
      await dbAdmin.connect();
    }
    const name = new URL(database.url).pathname.slice(1);
    const { rows } = await dbAdmin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = cpuMs(pid);
      if (ms !== null) out.set(pid, ms);
    }
    return out;
  } catch {
    return null;
  }
}

/** Total CPU of the backends in `of`; with `alive`, only those still present there (a backend that left took its count along). */
function sumCpu(of: Map<number, number> | null, alive?: Map<number, number> | null): number {
  if (!of) return 0;
  let sum = 0;
  for (const [pid, ms] of of) if (!alive || alive.has(pid)) sum += ms;
  return sum;
}

const readCounters = (graph: Graph) => control<{ byRegistry: Record<string, number> }>(graph, 'GET', '/counters').then((c) => c.byRegistry);
const resetCounters = (graph: Graph) => control(graph, 'POST', '/counters/reset');

// ---- gateways ------------------------------------------------------------------------------------------
interface Gateway {
  target: TargetId;
  child?: Child;
  url?: string;
  error?: string;
  restarts: number;
}

function gatewaySpec(target: TargetId, port: number, graph: Graph, extraNodeArgs: string[] = [], name: string = target): NodeChildSpec {
  const urls = JSON.stringify(graph.subgraphUrls);
  const nodeArgs = [...nodeArgsOf.gateway, ...extraNodeArgs];
  const compiled = options.compiled;
  switch (target) {
    case 'ours':
      // Exactly how ours is deployed: its own entry point, configured from the environment, so whatever
      // features that code path turns on (now or later) are what is measured.
      return {
        name,
        nodeArgs,
        compiled,
        entry: 'gateway/src/index.ts',
        env: childEnv({
          // The per-client rate limit stays on (every request is counted), but one load generator is one
          // client: its limit is set above anything a run reaches, unless the environment says otherwise.
          RATE_LIMIT_POINTS: process.env.RATE_LIMIT_POINTS ?? String(1_000_000_000),
          // What the subgraphs get too, in case the gateway verifies tokens or keeps a trail itself.
          ...graph.security,
          ...graph.telemetry,
          ...redisSession?.env,
          ...(database ? { DATABASE_URL: process.env.DATABASE_URL ?? database.url } : {}),
          HOST: '127.0.0.1',
          PORT: String(port),
          ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [subgraphTopology[n].urlEnv, graph.subgraphUrls[n]])),
        }),
      };
    case 'apollo':
      return {
        name,
        nodeArgs,
        compiled,
        entry: join(benchDir, 'src/targets/apollo.ts'),
        env: childEnv({ BENCH_PORT: String(port), BENCH_SUBGRAPH_URLS: urls }),
      };
    case 'hive':
    case 'hive-dedup':
    case 'hive-nodedup':
      return {
        name,
        nodeArgs,
        compiled,
        entry: join(benchDir, 'src/targets/hive.ts'),
        env: childEnv({
          BENCH_PORT: String(port),
          BENCH_SUBGRAPH_URLS: urls,
          BENCH_HIVE_DEDUP: { hive: 'off', 'hive-dedup': 'on', 'hive-nodedup': 'none' }[target],
        }),
      };
    case 'floor':
    case 'bare':
      throw new Error(`${target} has no gateway`);
  }
}

const requestHeaders: Record<string, string> = (() => {
  try {
    return JSON.parse(process.env.BENCH_HEADERS ?? '{}') as Record<string, string>;
  } catch {
    throw new Error('BENCH_HEADERS must be a JSON object of header names and values');
  }
})();

async function startGateway(gateway: Gateway, graph: Graph, nodeArgs: string[] = [], name?: string): Promise<void> {
  const port = await freePort();
  const child = supervisor.start(gatewaySpec(gateway.target, port, graph, nodeArgs, name));
  gateway.child = child;
  gateway.url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilReady(child, httpOk(gateway.url, { query: '{ __typename }' }, requestHeaders));
  gateway.error = undefined;
}

/** Every process of the session as it is once started and ready, before any load: the memory table's first column. */
function restingRss(session: Session): Record<string, number | null> {
  const resting: Record<string, number | null> = {};
  for (const gateway of session.gateways.values()) if (gateway.child?.alive()) resting[processLabel('gateway', gateway.target)] = rssBytes(gateway.child.pid);
  for (const name of SUBGRAPH_NAMES) resting[processLabel('subgraph', name)] = rssBytes(session.graph.subgraphs[name].pid);
  if (session.bare) resting[processLabel('bare')] = rssBytes(session.bare.child.pid);
  return resting;
}

/** A gateway that died is restarted once per session; after that its runs are reported as failed. */
async function ensureGateway(gateway: Gateway, graph: Graph): Promise<void> {
  if (gateway.child?.alive()) return;
  if (gateway.child && gateway.restarts >= 1) throw new Error(gateway.error ?? `${gateway.target} is down`);
  if (gateway.child) {
    gateway.restarts++;
    log(`${gateway.target} exited; restarting it once`);
  }
  try {
    await startGateway(gateway, graph);
  } catch (error) {
    gateway.error = (error as Error).message.split('\n')[0];
    throw error;
  }
}

// ---- runs ----------------------------------------------------------------------------------------------
interface Session {
  graph: Graph;
  /** The bare @apollo/subgraph baseline (one process, the prefill's four subgraphs), when a scenario runs it. */
  bare?: { child: Child; urls: Record<SubgraphName, string> };
  load: LoadProcess;
  gateways: Map<TargetId, Gateway>;
  pool: SubmissionPool | undefined;
  /** Highest S4 submissions per second seen, to size the prepared pool. */
  submitRate: number;
  order: number;
  runs: RunRecord[];
  probes: ProbeRecord[];
  /** RSS of each process once started, before any load, by processLabel. */
  restingRss: Record<string, number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Measured {
  load: LoadResult;
  gatewayCpuMs: number | null;
  peakRssBytes: number | null;
  registryCalls: Record<string, number>;
  otherCpuMs: Record<string, number | null>;
  /** The largest peak RSS of any one subgraph process (the bare baseline's one process in its runs). */
  subgraphPeakRssBytes: number | null;
  foreignCpuShare: number | null;
  /** Peak RSS of each process the run loaded, by processLabel. */
  peakRssByProcess: Record<string, number | null>;
}

/** One load against one target with everything sampled around it. */
async function drive(
  session: Session,
  scenario: ScenarioId,
  target: TargetId,
  shape: { durationS?: number; amount?: number; rate?: number; connections: number; validateEvery: number },
): Promise<Measured> {
  const { graph, load } = session;
  const gateway = session.gateways.get(target);
  if (gateway) await ensureGateway(gateway, graph);
  await load.ensure();

  let submissions: Submission[] = [];
  if (SCENARIOS[scenario].needsSubmissionPool) {
    if (!session.pool) throw new Error('S4 has no prepared submissions');
    const seconds = shape.durationS ?? 0;
    const rate = shape.rate ? shape.rate / 2 : Math.max(session.submitRate, 60);
    const wanted = shape.amount ? Math.ceil(shape.amount / 2) + 2 : Math.ceil(rate * seconds * 1.5) + 2 * shape.connections;
    const before = session.pool.prepareMs;
    await session.pool.ensure(wanted);
    if (session.pool.prepareMs - before > 1000)
      log(`  prepared S4 submissions (${session.pool.prepared} so far, ${((session.pool.prepareMs - before) / 1000).toFixed(1)} s)`);
    submissions = session.pool.take(wanted);
  }

  if (target === 'bare' && !session.bare?.child.alive()) throw new Error('the bare @apollo/subgraph baseline is not running');
  // The bare baseline stands in for the subgraphs: its process is what "subgraphs" costs in its runs.
  const subgraphPids = target === 'bare' ? [session.bare!.child.pid] : Object.values(graph.subgraphs).map((c) => c.pid);
  const subgraphUrls = target === 'bare' ? { ...graph.subgraphUrls, ...session.bare!.urls } : graph.subgraphUrls;
  // The local Redis, when the session's processes use one (REDIS_URL): the whole server's CPU, others' included.
  const redisPids = redisSession ? pidsNamed('redis-server') : [];
  const otherCpu = () => {
    const subgraphs = subgraphPids.map(cpuMs);
    const loadPid = load.pid;
    const redis = redisPids.map(cpuMs);
    return {
      subgraphs: subgraphs.some((c) => c === null) ? null : (subgraphs as number[]).reduce((a, b) => a + b, 0),
      registries: cpuMs(graph.registries.pid),
      load: loadPid ? cpuMs(loadPid) : null,
      redis: redisPids.length === 0 || redis.some((c) => c === null) ? null : (redis as number[]).reduce((a, b) => a + b, 0),
    };
  };

  const benchCpu = () => {
    const own = process.cpuUsage();
    let sum = (own.user + own.system) / 1000;
    for (const child of supervisor.children.values()) if (child.alive()) sum += cpuMs(child.pid) ?? 0;
    return sum;
  };
  const db0 = await databaseCpu();

  await redisSession?.clearCaches();
  await resetCounters(graph);
  const gatewayPid = gateway?.child?.pid;
  const host0 = hostCpu();
  const bench0 = benchCpu();
  const cpu0 = gatewayPid ? cpuMs(gatewayPid) : null;
  const other0 = otherCpu();
  const poller = new RssPoller([...(gatewayPid ? [gatewayPid] : []), ...subgraphPids]).start();
  let result: LoadResult;
  let peaks: Map<number, number>;
  try {
    result = await load.run({
      scenario,
      mode: target === 'floor' || target === 'bare' ? 'floor' : 'gateway',
      url: gateway?.url,
      subgraphUrls,
      connections: shape.connections,
      durationS: shape.durationS,
      amount: shape.amount,
      rate: shape.rate,
      validateEvery: shape.validateEvery,
      headers: target === 'floor' ? {} : requestHeaders,
      submissions,
      roundTripUrl: SCENARIOS[scenario].registryLatencyMs > 0 && !shape.amount ? graph.registryUrls.individuals : undefined,
    });
    // Requests still in flight when the client stopped are finished by the gateway and the subgraphs: wait
    // until the box is quiet, so their CPU and registry calls count against `sent` and the next run starts clean.
    await waitQuiet();
  } finally {
    peaks = poller.stop();
  }
  const cpu1 = gatewayPid ? cpuMs(gatewayPid) : null;
  const other1 = otherCpu();
  const db1 = await databaseCpu();
  const host1 = hostCpu();
  const bench1 = benchCpu() + sumCpu(db1) - sumCpu(db0, db1);
  const foreignCpuShare =
    host0 && host1 && host1.totalMs > host0.totalMs ? Math.max(0, host1.busyMs - host0.busyMs - (bench1 - bench0)) / (host1.totalMs - host0.totalMs) : null;
  const registryCalls = await readCounters(graph);
  if (result.roundTrip) registryCalls.individuals = Math.max(0, (registryCalls.individuals ?? 0) - result.roundTrip.calls);
  if (session.pool && submissions.length > 0) {
    // Tuples handed out may have been used even if their answer never came back: only the untouched ones return.
    session.pool.giveBack(submissions.slice(result.submissionsUsed));
    if (result.durationS > 0) session.submitRate = Math.max(session.submitRate, result.responses / 2 / result.durationS);
  }
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    load: result,
    gatewayCpuMs: diff(cpu0, cpu1),
    peakRssBytes: gatewayPid ? (peaks.get(gatewayPid) ?? null) : null,
    registryCalls,
    otherCpuMs: {
      subgraphs: diff(other0.subgraphs, other1.subgraphs),
      registries: diff(other0.registries, other1.registries),
      load: diff(other0.load, other1.load),
      database: db1 ? sumCpu(db1) - sumCpu(db0, db1) : null,
      redis: diff(other0.redis, other1.redis),
    },
    subgraphPeakRssBytes: max(subgraphPids.map((pid) => peaks.get(pid) ?? null)),
    foreignCpuShare,
    peakRssByProcess: Object.fromEntries([
      ...(gatewayPid ? [[processLabel('gateway', target), peaks.get(gatewayPid) ?? null]] : []),
      ...(target === 'bare'
        ? [[processLabel('bare'), peaks.get(session.bare!.child.pid) ?? null]]
        : SUBGRAPH_NAMES.map((name) => [processLabel('subgraph', name), peaks.get(graph.subgraphs[name].pid) ?? null])),
    ]),
  };
}

/**
 * Waits (at least SETTLE_MS, at most 30 s) until the session's processes and database backends together
 * use less than a tenth of one CPU: the backlog of a run must not spill into the next one's numbers.
 */
async function waitQuiet(): Promise<void> {
  const started = performance.now();
  const total = async () => {
    let sum = 0;
    for (const child of supervisor.children.values()) if (child.alive() && child.name !== 'load') sum += cpuMs(child.pid) ?? 0;
    return sum + sumCpu(await databaseCpu());
  };
  await sleep(SETTLE_MS);
  let before = await total();
  for (let quiet = 0; quiet < 2 && performance.now() - started < 30_000; ) {
    await sleep(250);
    const now = await total();
    quiet = now - before < 25 ? quiet + 1 : 0;
    before = now;
  }
}

const validateEvery = (scenario: ScenarioId) => (scenario === 'S4' ? 1 : 10);
/** Latency scenarios run at a fixed, evenly spaced rate well below capacity; the others as fast as they go. */
const rateOf = (scenario: ScenarioId) => (SCENARIOS[scenario].registryLatencyMs > 0 ? options.s5Rate : undefined);

/**
 * The correctness gate and the exact registry cost: one operation alone (its calls are the cold cost when
 * it is the first to ask for its data), then the rest of PROBE_REQUESTS, one request at a time.
 */
async function probe(session: Session, scenario: ScenarioId, target: TargetId): Promise<ProbeRecord> {
  try {
    const first = SCENARIOS[scenario].needsSubmissionPool ? 2 : 1;
    const a = await drive(session, scenario, target, { amount: first, connections: 1, validateEvery: 1 });
    const b = await drive(session, scenario, target, { amount: PROBE_REQUESTS - first, connections: 1, validateEvery: 1 });
    const valid = a.load.valid + b.load.valid;
    const ok = valid === PROBE_REQUESTS && a.load.invalid + b.load.invalid === 0;
    const sent = Math.max(a.load.sent + b.load.sent, 1);
    return {
      scenario,
      target,
      requests: a.load.responses + b.load.responses,
      ok,
      error: ok ? undefined : (a.load.problems[0] ?? b.load.problems[0] ?? `${valid} of ${PROBE_REQUESTS} answered correctly`),
      callsPerRequest: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, ((a.registryCalls[name] ?? 0) + (b.registryCalls[name] ?? 0)) / sent])),
      firstCallsPerRequest: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, (a.registryCalls[name] ?? 0) / Math.max(a.load.sent, 1)])),
    };
  } catch (error) {
    return { scenario, target, requests: 0, ok: false, error: (error as Error).message.split('\n')[0], callsPerRequest: {} };
  }
}

async function measuredRun(session: Session, scenario: ScenarioId, target: TargetId, rep: number): Promise<RunRecord> {
  const record: RunRecord = { scenario, target, rep, order: ++session.order };
  try {
    const m = await drive(session, scenario, target, {
      durationS: options.duration,
      rate: rateOf(scenario),
      connections: options.connections,
      validateEvery: validateEvery(scenario),
    });
    Object.assign(record, m);
    const l = m.load;
    const perReq = m.gatewayCpuMs !== null && l.sent > 0 ? `${(m.gatewayCpuMs / l.sent).toFixed(2)} CPU ms/req, ` : '';
    const foreign =
      m.foreignCpuShare !== null && m.foreignCpuShare > 0.1 ? `${(m.foreignCpuShare * 100).toFixed(0)} % of the CPUs busy outside the bench, ` : '';
    log(
      `  ${scenario} ${target.padEnd(12)} run ${rep}: ${l.rps.toFixed(0)} req/s, p50 ${l.latencyMs.p50?.toFixed(1) ?? 'n/a'} ms, p99 ${l.latencyMs.p99?.toFixed(1) ?? 'n/a'} ms, ${perReq}` +
        `${foreign}${l.invalid > 0 ? `${l.invalid} WRONG (${l.problems[0]}), ` : ''}${l.responses} responses`,
    );
  } catch (error) {
    record.error = (error as Error).message.split('\n')[0];
    log(`  ${scenario} ${target} run ${rep} failed: ${record.error}`);
  }
  return record;
}

async function runScenario(session: Session, scenario: ScenarioId): Promise<void> {
  const info = SCENARIOS[scenario];
  const targets = scenarioTargets(scenario, options.targets);
  log(`${info.title}: ${targets.join(', ')}`);
  await control(session.graph, 'POST', `/latency?ms=${info.registryLatencyMs}`);
  try {
    const live: TargetId[] = [];
    for (const target of targets) {
      const gateway = session.gateways.get(target);
      if (gateway?.error && !gateway.child?.alive()) {
        session.probes.push({ scenario, target, requests: 0, ok: false, error: `did not start: ${gateway.error}`, callsPerRequest: {} });
        continue;
      }
      const result = await probe(session, scenario, target);
      session.probes.push(result);
      if (!result.ok) {
        log(`  ${target}: wrong or no answers, not measured: ${result.error}`);
        continue;
      }
      live.push(target);
    }
    if (options.warmup > 0) {
      for (const target of live) {
        try {
          await drive(session, scenario, target, {
            durationS: options.warmup,
            rate: rateOf(scenario),
            connections: options.connections,
            validateEvery: validateEvery(scenario),
          });
        } catch (error) {
          log(`  ${target} warm-up failed: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    for (let rep = 1; rep <= options.runs; rep++) {
      for (const target of rotate(live, rep - 1)) {
        session.runs.push(await measuredRun(session, scenario, target, rep));
      }
    }
  } finally {
    await control(session.graph, 'POST', '/latency?ms=0').catch(() => undefined);
  }
}

/** The subgraph profiled beside our gateway: the person fetch of every prefill (token, authorization, audit, cache, registry client). */
const PROFILED_SUBGRAPH: SubgraphName = 'individuals';

/** The main thread's profile in a --cpu-prof directory (tsx's hooks thread writes one too), summarised over [fromMs, toMs]. */
function summariseProfile(dir: string, fromMs: number, toMs: number, tail: () => string): { file: string; markdown: string } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const file = files.find((f) => f.split('.')[4] === '0') ?? files.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  if (!file) throw new Error(`no .cpuprofile written:\n${tail()}`);
  const summary = aggregateProfile(readProfile(join(dir, file)), { fromMs, toMs });
  return { file: relative(repoRoot, join(dir, file)), markdown: formatProfile(summary) };
}

/**
 * S1 (or --profile-scenario) against a fresh instance of ours under --cpu-prof, with the individuals subgraph restarted under --cpu-prof
 * too (same port); only the samples taken during the load are summarised.
 */
async function profileGateway(session: Session): Promise<SessionReport['profile']> {
  const profileDir = join(rawDir, 'profile');
  const subgraphDir = join(rawDir, `profile-${PROFILED_SUBGRAPH}`);
  mkdirSync(profileDir, { recursive: true });
  mkdirSync(subgraphDir, { recursive: true });
  const target = options.profileTarget;
  const gateway: Gateway = { target, restarts: 1 };
  const name = `${target}-cpu-prof`;
  const spec = session.graph.subgraphSpecs[PROFILED_SUBGRAPH];
  const scenario = options.profileScenario;
  log(`profiling the ${target} gateway and the ${PROFILED_SUBGRAPH} subgraph under ${scenario} (--cpu-prof)`);
  await supervisor.stop(spec.name, 15_000);
  const subgraph = supervisor.start({ ...spec, nodeArgs: [...(spec.nodeArgs ?? []), '--cpu-prof', `--cpu-prof-dir=${subgraphDir}`] });
  session.graph.subgraphs[PROFILED_SUBGRAPH] = subgraph;
  await waitUntilReady(subgraph, httpOk(session.graph.subgraphUrls[PROFILED_SUBGRAPH].replace(/\/graphql$/, '/health')));
  // No --cpu-prof-name: under --source, tsx's module hooks run on their own thread, which writes a profile too; Node's
  // default names (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile) keep them apart, and thread 0 is the main one.
  await startGateway(gateway, session.graph, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`], name);
  const child = gateway.child!;
  session.gateways.set(target, gateway);
  try {
    await drive(session, scenario, target, { durationS: Math.max(options.warmup, 1), connections: options.connections, validateEvery: 10 });
    const fromMs = performance.now() - child.startedAt;
    const subgraphFromMs = performance.now() - subgraph.startedAt;
    const measured = await drive(session, scenario, target, { durationS: options.duration, connections: options.connections, validateEvery: 10 });
    const toMs = performance.now() - child.startedAt;
    const subgraphToMs = performance.now() - subgraph.startedAt;
    const subgraphCpu = measured.otherCpuMs.subgraphs;
    log(`  profiled run: ${measured.load.rps.toFixed(0)} req/s, ${measured.load.responses} responses`);
    await supervisor.stop(name, 15_000);
    // Node writes the profile only on a clean exit, and a subgraph's shutdown waits for an audit anchor round in
    // progress, which after heavy scenarios reads back tens of thousands of records: killed at 15 s, it wrote none.
    await supervisor.stop(spec.name, 90_000);
    const gatewayProfile = summariseProfile(profileDir, fromMs, toMs, child.tail);
    let markdown = gatewayProfile.markdown;
    try {
      const sub = summariseProfile(subgraphDir, subgraphFromMs, subgraphToMs, subgraph.tail);
      const perRequest =
        typeof subgraphCpu === 'number' && measured.load.sent > 0
          ? ` (all four subgraphs: ${(subgraphCpu / measured.load.sent).toFixed(1)} CPU ms per request)`
          : '';
      const components = aggregateComponents(readProfile(join(repoRoot, sub.file)), SUBGRAPH_COMPONENTS, { fromMs: subgraphFromMs, toMs: subgraphToMs });
      markdown +=
        `\n\n### The ${PROFILED_SUBGRAPH} subgraph in the same run (\`${sub.file}\`)${perRequest}\n\n` +
        `Its CPU by component (each sample goes to the innermost frame's component; per ${scenario} request):\n\n${formatComponents(components, measured.load.sent)}\n\n${sub.markdown}`;
    } catch (error) {
      markdown += `\n\n(The ${PROFILED_SUBGRAPH} subgraph's profile could not be read: ${(error as Error).message.split('\n')[0]})`;
    }
    return { file: gatewayProfile.file, markdown, scenario, target };
  } finally {
    await supervisor.stop(name);
  }
}

async function main(): Promise<void> {
  log(
    `bench: ${options.scenarios.join(', ')} × ${options.targets.join(', ')}; ${options.duration} s × ${options.runs}, ${options.connections} connections; raw output in ${relative(repoRoot, rawDir)}`,
  );
  nodeArgsOf = await productionNodeArgs();
  if (options.compiled) {
    log('building what runs compiled (npm run build: ours, the subgraphs, the vanilla targets; cached when unchanged)');
    buildForBench();
  }
  log(`gateways and subgraphs: ${processesNote()}`);
  // The subgraphs need the issuer's settings either way; --no-auth only stops the requests carrying tokens.
  const issuer = options.auth ? testIssuer : null;
  // The licensing subgraph verifies S4's signatures against the mocks' test CA.
  const trustEnv = {
    TRUST_ROOTS: process.env.TRUST_ROOTS ?? TEST_TRUST_FILES.roots.join(','),
    TRUST_INTERMEDIATES: process.env.TRUST_INTERMEDIATES ?? TEST_TRUST_FILES.intermediates.join(','),
    TRUST_CRLS: process.env.TRUST_CRLS ?? TEST_TRUST_FILES.crls.join(','),
    // The applications subgraph signs each submission's evidence (required in production).
    EVIDENCE_SIGNING_KEY_FILE: process.env.EVIDENCE_SIGNING_KEY_FILE ?? TEST_EVIDENCE_KEY_FILE,
  };
  if (options.redis) redisSession = await openRedisSession(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', stamp);
  const graph = await startGraph({ ...securityEnv(testIssuer), ...trustEnv });
  log(
    `mock registries and subgraphs are up${issuer ? '; requests carry test-issuer tokens (citizen, applicant head, partner)' : '; requests carry no tokens'}`,
  );
  const load = new LoadProcess(
    supervisor,
    childEnv({ BENCH_PERSONS: String(options.persons), BENCH_SCENARIOS: options.scenarios.join(','), BENCH_AUTH: issuer ? 'on' : 'off' }),
  );
  const session: Session = { graph, load, gateways: new Map(), pool: undefined, submitRate: 0, order: 0, runs: [], probes: [], restingRss: {} };

  const needed = new Set(options.scenarios.flatMap((s) => scenarioTargets(s, options.targets)).filter((t) => TARGETS[t].gateway));
  await Promise.all([
    load.ensure(),
    ...[...needed].map(async (target) => {
      const gateway: Gateway = { target, restarts: 0 };
      session.gateways.set(target, gateway);
      try {
        await startGateway(gateway, graph);
      } catch (error) {
        gateway.error = (error as Error).message.split('\n')[0];
        log(`${target} did not start: ${(error as Error).message}`);
      }
    }),
  ]);
  if (options.scenarios.some((s) => scenarioTargets(s, options.targets).includes('bare'))) {
    try {
      session.bare = await startBare();
    } catch (error) {
      log(`the bare @apollo/subgraph baseline did not start: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  session.restingRss = restingRss(session);
  log(
    `gateways up: ${[...session.gateways.values()]
      .filter((g) => !g.error)
      .map((g) => g.target)
      .join(', ')}`,
  );

  if (options.scenarios.includes('S4')) {
    const fx = buildFixtures(options.persons);
    // The company's head signs in, uploads, pays and signs for it.
    const headOf = (bin: string) => {
      const iin = fx.entities.get(bin)?.headIin;
      if (!iin) throw new Error(`S4 applicant ${bin} has no head to act for it`);
      return iin;
    };
    const credentials = issuer
      ? await Credentials.create(
          issuer,
          fx.submissionBins.map((bin) => ({ kind: 'citizen' as const, iin: headOf(bin) })),
        )
      : null;
    const authFor = (bin: string) => (credentials ? credentials.headers({ kind: 'citizen', iin: headOf(bin) }) : {});
    session.pool = new SubmissionPool(
      fx.submissionBins,
      graph.subgraphUrls.applications.replace(/\/graphql$/, ''),
      graph.subgraphUrls.payments,
      authFor,
      await TestSigner.load(),
      headOf,
    );
    log("S4 submissions are signed (ЭЦП) with certificates from the mocks' test CA");
  }

  for (const scenario of options.scenarios) await runScenario(session, scenario);

  let profile: SessionReport['profile'] = null;
  if (options.profile && options.targets.includes(options.profileTarget)) {
    await supervisor.stop(options.profileTarget);
    try {
      profile = await profileGateway(session);
    } catch (error) {
      log(`profiling failed: ${(error as Error).message}`);
    }
  }

  await load.close();
  await cleanup();

  const scenarios = options.scenarios.map((id) => ({
    id,
    title: SCENARIOS[id].title,
    unit: SCENARIOS[id].unit,
    cells: summarise(id, scenarioTargets(id, options.targets), session.runs, session.probes),
  }));
  const notes = [
    'Targets: ' +
      [...new Set(options.scenarios.flatMap((s) => scenarioTargets(s, options.targets)))].map((t) => `**${t}** — ${TARGETS[t].description}`).join('; ') +
      '.',
    'Every process (mocks, four subgraphs, the gateway under test, the load generator) shares the same CPUs, so absolute req/s are those of this whole box; gateway CPU ms per request is the cleaner comparison.',
  ];
  if (session.pool) {
    notes.push(
      `S4 measured accepted submissions (receipts), not rejections: ${session.pool.prepared} scans were uploaded and fees paid through the licensing and payments endpoints beforehand (${(session.pool.prepareMs / 1000).toFixed(0)} s, outside the measured runs).`,
    );
  }
  const report: SessionReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    wallSeconds: (performance.now() - sessionStarted) / 1000,
    smoke: options.smoke || options.quick,
    options: {
      duration: options.duration,
      warmup: options.warmup,
      connections: options.connections,
      runs: options.runs,
      persons: options.persons,
      s5Rate: options.s5Rate,
      subgraphCache: options.subgraphCache,
      redis: options.redis,
      telemetry: options.telemetry,
      processes: processesNote(),
    },
    environment: {
      loadAverageStart,
      loadAverageEnd: loadAverage(),
      foreignCpuShareMedian: median(session.runs.map((r) => r.foreignCpuShare)),
      foreignCpuShareMax: max(session.runs.map((r) => r.foreignCpuShare)),
    },
    machine: machine(),
    scenarios,
    checks: checkTargets(scenarios),
    notes,
    profile,
    memory: memoryRows(session.restingRss, session.runs, options.scenarios),
  };
  const markdown = toMarkdown(report);
  writeFileSync(join(rawDir, 'runs.json'), JSON.stringify({ runs: session.runs, probes: session.probes }, null, 2));
  writeFileSync(join(rawDir, 'summary.json'), JSON.stringify(report, null, 2));
  writeFileSync(join(rawDir, 'summary.md'), markdown);
  // Only a complete full run replaces the committed summary; smoke and partial runs stay in raw/.
  const complete =
    !options.smoke && !options.quick && SCENARIO_IDS.every((s) => options.scenarios.includes(s)) && TARGET_IDS.every((t) => options.targets.includes(t));
  if (complete) {
    writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(resultsDir, 'latest.md'), markdown);
  }
  console.log(`\n${markdown}`);
  const top = headline(scenarios);
  if (top.length > 0) {
    const load = `1-min load average ${report.environment.loadAverageStart?.toFixed(2) ?? 'n/a'} before, ${report.environment.loadAverageEnd?.toFixed(2) ?? 'n/a'} after`;
    console.log(`Headline (${load}${options.quick || options.smoke ? '; short runs: a check that it works, not a measurement' : ''}):`);
    for (const line of top) console.log(`  ${line}`);
  }
  log(
    `done in ${(report.wallSeconds / 60).toFixed(1)} min; summary in ${relative(repoRoot, complete ? join(resultsDir, 'latest.md') : join(rawDir, 'summary.md'))}`,
  );
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(error);
  await cleanup();
  process.exit(1);
}
