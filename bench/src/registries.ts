/**
 * The mock registries for a benchmark session, as their own process: the registries of @egov/mocks over
 * real HTTP on their lean path (the route tables over plain node:http, no msw) on the ports the orchestrator
 * picked, over a large deterministic fixture set, plus a small control endpoint:
 *
 *   GET  /health          200 once the registries listen
 *   GET  /counters        calls answered per registry and per route since the last reset (from RegistryState.journal)
 *   POST /counters/reset  zero them
 *   POST /latency?ms=50   add that latency to every registry call (0 removes it)
 *
 * Env: BENCH_PERSONS, BENCH_REGISTRY_PORTS (JSON {registry: port}), BENCH_CONTROL_PORT.
 */
import { createServer } from 'node:http';
import type { RegistryName } from '@egov/contracts';
import { createRegistryState } from '@egov/mocks';
import { MockRegistryServers } from '@egov/mocks/http';

const persons = Number(process.env.BENCH_PERSONS ?? 12_000);
const ports = JSON.parse(process.env.BENCH_REGISTRY_PORTS ?? '{}') as Partial<Record<RegistryName, number>>;
const controlPort = Number(process.env.BENCH_CONTROL_PORT ?? 0);

const state = createRegistryState({ persons });
const servers = await new MockRegistryServers({ state, ports }).startAll();

// The journal grows by one entry per answered call; fold it into counters so a long session stays small.
const byRegistry = new Map<string, number>();
const byRoute = new Map<string, number>();
function collect(): void {
  for (const entry of state.journal) {
    byRegistry.set(entry.registry, (byRegistry.get(entry.registry) ?? 0) + 1);
    const route = `${entry.registry} ${entry.route}`;
    byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
  }
  state.resetJournal();
}
setInterval(collect, 1000).unref();

let latencyMs = 0;
/** On the lean path, not through msw overrides: S5 measures the same registries as the other scenarios, only later. */
function setLatency(ms: number): void {
  servers.setLatency(ms);
  latencyMs = ms;
}

function counters() {
  collect();
  return { byRegistry: Object.fromEntries(byRegistry), byRoute: Object.fromEntries(byRoute), latencyMs };
}

const control = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://control');
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && url.pathname === '/health')
    return reply(200, { urls: servers.urls(), persons: state.persons.size, entities: state.entities.size });
  if (req.method === 'GET' && url.pathname === '/counters') return reply(200, counters());
  if (req.method === 'POST' && url.pathname === '/counters/reset') {
    collect();
    byRegistry.clear();
    byRoute.clear();
    return reply(200, counters());
  }
  if (req.method === 'POST' && url.pathname === '/latency') {
    const ms = Number(url.searchParams.get('ms') ?? 0);
    if (!Number.isFinite(ms) || ms < 0) return reply(400, { error: 'ms must be a number >= 0' });
    setLatency(ms);
    return reply(200, { latencyMs });
  }
  return reply(404, { error: 'NOT_FOUND' });
});
control.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve));

async function stop() {
  control.close();
  await servers.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
