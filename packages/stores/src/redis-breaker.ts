import { CircuitBreaker, type CircuitState, envInt } from '@egov/core';
import { type Redis, ReplyError } from 'ioredis';

type Env = Record<string, string | undefined>;

export interface RedisBreakerOptions {
  /** Consecutive failed commands (errors, timeouts) that open the breaker. Default 3. */
  failureThreshold?: number;
  /** How long it stays open before Redis is probed again. Default 1000 ms. */
  openMs?: number;
}

/** REDIS_BREAKER_FAILURES and REDIS_BREAKER_OPEN_MS. */
export function redisBreakerOptionsFromEnv(env: Env = process.env): Required<RedisBreakerOptions> {
  return { failureThreshold: envInt('REDIS_BREAKER_FAILURES', 3, env), openMs: envInt('REDIS_BREAKER_OPEN_MS', 1_000, env) };
}

/** Redis was skipped: its breaker is open. Callers go on without it, as they do when a command fails. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
  constructor() {
    super('Redis is skipped while its breaker is open');
  }
}

/**
 * The one way onto Redis for anything on a request's path (registry cache, idempotency keys, rate-limit
 * counters), one per client and so per process. A hung Redis keeps its connection open and answers
 * nothing, so every command would wait out its timeout (250 ms): after a few such failures in a row the
 * breaker opens and Redis is skipped at once. While it is open, a PING (not a request) probes Redis every
 * `openMs`; its answer closes the breaker and the cache is used again. Errors Redis itself answered
 * (a wrong type, a script error) are not outages and do not count.
 */
export class GuardedRedis {
  private readonly breaker: CircuitBreaker;
  private probing = false;

  constructor(
    readonly client: Redis,
    options: RedisBreakerOptions = {},
  ) {
    this.breaker = new CircuitBreaker({ failureThreshold: options.failureThreshold ?? 3, openMs: options.openMs ?? 1_000 });
  }

  /** CLOSED while Redis answers; OPEN (skipped) after it failed; HALF_OPEN while a probe is due or under way. */
  get circuit(): CircuitState {
    return this.breaker.current;
  }

  /** Whether a command would be sent now. */
  get usable(): boolean {
    return this.breaker.current === 'CLOSED' && this.client.status === 'ready';
  }

  /** Runs `command` on Redis, or rejects at once with RedisUnavailableError while the breaker is open. */
  async run<T>(command: (client: Redis) => Promise<T>): Promise<T> {
    if (this.breaker.current !== 'CLOSED') {
      this.probe();
      throw new RedisUnavailableError();
    }
    try {
      const result = await command(this.client);
      this.breaker.succeeded();
      return result;
    } catch (error) {
      if (!(error instanceof ReplyError)) this.breaker.failed();
      throw error;
    }
  }

  /** One PING at a time, once the open period is over; a request never waits for it. */
  private probe(): void {
    if (this.probing || !this.breaker.tryAcquire()) return;
    this.probing = true;
    this.client
      .ping()
      .then(
        () => this.breaker.succeeded(),
        () => this.breaker.failed(),
      )
      .finally(() => {
        this.probing = false;
      });
  }
}

/** A store given a bare client still gets a breaker of its own; processes pass one GuardedRedis to all their stores. */
export function guarded(redis: Redis | GuardedRedis): GuardedRedis {
  return redis instanceof GuardedRedis ? redis : new GuardedRedis(redis);
}
