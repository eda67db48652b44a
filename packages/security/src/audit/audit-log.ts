import { createHmac, randomUUID } from 'node:crypto';
import type { Logger } from '@egov/core';
import { canonicalJson, maskPersonalIds } from '@egov/core';
import { migrate, type Pool, withTransactionClient } from '@egov/stores';
import { type ProcessMetrics, withSpan } from '@egov/telemetry';

export const AUDIT_MIGRATIONS = new URL('../../migrations/audit/', import.meta.url);

/** One read of one subject's personal data by one request. */
export interface AccessRecord {
  at: Date;
  requestId: string;
  service: string;
  actorKind: string;
  actorId: string;
  actorAgency: string | null;
  purpose: string | null;
  subjectId: string;
  fields: string[];
  /** The consents the read was made under (a partner's read for a purpose no law exempts); none otherwise. */
  consentIds?: string[];
}

export interface StoredAccess extends Omit<AccessRecord, 'subjectId' | 'consentIds'> {
  id: string;
  consentIds: string[];
  subjectMasked: string;
}

export interface AuditLogOptions {
  /** HMAC key for subjects; the same in every process, or lookups across processes fail. */
  subjectKey: string;
  /**
   * How long a batch stays open for more records before it is written. Default 0: written once the current
   * turn of the event loop ends, or, while a batch is being written, right after it with everything that
   * queued meanwhile (group commit without a timer: no wait when quiet, large batches under load).
   */
  flushAfterMs?: number;
  /** Records per batch insert. Default 500. */
  maxBatch?: number;
  /** Batch sizes, flush durations and failures, records waiting (deploy/METRICS.md, Audit trail). */
  metrics?: ProcessMetrics;
}

/** The chain checked from 'genesis'; when whole, the record it ends at ('genesis' and no id when empty). */
export type ChainCheck = { ok: true; checked: number; end: { id: string | null; hash: string } } | { ok: false; checked: number; brokenAt: string };

/** A point of the chain already verified (a signed checkpoint): a check may go on from it instead of from 'genesis'. */
export interface ChainPoint {
  id: string;
  hash: string;
  /** Records up to and including `id`. */
  records: number;
}

interface Pending {
  record: AccessRecord;
  done: (error?: unknown) => void;
}

/**
 * The audit trail of personal-data reads, in PostgreSQL. Writes are group-committed: records queued while
 * a batch is being written go in the next transaction together, and each caller's promise settles when
 * its batch is durable, so a response waits for its audit records without every request paying a round
 * trip of its own, and without waiting for a window to close when nothing else is being written.
 * Each record's hash covers its content and the previous hash; the chain's end is one locked row, so
 * appends from every process form one sequence and any edit or deletion shows when the chain is checked.
 */
export class AuditLog {
  private queue: Pending[] = [];
  private scheduled: { windowed: boolean; cancel: () => void } | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  /** Keys the chain: whoever can write to the database but lacks the audit key cannot forge a consistent chain. */
  private readonly chainKey: Buffer;
  private readonly flushAfterMs: number;
  private readonly maxBatch: number;
  /**
   * This writer's durability mark (audit.durability_marks; one row per process and log), without parameters so
   * it can follow the COMMIT in one simple query: the writer id is our own UUID.
   */
  private readonly durabilityMarkSql = `INSERT INTO audit.durability_marks (writer, at) VALUES ('${randomUUID()}', now())
    ON CONFLICT (writer) DO UPDATE SET at = excluded.at`;

  constructor(
    private readonly pool: Pool,
    private readonly options: AuditLogOptions,
    private readonly logger?: Logger,
  ) {
    if (options.subjectKey.length < 16) throw new Error('The audit subject key must be at least 16 characters');
    this.chainKey = createHmac('sha256', options.subjectKey).update('egov-graph/audit-chain/v1').digest();
    this.flushAfterMs = options.flushAfterMs ?? 0;
    this.maxBatch = options.maxBatch ?? 500;
  }

  migrate(): Promise<string[]> {
    return migrate(this.pool, 'audit', AUDIT_MIGRATIONS);
  }

  subjectHash(subjectId: string): string {
    return createHmac('sha256', this.options.subjectKey).update(subjectId).digest('base64url');
  }

  /** Queues records; resolves when they are committed (or rejects if they could not be). */
  append(records: readonly AccessRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    // A request that outlived the server's shutdown (cut off after the drain grace) must not write to a closed pool.
    if (this.closed) return Promise.reject(new Error('The audit log is closed'));
    return new Promise<void>((resolve, reject) => {
      let left = records.length;
      let failed = false;
      for (const record of records) {
        this.queue.push({
          record,
          done: (error) => {
            if (failed) return;
            if (error) {
              failed = true;
              reject(error);
            } else if (--left === 0) resolve();
          },
        });
      }
      this.options.metrics?.auditQueued(this.queue.length);
      if (this.queue.length >= this.maxBatch) this.flushSoon(0);
      else this.flushSoon(this.flushAfterMs);
    });
  }

  private flushSoon(delay: number): void {
    // A batch already waiting takes these records too; only a full queue (delay 0) cuts a window short.
    if (this.scheduled && (delay > 0 || !this.scheduled.windowed)) return;
    this.scheduled?.cancel();
    const start = () => {
      this.scheduled = null;
      this.flushing = this.flushing.then(() => this.flush());
    };
    if (delay > 0) {
      const timer = setTimeout(start, delay);
      this.scheduled = { windowed: true, cancel: () => clearTimeout(timer) };
    } else {
      // Not setTimeout(0), which still waits ~1 ms: right after this turn's I/O callbacks, so the records of
      // every request that finished in the same turn share the batch.
      const immediate = setImmediate(start);
      this.scheduled = { windowed: false, cancel: () => clearImmediate(immediate) };
    }
  }

  /** Writes everything queued so far (batches of maxBatch). */
  async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const started = performance.now();
      try {
        // In the trace of the request whose records opened the batch (timers keep the context).
        await withSpan('audit.flush', { 'egov.audit.batch_size': batch.length }, () => this.write(batch.map((p) => p.record)));
        this.options.metrics?.auditFlushed(batch.length, (performance.now() - started) / 1000, true);
        for (const p of batch) p.done();
      } catch (error) {
        this.options.metrics?.auditFlushed(batch.length, (performance.now() - started) / 1000, false);
        this.logger?.error('audit records could not be written', { error, records: batch.length });
        for (const p of batch) p.done(error);
      }
      this.options.metrics?.auditQueued(this.queue.length);
    }
  }

  /**
   * Returns once everything committed before it, by any process, is durable: a commit with a WAL flush, of this
   * writer's own row (no writer waits on another's). Batches commit without waiting for the flush, so that the
   * chain's lock, which every writer of every process queues on, is held for two round trips, not for a disk
   * write; each batch's callers are answered only after this.
   */
  async makeDurable(): Promise<void> {
    await this.pool.query(this.durabilityMarkSql);
  }

  /**
   * One batch in two round trips, because every writer of every process takes the chain's lock in turn and holds
   * it until its commit (four subgraphs answering one prefill write at the same moment): begin and lock the chain's
   * end; then, in one message, the records, the new end, the commit (which does not wait for the WAL flush, so the
   * lock is let go at once) and this writer's durability mark (which does). The second message carries its values
   * as quoted literals, as a statement with parameters cannot share a message with the commit: the lock is then
   * held for one round trip instead of two.
   */
  private async write(records: AccessRecord[]): Promise<void> {
    await withTransactionClient(this.pool, async (client) => {
      const results = (await client.query(
        'BEGIN; SET LOCAL synchronous_commit = off; SELECT last_hash FROM audit.chain WHERE id = 1 FOR UPDATE',
      )) as unknown as { rows: { last_hash: string }[] }[];
      let prev = results[2]!.rows[0]!.last_hash;
      const text = (value: string | null) => (value === null ? 'NULL' : client.escapeLiteral(refuseNul(value)));
      const texts = (values: readonly string[] | null | undefined) =>
        values === null || values === undefined ? 'NULL' : `ARRAY[${values.map(text).join(', ')}]::text[]`;
      const tuples: string[] = [];
      for (const record of records) {
        const row = this.rowOf(record);
        const hash = chainHash(this.chainKey, prev, row);
        tuples.push(
          `(${[
            `${text(row.at)}::timestamptz`,
            text(row.requestId),
            text(row.service),
            text(row.actorKind),
            text(row.actorId),
            text(row.actorAgency),
            text(row.purpose),
            text(row.subjectHash),
            text(row.subjectMasked),
            texts(row.fields),
            texts(row.consentIds),
            text(prev),
            text(hash),
          ].join(', ')})`,
        );
        prev = hash;
      }
      // The mark commits after the batch, with a WAL flush: once it returns the batch is on disk (makeDurable).
      // Should a statement fail, the rest of the message is skipped and the transaction stays open for the rollback.
      await client.query(
        `WITH appended AS (
           INSERT INTO audit.access_log (at, request_id, service, actor_kind, actor_id, actor_agency, purpose, subject_hash, subject_masked, fields, consent_ids, prev_hash, hash)
           VALUES ${tuples.join(', ')})
         UPDATE audit.chain SET last_hash = ${text(prev)} WHERE id = 1; COMMIT; ${this.durabilityMarkSql}`,
      );
    });
  }

  private rowOf(record: AccessRecord) {
    return withConsents(record.consentIds, {
      at: record.at.toISOString(),
      requestId: record.requestId,
      service: record.service,
      actorKind: record.actorKind,
      actorId: record.actorId,
      actorAgency: record.actorAgency,
      purpose: record.purpose,
      subjectHash: this.subjectHash(record.subjectId),
      subjectMasked: maskPersonalIds(record.subjectId),
      fields: [...record.fields].sort(),
    });
  }

  /** A subject's access log, newest first. */
  async recordsFor(subjectId: string, options: { first?: number; beforeId?: string } = {}): Promise<StoredAccess[]> {
    const { rows } = await this.pool.query(
      `SELECT id::text, at, request_id, service, actor_kind, actor_id, actor_agency, purpose, subject_masked, fields, consent_ids
       FROM audit.access_log a WHERE subject_hash = $1 AND ($2::bigint IS NULL OR a.id < $2::bigint) ORDER BY a.id DESC LIMIT $3`,
      [this.subjectHash(subjectId), options.beforeId ?? null, Math.min(options.first ?? 50, 500)],
    );
    return rows.map((r) => ({ id: r.id, at: r.at, ...accessOfRow(r), consentIds: r.consent_ids ?? [] }));
  }

  /** Recomputes the chain from the first record: where it breaks, a record was changed, removed or inserted. */
  async verify(): Promise<{ ok: true; checked: number } | { ok: false; checked: number; brokenAt: string }> {
    const check = await this.checkChain();
    return check.ok ? { ok: true, checked: check.checked } : check;
  }

  /**
   * `verify`, also naming the record the chain ends at. The end (count, newest record, audit.chain) and the
   * records up to it are read in one read-only snapshot, the records through a cursor page by page, so a trail of
   * any length is checked in constant memory and records appended meanwhile are left for the next check.
   *
   * A cursor rather than a query per page: the planner is asked for all the records in order, and takes the
   * primary key's order. A page as `ORDER BY id LIMIT n` was planned from the table's statistics, and on a trail
   * that grew faster than autovacuum analysed it (a fresh database after a busy minute) every page sorted the whole
   * remaining range on disk: 150 000 records cost PostgreSQL seconds of CPU per reading (BENCHMARKS.md).
   */
  async checkChain(pageSize = 5_000, from?: ChainPoint): Promise<ChainCheck> {
    const page = Math.max(1, Math.floor(pageSize));
    return withTransactionClient(this.pool, async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // From a point already verified, only what came after it is read (and counted): a trail of millions of
      // records is checked every minute at the cost of that minute's records. The caller vouches for `from`.
      const { rows: ends } = await client.query<{ records: number; last_id: string | null; chain_end: string }>(
        `SELECT (SELECT count(*) FROM audit.access_log WHERE id > $1::bigint)::int AS records, newest.id::text AS last_id,
                (SELECT last_hash FROM audit.chain WHERE id = 1) AS chain_end
         FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT id FROM audit.access_log ORDER BY id DESC LIMIT 1) AS newest ON true`,
        [from?.id ?? '0'],
      );
      const end = { ...ends[0]!, records: ends[0]!.records + (from?.records ?? 0) };
      let prev = from?.hash ?? 'genesis';
      let checked = from?.records ?? 0;
      let broken: string | null = null;
      if (end.last_id !== null) {
        await client.query(
          `DECLARE audit_chain NO SCROLL CURSOR FOR
           SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, request_id, service, actor_kind, actor_id, actor_agency, purpose,
                  subject_hash, subject_masked, fields, consent_ids, prev_hash, hash FROM audit.access_log a
           WHERE a.id > $1::bigint AND a.id <= $2::bigint ORDER BY a.id`,
          [from?.id ?? '0', end.last_id],
        );
        while (broken === null) {
          const { rows } = await client.query(`FETCH ${page} FROM audit_chain`);
          for (const r of rows) {
            const row = withConsents(r.consent_ids, { at: r.at, ...accessOfRow(r), subjectHash: r.subject_hash });
            if (r.prev_hash !== prev || chainHash(this.chainKey, prev, row) !== r.hash) {
              broken = r.id as string;
              break;
            }
            prev = r.hash;
            checked += 1;
          }
          if (rows.length < page) break;
        }
      }
      await client.query('COMMIT');
      if (broken !== null) return { ok: false, checked, brokenAt: broken };
      // Fewer records read than counted, or audit.chain ending elsewhere: the trail is not what it says it is.
      if (checked !== end.records || end.chain_end !== prev) return { ok: false, checked, brokenAt: 'end of chain' };
      return { ok: true, checked, end: { id: end.last_id, hash: prev } };
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.scheduled?.cancel();
    this.scheduled = null;
    await this.flushing;
    await this.flush();
  }
}

/** Who read what for which purpose, as the columns of an access_log row hold it. */
function accessOfRow(r: Record<string, unknown>) {
  return {
    requestId: r.request_id as string,
    service: r.service as string,
    actorKind: r.actor_kind as string,
    actorId: r.actor_id as string,
    actorAgency: r.actor_agency as string | null,
    purpose: r.purpose as string | null,
    subjectMasked: r.subject_masked as string,
    fields: r.fields as string[],
  };
}

/**
 * A record's hashed content with the consents it was read under, when there were any: records without
 * (all those written before consents existed) hash exactly as they always did, so the chain still verifies.
 */
function withConsents<T extends object>(consentIds: readonly string[] | null | undefined, row: T): T & { consentIds?: string[] } {
  return consentIds && consentIds.length > 0 ? { ...row, consentIds: [...consentIds].sort() } : row;
}

/**
 * PostgreSQL text cannot hold NUL, and a NUL inside a literal would end the message early: refused here, as a bound
 * parameter would be refused by the server.
 */
function refuseNul(value: string): string {
  if (value.includes('\0')) throw new TypeError('An audit record cannot hold the character NUL');
  return value;
}

function chainHash(key: Buffer, prev: string, row: object): string {
  return createHmac('sha256', key).update(prev).update('\n').update(canonicalJson(row)).digest('hex');
}
