import { readFileSync } from 'node:fs';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { boundedOperations } from './operation-label.js';

/**
 * The metrics of one process: exactly the names, types, labels and units of deploy/METRICS.md, in one
 * prom-client Registry with `service` as default label and Node's process metrics beside them.
 *
 * A process creates one ProcessMetrics and hands it to what it builds (registry clients, the audit log, the
 * outbox...); each records through the typed methods below, so no label value is ever free text. Nothing
 * here is global: two processes in one test each have their own.
 */
export const REGISTRY_NAMES = ['individuals', 'legal-entities', 'payments', 'licensing', 'consents'] as const;
export type RegistryLabel = (typeof REGISTRY_NAMES)[number];

export const REGISTRY_OUTCOMES = [
  'ok',
  'not_found',
  'rejected',
  'server_error',
  'timeout',
  'network_error',
  'bad_response',
  'breaker_open',
  'queue_full',
] as const;
export type RegistryOutcome = (typeof REGISTRY_OUTCOMES)[number];

export const CACHE_RESULTS = ['hit', 'miss', 'stale'] as const;
export type CacheResult = (typeof CACHE_RESULTS)[number];

export type BreakerState = 'CLOSED' | 'HALF_OPEN' | 'OPEN';
const BREAKER_VALUE: Record<BreakerState, number> = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 };

export const UPLOAD_OUTCOMES = [
  'accepted',
  'too_large',
  'too_many_files',
  'unsupported_media_type',
  'active_content',
  'bad_request',
  'unauthorized',
  'storage_failed',
] as const;
export type UploadOutcome = (typeof UPLOAD_OUTCOMES)[number];

export type GraphQLOutcome = 'ok' | 'error' | 'invalid';
export type SubgraphOutcome = 'ok' | 'error' | 'failed';

/** The routes a process serves; anything else is counted as `other`, never as the path sent. */
export const ROUTES = ['/graphql', '/attachments', '/health', '/ready', '/metrics'] as const;
const METHODS = new Set(['GET', 'POST', 'OPTIONS']);

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const AUDIT_FLUSH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const AUDIT_BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/** The root package's version, for egov_build_info (the image and the repository both have it). */
function rootVersion(): string {
  for (const candidate of ['../../../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'egov-graph') return pkg.version ?? 'unversioned';
    } catch {
      // not there: try the next
    }
  }
  return 'unversioned';
}

export interface ProcessMetricsOptions {
  /** Node's process metrics (CPU, memory, event loop, GC). Default true; tests that count series turn it off. */
  processMetrics?: boolean;
  /** Distinct operation names kept before the rest count as `other`. Default 100 (METRICS.md). */
  maxOperationNames?: number;
}

export class ProcessMetrics {
  readonly registry = new Registry();
  /** `operation` label values, bounded as METRICS.md says. */
  readonly operation: (name: string | null | undefined, persisted?: boolean) => string;

  private readonly http: Counter<'route' | 'method' | 'status'>;
  private readonly graphqlRequests: Counter<'operation' | 'outcome'>;
  private readonly graphqlDuration: Histogram<'operation'>;
  private readonly subgraphRequests: Counter<'subgraph' | 'outcome'>;
  private readonly subgraphDuration: Histogram<'subgraph'>;
  private readonly rateLimitRefusals: Counter<'route'>;
  private readonly registryCalls: Counter<'registry' | 'outcome'>;
  private readonly registryDuration: Histogram<'registry'>;
  private readonly breaker: Gauge<'registry'>;
  private readonly cache: Counter<'registry' | 'result'>;
  private readonly auditBatch: Histogram;
  private readonly auditFlush: Histogram;
  private readonly auditFailures: Counter;
  private readonly auditPending: Gauge;
  private readonly outboxDeliveries: Counter<'outcome'>;
  private readonly deemedMoves: Counter;
  private readonly registryRechecks: Counter<'outcome'>;
  private readonly uploads: Counter<'outcome'>;
  private readonly registriesSeen = new Set<string>();
  private readonly breakers = new Map<RegistryLabel, (() => BreakerState)[]>();
  private verificationRead: (() => boolean | undefined) | undefined;

  constructor(
    readonly service: string,
    options: ProcessMetricsOptions = {},
  ) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    this.operation = boundedOperations(options.maxOperationNames ?? 100);
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'egov_build_info', help: 'Always 1: the version running and its Node.js', labelNames: ['version', 'node_version'], registers }).set(
      { version: rootVersion(), node_version: process.version },
      1,
    );

    this.http = new Counter({
      name: 'egov_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.graphqlRequests = new Counter({
      name: 'egov_graphql_requests_total',
      help: 'GraphQL operations: ok, error (answered with errors), invalid (refused before execution)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'egov_graphql_request_duration_seconds',
      help: 'Time from request received to response sent, per operation',
      labelNames: ['operation'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.subgraphRequests = new Counter({
      name: 'egov_graphql_subgraph_requests_total',
      help: "The gateway's fetches to each subgraph: ok, error (answered with errors), failed (no usable answer)",
      labelNames: ['subgraph', 'outcome'],
      registers,
    });
    this.subgraphDuration = new Histogram({
      name: 'egov_graphql_subgraph_request_duration_seconds',
      help: 'Duration of each fetch to a subgraph',
      labelNames: ['subgraph'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.rateLimitRefusals = new Counter({
      name: 'egov_rate_limit_refusals_total',
      help: 'Requests refused by the rate limit (429)',
      labelNames: ['route'],
      registers,
    });
    this.registryCalls = new Counter({
      name: 'egov_registry_calls_total',
      help: 'HTTP attempts at a registry (each retry counts) and calls refused locally, by outcome',
      labelNames: ['registry', 'outcome'],
      registers,
    });
    this.registryDuration = new Histogram({
      name: 'egov_registry_call_duration_seconds',
      help: 'Duration of each HTTP attempt at a registry',
      labelNames: ['registry'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    const breakers = this.breakers;
    this.breaker = new Gauge({
      name: 'egov_registry_breaker_state',
      help: 'Circuit breaker: 0 closed, 1 half-open, 2 open',
      labelNames: ['registry'],
      registers,
      // Read at each scrape: an open breaker turns half-open by time alone, with no call to report it.
      collect() {
        for (const [registry, readers] of breakers) this.set({ registry }, Math.max(0, ...readers.map((read) => BREAKER_VALUE[read()])));
      },
    });
    this.cache = new Counter({
      name: 'egov_cache_requests_total',
      help: 'Registry-cache lookups per id: hit, miss, stale',
      labelNames: ['registry', 'result'],
      registers,
    });
    this.auditBatch = new Histogram({ name: 'egov_audit_batch_size', help: 'Audit records written per flush', buckets: AUDIT_BATCH_BUCKETS, registers });
    this.auditFlush = new Histogram({
      name: 'egov_audit_flush_duration_seconds',
      help: 'Duration of each audit flush',
      buckets: AUDIT_FLUSH_BUCKETS,
      registers,
    });
    this.auditFailures = new Counter({ name: 'egov_audit_flush_failures_total', help: 'Audit flushes that failed (the records stay queued)', registers });
    this.auditPending = new Gauge({ name: 'egov_audit_pending_records', help: 'Audit records accepted but not yet written', registers });
    const verification = () => this.verificationRead?.();
    new Gauge({
      name: 'egov_audit_verification_status',
      help: 'Last scheduled verification of the audit chain: 1 passed, 0 failed (NaN until the first)',
      registers,
      // Read at each scrape. Not 0 before the first verification (or without an anchor): 0 pages someone.
      collect() {
        const verified = verification();
        this.set(verified === undefined ? Number.NaN : verified ? 1 : 0);
      },
    });
    this.outboxDeliveries = new Counter({
      name: 'egov_outbox_deliveries_total',
      help: 'Delivery attempts of accepted applications by this process: delivered, failed',
      labelNames: ['outcome'],
      registers,
    });
    this.deemedMoves = new Counter({ name: 'egov_deemed_issuance_moves_total', help: 'Applications this process moved to deemed issued', registers });
    this.registryRechecks = new Counter({
      name: 'egov_registry_rechecks_total',
      help: 'Degraded mode: re-reads of registries that were down when an application was submitted: checked, postponed',
      labelNames: ['outcome'],
      registers,
    });
    this.uploads = new Counter({ name: 'egov_uploads_total', help: 'Scans at POST /attachments by outcome', labelNames: ['outcome'], registers });
  }

  /** Prometheus text for a scrape. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  // HTTP and GraphQL

  httpRequest(path: string, method: string | undefined, status: number): void {
    this.http.inc({ route: routeOf(path), method: method && METHODS.has(method) ? method : 'other', status: String(status) });
  }

  graphqlRequest(operation: string, outcome: GraphQLOutcome, seconds: number): void {
    this.graphqlRequests.inc({ operation, outcome });
    this.graphqlDuration.observe({ operation }, seconds);
  }

  subgraphRequest(subgraph: string, outcome: SubgraphOutcome, seconds: number): void {
    this.subgraphRequests.inc({ subgraph, outcome });
    this.subgraphDuration.observe({ subgraph }, seconds);
  }

  /** Gateway: its closed series (each subgraph it calls by outcome, the rate-limited routes) exist from start. */
  gatewaySeries(subgraphs: readonly string[]): void {
    for (const subgraph of subgraphs) {
      for (const outcome of ['ok', 'error', 'failed'] as const) this.subgraphRequests.inc({ subgraph, outcome }, 0);
      this.subgraphDuration.zero({ subgraph });
    }
    for (const route of ['/graphql', '/attachments']) this.rateLimitRefusals.inc({ route }, 0);
  }

  rateLimitRefusal(path: string): void {
    this.rateLimitRefusals.inc({ route: routeOf(path) });
  }

  // Registries

  /** A registry this process calls: its series start at zero and its breaker as closed. */
  registryUsed(registry: RegistryLabel): void {
    if (this.registriesSeen.has(registry)) return;
    this.registriesSeen.add(registry);
    for (const outcome of REGISTRY_OUTCOMES) this.registryCalls.inc({ registry, outcome }, 0);
    for (const result of CACHE_RESULTS) this.cache.inc({ registry, result }, 0);
    this.registryDuration.zero({ registry });
    this.breaker.set({ registry }, 0);
  }

  registryCall(registry: RegistryLabel, outcome: RegistryOutcome, seconds?: number): void {
    this.registryCalls.inc({ registry, outcome });
    if (seconds !== undefined) this.registryDuration.observe({ registry }, seconds);
  }

  /** A circuit breaker of this process, read at every scrape (the worst of a registry's breakers is shown). */
  breakerOf(registry: RegistryLabel, read: () => BreakerState): void {
    this.breakers.set(registry, [...(this.breakers.get(registry) ?? []), read]);
  }

  cacheLookups(registry: RegistryLabel, result: CacheResult, count: number): void {
    if (count > 0) this.cache.inc({ registry, result }, count);
  }

  // Audit trail

  auditFlushed(records: number, seconds: number, ok: boolean): void {
    this.auditFlush.observe(seconds);
    if (ok) this.auditBatch.observe(records);
    else this.auditFailures.inc();
  }

  auditQueued(pending: number): void {
    this.auditPending.set(pending);
  }

  /** Where the last verification of the audit chain against its signed checkpoint is read (the audit anchor). */
  auditVerificationFrom(read: () => boolean | undefined): void {
    this.verificationRead = read;
  }

  // Applications

  /**
   * The outbox's backlog, read from the database at each scrape (the same on every replica: queries take max).
   * `read` answers the number pending and the age of the oldest in seconds (0 when none).
   */
  outboxBacklog(read: () => Promise<{ pending: number; oldestAgeSeconds: number }>): void {
    let last: Promise<{ pending: number; oldestAgeSeconds: number }> | null = null;
    // One query per scrape for both gauges: the first collect starts it, the second reuses it.
    const current = () => {
      last ??= read().finally(() => setImmediate(() => (last = null)));
      return last;
    };
    new Gauge({
      name: 'egov_outbox_pending',
      help: 'Accepted applications not yet delivered (from the database)',
      registers: [this.registry],
      async collect() {
        this.set((await current().catch(() => null))?.pending ?? Number.NaN);
      },
    });
    new Gauge({
      name: 'egov_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest undelivered application; 0 when none (from the database)',
      registers: [this.registry],
      async collect() {
        this.set((await current().catch(() => null))?.oldestAgeSeconds ?? Number.NaN);
      },
    });
    for (const outcome of ['delivered', 'failed'] as const) this.outboxDeliveries.inc({ outcome }, 0);
    this.deemedMoves.inc(0);
    for (const outcome of ['checked', 'postponed'] as const) this.registryRechecks.inc({ outcome }, 0);
    for (const outcome of UPLOAD_OUTCOMES) this.uploads.inc({ outcome }, 0);
  }

  outboxDelivery(outcome: 'delivered' | 'failed'): void {
    this.outboxDeliveries.inc({ outcome });
  }

  deemedIssuanceMoves(count: number): void {
    if (count > 0) this.deemedMoves.inc(count);
  }

  /** Degraded mode: a re-read recorded its comparison (`checked`), or found the registry still down (`postponed`). */
  registryRecheck(outcome: 'checked' | 'postponed'): void {
    this.registryRechecks.inc({ outcome });
  }

  upload(outcome: UploadOutcome, count = 1): void {
    this.uploads.inc({ outcome }, count);
  }
}

/** The route label: one of the fixed routes, or `other`; the query string never counts. */
export function routeOf(path: string): string {
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  return (ROUTES as readonly string[]).includes(pathname) ? pathname : 'other';
}
