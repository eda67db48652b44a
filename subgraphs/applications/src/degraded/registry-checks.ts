import { backoffMs, ErrorCode, graphqlError, type Logger } from '@egov/core';
import type { Registry, RegistryFact } from '@egov/domain';
import type { Pool, PoolClient } from '@egov/stores';
import { withSpan } from '@egov/telemetry';
import { PollingWorker } from '../work/polling-worker.js';
import type { RecordedOutage } from './draft.js';

/** How one fact left unread at submission reads now. */
export interface FactComparison {
  fact: RegistryFact;
  registry: Registry;
  documentId: string;
  /** The registry now vouches for the fact (what the scan claimed is in the registry). */
  confirmed: boolean;
  /** What the registry vouches for, when it does. */
  summary: string | null;
  /** Why it does not, when it does not. */
  reason: string | null;
}

/** A form field that was empty at submission because its registry did not answer, against what it holds now. */
export interface FieldComparison {
  fieldId: string;
  registry: Registry;
  submitted: string | null;
  registryValue: string | null;
  same: boolean;
}

export interface Comparison {
  /** When the registries were read again. */
  readAt: string;
  facts: FactComparison[];
  fields: FieldComparison[];
  /** Where the applicant is registered, when that could not be read at submission (akimats see the application once it is known). */
  applicantRegion?: string | null;
  /**
   * The ПШЭП payment that pays the fee, when ПШЭП was down at submission and now shows one: the application takes it,
   * so the same payment cannot pay for another application (unless another one took it first).
   */
  paymentId?: string | null;
}

export interface RegistryCheck {
  state: 'PENDING' | 'CHECKED';
  outages: RecordedOutage[];
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  checkedAt: Date | null;
  lastError: string | null;
  comparison: Comparison | null;
}

export interface RegistryCheckOptions {
  /** Rows one run takes. Default 20. */
  batchSize?: number;
  /** How long a taken row is reserved for the worker that took it. Default 60 s. */
  leaseMs?: number;
  /** Backoff while the registry is still down: base, doubling, capped. Defaults 10 s and 5 min. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** How often the worker looks for due checks. Default 15 s. */
  pollMs?: number;
}

/** Reads the application's registries again and compares; throws (a REGISTRY_* error) while one is still down. */
export type Reread = (applicationNumber: string, outages: RecordedOutage[]) => Promise<Comparison>;

interface Row {
  application_number: string;
  attempts: number;
  outages: RecordedOutage[];
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  checked_at: Date | null;
  comparison: Comparison | null;
  last_error: string | null;
}

/**
 * The registry checks of applications submitted in degraded mode (applications.registry_checks): written with
 * the application, worked off by a durable worker in the outbox's style. A row is leased to one worker at a
 * time (FOR UPDATE SKIP LOCKED, then the lease in next_attempt_at), so across replicas and restarts each
 * application's comparison is recorded exactly once; a check whose registry is still down is retried with backoff.
 */
export class RegistryChecks {
  private readonly worker: PollingWorker;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly reread: Reread,
    private readonly logger: Logger,
    options: RegistryCheckOptions = {},
    private readonly counted?: (outcome: 'checked' | 'postponed') => void,
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.retryBaseMs = options.retryBaseMs ?? 10_000;
    this.retryCapMs = options.retryCapMs ?? 300_000;
    this.worker = new PollingWorker(() => this.runOnce(), {
      batchSize: this.batchSize,
      pollMs: options.pollMs ?? 15_000,
      logger,
      failure: 'registry check run failed; it will run again',
    });
  }

  /** Records that the application was submitted while these registries were down; call inside its transaction. */
  static async enqueue(client: PoolClient, applicationNumber: string, outages: readonly RecordedOutage[]): Promise<void> {
    if (outages.length === 0) return;
    await client.query('INSERT INTO applications.registry_checks (application_number, outages) VALUES ($1, $2)', [applicationNumber, JSON.stringify(outages)]);
  }

  start(): void {
    this.worker.start();
  }

  kick(): void {
    this.worker.kick();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** One pass: takes up to batchSize due checks and tries each. Returns how many it took. */
  async runOnce(): Promise<number> {
    const { rows } = await this.pool.query<Pick<Row, 'application_number' | 'attempts' | 'outages'>>(
      `UPDATE applications.registry_checks SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000),
         attempts = attempts + 1, last_attempt_at = now()
       WHERE application_number IN (SELECT application_number FROM applications.registry_checks
                                    WHERE checked_at IS NULL AND next_attempt_at <= now()
                                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING application_number, attempts, outages`,
      [this.batchSize, this.leaseMs],
    );
    for (const row of rows) await withSpan('registry-check.reread', { 'egov.registry_check.attempt': row.attempts }, () => this.attempt(row));
    return rows.length;
  }

  private async attempt(row: Pick<Row, 'application_number' | 'attempts' | 'outages'>): Promise<void> {
    const number = row.application_number;
    try {
      const comparison = await this.reread(number, row.outages);
      await this.pool.query(
        `WITH checked AS (
           UPDATE applications.registry_checks SET checked_at = now(), comparison = $2, last_error = NULL
            WHERE application_number = $1 AND checked_at IS NULL RETURNING application_number)
         UPDATE applications.applications a SET applicant_region = COALESCE(a.applicant_region, $3::text),
                payment_id = COALESCE(a.payment_id,
                  CASE WHEN NOT EXISTS (SELECT 1 FROM applications.applications o WHERE o.payment_id = $4::text) THEN $4::text END)
           FROM checked WHERE a.number = checked.application_number`,
        [number, JSON.stringify(comparison), comparison.applicantRegion ?? null, comparison.paymentId ?? null],
      );
      this.counted?.('checked');
      this.logger.info('registry check recorded', {
        application: number,
        confirmed: comparison.facts.filter((f) => f.confirmed).length,
        notConfirmed: comparison.facts.filter((f) => !f.confirmed).length,
        differingFields: comparison.fields.filter((f) => !f.same).length,
      });
    } catch (error) {
      this.counted?.('postponed');
      const wait = backoffMs(row.attempts - 1, this.retryBaseMs, this.retryCapMs);
      const extensions = (error as { extensions?: { code?: unknown; registry?: unknown } }).extensions;
      const code = String(extensions?.code ?? (error as Error).name);
      const reason = `${extensions?.registry ? `${String(extensions.registry)}: ` : ''}${code} (attempt ${row.attempts})`;
      await this.pool
        .query(
          'UPDATE applications.registry_checks SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), last_error = $3 WHERE application_number = $1',
          [number, wait, reason],
        )
        .catch((failure: unknown) => this.logger.warn('could not record a postponed registry check; the lease will expire', { error: failure }));
      this.logger.info('registry check postponed', { application: number, attempt: row.attempts, retryInMs: Math.round(wait), code });
    }
  }

  async statesOf(numbers: readonly string[]): Promise<Map<string, RegistryCheck>> {
    const { rows } = await this.pool.query<Row>(
      `SELECT application_number, attempts, outages, last_attempt_at, next_attempt_at, checked_at, comparison, last_error
         FROM applications.registry_checks WHERE application_number = ANY($1::text[])`,
      [numbers],
    );
    return new Map(
      rows.map((r) => [
        r.application_number,
        {
          state: r.checked_at ? 'CHECKED' : 'PENDING',
          outages: r.outages,
          attempts: r.attempts,
          lastAttemptAt: r.last_attempt_at,
          nextAttemptAt: r.checked_at ? null : r.next_attempt_at,
          checkedAt: r.checked_at,
          lastError: r.checked_at ? null : r.last_error,
          comparison: r.comparison,
        },
      ]),
    );
  }

  /**
   * Refuses an officer's decision on an application whose registries have not been read again since they were
   * down at submission: the scans that stood in for them are not yet checked against the registry.
   */
  async requireChecked(applicationNumber: string): Promise<void> {
    const { rows } = await this.pool.query<Pick<Row, 'outages'>>(
      'SELECT outages FROM applications.registry_checks WHERE application_number = $1 AND checked_at IS NULL',
      [applicationNumber],
    );
    if (!rows[0]) return;
    const registries = rows[0].outages.map((o) => o.registry);
    throw graphqlError(
      ErrorCode.REGISTRY_CHECK_PENDING,
      `This application was submitted while ${registries.join(', ')} could not be read; it is decided once the registry has been read again and the comparison recorded (see registryCheck)`,
      { field: 'number', registries },
    );
  }

  /** Checks not yet recorded (for tests and operators). */
  async pending(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM applications.registry_checks WHERE checked_at IS NULL');
    return rows[0]!.n;
  }
}
