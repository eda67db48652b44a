/**
 * `npm run cold-start -w @egov/bench`: how long each process takes from `spawn` to its first `/health` 200, and
 * its resident memory then, run through tsx from the sources (`npm start`) and compiled (`node dist/index.js`,
 * what the image runs). Needs `npm run build` first and the machine's PostgreSQL (TEST_DATABASE_ADMIN_URL).
 *
 * Each process is started alone, ROUNDS times per mode (modes interleaved, so a busy moment hurts both), on a
 * database whose schema is already applied (MIGRATE_ON_START=false, as in Kubernetes), without Redis and
 * without tracing. Printed as a Markdown table: the median start, and RSS as the median of VmRSS read from
 * /proc right after the first 200 and again after a second idle.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_SCHEMA } from '@egov/applications';
import { createLogger } from '@egov/core';
import { testMaterialEnv } from '@egov/mocks';
import { repoRoot } from '@egov/schema';
import { createPool } from '@egov/stores';
import { applyMigrations } from '@egov/subgraph-kit';
import { createTestDatabase, freePort } from '@egov/testkit';
import { anchorEnv } from './auth.js';

const ROUNDS = Number(process.env.COLD_START_ROUNDS ?? 5);
const PROCESSES = {
  gateway: 'gateway',
  individuals: 'subgraphs/individuals',
  'legal-entities': 'subgraphs/legal-entities',
  payments: 'subgraphs/payments',
  licensing: 'subgraphs/licensing',
  applications: 'subgraphs/applications',
} as const;
type Mode = 'tsx' | 'compiled';

function argsOf(dir: string, mode: Mode): string[] {
  return mode === 'compiled' ? [join(dir, 'dist/index.js')] : ['--conditions=source', '--import', 'tsx', join(dir, 'src/index.ts')];
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function firstHealthy(child: ChildProcess, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before /health answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function measure(dir: string, mode: Mode, env: Record<string, string>): Promise<{ ms: number; rssReady: number; rssIdle: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, argsOf(dir, mode), { cwd: repoRoot, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await firstHealthy(child, `http://127.0.0.1:${port}/health`);
    const ms = performance.now() - started;
    const rssReady = rssMiB(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { ms, rssReady, rssIdle: rssMiB(child.pid!) };
  } catch (error) {
    throw new Error(`${dir} (${mode}): ${(error as Error).message}\n${stderr.slice(-2_000)}`);
  } finally {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (const dir of Object.values(PROCESSES)) {
  if (!existsSync(join(repoRoot, dir, 'dist/index.js'))) throw new Error(`${dir} is not built: run npm run build first`);
}
const database = await createTestDatabase('egov_cold_start');
try {
  const pool = createPool(database.url, { applicationName: 'cold-start' });
  await applyMigrations(pool, DATABASE_SCHEMA, createLogger('cold-start', { level: 'error' }));
  await pool.end();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    MIGRATE_ON_START: 'false',
    DATABASE_URL: database.url,
    ...testMaterialEnv(),
    // Production anchors the audit trail: without a key of the session's own, no subgraph would start.
    ...anchorEnv(process.env),
    ATTACHMENTS_DIR: join(repoRoot, '.data', 'cold-start-attachments'),
  };
  const rows: string[] = [];
  for (const [name, dir] of Object.entries(PROCESSES)) {
    const runs: Record<Mode, { ms: number; rssReady: number; rssIdle: number }[]> = { tsx: [], compiled: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['tsx', 'compiled'] as const) runs[mode].push(await measure(dir, mode, env));
    }
    const cell = (mode: Mode) => {
      const r = runs[mode];
      return `${(median(r.map((x) => x.ms)) / 1000).toFixed(2)} s | ${median(r.map((x) => x.rssReady)).toFixed(0)} / ${median(r.map((x) => x.rssIdle)).toFixed(0)} MiB`;
    };
    rows.push(`| ${name} | ${cell('tsx')} | ${cell('compiled')} |`);
    console.error(`measured ${name}`);
  }
  console.log(`Node ${process.version}, ${ROUNDS} rounds, median of each\n`);
  console.log('| process | tsx: start → /health 200 | tsx: RSS at ready / after 1 s | compiled: start → /health 200 | compiled: RSS at ready / after 1 s |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  await database.drop();
}
