import type { DeliverApplicationRequest } from '@egov/contracts';
import { backoffMs, type Logger } from '@egov/core';
import type { Pool, PoolClient } from '@egov/stores';
import { type ProcessMetrics, withSpan } from '@egov/telemetry';
import { PollingWorker } from '../work/polling-worker.js';

export interface DeliveryState {
  state: 'PENDING' | 'DELIVERED';
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  /** Why the last attempt failed (registry and code only; never personal data). */
  lastError: string | null;
}

export interface OutboxOptions {
  /** Rows one run takes. Default 20. */
  batchSize?: number;
  /** How long a taken row is reserved for the worker that took it. Default 30 s. */
  leaseMs?: number;
  /** Backoff after a failed attempt: base, doubling, capped. Defaults 1 s and 5 min. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** How often the worker looks for due rows when nothing kicks it. Default 1 s. */
  pollMs?: number;
  /** Deliveries and failures of this process (deploy/METRICS.md); the backlog is read by `backlog()`. */
  metrics?: ProcessMetrics;
}

interface Row {
  id: string;
  application_number: string;
  attempts: number;
  payload: DeliverApplicationRequest;
}

/**
 * Hands accepted applications over to Е-лицензирование from applications.outbox. The row, with the whole
 * payload to deliver, is written with the application (same transaction), so nothing accepted is ever
 * without one and delivery reads nothing back; the worker retries with backoff
 * until the upstream confirms, and the upstream keeps one application per number, so a repeat after a lost
 * answer changes nothing there. Several processes may run workers: a row is leased to one at a time.
 */
export class Outbox {
  private readonly worker: PollingWorker;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;
  private readonly metrics: ProcessMetrics | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly deliver: (payload: DeliverApplicationRequest) => Promise<void>,
    private readonly logger: Logger,
    options: OutboxOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.retryBaseMs = options.retryBaseMs ?? 1_000;
    this.retryCapMs = options.retryCapMs ?? 300_000;
    this.metrics = options.metrics;
    this.worker = new PollingWorker(() => this.runOnce(), {
      batchSize: this.batchSize,
      pollMs: options.pollMs ?? 1_000,
      logger,
      failure: 'outbox run failed; it will run again',
    });
  }

  /** Writes the delivery row with what to deliver; call inside the transaction that stores the application. */
  static async enqueue(client: PoolClient, payload: DeliverApplicationRequest): Promise<void> {
    await client.query('INSERT INTO applications.outbox (application_number, payload) VALUES ($1, $2)', [payload.number, JSON.stringify(payload)]);
  }

  start(): void {
    this.worker.start();
  }

  /** Delivers what is due now (after an application is accepted, or on the poll). */
  kick(): void {
    this.worker.kick();
  }

  /** Stops taking new rows and waits for the deliveries under way. */
  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** One pass: takes up to batchSize due rows and delivers them. Returns how many it took. */
  async runOnce(): Promise<number> {
    const { rows } = await this.pool.query<Row>(
      `UPDATE applications.outbox SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000),
         attempts = attempts + 1, last_attempt_at = now()
       WHERE id IN (SELECT id FROM applications.outbox WHERE delivered_at IS NULL AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, application_number, attempts, payload`,
      [this.batchSize, this.leaseMs],
    );
    await Promise.all(rows.map((row) => this.deliverRow(row)));
    return rows.length;
  }

  private deliverRow(row: Row): Promise<void> {
    // A trace of its own per delivery: the worker runs outside any client request.
    return withSpan('outbox.deliver', { 'egov.outbox.attempt': row.attempts }, async (span) => {
      span.setAttribute('egov.outbox.delivered', await this.attemptDelivery(row));
    });
  }

  /** One attempt at one row: true when the upstream confirmed it. */
  private async attemptDelivery(row: Row): Promise<boolean> {
    try {
      await this.deliver(row.payload);
      await this.pool.query('UPDATE applications.outbox SET delivered_at = now(), last_error = NULL WHERE id = $1', [row.id]);
      this.metrics?.outboxDelivery('delivered');
      return true;
    } catch (error) {
      this.metrics?.outboxDelivery('failed');
      const wait = backoffMs(row.attempts - 1, this.retryBaseMs, this.retryCapMs);
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code ?? (error as Error).name;
      await this.pool
        .query('UPDATE applications.outbox SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), last_error = $3 WHERE id = $1', [
          row.id,
          wait,
          `${String(code)} (attempt ${row.attempts})`,
        ])
        .catch((failure: unknown) => this.logger.warn('could not record a failed delivery; the lease will expire', { error: failure }));
      this.logger.info('delivery postponed', { application: row.application_number, attempt: row.attempts, retryInMs: Math.round(wait), code });
      return false;
    }
  }

  async statesOf(numbers: readonly string[]): Promise<Map<string, DeliveryState>> {
    const { rows } = await this.pool.query<{
      application_number: string;
      attempts: number;
      last_attempt_at: Date | null;
      next_attempt_at: Date;
      delivered_at: Date | null;
      last_error: string | null;
    }>(
      'SELECT application_number, attempts, last_attempt_at, next_attempt_at, delivered_at, last_error FROM applications.outbox WHERE application_number = ANY($1::text[])',
      [numbers],
    );
    return new Map(
      rows.map((r) => [
        r.application_number,
        {
          state: r.delivered_at ? 'DELIVERED' : 'PENDING',
          attempts: r.attempts,
          lastAttemptAt: r.last_attempt_at,
          nextAttemptAt: r.delivered_at ? null : r.next_attempt_at,
          deliveredAt: r.delivered_at,
          lastError: r.delivered_at ? null : r.last_error,
        },
      ]),
    );
  }

  /** What egov_outbox_pending and egov_outbox_oldest_pending_age_seconds show: one query for both. */
  async backlog(): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const { rows } = await this.pool.query<{ pending: number; oldest: number }>(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM applications.outbox WHERE delivered_at IS NULL`,
    );
    return { pending: rows[0]!.pending, oldestAgeSeconds: rows[0]!.oldest };
  }

  /** Applications not yet confirmed by the upstream (for tests and operators). */
  async pending(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM applications.outbox WHERE delivered_at IS NULL');
    return rows[0]!.n;
  }
}
