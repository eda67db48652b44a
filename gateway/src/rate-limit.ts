import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  points: number;
  windowSeconds: number;
  /** Shared counters across gateway replicas; without it each process counts alone. */
  redis?: Redis | null;
  keyPrefix?: string;
  /** Take the client address from X-Forwarded-For (behind a trusted proxy only). */
  trustProxy?: boolean;
}

/**
 * Per-client request limits for the public endpoints (/graphql, /attachments). Counters live in Redis when
 * there is one, so every gateway replica sees the same count; if Redis fails, an in-process limiter takes
 * over (rate-limiter-flexible's insurance) rather than letting everything through or refusing everything.
 */
export class RateLimit {
  private readonly limiter: RateLimiterAbstract;

  constructor(private readonly options: RateLimitOptions) {
    const base = { points: options.points, duration: options.windowSeconds, keyPrefix: options.keyPrefix ?? 'egov:rate:' };
    this.limiter = options.redis
      ? new RateLimiterRedis({ ...base, storeClient: options.redis, insuranceLimiter: new RateLimiterMemory(base), rejectIfRedisNotReady: true })
      : new RateLimiterMemory(base);
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
    try {
      await this.limiter.consume(client, 1);
      return null;
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return null; // a limiter fault never takes the service down
      return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
    }
  }
}
