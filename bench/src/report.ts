/**
 * From measured runs to the tables: medians per scenario and target, ratios against each baseline of the
 * same session, the targets the issue sets, and the Markdown/JSON written under bench/results/. Pure.
 */
// The registries' order in the tables.
import { REGISTRY_NAMES as ALL_UPSTREAMS } from '@egov/schema';
import type { LoadResult } from './load-protocol.js';
import { SCENARIOS, type ScenarioId } from './scenarios/ids.js';
import { max, median, ratio } from './stats.js';
import { TARGETS, type TargetId } from './targets/ids.js';

/**
 * The state registries the targets are judged on. The consents service is not among them: the benchmark's partners
 * state purposes the law exempts, so it is never asked.
 */
const REGISTRY_NAMES = ALL_UPSTREAMS.filter((name) => name !== 'consents');

/** One measured run (or a failure to run). */
export interface RunRecord {
  scenario: ScenarioId;
  target: TargetId;
  /** 1-based repetition. */
  rep: number;
  /** Position in the session, to show the alternation. */
  order: number;
  error?: string;
  load?: LoadResult;
  gatewayCpuMs?: number | null;
  peakRssBytes?: number | null;
  /** Registry calls answered during the run, per registry (round-trip probe calls removed). */
  registryCalls?: Record<string, number>;
  /** CPU ms of the other processes during the run, for context (subgraphs, mocks, load, database, redis). */
  otherCpuMs?: Record<string, number | null>;
  /** The largest peak RSS of any one subgraph process during the run. */
  subgraphPeakRssBytes?: number | null;
  /** Share of the machine's CPU used by processes outside the bench during the run (others' work). */
  foreignCpuShare?: number | null;
  /** Peak RSS during the run of each process it loaded, by `processLabel` (absent in older sessions). */
  peakRssByProcess?: Record<string, number | null>;
}

/** Sequential requests before the load: correctness gate and exact registry calls per request. */
export interface ProbeRecord {
  scenario: ScenarioId;
  target: TargetId;
  requests: number;
  ok: boolean;
  error?: string;
  callsPerRequest: Record<string, number>;
  /** Calls of the probe's first operation alone (per request): the cold cost when nothing is cached yet. */
  firstCallsPerRequest?: Record<string, number>;
}

export interface Cell {
  scenario: ScenarioId;
  target: TargetId;
  runs: number;
  failedRuns: number;
  failure: string | null;
  rps: number | null;
  p50: number | null;
  p99: number | null;
  cpuMsPerRequest: number | null;
  peakRssMb: number | null;
  callsPerRequest: number | null;
  callsPerRequestByRegistry: Record<string, number | null>;
  invalidResponses: number;
  /** S5: one registry round trip (p50) measured during this target's runs. */
  roundTripP50: number | null;
  /** CPU ms per request of every process of the box: gateway, subgraphs, mock registries, PostgreSQL, Redis (when used), load generator. */
  cpuSplit: {
    gateway: number | null;
    subgraphs: number | null;
    registries: number | null;
    database: number | null;
    redis: number | null;
    load: number | null;
  };
  /** The headline: what the product costs per request, gateway + subgraphs + PostgreSQL + Redis (not the mocks, not the load). */
  productCpuMsPerRequest: number | null;
  /** The subgraphs' CPU per subgraph call, where the scenario says how many calls one request makes. */
  subgraphCpuMsPerCall: number | null;
  /** The largest peak RSS of one subgraph process. */
  subgraphPeakRssMb: number | null;
  foreignCpuShare: number | null;
  vs: { apollo: number | null; hive: number | null; floor: number | null };
  probe: ProbeRecord | null;
}

export interface TargetCheck {
  id: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

export interface Machine {
  cpus: number;
  model: string;
  memoryGb: number;
  node: string;
  os: string;
}

export interface SessionReport {
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  smoke: boolean;
  options: {
    duration: number;
    warmup: number;
    connections: number;
    runs: number;
    persons: number;
    s5Rate: number;
    subgraphCache: boolean;
    /** Absent in reports written before it was an option (telemetry was off then). */
    telemetry?: boolean;
    /** Rate limits, caches and idempotency keys in Redis as deployed (absent in older sessions: in each process then). */
    redis?: boolean;
    /** How the gateways and subgraphs ran: compiled or from source, and their Node flags (absent in older sessions). */
    processes?: string;
  };
  /** Was the machine quiet: 1-minute load average before and after, and the median foreign CPU share per run. */
  environment: { loadAverageStart: number | null; loadAverageEnd: number | null; foreignCpuShareMedian: number | null; foreignCpuShareMax: number | null };
  machine: Machine;
  scenarios: { id: ScenarioId; title: string; unit: string; cells: Cell[] }[];
  checks: TargetCheck[];
  notes: string[];
  profile?: { file: string; markdown: string; scenario?: ScenarioId; target?: TargetId } | null;
  /** Each process at rest and at its peak per scenario (absent in older sessions). */
  memory?: MemoryRow[];
}

/** One process's resident memory: started and idle, then the largest seen in each scenario's runs. */
export interface MemoryRow {
  process: string;
  restingMb: number | null;
  peakMb: Partial<Record<ScenarioId, number | null>>;
}

/** How a process is named in the memory table and in `peakRssByProcess`. */
export function processLabel(kind: 'gateway' | 'subgraph' | 'bare', name = ''): string {
  if (kind === 'gateway') return `${name} gateway`;
  if (kind === 'subgraph') return `${name} subgraph`;
  return 'bare @apollo/subgraph (one process, four subgraphs)';
}

/** The memory table's rows: every process measured at rest, with its peak in each scenario where a run loaded it. */
export function memoryRows(restingBytes: Record<string, number | null>, runs: readonly RunRecord[], scenarios: readonly ScenarioId[]): MemoryRow[] {
  const mb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : bytes / 1048576);
  return Object.entries(restingBytes).map(([process, resting]) => ({
    process,
    restingMb: mb(resting),
    peakMb: Object.fromEntries(
      scenarios.map((scenario) => [scenario, mb(max(runs.filter((r) => r.scenario === scenario && runUsable(r)).map((r) => r.peakRssByProcess?.[process])))]),
    ),
  }));
}

function memoryTable(rows: readonly MemoryRow[], scenarios: readonly ScenarioId[]): string {
  const cell = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(0));
  return [
    `| Process | at rest | ${scenarios.map((s) => `${s} peak`).join(' | ')} |`,
    `|---|--:|${scenarios.map(() => '--:').join('|')}|`,
    ...rows.map((row) => `| ${row.process} | ${cell(row.restingMb)} | ${scenarios.map((s) => cell(row.peakMb[s])).join(' | ')} |`),
  ].join('\n');
}

/** A run counts when it produced results and at most 1 % of its responses were wrong. */
export function runUsable(run: RunRecord): boolean {
  const load = run.load;
  if (run.error || !load || load.valid === 0) return false;
  return load.invalid + load.connErrors <= 0.01 * Math.max(load.responses, 1);
}

function runFailure(run: RunRecord): string {
  if (run.error) return run.error;
  const load = run.load;
  if (!load) return 'no result';
  if (load.valid === 0) return `no valid response${load.problems[0] ? `: ${load.problems[0]}` : ''}`;
  return `${load.invalid} wrong of ${load.responses}${load.problems[0] ? `: ${load.problems[0]}` : ''}`;
}

/** Medians over a scenario's usable runs per target, and ratios of throughput against each baseline. */
export function summarise(scenario: ScenarioId, targets: readonly TargetId[], runs: readonly RunRecord[], probes: readonly ProbeRecord[]): Cell[] {
  const cells = targets.map((target): Cell => {
    const mine = runs.filter((r) => r.scenario === scenario && r.target === target);
    const usable = mine.filter(runUsable);
    const failed = mine.filter((r) => !runUsable(r));
    const probe = probes.find((p) => p.scenario === scenario && p.target === target) ?? null;
    // Per request sent (at least every response; the load process counts it so): requests in flight at the end
    // were still served (the run waits for them to settle).
    const perRequest = (r: RunRecord, value: number | null | undefined) => {
      const sent = r.load?.sent ?? 0;
      return typeof value === 'number' && sent > 0 ? value / sent : null;
    };
    const gatewayCpu = TARGETS[target].gateway ? median(usable.map((r) => perRequest(r, r.gatewayCpuMs))) : null;
    const split = {
      gateway: gatewayCpu,
      subgraphs: median(usable.map((r) => perRequest(r, r.otherCpuMs?.subgraphs))),
      registries: median(usable.map((r) => perRequest(r, r.otherCpuMs?.registries))),
      database: median(usable.map((r) => perRequest(r, r.otherCpuMs?.database))),
      redis: median(usable.map((r) => perRequest(r, r.otherCpuMs?.redis))),
      load: median(usable.map((r) => perRequest(r, r.otherCpuMs?.load))),
    };
    const product = median(
      usable.map((r) => {
        const subgraphs = perRequest(r, r.otherCpuMs?.subgraphs);
        if (subgraphs === null) return null;
        return subgraphs + (perRequest(r, r.gatewayCpuMs) ?? 0) + (perRequest(r, r.otherCpuMs?.database) ?? 0) + (perRequest(r, r.otherCpuMs?.redis) ?? 0);
      }),
    );
    const callsPerRequest = SCENARIOS[scenario].subgraphCalls;
    const callsByRegistry = Object.fromEntries(
      REGISTRY_NAMES.map((name) => [name, median(usable.map((r) => (r.registryCalls ? perRequest(r, r.registryCalls[name] ?? 0) : null)))]),
    ) as Record<string, number | null>;
    return {
      scenario,
      target,
      runs: usable.length,
      failedRuns: failed.length,
      failure: usable.length === 0 ? (probe && !probe.ok ? `probe: ${probe.error}` : failed[0] ? runFailure(failed[0]) : 'not run') : null,
      rps: median(usable.map((r) => r.load!.rps)),
      p50: median(usable.map((r) => r.load!.latencyMs.p50)),
      p99: median(usable.map((r) => r.load!.latencyMs.p99)),
      cpuMsPerRequest: gatewayCpu,
      peakRssMb: TARGETS[target].gateway ? max(usable.map((r) => (r.peakRssBytes ? r.peakRssBytes / 1024 / 1024 : null))) : null,
      callsPerRequest: median(
        usable.map((r) =>
          r.registryCalls
            ? perRequest(
                r,
                Object.values(r.registryCalls).reduce((a, b) => a + b, 0),
              )
            : null,
        ),
      ),
      callsPerRequestByRegistry: callsByRegistry,
      invalidResponses: usable.reduce((n, r) => n + (r.load?.invalid ?? 0), 0),
      roundTripP50: median(usable.map((r) => r.load?.roundTrip?.p50)),
      cpuSplit: split,
      productCpuMsPerRequest: product,
      subgraphCpuMsPerCall: callsPerRequest && split.subgraphs !== null ? split.subgraphs / callsPerRequest : null,
      subgraphPeakRssMb: max(usable.map((r) => (r.subgraphPeakRssBytes ? r.subgraphPeakRssBytes / 1024 / 1024 : null))),
      foreignCpuShare: median(usable.map((r) => r.foreignCpuShare)),
      vs: { apollo: null, hive: null, floor: null },
      probe,
    };
  });
  // At a fixed arrival rate every target does the same req/s: there is no throughput to compare.
  if (SCENARIOS[scenario].registryLatencyMs > 0) return cells;
  const rpsOf = (target: TargetId) => cells.find((c) => c.target === target)?.rps ?? null;
  for (const cell of cells)
    cell.vs = { apollo: ratio(cell.rps, rpsOf('apollo')), hive: ratio(cell.rps, rpsOf('hive')), floor: ratio(cell.rps, rpsOf('floor')) };
  return cells;
}

/**
 * Per registry, the highest calls per request seen by any target's probe of a scenario, first operation
 * alone (only the first probe of S2 finds the subgraphs' caches cold; in S1 every request is a new person).
 */
export function coldProbe(scenarios: SessionReport['scenarios'], id: ScenarioId): Record<string, number> | null {
  const probes = scenarios.find((s) => s.id === id)?.cells.flatMap((c) => (c.probe?.ok ? [c.probe.firstCallsPerRequest ?? c.probe.callsPerRequest] : [])) ?? [];
  if (probes.length === 0) return null;
  return Object.fromEntries(REGISTRY_NAMES.map((name) => [name, Math.max(...probes.map((p) => p[name] ?? 0))]));
}

/** At most this many calls per registry for one S2 request: one per level of the answer that registry serves. */
export const S2_LEVELS: Record<string, number> = { 'legal-entities': 3, individuals: 1, licensing: 1, payments: 0 };

const x = (v: number | null, digits = 2) => (v === null ? 'n/a' : `${v.toFixed(digits)}×`);

/** The issue's targets (issue 14), judged on our numbers from this session against the baselines of the same session. */
export function checkTargets(scenarios: SessionReport['scenarios']): TargetCheck[] {
  const cell = (s: ScenarioId, t: TargetId) => scenarios.find((sc) => sc.id === s)?.cells.find((c) => c.target === t && !c.failure);
  const checks: TargetCheck[] = [];
  const atMost = (value: number | null, limit: number) => (value === null ? null : value <= limit);
  const ms = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(2)} ms`);
  for (const s of ['S1', 'S2'] as const) {
    const ours = cell(s, 'ours');
    // Where requests repeat (S2), "hive" still merges identical in-flight subgraph fetches of different clients,
    // which ours never does for signed-in callers (each carries its request id: every read is its own audited
    // read); "dedup off" is then the runtime with nothing merged, when it ran.
    const nothingMerged = cell(s, 'hive-nodedup');
    const hive = nothingMerged ?? cell(s, 'hive');
    if (!ours) continue;
    const r = ratio(ours.cpuMsPerRequest, hive?.cpuMsPerRequest ?? null);
    checks.push({
      id: `${s}-gateway-cpu`,
      goal: `${s} gateway CPU per request ≤ 1.0× vanilla Hive runtime (dedup off${nothingMerged ? ': no subgraph fetches merged either' : ''})`,
      measured: `${ms(ours.cpuMsPerRequest)} vs ${ms(hive?.cpuMsPerRequest ?? null)} = ${x(r)}`,
      met: atMost(r, 1.0),
    });
  }
  // The same calls answered by our subgraphs and by bare @apollo/subgraph: the floor sends both exactly the same
  // requests; without a floor run, our gateway's calls stand in.
  for (const s of ['S1', 'S6'] as const) {
    const bare = cell(s, 'bare');
    const ours = cell(s, 'floor') ?? cell(s, 'ours');
    if (!bare || !ours) continue;
    const r = ratio(ours.subgraphCpuMsPerCall, bare.subgraphCpuMsPerCall);
    checks.push({
      id: `${s}-subgraph-cpu`,
      goal: `${s} subgraph CPU per subgraph call ≤ 2× bare @apollo/subgraph`,
      measured: `${ms(ours.subgraphCpuMsPerCall)} (${ours.target}) vs ${ms(bare.subgraphCpuMsPerCall)} = ${x(r)}`,
      met: atMost(r, 2),
    });
  }
  const s1 = cell('S1', 'ours');
  if (s1) {
    const r = ratio(s1.cpuSplit.registries, s1.cpuSplit.subgraphs);
    checks.push({
      id: 'S1-mocks',
      goal: "S1 mock registries' CPU ≤ 0.25× the subgraphs' CPU per request",
      measured: `${ms(s1.cpuSplit.registries)} vs ${ms(s1.cpuSplit.subgraphs)} = ${x(r)}`,
      met: atMost(r, 0.25),
    });
  }
  const s5 = cell('S5', 'ours');
  if (s5) {
    const r = ratio(s5.p50, s5.roundTripP50);
    checks.push({
      id: 'S5-latency',
      goal: 'S5 p50 ≤ 1.3× one registry round trip',
      measured: r === null ? 'n/a' : `${s5.p50!.toFixed(1)} ms vs ${s5.roundTripP50!.toFixed(1)} ms = ${r.toFixed(2)}×`,
      met: atMost(r, 1.3),
    });
  }
  // Registry calls are the subgraphs' doing, whichever gateway asks; the highest probe is the cold cost
  // (in S2 only the first target's probe finds the subgraphs' caches empty).
  const s1Probe = coldProbe(scenarios, 'S1');
  if (s1Probe) {
    const probe = s1Probe;
    const all = REGISTRY_NAMES.every((name) => probe[name] === 1);
    checks.push({ id: 'S1-calls', goal: 'S1 exactly one call per registry per request', measured: registryTuple(probe, 0), met: all });
  }
  const s2 = coldProbe(scenarios, 'S2');
  if (s2) {
    const probe = s2;
    const ok = REGISTRY_NAMES.every((name) => (probe[name] ?? 0) <= S2_LEVELS[name]!);
    checks.push({
      id: 'S2-calls',
      goal: `S2 at most one call per registry per request level (≤ ${REGISTRY_NAMES.map((n) => S2_LEVELS[n]).join('/')})`,
      measured: registryTuple(probe, 0),
      met: ok,
    });
  }
  // Memory: our gateway's peak against vanilla Hive's in the same scenario (the worst scenario counts).
  const rssRatios = scenarios.flatMap((s) => {
    const ours = s.cells.find((c) => c.target === 'ours' && !c.failure);
    const hive = s.cells.find((c) => c.target === 'hive' && !c.failure);
    const r = ratio(ours?.peakRssMb ?? null, hive?.peakRssMb ?? null);
    return r === null ? [] : [{ scenario: s.id, r, ours: ours!.peakRssMb!, hive: hive!.peakRssMb! }];
  });
  const worst = rssRatios.sort((a, b) => b.r - a.r)[0];
  checks.push({
    id: 'rss',
    goal: 'our gateway peak RSS ≤ 0.8× vanilla Hive runtime in the same scenario',
    measured: worst ? `${worst.ours.toFixed(0)} vs ${worst.hive.toFixed(0)} MB in ${worst.scenario} = ${x(worst.r)}` : 'n/a',
    met: worst ? worst.r <= 0.8 : null,
  });
  const subgraphRss = max(scenarios.flatMap((s) => s.cells.filter((c) => c.target !== 'bare').map((c) => c.subgraphPeakRssMb)));
  checks.push({
    id: 'subgraph-rss',
    goal: 'each subgraph ≤ 150 MB under load',
    measured: subgraphRss === null ? 'n/a' : `largest ${subgraphRss.toFixed(0)} MB`,
    met: atMost(subgraphRss, 150),
  });
  return checks;
}

/**
 * The few numbers `npm run bench -- --quick` ends with: S1's and S6's throughput and CPU against vanilla Hive
 * with the product CPU per request, and S5's p50 against one registry round trip.
 */
export function headline(scenarios: SessionReport['scenarios']): string[] {
  const lines: string[] = [];
  const cell = (s: ScenarioId, t: TargetId) => scenarios.find((sc) => sc.id === s)?.cells.find((c) => c.target === t && !c.failure);
  for (const s of ['S1', 'S6'] as const) {
    const ours = cell(s, 'ours');
    if (!ours) continue;
    const hive = cell(s, 'hive');
    lines.push(
      `${s}: ours ${int(ours.rps)} req/s${hive ? ` = ${x(ratio(ours.rps, hive.rps))} vanilla Hive` : ''}; product CPU ${num(ours.productCpuMsPerRequest, 1)} ms/req` +
        `${hive ? ` (Hive ${num(hive.productCpuMsPerRequest, 1)})` : ''}; gateway CPU ${num(ours.cpuMsPerRequest, 2)} ms/req` +
        `${hive ? ` = ${x(ratio(ours.cpuMsPerRequest, hive.cpuMsPerRequest))} Hive's` : ''}; subgraphs ${num(ours.cpuSplit.subgraphs, 1)} ms/req`,
    );
  }
  const s5 = cell('S5', 'ours');
  if (s5) {
    const r = ratio(s5.p50, s5.roundTripP50);
    lines.push(`S5: p50 ${num(s5.p50, 1)} ms against one registry round trip of ${num(s5.roundTripP50, 1)} ms = ${x(r)} (target ≤ 1.3×)`);
  }
  return lines;
}

/** "1/1/1/1": calls to individuals / legal-entities / payments / licensing. */
export function registryTuple(calls: Record<string, number | null>, digits = 0): string {
  return REGISTRY_NAMES.map((name) => {
    const v = calls[name];
    if (v === null || v === undefined) return '–';
    return digits === 0 && Number.isInteger(v) ? String(v) : v.toFixed(Math.max(digits, 2));
  }).join('/');
}

const num = (v: number | null, digits = 1) => (v === null ? 'n/a' : v.toFixed(digits));
const pctOrNa = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(0)} %`);
const int = (v: number | null) => (v === null ? 'n/a' : Math.round(v).toLocaleString('en-US'));

export function scenarioTable(cells: readonly Cell[]): string {
  const head =
    '| Target | req/s | product CPU ms/req | × apollo | × hive | × floor | p50 ms | p99 ms | gateway CPU ms/req | peak RSS MB | registry calls/req | runs |';
  const sep = '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|';
  const rows = cells.map((c) => {
    const label = TARGETS[c.target].label;
    if (c.failure) return `| ${label} | **failed**: ${escapeCell(c.failure).slice(0, 160)} | | | | | | | | | | 0 |`;
    const runs = c.failedRuns > 0 ? `${c.runs} (+${c.failedRuns} failed)` : String(c.runs);
    const warn = c.invalidResponses > 0 ? ` ⚠ ${c.invalidResponses} wrong` : '';
    return `| ${label} | ${int(c.rps)}${warn} | ${num(c.productCpuMsPerRequest, 1)} | ${x(c.vs.apollo)} | ${x(c.vs.hive)} | ${x(c.vs.floor)} | ${num(c.p50)} | ${num(c.p99)} | ${num(c.cpuMsPerRequest, 2)} | ${num(c.peakRssMb, 0)} | ${num(c.callsPerRequest, 2)} | ${runs} |`;
  });
  return [head, sep, ...rows].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

export function toMarkdown(report: SessionReport): string {
  const o = report.options;
  const lines: string[] = [];
  lines.push(`# Gateway benchmark${report.smoke ? ' (smoke run)' : ''}`);
  lines.push('');
  lines.push(
    `${report.startedAt} · ${report.machine.cpus} × ${report.machine.model}, ${report.machine.memoryGb} GB, Node ${report.machine.node} · ` +
      `${o.connections} connections, ${o.duration} s × ${o.runs} run(s) per target (round-robin), ${o.warmup} s warm-up · ${o.persons} generated persons · ` +
      `session took ${(report.wallSeconds / 60).toFixed(1)} min`,
  );
  const env = report.environment;
  lines.push('');
  lines.push(
    `Machine load: 1-min load average ${num(env.loadAverageStart, 2)} before, ${num(env.loadAverageEnd, 2)} after; CPU used by processes outside the bench during runs: median ${pctOrNa(env.foreignCpuShareMedian)}, max ${pctOrNa(env.foreignCpuShareMax)} of the machine.` +
      (report.options.subgraphCache
        ? ` Subgraph registry caches: on, as configured by default, ${report.options.redis ? "in Redis as deployed (with our gateway's rate limits and the idempotency keys; the session's own key prefix, removed afterwards)" : 'in each process (no Redis, as npm start runs)'} (S1/S5 do not repeat a person within a run; S2 repeats one holding, whose registry reads are cached after the first request).`
        : ' Subgraph registry caches: off (*_CACHE_TTL_SECONDS=0), so every request costs the full upstream work.') +
      (report.options.telemetry
        ? ' Telemetry: on in our gateway and subgraphs as deployed (OTLP/HTTP to a sink process, parent-based 10 % sampling).'
        : ' Telemetry: off in our gateway and subgraphs.') +
      (report.options.processes ? ` Gateways and subgraphs: ${report.options.processes}.` : ''),
  );
  lines.push('');
  lines.push(
    'Medians over runs; ratios are req/s against each baseline measured in the same session. Gateway CPU ms/req and peak RSS are the gateway process alone. Registry calls/req are counted by the mock registries (under load; the sequential probe below gives the exact per-registry cost).',
  );
  lines.push('');
  const top = headline(report.scenarios);
  if (top.length > 0) {
    lines.push('## Headline');
    lines.push('');
    for (const line of top) lines.push(`- ${line}`);
    lines.push('');
  }
  lines.push('## Targets (issue 14)');
  lines.push('');
  lines.push('| Goal | Measured | Met |');
  lines.push('|---|---|---|');
  for (const c of report.checks) lines.push(`| ${c.goal} | ${c.measured} | ${c.met === null ? 'not measured' : c.met ? 'yes' : '**no**'} |`);
  for (const s of report.scenarios) {
    lines.push('');
    lines.push(`## ${s.title}`);
    lines.push('');
    lines.push(
      `One request = ${s.unit}.${SCENARIOS[s.id].registryLatencyMs > 0 ? ` Load: ${report.options.s5Rate} requests/s, evenly spaced (a latency measurement, not a throughput one).` : ''}`,
    );
    lines.push('');
    lines.push(scenarioTable(s.cells));
    const probes = s.cells.filter((c) => c.probe);
    if (probes.length > 0) {
      lines.push('');
      lines.push(
        'Registry calls per request, individuals/legal-entities/payments/licensing — sequential probe (first request; all four): ' +
          probes
            .map(
              (c) =>
                `${c.target} ${c.probe!.ok ? `${registryTuple(c.probe!.firstCallsPerRequest ?? c.probe!.callsPerRequest)}; ${registryTuple(c.probe!.callsPerRequest)}` : 'failed'}`,
            )
            .join(', ') +
          '; under load: ' +
          s.cells
            .filter((c) => !c.failure)
            .map((c) => `${c.target} ${registryTuple(c.callsPerRequestByRegistry, 2)}`)
            .join(', ') +
          '.',
      );
    }
    const split = s.cells.filter((c) => !c.failure);
    if (split.length > 0) {
      lines.push('');
      lines.push(
        'CPU ms per request across the box (gateway + subgraphs + mock registries + PostgreSQL + Redis + load generator): ' +
          split
            .map((c) => {
              const parts = [c.cpuSplit.gateway, c.cpuSplit.subgraphs, c.cpuSplit.registries, c.cpuSplit.database, c.cpuSplit.redis, c.cpuSplit.load];
              const total = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
              return `${c.target} ${parts.map((p) => (p === null ? '–' : p.toFixed(1))).join(' + ')} = ${total.toFixed(1)}`;
            })
            .join('; ') +
          '.',
      );
    }
    if (SCENARIOS[s.id].registryLatencyMs > 0) {
      const rt = s.cells
        .map((c) =>
          c.roundTripP50 === null || c.p50 === null
            ? null
            : `${c.target} ${c.p50.toFixed(1)} / ${c.roundTripP50.toFixed(1)} ms = ${(c.p50 / c.roundTripP50).toFixed(2)}×`,
        )
        .filter(Boolean);
      lines.push('');
      lines.push(`p50 against one registry round trip measured during the same runs (sequential calls to the individuals registry): ${rt.join(', ')}.`);
    }
  }
  if (report.memory && report.memory.length > 0) {
    const ids = report.scenarios.map((s) => s.id);
    lines.push('');
    lines.push('## Memory: each process at rest and at its peak (RSS, MB)');
    lines.push('');
    lines.push(
      "At rest: started and ready, before any load. Peak: the largest seen during the scenario's measured runs that loaded the process (a subgraph is loaded by every target but the bare one). What the resting size is made of, library by library: `npm run micro:memory-layers -w @egov/bench`.",
    );
    lines.push('');
    lines.push(memoryTable(report.memory, ids));
  }
  if (report.notes.length > 0) {
    lines.push('');
    lines.push('## Notes');
    lines.push('');
    for (const note of report.notes) lines.push(`- ${note}`);
  }
  if (report.profile) {
    lines.push('');
    lines.push(
      `## Where the time goes (${report.profile.target && report.profile.target !== 'ours' ? `the ${report.profile.target} gateway` : 'our gateway'}, ${report.profile.scenario ?? 'S1'}, \`${report.profile.file}\`)`,
    );
    lines.push('');
    lines.push(report.profile.markdown);
  }
  lines.push('');
  return lines.join('\n');
}
