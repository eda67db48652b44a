import type { IncomingMessage } from 'node:http';
import type { GuardedRedis } from '@egov/stores';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  points: number;
  windowSeconds: number;
  /** Shared counters across gateway replicas, behind the process's Redis breaker; without it each process counts alone. */
  redis?: GuardedRedis | null;
  keyPrefix?: string;
  /** Take the client address from X-Forwarded-For (behind a trusted proxy only). */
  trustProxy?: boolean;
}

/**
 * Per-client request limits for the public endpoints (/graphql, /attachments). Counters live in Redis when
 * there is one, so every gateway replica sees the same count; if Redis fails, an in-process limiter takes
 * over rather than letting everything through or refusing everything. Redis is reached through the
 * process's breaker, so while it is hung the in-process limiter answers at once instead of after a timeout.
 */
export class RateLimit {
  private readonly local: RateLimiterMemory;
  private readonly shared: RateLimiterAbstract | null;

  constructor(private readonly options: RateLimitOptions) {
    const base = { points: options.points, duration: options.windowSeconds, keyPrefix: options.keyPrefix ?? 'egov:rate:' };
    this.local = new RateLimiterMemory(base);
    this.shared = options.redis ? new RateLimiterRedis({ ...base, storeClient: options.redis.client, rejectIfRedisNotReady: true }) : null;
  }

  /** An anonymous client, for counting: its address (signed-in callers are counted by identity instead). */
  clientOf(req: IncomingMessage): string {
    const forwarded = this.options.trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  }

  /** Counts the client's request: null when admitted, else the seconds until it may retry. */
  async retryAfter(client: string): Promise<number | null> {
    const { redis } = this.options;
    const shared = this.shared;
    let verdict: RateLimiterRes | null;
    try {
      verdict = shared && redis ? await redis.run(() => verdictOf(shared.consume(client, 1))) : await verdictOf(this.local.consume(client, 1));
    } catch {
      // Redis failed, or its breaker is open: count in this process. A limiter fault never takes the service down.
      verdict = await verdictOf(this.local.consume(client, 1)).catch(() => null);
    }
    return verdict ? Math.max(1, Math.ceil(verdict.msBeforeNext / 1000)) : null;
  }
}

/**
 * Admitted (null) or over the limit (the limiter's answer, which is not a Redis failure and must not count
 * against the breaker); a failure of the limiter's store stays a rejection.
 */
function verdictOf(consumed: Promise<unknown>): Promise<RateLimiterRes | null> {
  return consumed.then(
    () => null,
    (rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    },
  );
}
