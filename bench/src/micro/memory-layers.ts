/**
 * What a process's resident memory is made of, layer by layer: a fresh Node process with the service's production
 * flags imports what the service imports, one layer at a time, and reports the resident set after each, once the
 * garbage collector has run. The baseline's own layer (the GraphQL server libraries, or the Hive runtime) comes
 * first in ours too, so the two start from the same number and what follows is what our features add: the first
 * layer that allocates much also grows V8's young generation (up to two 16 MB semi-spaces), which a later layer
 * would otherwise be charged with. (The service itself starts tracing first, so its hook sees http, pg and ioredis
 * load; the order changes what is patched, not what is resident.) Our individuals subgraph and gateway
 * beside the bare @apollo/subgraph and vanilla Hive stacks, all compiled (`npm run build` first):
 *   npm run micro:memory-layers -w @egov/bench
 * What the bench measures on top of the last layer (the running server at rest, then its peak under load) is in the
 * bench report's memory table; this says how much of the resting size is the runtime and its libraries.
 */

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@egov/schema';
import { productionNodeArgs, type ServiceName } from '../production.js';
import { median } from '../stats.js';

interface Layer {
  name: string;
  /** The module body of the child's step: an async statement list that loads this layer. */
  load: string;
}

interface Stack {
  name: string;
  /** The package folder the child runs in, so bare specifiers resolve as the service's own imports do. */
  cwd: string;
  service: ServiceName | null;
  layers: Layer[];
}

const importAll = (...specifiers: string[]) => specifiers.map((s) => `await import(${JSON.stringify(s)});`).join(' ');
// Tracing exports nothing at rest (no span is made), so an endpoint nobody listens on is enough to start it as deployed.
const TRACING_ENV = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' };
const PROJECT_PACKAGES = ['@egov/core', '@egov/contracts', '@egov/stores', '@egov/registry-client', '@egov/security', '@egov/domain'];
// Each baseline's one layer, which is also the first of ours.
const GRAPHQL_SERVER: Layer = {
  name: 'GraphQL server: graphql, @apollo/server, @apollo/subgraph',
  load: importAll('graphql', '@apollo/server', '@apollo/subgraph'),
};
const HIVE_RUNTIME: Layer = {
  name: 'Hive runtime: gateway-runtime, router-runtime (Rust planner), HTTP transport',
  load: importAll('graphql', '@graphql-hive/gateway-runtime', '@graphql-hive/router-runtime', '@graphql-mesh/transport-http'),
};
/** Tracing started as the service's entry starts it, then the metrics half of our telemetry package. */
const telemetryLayers = (service: string, kind: 'subgraph' | 'gateway', what: string): Layer[] => [
  { name: `tracing: ${what}`, load: `const { startTracing } = await import('@egov/telemetry/sdk'); await startTracing('${service}', '${kind}');` },
  { name: 'metrics: prom-client and our telemetry package', load: importAll('@egov/telemetry') },
];

const STACKS: Stack[] = [
  {
    name: 'our individuals subgraph',
    cwd: 'subgraphs/individuals',
    service: 'individuals',
    layers: [
      GRAPHQL_SERVER,
      ...telemetryLayers('individuals', 'subgraph', 'OpenTelemetry SDK, instrumentations, module hook'),
      { name: 'datastore clients: pg, ioredis', load: importAll('pg', 'ioredis') },
      // Not @peculiar/x509 and pkijs: only the subgraphs that check ЭЦП signatures (licensing, applications) load them.
      { name: 'token verification: jose', load: importAll('jose') },
      { name: 'other libraries: zod, dataloader, lru-cache', load: importAll('zod', 'dataloader', 'lru-cache') },
      { name: "the project's packages (@egov/*)", load: importAll(...PROJECT_PACKAGES, '@egov/subgraph-kit') },
      { name: "the subgraph's own modules", load: importAll('./dist/server.js') },
    ],
  },
  {
    name: 'bare @apollo/subgraph (the baseline)',
    cwd: 'bench',
    service: 'individuals',
    layers: [GRAPHQL_SERVER],
  },
  {
    name: 'our gateway',
    cwd: 'gateway',
    service: 'gateway',
    layers: [
      HIVE_RUNTIME,
      ...telemetryLayers('gateway', 'gateway', 'OpenTelemetry SDK, module hook'),
      {
        name: "the gateway's other libraries: Hive's OpenTelemetry plugin, graphql-armor, rate limits, ioredis, jose",
        load: importAll('@graphql-hive/plugin-opentelemetry', '@escape.tech/graphql-armor', 'rate-limiter-flexible', 'ioredis', 'jose'),
      },
      { name: "the project's packages (@egov/*)", load: importAll('@egov/core', '@egov/security', '@egov/stores') },
      { name: "the gateway's own modules", load: importAll('./dist/server.js') },
    ],
  },
  {
    name: 'vanilla Hive runtime (the baseline)',
    cwd: 'bench',
    service: 'gateway',
    layers: [HIVE_RUNTIME],
  },
];

interface Reading {
  layer: string;
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

/** The child: loads each layer in turn and prints one JSON line per reading. */
function childProgram(stack: Stack): string {
  const read = (layer: string) =>
    `await new Promise((r) => setTimeout(r, 50)); globalThis.gc(); globalThis.gc(); { const u = process.memoryUsage(); console.log(JSON.stringify({ layer: ${JSON.stringify(layer)}, rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal })); }`;
  return [read('Node alone'), ...stack.layers.map((layer) => `${layer.load} ${read(layer.name)}`)].join('\n');
}

async function measure(stack: Stack, nodeArgs: string[]): Promise<Reading[]> {
  const child = spawn(process.execPath, [...nodeArgs, '--expose-gc', '--input-type=module', '-e', childProgram(stack)], {
    cwd: join(repoRoot, stack.cwd),
    env: { ...process.env, NODE_ENV: 'production', ...TRACING_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${stack.name}: the child exited with ${code}\n${err.slice(-2000)}`);
  return out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Reading);
}

const ROUNDS = Number(/--rounds=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 3);
const flags = await productionNodeArgs();
const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
console.log(`Node ${process.version}; resident memory after each layer (medians of ${ROUNDS} fresh processes), MB\n`);
for (const stack of STACKS) {
  const nodeArgs = stack.service ? flags[stack.service] : [];
  const rounds: Reading[][] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await measure(stack, nodeArgs));
  const layers = rounds[0]!.map((reading, i) => ({
    layer: reading.layer,
    rss: median(rounds.map((r) => r[i]!.rss)) ?? 0,
    heapUsed: median(rounds.map((r) => r[i]!.heapUsed)) ?? 0,
    heapTotal: median(rounds.map((r) => r[i]!.heapTotal)) ?? 0,
  }));
  console.log(`## ${stack.name} (${nodeArgs.join(' ')})\n`);
  console.log('| Layer | RSS | + RSS | V8 heap used | V8 heap total |\n|---|--:|--:|--:|--:|');
  let previous = 0;
  for (const l of layers) {
    console.log(`| ${l.layer} | ${mb(l.rss)} | ${previous === 0 ? '' : `+${mb(l.rss - previous)}`} | ${mb(l.heapUsed)} | ${mb(l.heapTotal)} |`);
    previous = l.rss;
  }
  console.log('');
}
