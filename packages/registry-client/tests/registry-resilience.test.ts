import { RegistryClient, type RegistryError } from '@egov/registry-client';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const Ok = z.object({ ok: z.literal(true) });
const URL_ = 'http://registry.test/read';

function answering(...statuses: number[]) {
  const seen = { calls: 0 };
  server.use(
    http.post(URL_, () => {
      const status = statuses[Math.min(seen.calls, statuses.length - 1)]!;
      seen.calls += 1;
      return status === 200 ? HttpResponse.json({ ok: true }) : new HttpResponse(null, { status });
    }),
  );
  return seen;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: RegistryError) => e,
  );

describe('reads that meet a flaky registry', () => {
  it('are retried with backoff until one answers', async () => {
    const seen = answering(503, 503, 200);
    const client = new RegistryClient({ registry: 'payments', baseUrl: 'http://registry.test', retries: 2, retryBaseMs: 5 });
    await expect(client.post('/read', {}, Ok)).resolves.toEqual({ ok: true });
    expect(seen.calls).toBe(3);
  });

  it('give up after the retries, within the call budget', async () => {
    const seen = answering(503);
    const client = new RegistryClient({ registry: 'payments', baseUrl: 'http://registry.test', retries: 2, retryBaseMs: 5, timeoutMs: 1000 });
    expect((await failure(client.post('/read', {}, Ok))).extensions.code).toBe('REGISTRY_UNAVAILABLE');
    expect(seen.calls).toBe(3);
  });

  it('are not retried past the deadline: a slow registry costs one timeout, not three', async () => {
    server.use(
      http.post(URL_, async () => {
        await delay(1_000);
        return HttpResponse.json({ ok: true });
      }),
    );
    const client = new RegistryClient({ registry: 'payments', baseUrl: 'http://registry.test', retries: 2, timeoutMs: 150 });
    const started = Date.now();
    expect((await failure(client.post('/read', {}, Ok))).extensions.code).toBe('REGISTRY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('are not retried when the registry says the request itself is wrong (4xx)', async () => {
    const seen = answering(400, 200);
    const client = new RegistryClient({ registry: 'payments', baseUrl: 'http://registry.test', retries: 2, retryBaseMs: 5 });
    expect((await failure(client.post('/read', {}, Ok))).extensions.code).toBe('REGISTRY_BAD_RESPONSE');
    expect(seen.calls).toBe(1);
  });
});

describe('writes', () => {
  it('are never retried blindly: a failed write surfaces once', async () => {
    const seen = answering(503, 200);
    const client = new RegistryClient({ registry: 'payments', baseUrl: 'http://registry.test', retries: 2, retryBaseMs: 5 });
    await failure(client.call({ method: 'POST', path: '/read', body: {}, schema: Ok }));
    expect(seen.calls).toBe(1);
  });
});

describe('the circuit breaker', () => {
  it('opens after repeated failures and then fails fast without calling the registry, naming the registry', async () => {
    const seen = answering(503);
    const client = new RegistryClient({
      registry: 'individuals',
      baseUrl: 'http://registry.test',
      retries: 0,
      breaker: { failureThreshold: 3, openMs: 60_000 },
    });
    for (let i = 0; i < 3; i++) await failure(client.post('/read', {}, Ok));
    expect(client.circuit).toBe('OPEN');
    const fast = await failure(client.post('/read', {}, Ok));
    expect(fast.extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', registry: 'individuals', circuit: 'OPEN' });
    expect(seen.calls).toBe(3);
  });

  it('lets one probe through after the pause and closes when it succeeds', async () => {
    answering(503, 503, 200);
    const client = new RegistryClient({ registry: 'individuals', baseUrl: 'http://registry.test', retries: 0, breaker: { failureThreshold: 2, openMs: 50 } });
    await failure(client.post('/read', {}, Ok));
    await failure(client.post('/read', {}, Ok));
    expect(client.circuit).toBe('OPEN');
    await new Promise((r) => setTimeout(r, 70));
    expect(client.circuit).toBe('HALF_OPEN');
    await expect(client.post('/read', {}, Ok)).resolves.toEqual({ ok: true });
    expect(client.circuit).toBe('CLOSED');
  });

  it('opens again at once when the probe fails', async () => {
    answering(503);
    const client = new RegistryClient({ registry: 'individuals', baseUrl: 'http://registry.test', retries: 0, breaker: { failureThreshold: 2, openMs: 50 } });
    await failure(client.post('/read', {}, Ok));
    await failure(client.post('/read', {}, Ok));
    await new Promise((r) => setTimeout(r, 70));
    await failure(client.post('/read', {}, Ok));
    expect(client.circuit).toBe('OPEN');
  });

  it('is not tripped by answers that blame our request (4xx)', async () => {
    answering(400);
    const client = new RegistryClient({
      registry: 'individuals',
      baseUrl: 'http://registry.test',
      retries: 0,
      breaker: { failureThreshold: 2, openMs: 60_000 },
    });
    for (let i = 0; i < 4; i++) await failure(client.post('/read', {}, Ok));
    expect(client.circuit).toBe('CLOSED');
  });
});

describe('the concurrency cap', () => {
  it('lets `max` calls run, queues the next ones, and refuses beyond the queue', async () => {
    let inFlight = 0;
    let peak = 0;
    server.use(
      http.post(URL_, async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await delay(50);
        inFlight--;
        return HttpResponse.json({ ok: true });
      }),
    );
    const client = new RegistryClient({ registry: 'licensing', baseUrl: 'http://registry.test', maxConcurrency: 2, maxQueue: 2, retries: 0 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.post('/read', {}, Ok)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.extensions.code)).toEqual([
      'REGISTRY_UNAVAILABLE',
      'REGISTRY_UNAVAILABLE',
    ]);
    expect(peak).toBe(2);
  });
});
