/**
 * What one registry call costs the mock registries' process, on the lean path (the route table over plain
 * node:http) against the msw path (express + @mswjs/http-middleware, what every call took before and what a
 * registry with per-test overrides still takes):
 *   npm run micro:mock-registries -w @egov/bench
 * Each path is served by its own child process over bench's 12 000 persons; this process sends the same
 * keep-alive calls to both (ГБД ФЛ persons/batch of 10 and ГБД ЮЛ entities/by-participant of 5, alternately,
 * 8 at a time) and reads each child's process.cpuUsage() around a round. Prints CPU µs per call, medians of
 * 5 alternated rounds.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { individualsApi, legalEntitiesApi, type RegistryName } from '@egov/contracts';
import { createRegistryState } from '@egov/mocks';
import { MockRegistryServers } from '@egov/mocks/http';
import { median } from '../stats.js';

const PERSONS = 12_000;
const CALLS_PER_ROUND = 4_000;
const WARM_UP_CALLS = 2_000;
const ROUNDS = 5;
const CONCURRENCY = 8;
type Path = 'lean' | 'msw';
type Urls = Record<RegistryName, string>;

/** Child: serves the registries on one path and answers the parent's CPU readings. */
async function serve(path: Path): Promise<void> {
  const state = createRegistryState({ persons: PERSONS });
  const servers = await new MockRegistryServers({ state }).startAll();
  if (path === 'msw') {
    // use() with no handlers: the registry answers through msw with its own handlers only, as every call did before.
    servers.use('individuals');
    servers.use('legal-entities');
  }
  setInterval(() => state.resetJournal(), 1000).unref();
  process.on('message', (message: string) => {
    if (message === 'cpu') process.send!(process.cpuUsage());
    if (message === 'stop') void servers.close().then(() => process.exit(0));
  });
  process.send!(servers.urls());
}

interface Child {
  urls: Urls;
  cpuMicros(): Promise<number>;
  stop(): void;
}

async function startChild(path: Path): Promise<Child> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', path], { execArgv: ['--conditions=source', '--import', 'tsx'] });
  const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
  const urls = (await next()) as Urls;
  return {
    urls,
    cpuMicros: async () => {
      const reading = next();
      child.send('cpu');
      const { user, system } = (await reading) as NodeJS.CpuUsage;
      return user + system;
    },
    stop: () => child.send('stop'),
  };
}

function callsFor(urls: Urls): (i: number) => { url: URL; body: string } {
  const iins = createRegistryState({ persons: PERSONS }).fixtures.persons.map((p) => p.iin);
  return (i) => {
    const start = (i * 10) % (iins.length - 10);
    return i % 2 === 0
      ? { url: new URL(urls.individuals + individualsApi.personsBatch), body: JSON.stringify({ iins: iins.slice(start, start + 10) }) }
      : { url: new URL(urls['legal-entities'] + legalEntitiesApi.byParticipants), body: JSON.stringify({ iins: iins.slice(start, start + 5) }) };
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(url: URL, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url.pathname} answered ${res.statusCode}`));
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function send(calls: (i: number) => { url: URL; body: string }, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const { url, body } = calls(next++);
      await post(url, body);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function measure(): Promise<void> {
  const children = { lean: await startChild('lean'), msw: await startChild('msw') };
  const perCall: Record<Path, number[]> = { lean: [], msw: [] };
  try {
    for (const path of ['lean', 'msw'] as const) await send(callsFor(children[path].urls), WARM_UP_CALLS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const path of ['lean', 'msw'] as const) {
        const child = children[path];
        const calls = callsFor(child.urls);
        const before = await child.cpuMicros();
        await send(calls, CALLS_PER_ROUND);
        perCall[path].push(((await child.cpuMicros()) - before) / CALLS_PER_ROUND);
      }
    }
  } finally {
    for (const child of Object.values(children)) child.stop();
    agent.destroy();
  }
  const lean = median(perCall.lean)!;
  const msw = median(perCall.msw)!;
  console.log(`registry server CPU per call (median of ${ROUNDS} rounds × ${CALLS_PER_ROUND} calls):`);
  console.log(`  msw path (express + http-middleware): ${msw.toFixed(0)} µs   rounds ${perCall.msw.map((v) => v.toFixed(0)).join(' ')}`);
  console.log(`  lean path (node:http + route table):  ${lean.toFixed(0)} µs   rounds ${perCall.lean.map((v) => v.toFixed(0)).join(' ')}`);
  console.log(`  lean / msw: ${(lean / msw).toFixed(2)}`);
}

if (process.argv[2] === 'serve') await serve(process.argv[3] as Path);
else await measure();
