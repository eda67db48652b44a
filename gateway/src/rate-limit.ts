import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

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

  /** Who the client is, for counting: its address (authentication will refine this to the caller's identity). */
  clientOf(req: IncomingMessage): string {
    const forwarded = this.options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  }

  /** Counts the request; when over the limit, answers 429 itself and returns false. */
  async admit(req: IncomingMessage, res: ServerResponse, client = this.clientOf(req)): Promise<boolean> {
    try {
      await this.limiter.consume(client, 1);
      return true;
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return true; // a limiter fault never takes the service down
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      const body = JSON.stringify({
        errors: [{ message: `Too many requests; retry in ${retryAfterSeconds} s`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }],
      });
      res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds), 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return false;
    }
  }
}
