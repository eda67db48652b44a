import type { RegistryName } from '@egov/contracts';
import type { Logger } from '@egov/core';
import { backoffMs, CircuitBreaker, type CircuitBreakerOptions, type CircuitState, ErrorCode, sleep } from '@egov/core';
import { type ProcessMetrics, type RegistryOutcome, type SpanNotes, withSpan } from '@egov/telemetry';
import type { z } from 'zod';
import { ConcurrencyLimit, LimitExceeded } from './concurrency-limit.js';
import { fetchTransport, nodeHttpTransport, type RegistryTransport, type TransportAnswer } from './http-transport.js';
import { RegistryError } from './registry-error.js';

export interface RegistryClientOptions {
  registry: RegistryName;
  /** Origin (and optional prefix) of the upstream; contract paths are appended to it. */
  baseUrl: string;
  /** The whole budget of one call, retries included; REGISTRY_TIMEOUT after it. Default 3000 ms. */
  timeoutMs?: number;
  /** Extra attempts for reads after a transient failure, with full-jitter backoff. Default 2. */
  retries?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Circuit breaker per upstream; `false` disables it. */
  breaker?: CircuitBreakerOptions | false;
  /** Calls in flight to this upstream, and how many more may wait. Defaults 32 and 256. */
  maxConcurrency?: number;
  maxQueue?: number;
  /** Answers the calls instead of the network (tests); Node's http client over keep-alive agents when unset. */
  fetch?: typeof globalThis.fetch;
  logger?: Logger;
  /** Counts every attempt by outcome, its duration, and the breaker's state (deploy/METRICS.md, Registries). */
  metrics?: ProcessMetrics;
}

export interface RegistryCall<S extends z.ZodTypeAny> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  schema: S;
  /** A 404 answer is a normal "no such record" for single lookups. */
  notFoundIsNull?: boolean;
  /** Reads are retried on transient failures; writes never blindly (they carry their own idempotency key). */
  read?: boolean;
}

/**
 * The one way subgraphs talk to a registry: JSON over HTTP within a deadline, every answer parsed against
 * the upstream contract, reads retried with jitter, a circuit breaker that stops waiting on a registry
 * that is down, and a cap on calls in flight. Every failure is a RegistryError naming the registry.
 */
export class RegistryClient {
  readonly registry: RegistryName;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;
  private readonly breaker: CircuitBreaker | null;
  private readonly limit: ConcurrencyLimit;
  private readonly transport: RegistryTransport;
  private readonly logger: Logger | undefined;
  private readonly metrics: ProcessMetrics | undefined;

  constructor(options: RegistryClientOptions) {
    this.registry = options.registry;
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.retries = options.retries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 50;
    this.retryCapMs = options.retryCapMs ?? 500;
    this.breaker = options.breaker === false ? null : new CircuitBreaker(options.breaker);
    const maxConcurrency = options.maxConcurrency ?? 32;
    this.limit = new ConcurrencyLimit(maxConcurrency, options.maxQueue ?? 256);
    this.transport = options.fetch ? fetchTransport(options.fetch) : nodeHttpTransport({ maxSockets: maxConcurrency });
    this.logger = options.logger;
    this.metrics = options.metrics;
    this.metrics?.registryUsed(this.registry);
    this.metrics?.breakerOf(this.registry, () => this.circuit);
  }

  get circuit(): CircuitState {
    return this.breaker?.current ?? 'CLOSED';
  }

  get<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.infer<S> | null> {
    return this.call({ method: 'GET', path, schema, notFoundIsNull: true, read: true });
  }

  /** A POST that only reads (the registries' batch lookups). */
  post<S extends z.ZodTypeAny>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.call({ method: 'POST', path, body, schema, read: true });
  }

  /** One call in its span (`registry.call`): the registry, the attempts it took, its outcome and the breaker's state. */
  call<S extends z.ZodTypeAny>(call: RegistryCall<S>): Promise<z.infer<S>> {
    return withSpan('registry.call', { 'egov.registry': this.registry, 'http.request.method': call.method }, (span) => this.calling(call, span));
  }

  private async calling<S extends z.ZodTypeAny>(call: RegistryCall<S>, span: SpanNotes): Promise<z.infer<S>> {
    span.setAttribute('egov.registry.breaker_state', this.circuit);
    if (this.breaker && !this.breaker.tryAcquire()) {
      this.metrics?.registryCall(this.registry, 'breaker_open');
      span.setAttribute('egov.registry.outcome', 'breaker_open');
      throw new RegistryError(this.registry, ErrorCode.REGISTRY_UNAVAILABLE, 'is failing; calls are paused for a moment (circuit open)', {
        circuit: 'OPEN',
        retryAfterMs: this.breaker.retryAfterMs,
      });
    }
    const deadline = performance.now() + this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      span.setAttribute('egov.registry.attempts', attempt + 1);
      try {
        const result = await this.limit.run(() => {
          // A call that waited its whole deadline for a turn is refused as our overload, not sent to time out at
          // once (which would read as the registry being too slow, count as its failure and open its circuit).
          if (deadline - performance.now() < 1) throw new LimitExceeded();
          return this.measured(call, deadline);
        });
        this.breaker?.succeeded();
        this.noteBreaker(span);
        span.setAttribute('egov.registry.outcome', result === null ? 'not_found' : 'ok');
        return result;
      } catch (caught) {
        if (caught instanceof LimitExceeded) this.metrics?.registryCall(this.registry, 'queue_full');
        const error =
          caught instanceof LimitExceeded
            ? new RegistryError(this.registry, ErrorCode.REGISTRY_UNAVAILABLE, 'has too many calls waiting; try again shortly', {
                transient: true,
                overloaded: true,
              })
            : (caught as RegistryError);
        const wait = backoffMs(attempt, this.retryBaseMs, this.retryCapMs);
        const retry = call.read && error.transient && !(caught instanceof LimitExceeded) && attempt < this.retries && performance.now() + wait < deadline - 10;
        if (!retry) {
          // Our own overload asked the registry nothing: it neither opens the circuit nor counts as an answer.
          if (error.overloaded) this.breaker?.released();
          else if (error.countsAgainstRegistry) this.breaker?.failed();
          else this.breaker?.succeeded();
          this.noteBreaker(span);
          span.setAttribute('egov.registry.outcome', String(error.extensions.code));
          throw error;
        }
        this.logger?.debug('retrying a registry read', { registry: this.registry, attempt: attempt + 1, code: error.extensions.code });
        await sleep(wait);
      }
    }
  }

  private noteBreaker(span: SpanNotes): void {
    span.setAttribute('egov.registry.breaker_state', this.circuit);
  }

  /** One HTTP attempt, counted by outcome with its duration. */
  private async measured<S extends z.ZodTypeAny>(call: RegistryCall<S>, deadline: number): Promise<z.infer<S>> {
    if (!this.metrics) return this.attempt(call, deadline);
    const started = performance.now();
    let outcome: RegistryOutcome = 'ok';
    try {
      const result = await this.attempt(call, deadline);
      if (result === null) outcome = 'not_found';
      return result;
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      this.metrics.registryCall(this.registry, outcome, (performance.now() - started) / 1000);
    }
  }

  private async attempt<S extends z.ZodTypeAny>(call: RegistryCall<S>, deadline: number): Promise<z.infer<S>> {
    const remaining = Math.max(1, Math.round(deadline - performance.now()));
    let answer: TransportAnswer;
    try {
      answer = await this.transport({
        url: this.baseUrl + call.path,
        method: call.method,
        headers: call.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        timeoutMs: remaining,
      });
    } catch (error) {
      throw this.transportError(error);
    }
    if (answer.status === 404 && call.notFoundIsNull) return null;
    if (answer.status < 200 || answer.status > 299) {
      this.logger?.warn('registry answered with an error status', { registry: this.registry, status: answer.status });
      const transient = answer.status >= 500 || answer.status === 429;
      throw new RegistryError(this.registry, transient ? ErrorCode.REGISTRY_UNAVAILABLE : ErrorCode.REGISTRY_BAD_RESPONSE, `answered HTTP ${answer.status}`, {
        status: answer.status,
        transient,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      throw new RegistryError(this.registry, ErrorCode.REGISTRY_BAD_RESPONSE, 'answered with a body that is not JSON');
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) {
      // Only the paths of the offending fields are logged: values may be personal data.
      const fields = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.'));
      this.logger?.warn('registry answer does not match its contract', { registry: this.registry, fields });
      throw new RegistryError(this.registry, ErrorCode.REGISTRY_BAD_RESPONSE, 'answered with data that does not match its contract');
    }
    return parsed.data;
  }

  private transportError(error: unknown): RegistryError {
    if (isTimeout(error)) {
      return new RegistryError(this.registry, ErrorCode.REGISTRY_TIMEOUT, `did not answer within ${this.timeoutMs} ms`, { transient: true });
    }
    this.logger?.warn('registry unreachable', { registry: this.registry, error });
    return new RegistryError(this.registry, ErrorCode.REGISTRY_UNAVAILABLE, 'is unreachable', { transient: true });
  }
}

/** The metrics outcome of a failed attempt, from the RegistryError it became. */
function outcomeOf(error: unknown): RegistryOutcome {
  if (!(error instanceof RegistryError)) return 'network_error';
  const status = error.status;
  if (status !== undefined) return status >= 500 ? 'server_error' : 'rejected';
  if (error.extensions.code === ErrorCode.REGISTRY_TIMEOUT) return 'timeout';
  if (error.extensions.code === ErrorCode.REGISTRY_BAD_RESPONSE) return 'bad_response';
  return 'network_error';
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
