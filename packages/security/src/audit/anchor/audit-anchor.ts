import { type KeyObject, randomUUID } from 'node:crypto';
import type { Logger } from '@egov/core';
import type { Pool } from '@egov/stores';
import type { AuditLog, ChainPoint } from '../audit-log.js';
import { type Checkpoint, type CheckpointStore, signCheckpoint } from './checkpoints.js';
import { jsonSignatureValid, signJson } from './signed-json.js';

/** The last verification of the trail, as /health and the CLI show it. */
export interface AnchorStatus {
  verified: boolean;
  checkedAt: string;
  /** Records in the trail when checked. */
  records: number;
  /** Why not, when not. */
  reason?: string;
  /** The process whose signed verdict this is, when it was taken over from another process (not checked here). */
  by?: string;
}

/** What a process publishes after checking the trail itself, signed, for the others to take over. */
interface Verdict extends AnchorStatus {
  writer: string;
  /** The publishing anchor: a process never takes over its own verdict. */
  instance: string;
}

export interface AuditAnchorOptions {
  audit: AuditLog;
  pool: Pool;
  store: CheckpointStore;
  /** The verifying key; the signing key only where checkpoints are written (not in the CLI). */
  keys: { publicKey: KeyObject; privateKey: KeyObject | null };
  /** Named in the checkpoints this process writes. */
  writer: string;
  logger?: Logger;
  clock?: () => Date;
  /**
   * How often a scheduled round recomputes the whole chain from 'genesis' (the first round of a process always
   * does). The rounds between go on from the newest signed checkpoint, once its record is found exactly as
   * signed: truncation and rollback are caught every round either way; an in-place edit of a record older
   * than the checkpoint, by the chain at the next whole round. Default 24 h (AUDIT_ANCHOR_FULL_EVERY_MS).
   */
  fullEveryMs?: number;
  /**
   * A round may take over the fresh verdict another process signed within this many ms instead of reading the
   * same records again; 0 (the default for a bare run(), the CLI and tests) never does. start(everyMs) makes it
   * 0.9 × everyMs: across any number of processes the trail is then read about once per round, not once per process.
   * The first round of a process and its whole-chain rounds always check for themselves.
   */
  adoptVerdictsWithinMs?: number;
}

/** One writer at a time across every process on the database; the others verify. */
const WRITER_LOCK = 'egov:audit-anchor:writer';
/** One process reads the trail at a time in scheduled rounds; the others take over its verdict. */
const READER_LOCK = 'egov:audit-anchor:reader';
/** How often a round waiting for the reading turn looks for the verdict or the turn again. */
const TURN_POLL_MS = 250;

/**
 * Anchors the audit trail outside PostgreSQL. A whole check recomputes the hash chain from 'genesis' and
 * holds it against the newest checkpoint whose signature verifies: the record that checkpoint names must
 * still be there with the same hash, with exactly as many records up to it. Deleting the newest records
 * and moving audit.chain back, or emptying the trail to 'genesis', passes the chain alone but not this,
 * also after new records were appended on top. When the trail verifies, the process holding the writer
 * lock signs a checkpoint of what it verified; a process never signs a state it found broken.
 */
export class AuditAnchor {
  private last: AnchorStatus | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly clock: () => Date;
  private lastFullAt: number | null = null;
  private adoptWithinMs: number;
  private readonly instance = randomUUID();
  private stopping = false;

  constructor(private readonly options: AuditAnchorOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.adoptWithinMs = options.adoptVerdictsWithinMs ?? 0;
  }

  /** The last result; null before the first check finished. */
  status(): AnchorStatus | null {
    return this.last;
  }

  /** Verifies the whole trail against the newest checkpoint, without writing one (the CLI). */
  async verify(): Promise<AnchorStatus & { checkpoint: Checkpoint | null }> {
    const outcome = await this.check(true);
    return { ...outcome.status, checkpoint: outcome.checkpoint };
  }

  /** One scheduled round: verify, log, and (holding the writer lock) sign a checkpoint of a verified state. */
  async run(): Promise<AnchorStatus> {
    let status: AnchorStatus;
    try {
      const now = this.clock().getTime();
      const full = this.lastFullAt === null || now - this.lastFullAt >= (this.options.fullEveryMs ?? 86_400_000);
      const turn = await this.takeTurn(full);
      if ('adopted' in turn) status = turn.adopted;
      else {
        try {
          const outcome = await this.check(full);
          if (full) this.lastFullAt = now;
          status = outcome.status;
          if (outcome.end && this.options.keys.privateKey) await this.writeCheckpoint(outcome.status, outcome.end);
          await this.publish(status);
        } finally {
          await turn.release();
        }
      }
    } catch (error) {
      // Not a verdict on the trail: it could not be read (the database is down). Still not verified.
      status = this.notChecked((error as Error).message);
      this.options.logger?.warn('audit trail could not be checked against its anchor', { error });
    }
    if (!status.verified && !status.reason?.startsWith('the audit trail could not be checked'))
      this.options.logger?.error('audit trail verification failed: it no longer matches its newest signed checkpoint', {
        reason: status.reason,
        records: status.records,
        anchor: this.options.store.location,
      });
    else if (status.verified && this.last && !this.last.verified) this.options.logger?.info('audit trail verified again', { records: status.records });
    this.last = status;
    return status;
  }

  /** Not a verdict on the trail: it could not be read (the database is down, the process stopped). Still not verified. */
  private notChecked(why: string): AnchorStatus {
    return { verified: false, checkedAt: this.clock().toISOString(), records: this.last?.records ?? 0, reason: `the audit trail could not be checked: ${why}` };
  }

  /** Runs a round now and every `everyMs` (rounds never overlap; the timer does not hold the process). */
  start(everyMs: number): void {
    if (this.options.adoptVerdictsWithinMs === undefined) this.adoptWithinMs = Math.floor(everyMs * 0.9);
    const round = () => {
      this.running = this.running.then(() => this.run()).catch(() => undefined);
    };
    round();
    this.timer = setInterval(round, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Whether this round reads the trail itself, and then holding the turn, or takes over the verdict of the process
   * that just did. The rounds of every process fall due together (they start together and share the schedule), and
   * each reading the same new records at once multiplied the work by the number of processes: after a busy minute,
   * five subgraphs hashing the same 100 000 records together held both cores of the bench machine for 45 s
   * (BENCHMARKS.md). So one process reads at a time (a PostgreSQL advisory lock, freed if its connection dies); a
   * round between whole ones that finds the turn taken waits for that process's signed verdict and takes it over. A
   * whole round (the first of a process, then daily) still reads for itself, in turn. A turn not free within the
   * sharing window is not waited for any longer: the round reads anyway, as it did before turns.
   */
  private async takeTurn(full: boolean): Promise<{ adopted: AnchorStatus } | { release: () => Promise<void> }> {
    if (this.adoptWithinMs <= 0) return { release: async () => undefined };
    const giveUpAt = Date.now() + this.adoptWithinMs;
    const shared = async () => (full ? null : await this.sharedVerdict(this.clock().getTime()));
    for (;;) {
      const fresh = await shared();
      if (fresh) return { adopted: fresh };
      const release = await this.tryReadingTurn();
      if (release) {
        // Looked at again holding the turn: the process that held it may have published in between.
        const published = await shared().catch(async (error: unknown) => {
          await release();
          throw error;
        });
        if (!published) return { release };
        await release();
        return { adopted: published };
      }
      if (this.stopping) return { adopted: this.last ?? this.notChecked('the process stopped before its turn') };
      if (Date.now() >= giveUpAt) return { release: async () => undefined };
      await new Promise((resolve) => setTimeout(resolve, TURN_POLL_MS).unref());
    }
  }

  /** The reading turn if it is free now, as the function that gives it back; null if another process holds it. */
  private async tryReadingTurn(): Promise<(() => Promise<void>) | null> {
    const client = await this.options.pool.connect();
    let held = false;
    try {
      const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [READER_LOCK]);
      held = rows[0]?.held === true;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    if (!held) {
      client.release();
      return null;
    }
    return async () => {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [READER_LOCK]);
        client.release();
      } catch (error) {
        // The connection is dropped instead, which frees the lock on the server.
        client.release(error as Error);
      }
    };
  }

  /** `full`: the chain from 'genesis'; otherwise from the newest checkpoint, once its record is found as signed. */
  private async check(
    full: boolean,
  ): Promise<{ status: AnchorStatus; checkpoint: Checkpoint | null; end?: { id: string | null; hash: string; records: number } }> {
    const { audit, store, keys } = this.options;
    // The checkpoint is read before the chain: it can only be older than the state checked, never newer.
    const { checkpoint, untrusted } = await store.newest(keys.publicKey);
    if (untrusted > 0) this.options.logger?.warn('the audit anchor holds entries whose signature does not verify; they vouch for nothing', { untrusted });
    const checkedAt = this.clock().toISOString();
    const failed = (records: number, reason: string) => ({ status: { verified: false, checkedAt, records, reason }, checkpoint });
    const from: ChainPoint | undefined =
      !full && checkpoint?.lastId ? { id: checkpoint.lastId, hash: checkpoint.lastHash, records: checkpoint.records } : undefined;
    if (from && checkpoint) {
      const problem = await this.checkpointProblem(checkpoint);
      if (problem) return failed(problem.records, problem.reason);
    }
    const chain = await audit.checkChain(undefined, from);
    if (!chain.ok) return failed(chain.checked, `the hash chain breaks at ${chain.brokenAt === 'end of chain' ? 'its end' : `record ${chain.brokenAt}`}`);
    if (checkpoint && !from) {
      if (chain.checked < checkpoint.records) return failed(chain.checked, `the trail holds ${chain.checked} records; ${vouchedBy(checkpoint)}`);
      const problem = await this.checkpointProblem(checkpoint);
      if (problem) return failed(chain.checked, problem.reason);
    }
    return { status: { verified: true, checkedAt, records: chain.checked }, checkpoint, end: { ...chain.end, records: chain.checked } };
  }

  /** Signs this process's own verdict on the trail and puts it where the other processes look (never fatal). */
  private async publish(status: AnchorStatus): Promise<void> {
    const { keys, pool, writer } = this.options;
    if (!keys.privateKey || this.adoptWithinMs <= 0) return;
    // Exactly these keys (no undefined ones), so what is read back from jsonb is what was signed.
    const verdict: Verdict = {
      verified: status.verified,
      checkedAt: status.checkedAt,
      records: status.records,
      ...(status.reason === undefined ? {} : { reason: status.reason }),
      writer,
      instance: this.instance,
    };
    const signature = signJson(verdict, keys.privateKey);
    await pool
      .query(
        `INSERT INTO audit.anchor_verdict (id, verdict, signature) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET verdict = excluded.verdict, signature = excluded.signature`,
        [JSON.stringify(verdict), signature],
      )
      .catch((error: unknown) => this.options.logger?.warn('the audit anchor could not share its verdict with the other processes', { error }));
  }

  /**
   * Another process's verdict, if it is signed with the anchor's key, fresh (checked within adoptVerdictsWithinMs)
   * and not this process's own; otherwise null, and the round checks the trail itself.
   */
  private async sharedVerdict(now: number): Promise<AnchorStatus | null> {
    if (this.adoptWithinMs <= 0) return null;
    const { rows } = await this.options.pool.query<{ verdict: Verdict; signature: string }>('SELECT verdict, signature FROM audit.anchor_verdict WHERE id = 1');
    const row = rows[0];
    if (!row) return null;
    const signed = jsonSignatureValid(row.verdict, row.signature, this.options.keys.publicKey);
    const { writer, instance, ...status } = row.verdict;
    const age = now - Date.parse(status.checkedAt);
    if (!signed || instance === this.instance || !(age >= -5_000 && age <= this.adoptWithinMs)) return null;
    return { ...status, by: writer };
  }

  /** The record a checkpoint names must still be there with the signed hash, with exactly as many records up to it. */
  private async checkpointProblem(checkpoint: Checkpoint): Promise<{ reason: string; records: number } | null> {
    if (checkpoint.lastId === null) return null;
    const { rows } = await this.options.pool.query<{ hash: string; upto: number }>(
      'SELECT hash, (SELECT count(*)::int FROM audit.access_log WHERE id <= $1::bigint) AS upto FROM audit.access_log WHERE id = $1::bigint',
      [checkpoint.lastId],
    );
    const row = rows[0];
    const vouched = vouchedBy(checkpoint);
    if (!row) return { reason: `record ${checkpoint.lastId} is gone; ${vouched}`, records: 0 };
    if (row.hash !== checkpoint.lastHash) return { reason: `record ${checkpoint.lastId} no longer has the signed hash; ${vouched}`, records: row.upto };
    if (row.upto !== checkpoint.records) return { reason: `${row.upto} records lead up to record ${checkpoint.lastId}; ${vouched}`, records: row.upto };
    return null;
  }

  /** Signs what was verified, if this process is the writer now and the trail grew since the newest checkpoint. */
  private async writeCheckpoint(status: AnchorStatus, end: { id: string | null; hash: string; records: number }): Promise<void> {
    const { audit, pool, store, keys, writer } = this.options;
    const client = await pool.connect();
    // A connection lost while this client is out (the database stopped) is reported by its query; the
    // client's own 'error' event must not go unheard, or it takes the process down.
    const lost = () => undefined;
    client.on('error', lost);
    try {
      const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [WRITER_LOCK]);
      if (!rows[0]?.held) return;
      try {
        const { checkpoint: newest } = await store.newest(keys.publicKey);
        if (newest && newest.records >= end.records) return; // nothing new, or another writer was further along
        // Batches commit without waiting for the WAL flush; a checkpoint must not vouch for records a crash of
        // PostgreSQL could still take back (it would read as tampering).
        await audit.makeDurable();
        await store.append(signCheckpoint({ records: end.records, lastId: end.id, lastHash: end.hash, at: status.checkedAt, writer }, keys.privateKey!));
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [WRITER_LOCK]);
      }
    } finally {
      client.off('error', lost);
      client.release();
    }
  }
}

const vouchedBy = (checkpoint: Checkpoint) =>
  `the checkpoint of ${checkpoint.at} vouches for ${checkpoint.records} records up to record ${checkpoint.lastId ?? '(none)'}`;
