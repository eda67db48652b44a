/**
 * `npm run audit:verify`: checks the audit trail in DATABASE_URL against the newest checkpoint in
 * AUDIT_ANCHOR_DIR signed by the anchor key (AUDIT_ANCHOR_PUBLIC_KEY_FILE, or derived from
 * AUDIT_ANCHOR_KEY_FILE), as the processes do on their schedule, without writing anything. Prints one JSON
 * line, `{ "verified": true|false, "records": n, "reason"?: "..." }`, and exits 0 only when verified.
 */
import { envRequired } from '@egov/core';
import { createPool } from '@egov/stores';
import { AuditLog } from '../audit-log.js';
import { anchorKeys, auditAnchorConfigFromEnv } from './anchor-config.js';
import { AuditAnchor } from './audit-anchor.js';
import { DirectoryCheckpointStore } from './checkpoints.js';

async function main(): Promise<number> {
  const databaseUrl = envRequired('DATABASE_URL', 'the database whose audit trail is checked');
  const subjectKey = envRequired('AUDIT_SUBJECT_KEY', "the key of the trail's hash chain, the same the processes use");
  // A verifier never makes a key: it checks against the one the processes sign with.
  const config = { ...auditAnchorConfigFromEnv(), generateKey: false };
  const { publicKey } = anchorKeys(config, 'verify');
  const pool = createPool(databaseUrl, { applicationName: 'audit-verify', max: 2, statementTimeoutMs: 600_000 });
  try {
    const audit = new AuditLog(pool, { subjectKey });
    const anchor = new AuditAnchor({
      audit,
      pool,
      store: new DirectoryCheckpointStore(config.dir),
      keys: { publicKey, privateKey: null },
      writer: 'audit:verify',
    });
    const { checkpoint, ...result } = await anchor.verify();
    const against = checkpoint ? { records: checkpoint.records, lastId: checkpoint.lastId, at: checkpoint.at } : null;
    process.stdout.write(`${JSON.stringify({ ...result, checkpoint: against, anchor: config.dir })}\n`);
    return result.verified ? 0 : 1;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ verified: false, reason: `the check could not run: ${(error as Error).message}` })}\n`);
    process.exit(2);
  },
);
