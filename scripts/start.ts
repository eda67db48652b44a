/**
 * `npm start`: the whole graph on a fresh machine, with mock registries and no other services.
 * Starts each part as its own process (as in production), layer by layer, waiting for health before
 * the next, prefixes their output, and stops them all on Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { testMaterialEnv } from '@egov/mocks';
import { devIdentity, gateway, REGISTRY_NAMES, registries, repoRoot, SUBGRAPH_NAMES, subgraphs } from '@egov/schema';
import { ensurePortalBuilt, portalGatewayEnv } from './portal.js';

interface Part {
  name: string;
  entry: string;
  health: string[];
  env?: Record<string, string>;
}

const host = '127.0.0.1';
// Without a DATABASE_URL, an embedded PostgreSQL (PGlite) keeps its data in .data/pglite.
const embeddedPort = Number(process.env.EMBEDDED_PG_PORT ?? 5433);
const databaseUrl = process.env.DATABASE_URL ?? `postgres://postgres@${host}:${embeddedPort}/postgres`;
const shared = {
  DATABASE_URL: databaseUrl,
  // The mocks' test identity provider (`npm run token`), certification authority (`npm run sign`), placeholder fee
  // rates and evidence key (`npm run evidence:verify`), unless set here; production sets its own.
  ...testMaterialEnv(process.env),
};
const layers: Part[][] = [
  [
    {
      name: 'mocks',
      entry: 'mocks/src/cli.ts',
      health: [...REGISTRY_NAMES.map((n) => `http://${host}:${registries[n].port}/`), `http://${host}:${devIdentity.port}/health`],
    },
    ...(process.env.DATABASE_URL
      ? []
      : [{ name: 'postgres', entry: 'packages/stores/src/postgres/embedded-cli.ts', health: [`tcp://${host}:${embeddedPort}`] }]),
  ],
  SUBGRAPH_NAMES.map((n) => ({ name: n, entry: `subgraphs/${n}/src/index.ts`, health: [`http://${host}:${subgraphs[n].port}/health`] })),
  [
    {
      name: 'gateway',
      entry: 'gateway/src/index.ts',
      health: [`http://${host}:${gateway.port}/health`],
      env: { PORT: String(gateway.port), ...portalGatewayEnv() },
    },
  ],
];

const children: ChildProcess[] = [];
const colours = [36, 33, 35, 32, 34, 91, 96];

function prefixed(name: string, index: number) {
  const tag = `\x1b[${colours[index % colours.length]}m${name.padEnd(14)}\x1b[0m| `;
  let partial = '';
  return (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) process.stdout.write(`${tag + line}\n`);
  };
}

function launch(part: Part, index: number): ChildProcess {
  const { PORT: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', part.entry], {
    cwd: repoRoot,
    env: { ...env, ...shared, ...part.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', prefixed(part.name, index));
  child.stderr!.on('data', prefixed(part.name, index));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${part.name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

function reachable(url: string): Promise<void> {
  if (!url.startsWith('tcp://')) return fetch(url).then(() => undefined);
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: hostname, port: Number(port) }, () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

async function waitFor(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await reachable(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not come up in time`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let stopping = false;
async function stop(code: number): Promise<never> {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  // Each part drains within its own grace period (25 s by default); one that hangs past it is killed, so a stop
  // always ends and frees every port.
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, 35_000).unref();
  await Promise.all(
    children.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve)))),
  );
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

// The gateway serves the built portal: build it first when its sources changed.
ensurePortalBuilt();

let index = 0;
for (const layer of layers) {
  for (const part of layer) launch(part, index++);
  await Promise.all(layer.flatMap((part) => part.health.map((url) => waitFor(url, Date.now() + 60_000)))).catch(async (error: Error) => {
    console.error(error.message);
    await stop(1);
  });
}
console.log(`\negov-graph is up: http://${host}:${gateway.port}/graphql (mock registries; Ctrl-C stops everything)
The portal: http://${host}:${gateway.port}/ (sign in with the test identity provider; development only)
Personal data needs a token from the test issuer, e.g.  TOKEN=$(npm run -s token -- citizen 850314301234)\n`);
