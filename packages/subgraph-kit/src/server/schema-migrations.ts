import { envBool, type Logger } from '@egov/core';
import { AUDIT_MIGRATIONS } from '@egov/security';
import { type MigrationSet, migrate, type Pool, pendingMigrations } from '@egov/stores';

/** The audit trail's tables: every subgraph writes to them, so every subgraph needs them. */
export const AUDIT_SCHEMA: MigrationSet = { component: 'audit', dir: AUDIT_MIGRATIONS };

type Env = Record<string, string | undefined>;

/**
 * MIGRATE_ON_START (default true: `npm start` and the tests bring their own empty database). Kubernetes sets
 * it to false: the migration Job applies the schema with the owner's credentials, and the processes, which run
 * as a role that cannot change the schema, stay unready until the Job is done.
 */
export function migrateOnStart(env: Env = process.env): boolean {
  return envBool('MIGRATE_ON_START', true, env);
}

/** Applies every set in order (each migration in its own transaction, under an advisory lock). */
export async function applyMigrations(pool: Pool, sets: readonly MigrationSet[], logger: Logger): Promise<string[]> {
  const applied: string[] = [];
  for (const set of sets) {
    for (const file of await migrate(pool, set.component, set.dir)) applied.push(`${set.component}/${file}`);
  }
  if (applied.length > 0) logger.info('migrations applied', { applied });
  return applied;
}

/**
 * A readiness check: true once no migration of these sets is pending. Remembered once true (a schema is never
 * un-applied), so a ready process asks the database nothing more for it.
 */
export function schemaReadiness(pool: Pool, sets: readonly MigrationSet[]): () => Promise<boolean> {
  let ready = false;
  return async () => {
    if (ready) return true;
    ready = await pendingMigrations(pool, sets).then(
      (pending) => pending.length === 0,
      () => false,
    );
    return ready;
  };
}
