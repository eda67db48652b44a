/**
 * Issue 10, class 2: the audit trail cannot be cut short silently.
 *
 * THE CONTRACT these tests are written against (the lead implements it; nothing of it exists yet):
 *
 * Configuration — every process that writes the audit trail (each subgraph), from the environment through
 * securityConfigFromEnv (SecurityConfig.auditAnchor = { dir, keyFile, everyMs }), explicit options winning:
 *   AUDIT_ANCHOR_DIR              the checkpoint store, a directory outside PostgreSQL (default
 *                                 `var/audit-anchors` under the working directory). Created if missing.
 *   AUDIT_ANCHOR_KEY_FILE         PEM PKCS#8 Ed25519 private key that signs checkpoints. It is the
 *                                 application's, never the database role's. Required when anchoring runs.
 *   AUDIT_ANCHOR_PUBLIC_KEY_FILE  PEM SPKI public key, for verifying where the private key is not held (the
 *                                 CLI); when unset it is derived from AUDIT_ANCHOR_KEY_FILE.
 *   AUDIT_ANCHOR_EVERY_MS         how often the process verifies the chain and writes a checkpoint (default
 *                                 60000).
 *
 * Checkpoints — appended, one JSON object per line, to `${AUDIT_ANCHOR_DIR}/checkpoints.jsonl`:
 *   { "records": <number of records in audit.access_log>, "lastId": "<id of the newest record, as text,
 *     null when there is none>", "lastHash": "<its hash, 'genesis' when there is none>", "at": "<ISO 8601
 *     time>", ...any further fields..., "signature": "<base64url Ed25519 signature over canonicalJson of
 *     the object without `signature`>" } (canonicalJson: @egov/shared/signatures, RFC 8785 for this data).
 * A checkpoint is written only after the chain verified: a process never signs a state it found broken.
 *
 * Verification — against the newest checkpoint whose signature verifies (lines that do not verify are
 * not trusted; they do not vouch for anything): the chain recomputes from 'genesis' (AuditLog.verify), the
 * record `lastId` is still there with hash `lastHash`, and there are at least `records` records. Deleting
 * the newest records and moving audit.chain back, or emptying the log and resetting it to 'genesis', fails
 * it — also after new records were appended on top of the rollback.
 *
 * Where the result shows:
 *   - GET /health of the process: `audit: { verified: boolean, checkedAt: "<ISO time>", records: <number>,
 *     reason?: "<why not, when not>" }` (the HTTP status and the top-level `status` are not pinned here).
 *   - the process log: an error-level line whose message mentions the audit trail, when verification fails.
 *   - `npm run audit:verify` at the repository root, with DATABASE_URL, AUDIT_SUBJECT_KEY and the AUDIT_ANCHOR_*
 *     variables: prints one JSON line on stdout, `{ "verified": true|false, "records": n, "reason"?: "..." }`,
 *     and exits 0 when verified, non-zero otherwise.
 *
 * The tests run the individuals subgraph as its own process (as `npm start` and production do) with those
 * variables, read a citizen's record through it so the trail grows, and then break the trail as someone
 * with database rights but without the application's keys would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '@egov/core';
import { bearer, createRegistryState, NAMED, TEST_AUDIENCE, TEST_AUDIT_SUBJECT_KEY, TEST_ISSUER, TEST_JWKS_FILE, TEST_PARTNERS_FILE } from '@egov/mocks';
import { MockRegistryServers } from '@egov/mocks/http';
import { AuditLog } from '@egov/security';
import { createPool } from '@egov/stores';
import { createTestDatabase } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EVERY_MS = 200;

interface Checkpoint {
  records: number;
  lastId: string | null;
  lastHash: string;
  at: string;
  signature: string;
  [field: string]: unknown;
}

let registries: MockRegistryServers;
beforeAll(async () => {
  registries = await new MockRegistryServers({ state: createRegistryState({ persons: 20 }) }).startAll();
});
afterAll(() => registries?.close());

/** A subgraph process with anchoring on, its database, its anchor directory and key, and what it logged. */
class AnchoredSubgraph {
  readonly dir = mkdtempSync(join(tmpdir(), 'egov-anchor-'));
  readonly keyFile = join(this.dir, '..', `${this.dir.split('/').pop()}-key.pem`);
  readonly publicKeyFile = `${this.keyFile}.pub`;
  readonly publicKey: KeyObject;
  readonly stderr: string[] = [];
  url = '';
  databaseUrl = '';
  private child: ChildProcess | undefined;
  private dropDatabase: (() => Promise<void>) | undefined;
  pool!: ReturnType<typeof createPool>;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(this.keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(this.publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
    this.publicKey = publicKey;
  }

  get anchorEnv() {
    return {
      DATABASE_URL: this.databaseUrl,
      AUDIT_SUBJECT_KEY: TEST_AUDIT_SUBJECT_KEY,
      AUDIT_ANCHOR_DIR: this.dir,
      AUDIT_ANCHOR_KEY_FILE: this.keyFile,
      AUDIT_ANCHOR_PUBLIC_KEY_FILE: this.publicKeyFile,
      AUDIT_ANCHOR_EVERY_MS: String(EVERY_MS),
    };
  }

  async start(): Promise<void> {
    const database = await createTestDatabase('egov_anchor');
    this.databaseUrl = database.url;
    this.dropDatabase = database.drop;
    this.pool = createPool(this.databaseUrl, { applicationName: 'audit-anchor-e2e' });
    const urls = registries.urls();
    this.child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'subgraphs/individuals/src/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_JWKS: TEST_JWKS_FILE,
        AUTH_AUDIENCE: TEST_AUDIENCE,
        PARTNERS_FILE: TEST_PARTNERS_FILE,
        INDIVIDUALS_REGISTRY_URL: urls.individuals,
        LEGAL_ENTITIES_REGISTRY_URL: urls['legal-entities'],
        ...this.anchorEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    const collect = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      this.stderr.push(...lines.filter(Boolean));
    };
    this.child.stderr!.on('data', collect);
    this.child.stdout!.on('data', collect);
    this.url = await waitFor(
      () => {
        for (const line of this.stderr) {
          const url = /"msg":"listening".*"url":"([^"]+)"/.exec(line)?.[1];
          if (url) return url;
        }
        if (this.child!.exitCode !== null) throw new Error(`the subgraph exited: ${this.stderr.join('\n')}`);
        return undefined;
      },
      30_000,
      'the subgraph to listen',
    );
  }

  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child!.once('exit', resolve));
      this.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    await this.pool?.end();
    await this.dropDatabase?.();
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.keyFile, { force: true });
    rmSync(this.publicKeyFile, { force: true });
  }

  /** A citizen reads his own record `times` times through this process: each read is one audit record. */
  async reads(times: number): Promise<void> {
    const headers = { 'content-type': 'application/json', ...(await bearer({ kind: 'citizen', iin: NAMED.manWithLicences })) };
    for (let i = 0; i < times; i++) {
      const response = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: `{ person(iin: "${NAMED.manWithLicences}") { fullName } }` }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
  }

  async health(): Promise<{ audit?: { verified?: boolean; checkedAt?: string; records?: number; reason?: string } } & Record<string, unknown>> {
    return (await fetch(this.url.replace(/\/graphql$/, '/health'))).json() as never;
  }

  checkpoints(): Checkpoint[] {
    const file = join(this.dir, 'checkpoints.jsonl');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Checkpoint);
  }

  validCheckpoints(): Checkpoint[] {
    return this.checkpoints().filter((c) => signedBy(c, this.publicKey));
  }

  async recordCount(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.access_log')).rows[0]!.n;
  }

  /** `npm run audit:verify` as an operator runs it, with this process's database and anchor. */
  verifyCli(): Promise<{ status: number | null; output: string; result: { verified?: boolean; reason?: string; records?: number } | null }> {
    return new Promise((resolve) => {
      const cli = spawn('npm', ['run', '--silent', 'audit:verify'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...this.anchorEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      cli.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      cli.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const timer = setTimeout(() => cli.kill('SIGKILL'), 60_000);
      cli.on('exit', (status) => {
        clearTimeout(timer);
        const last = stdout.trim().split('\n').pop() ?? '';
        let result: { verified?: boolean } | null = null;
        try {
          result = JSON.parse(last);
        } catch {
          result = null;
        }
        resolve({ status, output: `${stdout}\n${stderr}`.trim().slice(0, 800), result });
      });
    });
  }

  /** With database rights (triggers off for this session): remove the newest `n` records and move the chain's end back. */
  async truncateNewest(n: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('DELETE FROM audit.access_log WHERE id IN (SELECT id FROM audit.access_log ORDER BY id DESC LIMIT $1)', [n]);
      await client.query(`UPDATE audit.chain SET last_hash = COALESCE((SELECT hash FROM audit.access_log ORDER BY id DESC LIMIT 1), 'genesis') WHERE id = 1`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async emptyToGenesis(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('DELETE FROM audit.access_log');
      await client.query(`UPDATE audit.chain SET last_hash = 'genesis' WHERE id = 1`);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  /** The chain as verify() sees it: after a clean cut it still says ok, which is why the anchor exists. */
  chainAlone() {
    return new AuditLog(this.pool, { subjectKey: TEST_AUDIT_SUBJECT_KEY }).verify();
  }
}

function signedBy(checkpoint: Checkpoint, key: KeyObject): boolean {
  const { signature, ...content } = checkpoint;
  if (typeof signature !== 'string') return false;
  try {
    return verify(null, Buffer.from(canonicalJson(content as never), 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
      if (String((error as Error).message).startsWith('the subgraph exited')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A checkpoint an attacker signs with a key of their own, claiming the state they left behind. */
async function forgedCheckpointFor(subgraph: AnchoredSubgraph): Promise<string> {
  const { rows } = await subgraph.pool.query<{ id: string; hash: string }>('SELECT id::text, hash FROM audit.access_log ORDER BY id DESC LIMIT 1');
  const content = { records: await subgraph.recordCount(), lastId: rows[0]?.id ?? null, lastHash: rows[0]?.hash ?? 'genesis', at: new Date().toISOString() };
  const { privateKey } = generateKeyPairSync('ed25519');
  return JSON.stringify({ ...content, signature: sign(null, Buffer.from(canonicalJson(content as never), 'utf8'), privateKey).toString('base64url') });
}

describe('a trail cut short at its newest end, with audit.chain moved back', () => {
  const subgraph = new AnchoredSubgraph();
  beforeAll(async () => {
    await subgraph.start();
    await subgraph.reads(6);
  }, 60_000);
  afterAll(() => subgraph.stop());

  it('the process writes signed checkpoints outside PostgreSQL: record count, last id, last hash, time', async () => {
    const newest = await waitFor(() => subgraph.validCheckpoints().find((c) => c.records >= 6), 5_000, 'a signed checkpoint covering the 6 reads');
    const all = subgraph.checkpoints();
    expect(all.length).toBeGreaterThan(0);
    for (const checkpoint of all) {
      expect(checkpoint).toMatchObject({ records: expect.any(Number), lastHash: expect.any(String), at: expect.any(String), signature: expect.any(String) });
      expect(Number.isNaN(Date.parse(checkpoint.at))).toBe(false);
      expect(signedBy(checkpoint, subgraph.publicKey), JSON.stringify(checkpoint)).toBe(true);
    }
    const { rows } = await subgraph.pool.query<{ hash: string; upto: number }>(
      'SELECT hash, (SELECT count(*)::int FROM audit.access_log WHERE id <= $1) AS upto FROM audit.access_log WHERE id = $1',
      [newest.lastId],
    );
    expect(rows[0]?.hash).toBe(newest.lastHash);
    expect(rows[0]?.upto).toBe(newest.records);
  });

  it('/health shows the chain verified, when, and over how many records', async () => {
    const health = await waitFor(
      async () => {
        const h = await subgraph.health();
        return h.audit?.verified === true && (h.audit.records ?? 0) >= 6 ? h : undefined;
      },
      5_000,
      '/health to show audit.verified true',
    );
    expect(Date.now() - Date.parse(health.audit!.checkedAt!)).toBeLessThan(60_000);
  });

  it('npm run audit:verify exits 0 on the untouched trail and says verified', async () => {
    await waitFor(
      async () => {
        const n = await subgraph.recordCount();
        return subgraph.validCheckpoints().some((c) => c.records === n) || undefined;
      },
      5_000,
      'a checkpoint of the current state',
    );
    const cli = await subgraph.verifyCli();
    expect(cli.status, cli.output).toBe(0);
    expect(cli.result, cli.output).toMatchObject({ verified: true });
  });

  it('deleting the newest 2 records and moving audit.chain back is reported by /health, the log and the CLI — and a checkpoint signed with another key does not cover it', async () => {
    await waitFor(
      async () => {
        const n = await subgraph.recordCount();
        return subgraph.validCheckpoints().some((c) => c.records === n) || undefined;
      },
      5_000,
      'a checkpoint of the current state',
    );
    const logMark = subgraph.stderr.length;
    await subgraph.truncateNewest(2);
    appendFileSync(join(subgraph.dir, 'checkpoints.jsonl'), `${await forgedCheckpointFor(subgraph)}\n`);
    // The cut is clean as far as the chain alone can tell: only the anchor can see it.
    expect(await subgraph.chainAlone()).toMatchObject({ ok: true });

    const health = await waitFor(
      async () => {
        const h = await subgraph.health();
        return h.audit?.verified === false ? h : undefined;
      },
      4_000,
      '/health to show audit.verified false',
    );
    expect(health.audit!.reason, JSON.stringify(health.audit)).toEqual(expect.any(String));
    const errorLines = subgraph.stderr.slice(logMark).filter((line) => /"level":"error"/.test(line) && /audit/i.test(line));
    expect(errorLines.length, subgraph.stderr.slice(logMark).join('\n')).toBeGreaterThan(0);

    const cli = await subgraph.verifyCli();
    expect(cli.status, cli.output).not.toBe(0);
    expect(cli.status, cli.output).not.toBeNull();
    expect(cli.result, cli.output).toMatchObject({ verified: false });
  });

  it('new records on top of the rollback (more than were cut) do not make it good again, nor get signed over', async () => {
    const signedBefore = subgraph.validCheckpoints().length;
    await subgraph.reads(4);
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS * 5));
    expect((await subgraph.health()).audit?.verified).toBe(false);
    expect(subgraph.validCheckpoints().length, 'no checkpoint signed over the broken trail').toBe(signedBefore);
    const cli = await subgraph.verifyCli();
    expect(cli.status, cli.output).not.toBe(0);
    expect(cli.result, cli.output).toMatchObject({ verified: false });
  });
});

describe('a trail emptied and its chain reset to genesis', () => {
  const subgraph = new AnchoredSubgraph();
  beforeAll(async () => {
    await subgraph.start();
    await subgraph.reads(3);
  }, 60_000);
  afterAll(() => subgraph.stop());

  it('is reported by /health and the CLI', async () => {
    await waitFor(() => subgraph.validCheckpoints().some((c) => c.records === 3) || undefined, 5_000, 'a checkpoint of the 3 reads');
    await subgraph.emptyToGenesis();
    expect(await subgraph.chainAlone()).toMatchObject({ ok: true, checked: 0 });
    await waitFor(async () => ((await subgraph.health()).audit?.verified === false ? true : undefined), 4_000, '/health to show audit.verified false');
    const cli = await subgraph.verifyCli();
    expect(cli.status, cli.output).not.toBe(0);
    expect(cli.result, cli.output).toMatchObject({ verified: false });
  });
});
