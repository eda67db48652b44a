import type { Logger } from '@egov/core';
import { RegistryClient } from '@egov/registry-client';
import { createPool, type Pool } from '@egov/stores';
import { createTestDatabase } from '@egov/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AccessRecord, AuditLog } from '../src/audit/index.js';
import { Agencies, Relations, RequestAuth } from '../src/authz/index.js';
import { ANONYMOUS, type Principal } from '../src/tokens/index.js';

const SUBJECT_KEY = 'audit-test-subject-key-0123456789';
const CITIZEN = '850314301234';
const CITIZEN_MASKED = '8503******34';
const OTHER = '010730604568';
const LLP = '080440001234';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const pools: Pool[] = [];
let pool: Pool;
let audit: AuditLog;

function newPool(): Pool {
  const created = createPool(database.url, { applicationName: 'audit-log-test', max: 4 });
  pools.push(created);
  return created;
}

let sequence = 0;
function record(overrides: Partial<AccessRecord> = {}): AccessRecord {
  sequence += 1;
  return {
    at: new Date(Date.UTC(2025, 2, 3, 9, 0, 0, sequence)),
    requestId: `req-${sequence}`,
    service: 'individuals',
    actorKind: 'partner',
    actorId: 'kgd-tax-audit',
    actorAgency: null,
    purpose: 'tax-audit',
    subjectId: CITIZEN,
    fields: ['Person.lastName', 'Person.address'],
    ...overrides,
  };
}

/** Empties the trail and resets the chain, as the superuser the tests connect as (the trigger refuses DELETE). */
async function resetTrail(): Promise<void> {
  await tamper('TRUNCATE audit.access_log RESTART IDENTITY');
  await pool.query(`UPDATE audit.chain SET last_hash = 'genesis' WHERE id = 1`);
}

/** Runs `sql` with the append-only trigger switched off: what an intruder with the superuser's rights could do. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit.access_log DISABLE TRIGGER ALL');
    await client.query(sql, params);
    await client.query('ALTER TABLE audit.access_log ENABLE TRIGGER ALL');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const ids = async (): Promise<string[]> =>
  (await pool.query<{ id: string }>('SELECT a.id::text AS id FROM audit.access_log a ORDER BY a.id')).rows.map((r) => r.id);

beforeAll(async () => {
  database = await createTestDatabase('egov_audit');
  pool = newPool();
  audit = new AuditLog(pool, { subjectKey: SUBJECT_KEY });
  expect(await audit.migrate()).toEqual([
    '001_access_log.sql',
    '002_no_truncate.sql',
    '003_consent_ids.sql',
    '004_durability_marks.sql',
    '005_anchor_verdict.sql',
  ]);
});

afterAll(async () => {
  await audit.close();
  await Promise.all(pools.map((p) => p.end()));
  await database.drop();
});

beforeEach(resetTrail);

describe('the access log', () => {
  it("gives a subject's records newest first, with the subject masked", async () => {
    await audit.append([record({ requestId: 'first', fields: ['Person.lastName'] })]);
    await audit.append([record({ requestId: 'other-subject', subjectId: OTHER })]);
    await audit.append([
      record({
        requestId: 'second',
        actorKind: 'officer',
        actorId: 'officer:621102407892',
        actorAgency: 'MINT-KTRM',
        purpose: null,
        fields: ['Person.iin', 'Person.address'],
      }),
    ]);

    const records = await audit.recordsFor(CITIZEN);
    expect(records.map((r) => r.requestId)).toEqual(['second', 'first']);
    expect(records[0]).toMatchObject({
      service: 'individuals',
      actorKind: 'officer',
      actorId: 'officer:621102407892',
      actorAgency: 'MINT-KTRM',
      purpose: null,
      subjectMasked: CITIZEN_MASKED,
      fields: ['Person.address', 'Person.iin'],
    });
    expect(records[1]).toMatchObject({
      actorKind: 'partner',
      actorId: 'kgd-tax-audit',
      purpose: 'tax-audit',
      subjectMasked: CITIZEN_MASKED,
      fields: ['Person.lastName'],
    });
    expect(records[1]!.at).toEqual(new Date(Date.UTC(2025, 2, 3, 9, 0, 0, sequence - 2)));
    expect(records.every((r) => !('subjectId' in r))).toBe(true);
    expect((await audit.recordsFor(OTHER)).map((r) => r.requestId)).toEqual(['other-subject']);
    expect(await audit.recordsFor('900101300017')).toEqual([]);
  });

  it('never stores the subject in clear: not in any column of the table', async () => {
    await audit.append([record(), record({ subjectId: LLP })]);
    const { rows } = await pool.query('SELECT * FROM audit.access_log');
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    expect(stored.includes(CITIZEN)).toBe(false);
    expect(stored.includes(LLP)).toBe(false);
    expect(rows.map((r) => r.subject_masked).sort()).toEqual(['0804******34', CITIZEN_MASKED]);
  });

  it('pages backwards with first and beforeId', async () => {
    for (let i = 1; i <= 5; i++) await audit.append([record({ requestId: `page-${i}` })]);
    const firstPage = await audit.recordsFor(CITIZEN, { first: 2 });
    expect(firstPage.map((r) => r.requestId)).toEqual(['page-5', 'page-4']);
    const secondPage = await audit.recordsFor(CITIZEN, { first: 2, beforeId: firstPage[1]!.id });
    expect(secondPage.map((r) => r.requestId)).toEqual(['page-3', 'page-2']);
    const rest = await audit.recordsFor(CITIZEN, { beforeId: secondPage[1]!.id });
    expect(rest.map((r) => r.requestId)).toEqual(['page-1']);
  });

  it('orders by record id as a number, past the ninth record too (not "10" before "9")', async () => {
    for (let i = 1; i <= 12; i++) await audit.append([record({ requestId: `n-${i}` })]);
    const all = await audit.recordsFor(CITIZEN);
    expect(all.map((r) => r.requestId)).toEqual(Array.from({ length: 12 }, (_, i) => `n-${12 - i}`));
    const page = await audit.recordsFor(CITIZEN, { first: 3, beforeId: all[1]!.id });
    expect(page.map((r) => r.requestId)).toEqual(['n-10', 'n-9', 'n-8']);
    expect(await audit.verify()).toEqual({ ok: true, checked: 12 });
  });

  it('finds a subject only with the same subject key (every process must share it)', async () => {
    await audit.append([record()]);
    const otherKey = new AuditLog(pool, { subjectKey: 'a-different-key-of-16+-characters' });
    expect(await otherKey.recordsFor(CITIZEN)).toEqual([]);
    const sameKey = new AuditLog(newPool(), { subjectKey: SUBJECT_KEY });
    expect(await sameKey.recordsFor(CITIZEN)).toHaveLength(1);
  });

  it('refuses a subject key shorter than 16 characters', () => {
    expect(() => new AuditLog(pool, { subjectKey: 'short-key' })).toThrow('The audit subject key must be at least 16 characters');
  });
});

describe('the append-only table', () => {
  it('refuses UPDATE of a record', async () => {
    await audit.append([record()]);
    await expect(pool.query(`UPDATE audit.access_log SET actor_id = 'someone-else'`)).rejects.toThrow('audit records cannot be changed or deleted');
    expect((await audit.recordsFor(CITIZEN))[0]!.actorId).toBe('kgd-tax-audit');
  });

  it('refuses DELETE of a record', async () => {
    await audit.append([record()]);
    await expect(pool.query('DELETE FROM audit.access_log')).rejects.toThrow('audit records cannot be changed or deleted');
    expect(await audit.recordsFor(CITIZEN)).toHaveLength(1);
  });

  it('refuses TRUNCATE of the log and of the chain end, and deleting the chain end', async () => {
    await audit.append([record()]);
    await expect(pool.query('TRUNCATE audit.access_log')).rejects.toThrow('audit records cannot be changed or deleted');
    await expect(pool.query('TRUNCATE audit.chain')).rejects.toThrow('audit records cannot be changed or deleted');
    await expect(pool.query('DELETE FROM audit.chain')).rejects.toThrow('audit records cannot be changed or deleted');
    expect(await audit.recordsFor(CITIZEN)).toHaveLength(1);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });
});

describe('the hash chain', () => {
  it('is keyed by the audit key: without it, nobody with only database access can write a chain that verifies', async () => {
    await audit.append([record(), record()]);
    expect(await audit.verify()).toMatchObject({ ok: true });
    expect(await new AuditLog(pool, { subjectKey: 'an-intruders-guess-of-the-key' }).verify()).toMatchObject({ ok: false, brokenAt: expect.any(String) });
  });

  it('verifies over every record, whatever batches they came in', async () => {
    expect(await audit.verify()).toEqual({ ok: true, checked: 0 });
    await audit.append([record(), record({ subjectId: OTHER }), record({ subjectId: LLP })]);
    await audit.append([record()]);
    expect(await audit.verify()).toEqual({ ok: true, checked: 4 });
  });

  it('reads the trail page by page in record order, from the start or from a point already verified', async () => {
    await audit.append([record(), record(), record()]);
    await audit.append([record(), record(), record(), record()]);
    for (const page of [1, 2, 3, 7, 8]) expect(await audit.checkChain(page)).toMatchObject({ ok: true, checked: 7 });
    const [, , third] = await ids();
    const { rows } = await pool.query<{ hash: string }>('SELECT hash FROM audit.access_log WHERE id = $1', [third]);
    expect(await audit.checkChain(2, { id: third!, hash: rows[0]!.hash, records: 3 })).toMatchObject({ ok: true, checked: 7 });
    // A point whose hash is not the record's: the next record does not link to it.
    expect(await audit.checkChain(2, { id: third!, hash: 'f'.repeat(64), records: 3 })).toMatchObject({ ok: false, checked: 3 });
  });

  it('reads one snapshot: records appended while a check reads are left for the next one, and the check holds', async () => {
    await audit.append([record(), record(), record(), record(), record()]);
    const reading = audit.checkChain(1);
    await audit.append([record(), record()]);
    expect(await reading).toMatchObject({ ok: true });
    expect(await audit.checkChain()).toMatchObject({ ok: true, checked: 7 });
  });

  it('ends its read-only transaction whatever it finds: a break mid-page leaves no connection inside one', async () => {
    await audit.append([record(), record(), record(), record()]);
    const [, second] = await ids();
    await tamper(`UPDATE audit.access_log SET purpose = 'statistics' WHERE id = $1`, [second]);
    expect(await audit.checkChain(3)).toEqual({ ok: false, checked: 1, brokenAt: second });
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'audit-log-test' AND state LIKE 'idle in transaction%'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('links each record to the one before it, from "genesis" to the chain end', async () => {
    await audit.append([record(), record()]);
    const { rows } = await pool.query<{ prev_hash: string; hash: string }>('SELECT prev_hash, hash FROM audit.access_log ORDER BY id');
    expect(rows[0]!.prev_hash).toBe('genesis');
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await pool.query('SELECT last_hash FROM audit.chain')).rows).toEqual([{ last_hash: rows[1]!.hash }]);
  });

  it("shows where a record was edited behind the trigger's back", async () => {
    await audit.append([record(), record(), record()]);
    const [, middle] = await ids();
    await tamper(`UPDATE audit.access_log SET actor_id = 'nobody', purpose = 'statistics' WHERE id = $1`, [middle]);
    expect(await audit.verify()).toEqual({ ok: false, checked: 1, brokenAt: middle });
  });

  it('shows an edit even when only the recorded time or the field list changed', async () => {
    await audit.append([record(), record()]);
    const [, second] = await ids();
    await tamper(`UPDATE audit.access_log SET at = at + interval '1 millisecond' WHERE id = $1`, [second]);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: second });
    await resetTrail();
    await audit.append([record(), record()]);
    const [again] = await ids();
    await tamper(`UPDATE audit.access_log SET fields = array_remove(fields, 'Person.address') WHERE id = $1`, [again]);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: again });
  });

  it('keeps the consents a read was made under, in the chain: records with and without them verify, and an edit of them shows', async () => {
    await audit.append([record(), record({ actorId: 'bank-credit-check', purpose: 'credit-application', consentIds: ['CNS-2026-000001'] }), record()]);
    expect(await audit.verify()).toEqual({ ok: true, checked: 3 });
    const [newest, withConsent, oldest] = await audit.recordsFor(CITIZEN);
    expect([oldest!.consentIds, withConsent!.consentIds, newest!.consentIds]).toEqual([[], ['CNS-2026-000001'], []]);
    await tamper(`UPDATE audit.access_log SET consent_ids = ARRAY['CNS-2026-999999'] WHERE id = $1`, [withConsent!.id]);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: withConsent!.id });
    await resetTrail();
    // A consent id added to a record written without one (a forged "this read was consented") shows too.
    await audit.append([record()]);
    const [plain] = await ids();
    await tamper(`UPDATE audit.access_log SET consent_ids = ARRAY['CNS-2026-000001'] WHERE id = $1`, [plain]);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: plain });
  });

  it('shows where a record was removed from the middle', async () => {
    await audit.append([record(), record(), record()]);
    const [, middle, last] = await ids();
    await tamper('DELETE FROM audit.access_log WHERE id = $1', [middle]);
    expect(await audit.verify()).toEqual({ ok: false, checked: 1, brokenAt: last });
  });

  it('shows that the newest records were removed, or the whole table emptied, at the end of the chain', async () => {
    await audit.append([record(), record(), record()]);
    const [, , last] = await ids();
    await tamper('DELETE FROM audit.access_log WHERE id = $1', [last]);
    expect(await audit.verify()).toEqual({ ok: false, checked: 2, brokenAt: 'end of chain' });
    await tamper('DELETE FROM audit.access_log');
    expect(await audit.verify()).toEqual({ ok: false, checked: 0, brokenAt: 'end of chain' });
  });
});

describe('group commit', () => {
  it('resolves each append only once its records are committed, visible to every other connection', async () => {
    const reader = newPool();
    await audit.append([record({ requestId: 'durable' })]);
    const { rows } = await reader.query(`SELECT request_id FROM audit.access_log WHERE request_id = 'durable'`);
    expect(rows).toHaveLength(1);
  });

  it('writes the appends of one window in one transaction', async () => {
    const grouped = new AuditLog(pool, { subjectKey: SUBJECT_KEY, flushAfterMs: 50 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => grouped.append([record({ requestId: `grouped-${i}` })])));
    const { rows } = await pool.query<{ transactions: number; records: number }>(
      `SELECT count(DISTINCT xmin::text)::int AS transactions, count(*)::int AS records FROM audit.access_log`,
    );
    expect(rows[0]).toEqual({ transactions: 1, records: 10 });
    expect(await audit.verify()).toEqual({ ok: true, checked: 10 });
    await grouped.close();
  });

  it('by default writes at once when nothing else is being written, and groups what queues while a batch is written', async () => {
    const eager = new AuditLog(pool, { subjectKey: SUBJECT_KEY });
    const first = eager.append([record({ requestId: 'alone' })]);
    // The first batch is on its way to PostgreSQL once this turn of the event loop ends.
    await new Promise((resolve) => setImmediate(resolve));
    const meanwhile = Array.from({ length: 6 }, (_, i) => eager.append([record({ requestId: `meanwhile-${i}` })]));
    await Promise.all([first, ...meanwhile]);
    const { rows } = await pool.query<{ request_id: string; tx: string }>(`SELECT request_id, xmin::text AS tx FROM audit.access_log ORDER BY id`);
    expect(rows.map((r) => r.request_id)).toEqual(['alone', ...Array.from({ length: 6 }, (_, i) => `meanwhile-${i}`)]);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(2);
    expect(await audit.verify()).toEqual({ ok: true, checked: 7 });
    await eager.close();
  });

  it('answers an append only after a commit that waits for the WAL flush, made after its records were committed', async () => {
    // The batch's own commit does not wait for the flush (the chain's lock is held by every writer in turn);
    // the writer's durability mark, committed after it with a flush, is what its callers wait for.
    await audit.append([record({ requestId: 'durable-after-mark' })]);
    const { rows } = await pool.query<{ records_tx: string; mark_tx: string; marks: number }>(
      `SELECT (SELECT max(xmin::text::bigint) FROM audit.access_log)::text AS records_tx,
              (SELECT max(xmin::text::bigint) FROM audit.durability_marks)::text AS mark_tx,
              (SELECT count(*)::int FROM audit.durability_marks) AS marks`,
    );
    expect(BigInt(rows[0]!.mark_tx)).toBeGreaterThan(BigInt(rows[0]!.records_tx));
    const other = new AuditLog(newPool(), { subjectKey: SUBJECT_KEY });
    await other.append([record({ requestId: 'second-writer' })]);
    const { rows: after } = await pool.query<{ marks: number }>('SELECT count(*)::int AS marks FROM audit.durability_marks');
    expect(after[0]!.marks).toBe(rows[0]!.marks + 1); // a row per writer: no writer waits on another's mark
    await other.close();
  });

  it('keeps whatever text a caller could put in a record exactly as given, and the chain verifies over it', async () => {
    const awkward = [
      "O'Brien; DROP TABLE audit.access_log; --",
      "back\\slash \\x41 E'\\'",
      '$$ $tag$ dollar quotes $tag$',
      'Ахметов Қасым-Жомарт',
      'tab\tnew\nline',
      '😀',
    ];
    await audit.append(
      awkward.map((text, i) => record({ requestId: text, purpose: text, actorId: `partner-${i}`, fields: [text, 'Person.address'], consentIds: [text] })),
    );
    const { rows } = await pool.query<{ request_id: string; purpose: string; fields: string[]; consent_ids: string[] }>(
      'SELECT request_id, purpose, fields, consent_ids FROM audit.access_log ORDER BY id',
    );
    expect(rows).toEqual(awkward.map((text) => ({ request_id: text, purpose: text, fields: ['Person.address', text].sort(), consent_ids: [text] })));
    expect(await audit.verify()).toEqual({ ok: true, checked: awkward.length });
  });

  it('refuses a record holding NUL (PostgreSQL text cannot), writes nothing of its batch, and carries on', async () => {
    const strict = new AuditLog(pool, { subjectKey: SUBJECT_KEY, flushAfterMs: 20 });
    const bad = strict.append([record({ purpose: 'before\0after' })]);
    const neighbour = strict.append([record({ requestId: 'same-batch' })]);
    await expect(bad).rejects.toThrow(/NUL/);
    await expect(neighbour).rejects.toThrow(/NUL/);
    await strict.append([record({ requestId: 'next-batch' })]);
    expect((await pool.query<{ request_id: string }>('SELECT request_id FROM audit.access_log')).rows).toEqual([{ request_id: 'next-batch' }]);
    expect(await audit.verify()).toEqual({ ok: true, checked: 1 });
    await strict.close();
  });

  it('holds the chain lock for one round trip: a batch is two messages to PostgreSQL, the second ending in the commit', async () => {
    const sent: string[] = [];
    const counting = newPool();
    counting.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        if (typeof args[0] === 'string') sent.push(args[0]);
        return query(...args);
      };
    });
    const writer = new AuditLog(counting, { subjectKey: SUBJECT_KEY });
    await writer.append([record(), record(), record()]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^BEGIN;.*FOR UPDATE$/s);
    expect(sent[1]).toMatch(/INSERT INTO audit\.access_log.*UPDATE audit\.chain.*; COMMIT; INSERT INTO audit\.durability_marks/s);
    expect(await audit.verify()).toEqual({ ok: true, checked: 3 });
    await writer.close();
  });

  it('splits a queue longer than maxBatch into several transactions, in order', async () => {
    const small = new AuditLog(pool, { subjectKey: SUBJECT_KEY, flushAfterMs: 50, maxBatch: 4 });
    await small.append(Array.from({ length: 10 }, (_, i) => record({ requestId: `split-${i}` })));
    const { rows } = await pool.query<{ request_id: string; tx: string }>(`SELECT request_id, xmin::text AS tx FROM audit.access_log ORDER BY id`);
    expect(rows.map((r) => r.request_id)).toEqual(Array.from({ length: 10 }, (_, i) => `split-${i}`));
    expect(new Set(rows.map((r) => r.tx)).size).toBe(3);
    expect(await audit.verify()).toEqual({ ok: true, checked: 10 });
    await small.close();
  });

  it('rejects the appends of a batch that could not be written, leaves the chain intact, and carries on', async () => {
    const errors: string[] = [];
    const logger: Logger = { level: 'debug', debug: () => {}, info: () => {}, warn: () => {}, error: (msg) => errors.push(msg), child: () => logger };
    const failing = new AuditLog(pool, { subjectKey: SUBJECT_KEY, flushAfterMs: 20 }, logger);
    await failing.append([record({ requestId: 'before' })]);
    const bad = failing.append([record({ requestId: null as unknown as string })]);
    const sameBatch = failing.append([record({ requestId: 'unlucky-neighbour' })]);
    await expect(bad).rejects.toThrow(/null value/);
    await expect(sameBatch).rejects.toThrow(/null value/);
    expect(errors).toEqual(['audit records could not be written']);
    await failing.append([record({ requestId: 'after' })]);
    expect((await audit.recordsFor(CITIZEN)).map((r) => r.requestId)).toEqual(['after', 'before']);
    expect(await audit.verify()).toEqual({ ok: true, checked: 2 });
    await failing.close();
  });

  it('two processes (two pools) appending at once still form one valid chain', async () => {
    const first = new AuditLog(newPool(), { subjectKey: SUBJECT_KEY, flushAfterMs: 1, maxBatch: 3 });
    const second = new AuditLog(newPool(), { subjectKey: SUBJECT_KEY, flushAfterMs: 1, maxBatch: 3 });
    const appends: Promise<void>[] = [];
    for (let i = 0; i < 40; i++) {
      appends.push(first.append([record({ requestId: `a-${i}` })]));
      appends.push(second.append([record({ requestId: `b-${i}` }), record({ requestId: `b-${i}`, subjectId: OTHER })]));
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all(appends);
    expect(await audit.verify()).toEqual({ ok: true, checked: 120 });
    const { rows } = await pool.query<{ transactions: number }>('SELECT count(DISTINCT xmin::text)::int AS transactions FROM audit.access_log');
    expect(rows[0]!.transactions).toBeGreaterThan(2);
    await Promise.all([first.close(), second.close()]);
  });
});

describe('closing', () => {
  it('writes what was queued before it resolves', async () => {
    const closing = new AuditLog(pool, { subjectKey: SUBJECT_KEY, flushAfterMs: 10_000 });
    const queued = closing.append([record({ requestId: 'queued-at-shutdown' })]);
    await closing.close();
    await expect(queued).resolves.toBeUndefined();
    expect((await audit.recordsFor(CITIZEN)).map((r) => r.requestId)).toEqual(['queued-at-shutdown']);
  });

  it('then refuses further appends, and writes nothing for them', async () => {
    const closing = new AuditLog(pool, { subjectKey: SUBJECT_KEY });
    await closing.close();
    await expect(closing.append([record({ requestId: 'too-late' })])).rejects.toThrow('The audit log is closed');
    expect(await audit.recordsFor(CITIZEN)).toEqual([]);
  });
});

describe("a request's reads, written by RequestAuth", () => {
  const noRegistry = new RegistryClient({
    registry: 'legal-entities',
    baseUrl: 'http://gbd-ul.test',
    retries: 0,
    breaker: false,
    fetch: async () => Response.json({ participations: [], entities: [] }),
  });
  const services = () => ({ relations: new Relations(noRegistry), agencies: Agencies.load(), audit, service: 'individuals' });
  const principal = (p: Partial<Principal>): Principal => ({ ...ANONYMOUS, roles: [], scopes: new Set(), ...p });

  it('become one record per subject, naming the reader without the clear IIN of a citizen', async () => {
    const citizen = new RequestAuth(principal({ kind: 'citizen', id: CITIZEN, iin: CITIZEN }), 'req-citizen', services());
    citizen.recordRead({ kind: 'person', iin: CITIZEN }, 'Person.lastName');
    citizen.recordRead({ kind: 'person', iin: CITIZEN }, 'Person.address');
    citizen.recordRead({ kind: 'person', iin: CITIZEN }, 'Person.lastName');
    citizen.recordRead({ kind: 'legal-entity', bin: LLP }, 'LegalEntity.name');
    await citizen.flushAudit(new Date('2025-03-03T10:00:00Z'));

    const own = await audit.recordsFor(CITIZEN);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      requestId: 'req-citizen',
      service: 'individuals',
      actorKind: 'citizen',
      actorId: 'self',
      fields: ['Person.address', 'Person.lastName'],
      at: new Date('2025-03-03T10:00:00Z'),
    });
    const company = await audit.recordsFor(LLP);
    expect(company[0]).toMatchObject({ actorKind: 'citizen', actorId: `citizen:${CITIZEN_MASKED}`, subjectMasked: '0804******34' });

    const portal = new RequestAuth(principal({ kind: 'portal', id: 'egov-portal', iin: CITIZEN, clientId: 'egov-portal' }), 'req-portal', services());
    portal.recordRead({ kind: 'legal-entity', bin: LLP }, 'LegalEntity.name');
    await portal.flushAudit();
    expect((await audit.recordsFor(LLP))[0]).toMatchObject({ actorKind: 'portal', actorId: `egov-portal for citizen:${CITIZEN_MASKED}` });

    const partner = new RequestAuth(
      principal({ kind: 'partner', id: 'kgd-tax-audit', clientId: 'kgd-tax-audit', purpose: 'tax-audit' }),
      'req-partner',
      services(),
    );
    partner.recordRead({ kind: 'person', iin: CITIZEN }, 'Person.address');
    await partner.flushAudit();
    expect((await audit.recordsFor(CITIZEN))[0]).toMatchObject({ actorKind: 'partner', actorId: 'kgd-tax-audit', purpose: 'tax-audit', actorAgency: null });

    const { rows } = await pool.query('SELECT actor_id FROM audit.access_log');
    expect(JSON.stringify(rows).includes(CITIZEN)).toBe(false);
    expect(await audit.verify()).toEqual({ ok: true, checked: 4 });
  });

  it('are written once: a second flush of the same request adds nothing', async () => {
    const auth = new RequestAuth(principal({ kind: 'partner', id: 'stat-register', clientId: 'stat-register', purpose: 'statistics' }), 'req-once', services());
    auth.recordRead({ kind: 'legal-entity', bin: LLP }, 'LegalEntity.name');
    await auth.flushAudit();
    await auth.flushAudit();
    expect(await audit.recordsFor(LLP)).toHaveLength(1);
  });
});
