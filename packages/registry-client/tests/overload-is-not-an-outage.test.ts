import { RegistryClient, RegistryError } from '@egov/registry-client';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/*
 * Red team (degraded mode, issue 15): a registry that is up must not look down because of load we put on
 * ourselves. A flood of calls filling our cap on calls in flight is refused here, before the registry is asked;
 * such refusals say so (`overloaded`) and never open the registry's circuit, or every later caller, and every
 * submission, would see the registry as down while it answers.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const Thing = z.object({ id: z.string() });
const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as RegistryError,
  );

describe('a registry that is up, asked by more callers than our cap lets through', () => {
  it('the callers beyond the queue are refused as our overload, and the circuit stays closed', async () => {
    server.use(
      http.post('http://registry.test/things', async () => {
        await delay(60);
        return HttpResponse.json({ id: 'a' });
      }),
    );
    const client = new RegistryClient({
      registry: 'payments',
      baseUrl: 'http://registry.test',
      timeoutMs: 2000,
      maxConcurrency: 1,
      maxQueue: 0,
      breaker: { failureThreshold: 2, openMs: 60_000 },
    });
    const results = await Promise.all(Array.from({ length: 6 }, () => settle(client.post('/things', {}, Thing))));
    const refused = results.filter((r): r is RegistryError => r instanceof RegistryError);
    expect(refused.length).toBe(5);
    for (const error of refused) {
      expect(error.extensions.code).toBe('REGISTRY_UNAVAILABLE');
      expect(error.overloaded).toBe(true);
      expect(error.countsAgainstRegistry).toBe(false);
    }
    expect(client.circuit).toBe('CLOSED');
    await expect(client.post('/things', {}, Thing)).resolves.toEqual({ id: 'a' });
  });

  it('a call that waited its whole deadline for a turn is our overload, not a registry timeout', async () => {
    server.use(
      http.post('http://registry.test/things', async () => {
        await delay(150);
        return HttpResponse.json({ id: 'a' });
      }),
    );
    const client = new RegistryClient({
      registry: 'payments',
      baseUrl: 'http://registry.test',
      timeoutMs: 100,
      retries: 0,
      maxConcurrency: 1,
      maxQueue: 10,
      breaker: { failureThreshold: 3, openMs: 60_000 },
    });
    // The first call times out at the registry (a real timeout); the ones queued behind it waited their deadline out.
    const results = await Promise.all(Array.from({ length: 4 }, () => settle(client.post('/things', {}, Thing))));
    const codes = results.map((r) => (r ? `${r.extensions.code}${r.overloaded ? ' overloaded' : ''}` : 'ok'));
    expect(codes[0]).toBe('REGISTRY_TIMEOUT');
    expect(codes.slice(1)).toEqual(['REGISTRY_UNAVAILABLE overloaded', 'REGISTRY_UNAVAILABLE overloaded', 'REGISTRY_UNAVAILABLE overloaded']);
    expect(client.circuit).toBe('CLOSED');
  });
});
