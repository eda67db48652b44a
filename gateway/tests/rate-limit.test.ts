import { randomBytes } from 'node:crypto';
import { bearer } from '@egov/mocks';
import { testGatewayAuth } from '@egov/mocks/testing';
import { readSupergraph } from '@egov/schema';
import { createRedis, GuardedRedis } from '@egov/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createGatewayLogger } from '../src/logger.js';
import { RateLimit } from '../src/rate-limit.js';
import { type RunningGateway, startGateway } from '../src/server.js';

const nowhere = 'http://127.0.0.1:9/graphql';
const prefix = `egov-test-rate:${randomBytes(4).toString('hex')}:`;

async function gatewayWithLimit(points: number): Promise<RunningGateway> {
  return startGateway(
    {
      port: 0,
      supergraph: readSupergraph(),
      subgraphUrls: { individuals: nowhere, 'legal-entities': nowhere, payments: nowhere, licensing: nowhere, applications: nowhere },
      production: true,
      subgraphTimeoutMs: 1000,
      rateLimit: { points, windowSeconds: 60, trustProxy: true, keyPrefix: prefix },
      redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      auth: testGatewayAuth(),
      limits: { maxDepth: 12, maxAliases: 20, maxCost: 20_000, maxTokens: 3_000, maxBodyBytes: 64 * 1024 },
    },
    '127.0.0.1',
    createGatewayLogger('error'),
  );
}

const ask = (gateway: RunningGateway, client: string, headers: Record<string, string> = {}) =>
  fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

describe('per-client rate limits (counters in Redis)', () => {
  let first: RunningGateway;
  let second: RunningGateway;
  beforeAll(async () => {
    first = await gatewayWithLimit(5);
    second = await gatewayWithLimit(5);
    await Promise.all([first.ready(), second.ready()]); // both count in Redis, not each alone
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('answer the request over the limit with 429, RATE_LIMITED and Retry-After; counting across gateway replicas', async () => {
    const client = `10.0.0.${Math.floor(Math.random() * 200) + 1}`;
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask(i % 2 === 0 ? first : second, client)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await ask(first, client);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await over.json()) as any).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });

  it('count each client on its own, and leave health checks alone', async () => {
    const busy = '10.1.0.1';
    for (let i = 0; i < 6; i++) await ask(first, busy);
    expect((await ask(first, '10.1.0.2')).status).toBe(200);
    expect((await fetch(first.url.replace('/graphql', '/health'))).status).toBe(200);
  });

  it('count a signed-in caller by who they are, not by the address they come from', async () => {
    const citizen = await bearer({ kind: 'citizen', iin: '010730604568' });
    for (let i = 0; i < 5; i++) expect((await ask(i % 2 ? first : second, `10.2.0.${i + 1}`, citizen)).status).toBe(200);
    expect((await ask(first, '10.2.0.99', citizen)).status).toBe(429);
    expect((await ask(first, '10.2.0.99')).status).toBe(200); // the same address, anonymous, is another client
  });
});

describe('rate limits while Redis fails', () => {
  it('count in the process, answer at once once the breaker is open, and still refuse a client over its limit', async () => {
    // Nothing listens on port 1: every Redis command fails, as with Redis down.
    const redis = createRedis('redis://127.0.0.1:1', { name: 'rate-limit-dead' });
    const limit = new RateLimit({ points: 3, windowSeconds: 60, redis: new GuardedRedis(redis, { failureThreshold: 2, openMs: 60_000 }), keyPrefix: prefix });
    try {
      const verdicts = [];
      for (let i = 0; i < 4; i++) verdicts.push(await limit.retryAfter('10.9.0.1'));
      expect(verdicts.slice(0, 3)).toEqual([null, null, null]);
      expect(verdicts[3]).toBeGreaterThan(0);
      const started = performance.now();
      expect(await limit.retryAfter('10.9.0.2')).toBeNull();
      // Well inside one command timeout (250 ms): the open circuit answers without asking Redis.
      expect(performance.now() - started).toBeLessThan(200);
    } finally {
      redis.disconnect();
    }
  });
});

describe('where the counters live', () => {
  it("under the deployment's REDIS_KEY_PREFIX, beside its cache and idempotency keys (default egov:)", () => {
    const limit = (env: Record<string, string>) => {
      // Only read, never used to verify: the token settings just have to be present.
      const auth = { AUTH_ISSUER: 'https://idp.example.kz', AUTH_JWKS: '/nonexistent/jwks.json', PARTNERS_FILE: '/nonexistent/partners.json' };
      const { rateLimit } = loadConfig({ NODE_ENV: 'production', ...auth, ...env });
      return rateLimit === false ? null : rateLimit?.keyPrefix;
    };
    expect(limit({})).toBe('egov:rate:');
    expect(limit({ REDIS_KEY_PREFIX: 'egov-staging:' })).toBe('egov-staging:rate:');
  });
});
