import { generateKeyPairSync, sign } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canonicalJson, type Logger } from '@egov/core';
import { createPool, type Pool } from '@egov/stores';
import { createTestDatabase } from '@egov/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AccessRecord,
  AuditAnchor,
  AuditLog,
  anchorKeys,
  auditAnchorConfigFromEnv,
  DirectoryCheckpointStore,
  isSignedCheckpoint,
  signCheckpoint,
} from '../src/audit/index.js';

const SUBJECT_KEY = 'anchor-test-subject-key-0123456789';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
let audit: AuditLog;
let dir: string;
const keys = generateKeyPairSync('ed25519');
const errors: string[] = [];
const logger: Logger = { level: 'debug', debug: () => {}, info: () => {}, warn: () => {}, error: (msg) => errors.push(msg), child: () => logger };

function anchor(options: { writer?: string; privateKey?: null; clock?: () => Date; fullEveryMs?: number; adoptVerdictsWithinMs?: number } = {}) {
  return new AuditAnchor({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fullEveryMs ? { fullEveryMs: options.fullEveryMs } : {}),
    ...(options.adoptVerdictsWithinMs ? { adoptVerdictsWithinMs: options.adoptVerdictsWithinMs } : {}),
    audit,
    pool,
    store: new DirectoryCheckpointStore(dir),
    keys: { publicKey: keys.publicKey, privateKey: options.privateKey === null ? null : keys.privateKey },
    writer: options.writer ?? 'individuals',
    logger,
  });
}

let sequence = 0;
const record = (): AccessRecord => ({
  at: new Date(),
  requestId: `req-${++sequence}`,
  service: 'individuals',
  actorKind: 'citizen',
  actorId: 'self',
  actorAgency: null,
  purpose: null,
  subjectId: '850314301234',
  fields: ['Person.fullName'],
});

/** What someone with database rights (triggers off) but without the keys can do. */
async function tamper(statements: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const sql of statements) await client.query(sql);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
const cutNewest = (n: number) =>
  tamper([
    `DELETE FROM audit.access_log WHERE id IN (SELECT id FROM audit.access_log ORDER BY id DESC LIMIT ${n})`,
    `UPDATE audit.chain SET last_hash = COALESCE((SELECT hash FROM audit.access_log ORDER BY id DESC LIMIT 1), 'genesis') WHERE id = 1`,
  ]);
const lines = () => (existsSync(join(dir, 'checkpoints.jsonl')) ? readFileSync(join(dir, 'checkpoints.jsonl'), 'utf8').trim().split('\n').filter(Boolean) : []);

beforeAll(async () => {
  database = await createTestDatabase('egov_anchor_unit');
  pool = createPool(database.url, { applicationName: 'audit-anchor-test', max: 6 });
  audit = new AuditLog(pool, { subjectKey: SUBJECT_KEY, flushAfterMs: 1 });
  await audit.migrate();
});
afterAll(async () => {
  await audit.close();
  await pool.end();
  await database.drop();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'egov-anchor-unit-'));
  errors.length = 0;
  await tamper(['DELETE FROM audit.access_log', `UPDATE audit.chain SET last_hash = 'genesis' WHERE id = 1`]);
});

describe('the audit anchor', () => {
  it('signs a checkpoint of the verified state (count, newest id and hash, time), outside the database', async () => {
    await audit.append([record(), record(), record()]);
    expect(await anchor().run()).toMatchObject({ verified: true, records: 3 });
    const [line] = lines();
    const checkpoint = JSON.parse(line!);
    expect(checkpoint).toMatchObject({ records: 3, lastId: expect.any(String), lastHash: expect.stringMatching(/^[0-9a-f]{64}$/), writer: 'individuals' });
    expect(isSignedCheckpoint(checkpoint, keys.publicKey)).toBe(true);
    expect(isSignedCheckpoint({ ...checkpoint, records: 2 }, keys.publicKey)).toBe(false);
  });

  it('writes nothing new while the trail has not grown', async () => {
    await audit.append([record()]);
    await anchor().run();
    await anchor().run();
    expect(lines()).toHaveLength(1);
    await audit.append([record()]);
    await anchor().run();
    expect(lines()).toHaveLength(2);
  });

  it.each([
    ['the newest record deleted and the chain moved back', () => cutNewest(1)],
    ['the newest three deleted and the chain moved back', () => cutNewest(3)],
    [
      'the trail emptied and the chain reset to genesis',
      () => tamper(['DELETE FROM audit.access_log', `UPDATE audit.chain SET last_hash = 'genesis' WHERE id = 1`]),
    ],
  ])('catches %s, which the chain alone passes, logs it and signs nothing over it', async (_case, cut) => {
    await audit.append([record(), record(), record(), record()]);
    await anchor().run();
    await cut();
    expect(await audit.verify()).toMatchObject({ ok: true });
    const status = await anchor().run();
    expect(status).toMatchObject({ verified: false, reason: expect.stringMatching(/checkpoint/) });
    expect(errors).toEqual([expect.stringMatching(/audit trail verification failed/)]);
    // Regrowth after the rollback does not make it good again.
    await audit.append([record(), record(), record(), record(), record()]);
    expect(await anchor().run()).toMatchObject({ verified: false });
    expect(lines()).toHaveLength(1);
  });

  it('trusts only checkpoints signed with its key: a forged one for the cut state vouches for nothing', async () => {
    await audit.append([record(), record()]);
    await anchor().run();
    await cutNewest(1);
    const { rows } = await pool.query<{ id: string; hash: string }>('SELECT id::text, hash FROM audit.access_log ORDER BY id DESC LIMIT 1');
    const forged = signCheckpoint(
      { records: 1, lastId: rows[0]!.id, lastHash: rows[0]!.hash, at: new Date().toISOString() },
      generateKeyPairSync('ed25519').privateKey,
    );
    appendFileSync(join(dir, 'checkpoints.jsonl'), `${JSON.stringify(forged)}\nnot json at all\n`);
    expect(await anchor().run()).toMatchObject({ verified: false });
  });

  it('catches an edited record by the chain itself', async () => {
    await audit.append([record(), record()]);
    await anchor().run();
    await tamper([`UPDATE audit.access_log SET actor_id = 'nobody' WHERE id = (SELECT min(id) FROM audit.access_log)`]);
    expect(await anchor().run()).toMatchObject({ verified: false, reason: expect.stringMatching(/hash chain breaks/) });
  });

  it('a running process goes on from its newest checkpoint between whole rounds: a cut is caught every round, an old edit at the next whole round', async () => {
    let now = Date.parse('2026-03-20T05:00:00Z');
    const running = anchor({ clock: () => new Date(now), fullEveryMs: 3_600_000 });
    await audit.append([record(), record(), record()]);
    expect(await running.run()).toMatchObject({ verified: true, records: 3 });
    await audit.append([record(), record()]);
    now += 60_000;
    const reads = vi.spyOn(audit, 'checkChain');
    expect(await running.run()).toMatchObject({ verified: true, records: 5 });
    // Read on from the checkpoint's record, not from the start.
    const { rows } = await pool.query<{ id: string }>('SELECT id::text FROM audit.access_log ORDER BY id LIMIT 3');
    expect(reads.mock.calls.map(([, from]) => from?.id)).toEqual([rows[2]!.id]);
    reads.mockRestore();

    // An edit of an old record is not in the records read between whole rounds, and is caught at the next one.
    await tamper([`UPDATE audit.access_log SET actor_id = 'nobody' WHERE id = (SELECT min(id) FROM audit.access_log)`]);
    now += 60_000;
    expect(await running.run()).toMatchObject({ verified: true });
    now += 3_600_000;
    expect(await running.run()).toMatchObject({ verified: false, reason: expect.stringMatching(/hash chain breaks/) });
  });

  it('a running process catches a cut of its newest records in a round between whole rounds', async () => {
    let now = Date.parse('2026-03-20T05:00:00Z');
    const running = anchor({ clock: () => new Date(now), fullEveryMs: 3_600_000 });
    await audit.append([record(), record(), record(), record()]);
    await running.run();
    await cutNewest(2);
    now += 60_000;
    expect(await running.run()).toMatchObject({ verified: false, reason: expect.stringMatching(/checkpoint/) });
  });

  it('a verifier without the signing key (the CLI) checks but never writes', async () => {
    await audit.append([record()]);
    expect(await anchor({ privateKey: null }).run()).toMatchObject({ verified: true, records: 1 });
    expect(lines()).toEqual([]);
  });

  it('several processes verify at once; one writer at a time, and no checkpoint goes backwards', async () => {
    await audit.append([record(), record()]);
    const processes = ['individuals', 'payments', 'licensing', 'applications', 'legal-entities'].map((writer) => anchor({ writer }));
    const rounds = await Promise.all(processes.flatMap((p) => [p.run(), audit.append([record()]).then(() => p.run())]));
    expect(rounds.every((r) => r.verified)).toBe(true);
    const records = lines().map((line) => JSON.parse(line).records as number);
    expect(records).toEqual([...records].sort((a, b) => a - b));
    expect(new Set(records).size).toBe(records.length);
    expect(await anchor().run()).toMatchObject({ verified: true, records: 7 });
  });
});

describe('several processes on one trail, each verifying every minute', () => {
  const WINDOW = 54_000;

  it('read the records once per round between them: the others report the fresh signed verdict of the one that did', async () => {
    await pool.query('DELETE FROM audit.anchor_verdict');
    await audit.append([record(), record(), record()]);
    const processes = ['individuals', 'payments', 'licensing'].map((writer) => anchor({ writer, adoptVerdictsWithinMs: WINDOW }));
    // The first round of every process checks the whole chain itself, whatever it finds.
    for (const p of processes) expect(await p.run()).toMatchObject({ verified: true, records: 3 });
    const reads = vi.spyOn(audit, 'checkChain');
    try {
      await audit.append([record()]);
      const [first, second, third] = processes as [AuditAnchor, AuditAnchor, AuditAnchor];
      // licensing published last, so individuals and payments take its verdict over; licensing never takes its own.
      expect(await first.run()).toMatchObject({ verified: true, records: 3, by: 'licensing' });
      expect(await second.run()).toMatchObject({ verified: true, records: 3, by: 'licensing' });
      expect(reads).toHaveBeenCalledTimes(0);
      expect(await third.run()).toMatchObject({ verified: true, records: 4 });
      expect((await third.run()).by).toBeUndefined();
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  /** Another process in the middle of reading the trail: it holds the reading turn on a connection of its own. */
  async function readingElsewhere() {
    const client = await pool.connect();
    await client.query(`SELECT pg_advisory_lock(hashtext('egov:audit-anchor:reader'))`);
    return {
      finish: async () => {
        await client.query(`SELECT pg_advisory_unlock(hashtext('egov:audit-anchor:reader'))`);
        client.release();
      },
      /** The process is killed: its connection drops, and PostgreSQL frees what it held. */
      die: () => client.release(new Error('killed')),
    };
  }
  const settledWithin = async <T>(promise: Promise<T>, ms: number) =>
    Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

  it('rounds that fall due together read the new records once: one process at a time, the others take over its verdict', async () => {
    await pool.query('DELETE FROM audit.anchor_verdict');
    await audit.append([record(), record()]);
    const processes = ['individuals', 'payments', 'licensing', 'legal-entities'].map((writer) => anchor({ writer, adoptVerdictsWithinMs: WINDOW }));
    for (const p of processes) await p.run(); // each one's first round is its own, whole
    await audit.append([record(), record(), record()]);
    // No fresh verdict to take over: the round that falls due next finds the trail unread this minute.
    await pool.query('DELETE FROM audit.anchor_verdict');
    const reads = vi.spyOn(audit, 'checkChain');
    try {
      const rounds = await Promise.all(processes.map((p) => p.run()));
      expect(rounds.every((r) => r.verified && r.records === 5)).toBe(true);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(rounds.filter((r) => r.by === undefined)).toHaveLength(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('a round waits while another process reads, and reads itself once that process dies without a verdict', async () => {
    await pool.query('DELETE FROM audit.anchor_verdict');
    await audit.append([record()]);
    const p = anchor({ writer: 'payments', adoptVerdictsWithinMs: WINDOW });
    await p.run();
    await audit.append([record()]);
    const other = await readingElsewhere();
    const round = p.run();
    expect(await settledWithin(round, 700)).toBe(false);
    other.die();
    expect(await round).toMatchObject({ verified: true, records: 2 });
    expect((await round).by).toBeUndefined();
  });

  it('a whole round waits for its turn too; a turn not given back within the sharing window is not waited for longer', async () => {
    await audit.append([record()]);
    const other = await readingElsewhere();
    try {
      const patient = anchor({ writer: 'licensing', adoptVerdictsWithinMs: 600 });
      const started = Date.now();
      expect(await patient.run()).toMatchObject({ verified: true, records: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    } finally {
      await other.finish();
    }
  });

  it('a process that stops while waiting for its turn keeps its last verdict and does not wait on', async () => {
    await audit.append([record()]);
    const p = anchor({ writer: 'individuals', adoptVerdictsWithinMs: WINDOW });
    const first = await p.run();
    const other = await readingElsewhere();
    try {
      const round = p.run();
      await p.stop();
      expect(await settledWithin(round, 1_000)).toBe(true);
      expect(await round).toEqual(first);
    } finally {
      await other.finish();
    }
  });

  it('take over no verdict the database could have written: not one signed with another key, nor a stale one', async () => {
    await audit.append([record()]);
    const reader = anchor({ writer: 'payments', adoptVerdictsWithinMs: WINDOW });
    await reader.run(); // its first round is its own
    const forged = { verified: true, checkedAt: new Date().toISOString(), records: 99, writer: 'licensing', instance: 'x' };
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const signedBy = (key: typeof stranger, verdict: object) => sign(null, Buffer.from(canonicalJson(verdict as never), 'utf8'), key).toString('base64url');
    const put = (verdict: object, signature: string) =>
      pool.query(
        `INSERT INTO audit.anchor_verdict (id, verdict, signature) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET verdict = excluded.verdict, signature = excluded.signature`,
        [JSON.stringify(verdict), signature],
      );
    await put(forged, signedBy(stranger, forged));
    expect(await reader.run()).toMatchObject({ verified: true, records: 1 });
    const stale = { ...forged, checkedAt: new Date(Date.now() - 10 * 60_000).toISOString() };
    await put(stale, signedBy(keys.privateKey, stale));
    expect(await reader.run()).toMatchObject({ verified: true, records: 1 });
    await put(forged, signedBy(keys.privateKey, forged));
    expect(await reader.run()).toMatchObject({ records: 99, by: 'licensing' });
  });
});

describe('the anchor configuration', () => {
  const env = (vars: Record<string, string>) => ({ PATH: '', ...vars });

  it('production must name its signing key, and is told which variable', () => {
    expect(() => auditAnchorConfigFromEnv(env({ NODE_ENV: 'production' }))).toThrow(/AUDIT_ANCHOR_KEY_FILE is required in production/);
  });

  it('reads the directory, key files and schedule from AUDIT_ANCHOR_*', () => {
    expect(
      auditAnchorConfigFromEnv(
        env({
          AUDIT_ANCHOR_DIR: '/srv/anchor',
          AUDIT_ANCHOR_KEY_FILE: '/keys/a.pem',
          AUDIT_ANCHOR_PUBLIC_KEY_FILE: '/keys/a.pub',
          AUDIT_ANCHOR_EVERY_MS: '5000',
          AUDIT_ANCHOR_FULL_EVERY_MS: '3600000',
        }),
      ),
    ).toEqual({ dir: '/srv/anchor', keyFile: '/keys/a.pem', publicKeyFile: '/keys/a.pub', everyMs: 5000, fullEveryMs: 3_600_000, generateKey: false });
  });

  it('development keeps its checkpoints beside its own key in .data/, production in var/ unless told', () => {
    expect(auditAnchorConfigFromEnv(env({})).dir).toBe(resolve('.data/audit-anchor/checkpoints'));
    expect(auditAnchorConfigFromEnv(env({ AUDIT_ANCHOR_KEY_FILE: '/keys/a.pem' })).dir).toBe(resolve('var/audit-anchors'));
  });

  it('development makes its own key once, and every process reads the same one', () => {
    const home = mkdtempSync(join(tmpdir(), 'egov-anchor-dev-'));
    const config = { ...auditAnchorConfigFromEnv(env({})), keyFile: join(home, 'nested', 'key.pem') };
    const first = anchorKeys(config, 'sign');
    const second = anchorKeys(config, 'sign');
    expect(first.publicKey.equals(second.publicKey)).toBe(true);
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses a key that is not Ed25519, or a public key that is not its half, naming the variable', () => {
    const home = mkdtempSync(join(tmpdir(), 'egov-anchor-keys-'));
    const rsa = join(home, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => anchorKeys({ dir: home, keyFile: rsa, everyMs: 1000 }, 'sign')).toThrow(/AUDIT_ANCHOR_KEY_FILE .* must hold an Ed25519 key/);
    const own = join(home, 'own.pem');
    const other = join(home, 'other.pub');
    writeFileSync(own, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    expect(() => anchorKeys({ dir: home, keyFile: own, publicKeyFile: other, everyMs: 1000 }, 'sign')).toThrow(
      /AUDIT_ANCHOR_PUBLIC_KEY_FILE is not the public half/,
    );
    rmSync(home, { recursive: true, force: true });
  });
});
