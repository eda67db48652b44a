/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by function and by package, optionally
 * only for a window of the profile (the load, not the start-up).
 *
 *   npm run profile -w @egov/bench -- <file.cpuprofile> [--from-ms N] [--to-ms N] [--top N]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number; scriptId?: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  package: string;
  selfMs: number;
  /** Share of the busy (non-idle) time in the window. */
  share: number;
}

export interface ProfileSummary {
  windowMs: number;
  busyMs: number;
  idleMs: number;
  byFunction: SelfTime[];
  byPackage: SelfTime[];
}

// Sources under tsx (--source), compiled modules (dist/) otherwise: the bench runs our processes compiled.
const REPO_DIRS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\/(?:subgraphs|packages)\/([^/]+)\/(?:src|dist)\//, (m) => `@egov/${m[1]}`],
  [/\/(gateway|mocks|schema|bench|test)\/(?:src|dist)\//, (m) => `@egov/${m[1]}`],
];

/** A compiled module of ours named as its source (`packages/x/dist/a.js` → `packages/x/src/a.js`), for matching by path. */
const asSource = (url: string) => url.replace(/\/((?:packages|subgraphs)\/[^/]+|gateway|mocks|schema|bench|test)\/dist\//, '/$1/src/');

/** Which package a frame belongs to: an npm package, one of ours, Node's core, or V8 itself. */
export function packageOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return 'V8 garbage collector';
    if (functionName === '(program)') return 'V8/native (program)';
    if (functionName === '(root)') return 'V8/native (program)';
    return 'V8 builtins / native';
  }
  if (url.startsWith('node:')) {
    // node:_http_client -> http, node:internal/streams/readable -> streams, node:events -> events
    const module = url
      .slice('node:'.length)
      .replace(/^internal\//, '')
      .split('/')[0]!
      .replace(/^_+/, '')
      .split('_')[0]!;
    return `node core (${module})`;
  }
  if (url.startsWith('wasm://')) return 'wasm';
  const path = url.startsWith('file://') ? url.slice('file://'.length) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  for (const [pattern, name] of REPO_DIRS) {
    const m = pattern.exec(path);
    if (m) return name(m);
  }
  return path;
}

/** A short location for a frame: the path inside node_modules or inside the repository. */
export function shortLocation(url: string, line: number): string {
  if (!url) return '';
  let path = url.startsWith('file://') ? url.slice('file://'.length) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) path = path.slice(nm + '/node_modules/'.length);
  else {
    const repo = /\/((?:subgraphs\/[^/]+|packages\/[^/]+|gateway|mocks|schema|bench|test)\/(?:src|dist)\/.*)$/.exec(path);
    if (repo) path = repo[1]!;
  }
  return `${path}:${line + 1}`;
}

/** Each sample inside the window, with the node it hit and the time it stands for (until the next sample). */
function* samplesIn(profile: CpuProfile, window: { fromMs?: number; toMs?: number }): Generator<{ node: CpuProfileNode; us: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fromUs = (window.fromMs ?? 0) * 1000;
  const toUs = window.toMs === undefined ? Number.POSITIVE_INFINITY : window.toMs * 1000;
  let t = profile.startTime;
  const n = profile.samples.length;
  for (let i = 0; i < n; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const offset = t - profile.startTime;
    if (offset < fromUs || offset >= toUs) continue;
    const us = i + 1 < n ? (profile.timeDeltas[i + 1] ?? 0) : Math.max(profile.endTime - t, 0);
    const node = byId.get(profile.samples[i]!);
    if (node) yield { node, us };
  }
}

export function aggregateProfile(profile: CpuProfile, window: { fromMs?: number; toMs?: number } = {}): ProfileSummary {
  const fn = new Map<string, { package: string; us: number }>();
  const pkg = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  for (const { node, us } of samplesIn(profile, window)) {
    const { functionName, url, lineNumber } = node.callFrame;
    const p = packageOf(url, functionName);
    if (p === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const name = `${functionName || '(anonymous)'}${url ? ` ${shortLocation(url, lineNumber)}` : ''}`;
    const entry = fn.get(name) ?? { package: p, us: 0 };
    entry.us += us;
    fn.set(name, entry);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const share = (us: number) => (busyUs > 0 ? us / busyUs : 0);
  return {
    windowMs: (busyUs + idleUs) / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    byFunction: [...fn].map(([name, v]) => ({ name, package: v.package, selfMs: v.us / 1000, share: share(v.us) })).sort((a, b) => b.selfMs - a.selfMs),
    byPackage: [...pkg].map(([name, us]) => ({ name, package: name, selfMs: us / 1000, share: share(us) })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

/** A part of the request path, recognised by the frames of its code (innermost match wins). */
export interface Component {
  name: string;
  matches(url: string, functionName: string): boolean;
}

const urlHas =
  (...parts: string[]) =>
  (url: string) =>
    parts.some((part) => asSource(url).includes(part));

/** What a subgraph call is made of (issue 14: where the per-call CPU goes). Order matters: the first match of the innermost frame names it. */
export const SUBGRAPH_COMPONENTS: Component[] = [
  { name: 'token verification (TokenVerifier, jose)', matches: urlHas('/packages/security/src/tokens/', '/node_modules/jose/') },
  { name: 'audit trail (AuditLog)', matches: urlHas('/packages/security/src/audit/') },
  { name: 'authorization (policy, field guard)', matches: urlHas('/packages/security/src/authz/') },
  { name: 'registry cache', matches: urlHas('/packages/registry-client/src/cache/', '/node_modules/lru-cache/') },
  {
    name: 'HTTP client to the registries (node:http agent)',
    matches: urlHas('/packages/registry-client/src/client/http-transport.ts', 'node:_http_client', 'node:_http_agent', 'node:https'),
  },
  { name: 'registry client (our code, zod parsing)', matches: urlHas('/packages/registry-client/src/', '/packages/contracts/src/', '/node_modules/zod/') },
  { name: "fetch (Node's undici: tests' injected fetch, JWKS)", matches: urlHas('node:internal/deps/undici') },
  { name: 'PostgreSQL client (pg)', matches: urlHas('/node_modules/pg/', '/node_modules/pg-protocol/', '/node_modules/pg-pool/') },
  { name: 'telemetry (OpenTelemetry, metrics)', matches: urlHas('/packages/telemetry/src/', '/node_modules/@opentelemetry/', '/node_modules/prom-client/') },
  { name: 'subgraph kit (our server wrapper, inputs)', matches: urlHas('/packages/subgraph-kit/src/') },
  { name: 'resolvers (our subgraph code)', matches: urlHas('/subgraphs/') },
  { name: 'Apollo Server request pipeline', matches: urlHas('/node_modules/@apollo/server/', '/node_modules/@apollo/subgraph/') },
  { name: 'graphql-js (parse, validate, execute)', matches: urlHas('/node_modules/graphql/') },
  { name: 'HTTP server (node core)', matches: (url) => /^node:(_http|internal\/http|http|net|internal\/streams|stream|internal\/net)/.test(url) },
  { name: 'garbage collector', matches: (url, functionName) => !url && functionName === '(garbage collector)' },
];

export interface ComponentTime {
  name: string;
  ms: number;
  share: number;
}

/**
 * Busy time by component: each sample goes to the component of its innermost frame that matches one (a jose
 * frame inside TokenVerifier is token verification; graphql-js running our resolver running the registry client
 * is the registry client); samples matching none are "other". Callbacks the event loop runs (a fetch's response)
 * carry no caller frames, so what they cost goes to the component of their own code.
 */
export function aggregateComponents(profile: CpuProfile, components: readonly Component[], window: { fromMs?: number; toMs?: number } = {}): ComponentTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const memo = new Map<number, string>();
  const componentOf = (id: number): string => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    const own = components.find((c) => c.matches(url, functionName))?.name;
    const up = parent.get(id);
    const name = own ?? (up === undefined ? 'other (V8, node core, libraries)' : componentOf(up));
    memo.set(id, name);
    return name;
  };
  const totals = new Map<string, number>();
  let busyUs = 0;
  for (const { node, us } of samplesIn(profile, window)) {
    if (node.callFrame.functionName === '(idle)') continue;
    busyUs += us;
    const name = componentOf(node.id);
    totals.set(name, (totals.get(name) ?? 0) + us);
  }
  return [...totals].map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 })).sort((a, b) => b.ms - a.ms);
}

/** The components as a table; with `requests`, also CPU ms per request of this process. */
export function formatComponents(times: readonly ComponentTime[], requests?: number): string {
  const perRequest = requests && requests > 0;
  const lines = [`| Component | CPU ms | Share |${perRequest ? ' ms per request |' : ''}`, `|---|--:|--:|${perRequest ? '--:|' : ''}`];
  for (const c of times) lines.push(`| ${c.name} | ${c.ms.toFixed(0)} | ${pct(c.share)} |${perRequest ? ` ${(c.ms / requests!).toFixed(2)} |` : ''}`);
  return lines.join('\n');
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** Self time of the packages whose name passes `matches`, and its share of the busy time. */
export function shareOf(summary: ProfileSummary, matches: (name: string) => boolean): { selfMs: number; share: number } {
  const selfMs = summary.byPackage.filter((p) => matches(p.name)).reduce((sum, p) => sum + p.selfMs, 0);
  return { selfMs, share: summary.busyMs > 0 ? selfMs / summary.busyMs : 0 };
}

/**
 * How much of a process's CPU is spent in the project's own code, as opposed to the runtime and the libraries it
 * calls (issue 14: a target not met must be shown to cost outside the project's code).
 */
export const ownShare = (summary: ProfileSummary) => shareOf(summary, (name) => name.startsWith('@egov/'));

export function formatProfile(summary: ProfileSummary, top = 15): string {
  const lines: string[] = [];
  lines.push(
    `Sampled ${(summary.windowMs / 1000).toFixed(1)} s of the load: ${(summary.busyMs / 1000).toFixed(1)} s on CPU (main thread), ${(summary.idleMs / 1000).toFixed(1)} s idle. Self time, share of the busy time:`,
  );
  lines.push('');
  const own = ownShare(summary);
  lines.push(
    `The project's own code (the @egov/* packages, self time): ${own.selfMs.toFixed(0)} ms = ${pct(own.share)} of the busy time; OpenTelemetry (SDK, instrumentations, Hive's plugin): ${pct(shareOf(summary, (name) => name.includes('opentelemetry')).share)}.`,
  );
  lines.push('');
  lines.push('| Package | Self ms | Share |');
  lines.push('|---|--:|--:|');
  for (const p of summary.byPackage.slice(0, Math.min(top, 12))) lines.push(`| ${p.name} | ${p.selfMs.toFixed(0)} | ${pct(p.share)} |`);
  lines.push('');
  lines.push('| Function | Package | Self ms | Share |');
  lines.push('|---|---|--:|--:|');
  for (const f of summary.byFunction.slice(0, top))
    lines.push(`| \`${f.name.replace(/\|/g, '\\|')}\` | ${f.package} | ${f.selfMs.toFixed(0)} | ${pct(f.share)} |`);
  return lines.join('\n');
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  if (!file) {
    console.error('usage: profile.ts <file.cpuprofile> [--from-ms N] [--to-ms N] [--top N]');
    process.exit(2);
  }
  const window = { fromMs: option('--from-ms'), toMs: option('--to-ms') };
  console.log(formatProfile(aggregateProfile(readProfile(file), window), option('--top') ?? 15));
}
