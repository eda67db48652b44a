import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pool } from './pool.js';
import { inTransaction } from './pool.js';

/** One component's migrations: the folder of its `NNN_name.sql` files, recorded under its name. */
export interface MigrationSet {
  component: string;
  dir: URL;
}

function migrationFiles(dir: URL): string[] {
  return readdirSync(fileURLToPath(dir))
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort();
}

/**
 * Applies a component's SQL migrations (`NNN_name.sql`, in name order) that have not run yet, each in
 * its own transaction, recorded in public.schema_migrations. Safe when several processes start at once:
 * an advisory lock per component lets one apply while the others wait and then find nothing to do.
 */
export async function migrate(pool: Pool, component: string, dir: URL): Promise<string[]> {
  const files = migrationFiles(dir);
  // CREATE ... IF NOT EXISTS still races between processes; the lock makes it one at a time.
  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('schema_migrations'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
      component text NOT NULL, version text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (component, version))`);
  });
  const applied: string[] = [];
  for (const file of files) {
    const done = await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`migrate:${component}`]);
      const seen = await client.query('SELECT 1 FROM public.schema_migrations WHERE component = $1 AND version = $2', [component, file]);
      if (seen.rowCount) return false;
      await client.query(readFileSync(new URL(file, dir), 'utf8'));
      await client.query('INSERT INTO public.schema_migrations (component, version) VALUES ($1, $2)', [component, file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}

/**
 * The migrations of these sets that the database has not recorded yet (all of them when it has none). A
 * process that does not migrate on start (MIGRATE_ON_START=false) is not ready while any are pending.
 */
export async function pendingMigrations(pool: Pool, sets: readonly MigrationSet[]): Promise<string[]> {
  const table = await pool.query<{ present: boolean }>(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present`);
  const applied = new Set<string>();
  if (table.rows[0]?.present) {
    const rows = await pool.query<{ component: string; version: string }>('SELECT component, version FROM public.schema_migrations');
    for (const row of rows.rows) applied.add(`${row.component}/${row.version}`);
  }
  return sets.flatMap(({ component, dir }) => migrationFiles(dir).map((file) => `${component}/${file}`)).filter((name) => !applied.has(name));
}
