import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createLogger } from '@egov/core';
import { createPool } from '@egov/stores';
import { applyMigrations } from '@egov/subgraph-kit';
import { createTestDatabase } from '@egov/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_SCHEMA } from '../src/server.js';
import { startApplications } from './support.js';

/**
 * The schema as Kubernetes applies it: the migration Job (`entry.mjs migrate` → src/migrate-cli.ts) applies
 * every component's migrations; the processes run with MIGRATE_ON_START=false and stay unready until it is done.
 */
const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const migrateCli = (databaseUrl: string) =>
  run(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/migrate-cli.ts'], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
  });
const logLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the migration Job', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase('egov_migrate');
  });
  afterAll(() => database.drop());

  it('applies the audit trail and the applications tables to an empty database, and nothing the second time', async () => {
    const first = await migrateCli(database.url);
    const applied = logLines(first.stderr).find((line) => line.msg === 'migrations applied')?.applied as string[];
    expect(applied.filter((name) => name.startsWith('audit/')).length).toBeGreaterThan(0);
    expect(applied.filter((name) => name.startsWith('applications/')).length).toBeGreaterThan(0);

    const second = await migrateCli(database.url);
    expect(logLines(second.stderr).find((line) => line.msg === 'schema complete')).toMatchObject({ applied: 0, components: ['audit', 'applications'] });

    const pool = createPool(database.url, { applicationName: 'test' });
    try {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM public.schema_migrations');
      expect(rows[0]!.n).toBe(applied.length);
    } finally {
      await pool.end();
    }
  });

  it('exits 1 and names the variable when DATABASE_URL is missing', async () => {
    const failure = await run(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/migrate-cli.ts'], {
      cwd: PACKAGE_DIR,
      env: { PATH: process.env.PATH },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('DATABASE_URL is required');
  });
});

describe('a subgraph started with MIGRATE_ON_START=false', () => {
  let applications: Awaited<ReturnType<typeof startApplications>>;
  beforeAll(async () => {
    process.env.MIGRATE_ON_START = 'false';
    applications = await startApplications();
  });
  afterEach(() => {
    delete process.env.MIGRATE_ON_START;
  });
  afterAll(() => applications.close());

  it('changes nothing in the database, answers /ready 503 until the Job has run, then 200', async () => {
    const before = await fetch(`${applications.base}/ready`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ checks: { database: true, schema: false } });

    const tables = await applications.pool.query(`SELECT to_regclass('public.schema_migrations') AS t`);
    expect(tables.rows[0].t).toBeNull();

    await applyMigrations(applications.pool, DATABASE_SCHEMA, createLogger('test', { level: 'error' }));
    const after = await fetch(`${applications.base}/ready`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ checks: { database: true, schema: true } });
  });
});
