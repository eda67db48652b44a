import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../src/load-protocol.js';
import {
  checkTargets,
  headline,
  memoryRows,
  type ProbeRecord,
  processLabel,
  type RunRecord,
  registryTuple,
  runUsable,
  type SessionReport,
  scenarioTable,
  summarise,
  toMarkdown,
} from '../src/report.js';

function load(rps: number, p50: number, extra: Partial<LoadResult> = {}): LoadResult {
  const responses = rps * 10;
  return {
    sent: responses,
    responses,
    valid: responses,
    invalid: 0,
    non2xx: 0,
    connErrors: 0,
    timeouts: 0,
    durationS: 10,
    rps,
    latencyMs: { p50, p99: p50 * 3, mean: p50, max: p50 * 4 },
    checked: responses / 10,
    problems: [],
    submissionsUsed: 0,
    ...extra,
  };
}

let order = 0;
const run = (scenario: RunRecord['scenario'], target: RunRecord['target'], rps: number, p50: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  scenario,
  target,
  rep: 1,
  order: ++order,
  load: load(rps, p50),
  gatewayCpuMs: target === 'floor' ? null : rps * 10 * 2,
  peakRssBytes: target === 'floor' ? null : 200 * 1024 * 1024,
  registryCalls: { individuals: rps * 10, 'legal-entities': rps * 10, payments: rps * 10, licensing: rps * 10 },
  otherCpuMs: { subgraphs: rps * 10 * 3, registries: rps * 10, load: rps, database: rps * 10 * 0.5 },
  subgraphPeakRssBytes: 120 * 1024 * 1024,
  ...extra,
});

const probe = (scenario: ProbeRecord['scenario'], target: ProbeRecord['target'], calls: number[]): ProbeRecord => ({
  scenario,
  target,
  requests: 4,
  ok: true,
  callsPerRequest: { individuals: calls[0]!, 'legal-entities': calls[1]!, payments: calls[2]!, licensing: calls[3]! },
});

describe('summarise', () => {
  const runs = [
    run('S1', 'ours', 300, 40),
    run('S1', 'ours', 330, 38),
    run('S1', 'ours', 310, 39),
    run('S1', 'apollo', 200, 60),
    run('S1', 'apollo', 190, 62),
    run('S1', 'apollo', 210, 58),
    run('S1', 'hive', 290, 41),
    run('S1', 'hive', 320, 40),
    run('S1', 'hive', 300, 42),
  ];
  const cells = summarise('S1', ['ours', 'apollo', 'hive', 'floor'], runs, [probe('S1', 'ours', [1, 1, 1, 1])]);
  const ours = cells.find((c) => c.target === 'ours')!;

  it('takes medians over runs and ratios of medians against each baseline', () => {
    expect(ours.rps).toBe(310);
    expect(ours.p50).toBe(39);
    expect(ours.vs.apollo).toBeCloseTo(310 / 200);
    expect(ours.vs.hive).toBeCloseTo(310 / 300);
    expect(ours.vs.floor).toBeNull();
    expect(ours.cpuMsPerRequest).toBeCloseTo(2);
    expect(ours.peakRssMb).toBe(200);
    expect(ours.callsPerRequest).toBeCloseTo(4);
    expect(ours.cpuSplit).toMatchObject({ gateway: 2, subgraphs: 3, registries: 1 });
  });

  it('reports a target that never ran as failed instead of inventing numbers', () => {
    const floor = cells.find((c) => c.target === 'floor')!;
    expect(floor.failure).toBe('not run');
    expect(floor.rps).toBeNull();
  });

  it('does not count a run with wrong answers', () => {
    const bad = run('S2', 'ours', 900, 5, { load: load(900, 5, { invalid: 500 }) });
    expect(runUsable(bad)).toBe(false);
    expect(runUsable(run('S2', 'ours', 900, 5, { load: load(900, 5, { invalid: 5 }) }))).toBe(true);
    expect(runUsable(run('S2', 'ours', 900, 5, { error: 'gateway died' }))).toBe(false);
    const [cell] = summarise('S2', ['ours'], [bad], []);
    expect(cell!.failure).toMatch(/500 wrong of 9000/);
  });

  it('judges the targets from our numbers', () => {
    const report = [
      { id: 'S1' as const, title: 'S1', unit: 'x', cells },
      {
        id: 'S5' as const,
        title: 'S5',
        unit: 'x',
        cells: summarise('S5', ['ours'], [run('S5', 'ours', 20, 120, { load: load(20, 120, { roundTrip: { p50: 55, p99: 70, calls: 10 } }) })], []),
      },
    ];
    const checks = checkTargets(report);
    // Gateway CPU per request: 2 ms each (rps × 10 × 2 over rps × 10 requests), so exactly 1.0×.
    expect(checks.find((c) => c.id === 'S1-gateway-cpu')).toMatchObject({ met: true, measured: '2.00 ms vs 2.00 ms = 1.00×' });
    expect(checks.find((c) => c.id === 'S1-calls')).toMatchObject({ met: true, measured: '1/1/1/1' });
    // Mocks 1 ms against subgraphs 3 ms per request.
    expect(checks.find((c) => c.id === 'S1-mocks')).toMatchObject({ met: false, measured: '1.00 ms vs 3.00 ms = 0.33×' });
    expect(checks.find((c) => c.id === 'S5-latency')).toMatchObject({ met: false });
    expect(checks.find((c) => c.id === 'rss')).toMatchObject({ met: false, measured: '200 vs 200 MB in S1 = 1.00×' });
    expect(checks.find((c) => c.id === 'subgraph-rss')).toMatchObject({ met: true, measured: 'largest 120 MB' });
    expect(checks.find((c) => c.id === 'S1-subgraph-cpu')).toBeUndefined();
  });

  it('holds S2 (one holding asked again and again) against the runtime that merges no subgraph fetches, when it ran', () => {
    // Gateway CPU per request: ours 3 ms; "hive" 1 ms (it merged identical fetches of different clients); "hive-nodedup" 2 ms.
    const s2 = summarise(
      'S2',
      ['ours', 'hive', 'hive-nodedup'],
      [
        run('S2', 'ours', 100, 50, { gatewayCpuMs: 100 * 10 * 3 }),
        run('S2', 'hive', 100, 50, { gatewayCpuMs: 100 * 10 * 1 }),
        run('S2', 'hive-nodedup', 100, 50, { gatewayCpuMs: 100 * 10 * 2 }),
      ],
      [],
    );
    const [check] = checkTargets([{ id: 'S2', title: 'S2', unit: 'x', cells: s2 }]).filter((c) => c.id === 'S2-gateway-cpu');
    expect(check).toMatchObject({ measured: '3.00 ms vs 2.00 ms = 1.50×', met: false });
    expect(check!.goal).toMatch(/no subgraph fetches merged/);
    const withoutIt = summarise(
      'S2',
      ['ours', 'hive'],
      [run('S2', 'ours', 100, 50, { gatewayCpuMs: 3000 }), run('S2', 'hive', 100, 50, { gatewayCpuMs: 1000 })],
      [],
    );
    expect(checkTargets([{ id: 'S2', title: 'S2', unit: 'x', cells: withoutIt }]).find((c) => c.id === 'S2-gateway-cpu')).toMatchObject({
      measured: '3.00 ms vs 1.00 ms = 3.00×',
    });
  });

  it('compares CPU per subgraph call with the bare @apollo/subgraph baseline answering the same calls', () => {
    const s1 = summarise(
      'S1',
      ['floor', 'bare'],
      [
        run('S1', 'floor', 100, 40, { otherCpuMs: { subgraphs: 1000 * 10, registries: 1000, load: 10, database: 500 } }),
        run('S1', 'bare', 300, 10, { otherCpuMs: { subgraphs: 3000 * 4, registries: 0, load: 30, database: 0 } }),
      ],
      [],
    );
    const floor = s1.find((c) => c.target === 'floor')!;
    const bare = s1.find((c) => c.target === 'bare')!;
    // Four subgraph calls per prefill: 10 ms per request is 2.5 ms per call; the bare one 4 ms / 4 = 1 ms.
    expect(floor.subgraphCpuMsPerCall).toBeCloseTo(2.5);
    expect(bare.subgraphCpuMsPerCall).toBeCloseTo(1);
    // The product: no gateway here, subgraphs 10 + PostgreSQL 0.5.
    expect(floor.productCpuMsPerRequest).toBeCloseTo(10.5);
    const check = checkTargets([{ id: 'S1', title: 'S1', unit: 'x', cells: s1 }]).find((c) => c.id === 'S1-subgraph-cpu');
    expect(check).toMatchObject({ met: false, measured: '2.50 ms (floor) vs 1.00 ms = 2.50×' });
  });

  it('the headline gives S1 against vanilla Hive with the product CPU, and S5 against one registry round trip', () => {
    const lines = headline([
      { id: 'S1', title: 'S1', unit: 'x', cells },
      {
        id: 'S5',
        title: 'S5',
        unit: 'x',
        cells: summarise('S5', ['ours'], [run('S5', 'ours', 20, 66, { load: load(20, 66, { roundTrip: { p50: 55, p99: 70, calls: 10 } }) })], []),
      },
    ]);
    expect(lines[0]).toMatch(/^S1: ours 310 req\/s = 1\.03× vanilla Hive; product CPU 5\.5 ms\/req \(Hive 5\.5\); gateway CPU 2\.00 ms\/req = 1\.00× Hive's/);
    expect(lines[1]).toBe('S5: p50 66.0 ms against one registry round trip of 55.0 ms = 1.20× (target ≤ 1.3×)');
  });
});

/** A twenty-minute session of S1 alone around the given cells. */
function sessionReport(cells: ReturnType<typeof summarise>, extra: Partial<SessionReport> = {}): SessionReport {
  return {
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:20:00Z',
    wallSeconds: 1200,
    smoke: false,
    options: { duration: 10, warmup: 3, connections: 50, runs: 3, persons: 12000, s5Rate: 20, subgraphCache: false },
    environment: { loadAverageStart: 0.2, loadAverageEnd: 1.5, foreignCpuShareMedian: 0.01, foreignCpuShareMax: 0.05 },
    machine: { cpus: 2, model: 'AMD EPYC', memoryGb: 24, node: 'v20.20.2', os: 'Linux' },
    scenarios: [{ id: 'S1', title: 'S1 prefill', unit: 'one query', cells }],
    checks: [],
    notes: [],
    ...extra,
  };
}

describe('formatting', () => {
  it('writes registry calls as individuals/legal-entities/payments/licensing', () => {
    expect(registryTuple({ individuals: 1, 'legal-entities': 3, payments: 0, licensing: 1 })).toBe('1/3/0/1');
    expect(registryTuple({ individuals: 0.5, 'legal-entities': null, payments: 1, licensing: 2 }, 2)).toBe('0.50/–/1.00/2.00');
  });

  it('renders a table row per target with a failure spelled out', () => {
    const cells = summarise('S1', ['ours', 'apollo'], [run('S1', 'ours', 300, 40), run('S1', 'apollo', 200, 60, { error: 'apollo did not start' })], []);
    const table = scenarioTable(cells);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toContain('| ours (@egov/gateway) | 300 |');
    expect(table).toContain('**failed**: apollo did not start');
  });

  it('renders the whole report', () => {
    const cells = summarise('S1', ['ours'], [run('S1', 'ours', 300, 40)], []);
    const md = toMarkdown(
      sessionReport(cells, {
        checks: checkTargets([{ id: 'S1', title: 'S1 prefill', unit: 'one query', cells }]),
        notes: ['a note'],
        profile: { file: 'x.cpuprofile', markdown: '| Package | Self ms | Share |' },
      }),
    );
    expect(md).toContain('# Gateway benchmark');
    expect(md).toContain('session took 20.0 min');
    expect(md).toContain('## S1 prefill');
    expect(md).toContain('## Where the time goes');
    expect(md).toContain('- a note');
    expect(md).toContain('CPU ms per request across the box');
  });

  it('sets each process at rest beside its peak in every scenario that loaded it', () => {
    const MB = 1048576;
    const individuals = processLabel('subgraph', 'individuals');
    const ours = processLabel('gateway', 'ours');
    const runs = [
      run('S1', 'ours', 300, 40, { peakRssByProcess: { [ours]: 220 * MB, [individuals]: 160 * MB } }),
      run('S1', 'ours', 300, 40, { peakRssByProcess: { [ours]: 230 * MB, [individuals]: 158 * MB } }),
      run('S2', 'ours', 60, 700, { peakRssByProcess: { [ours]: 226 * MB, [individuals]: 171 * MB } }),
      // A run that failed tells nothing about the peak under load.
      run('S2', 'ours', 60, 700, { error: 'gateway crashed', peakRssByProcess: { [individuals]: 400 * MB } }),
    ];
    const rows = memoryRows({ [ours]: 150 * MB, [individuals]: 148 * MB }, runs, ['S1', 'S2', 'S5']);
    expect(rows).toEqual([
      { process: 'ours gateway', restingMb: 150, peakMb: { S1: 230, S2: 226, S5: null } },
      { process: 'individuals subgraph', restingMb: 148, peakMb: { S1: 160, S2: 171, S5: null } },
    ]);

    const cells = summarise('S1', ['ours'], runs.slice(0, 2), []);
    const md = toMarkdown(sessionReport(cells, { memory: memoryRows({ [individuals]: 148 * MB }, runs, ['S1']) }));
    expect(md).toContain('## Memory: each process at rest and at its peak (RSS, MB)');
    expect(md).toContain('| Process | at rest | S1 peak |');
    expect(md).toContain('| individuals subgraph | 148 | 160 |');
  });
});
