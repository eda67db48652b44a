import { RegistryClient } from '@egov/registry-client';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failure } from './support/failure.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const Thing = z.object({ id: z.string(), size: z.number() });
const client = new RegistryClient({ registry: 'individuals', baseUrl: 'http://registry.test/', timeoutMs: 200 });

describe('a registry call', () => {
  it('returns the parsed answer', async () => {
    server.use(
      http.post('http://registry.test/things', async ({ request }) => HttpResponse.json({ id: ((await request.json()) as { id: string }).id, size: 3 })),
    );
    await expect(client.post('/things', { id: 'a' }, Thing)).resolves.toEqual({ id: 'a', size: 3 });
  });

  it('reads a 404 on a single lookup as "no such record"', async () => {
    server.use(http.get('http://registry.test/things/x', () => HttpResponse.json({ error: 'NOT_FOUND' }, { status: 404 })));
    await expect(client.get('/things/x', Thing)).resolves.toBeNull();
  });

  it('turns a 5xx into REGISTRY_UNAVAILABLE naming the registry', async () => {
    server.use(http.post('http://registry.test/things', () => new HttpResponse('boom', { status: 503 })));
    const error = await failure(client.post('/things', {}, Thing));
    expect(error.extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', registry: 'individuals', upstreamStatus: 503 });
    expect(error.message).toContain('ГБД ФЛ');
  });

  it('turns a silent registry into REGISTRY_TIMEOUT after the deadline', async () => {
    server.use(
      http.post('http://registry.test/things', async () => {
        await delay(1000);
        return HttpResponse.json({ id: 'late', size: 1 });
      }),
    );
    const started = Date.now();
    const error = await failure(client.post('/things', {}, Thing));
    expect(error.extensions.code).toBe('REGISTRY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('refuses an answer that breaks the contract instead of passing it on', async () => {
    server.use(http.post('http://registry.test/things', () => HttpResponse.json({ id: 7 })));
    expect((await failure(client.post('/things', {}, Thing))).extensions.code).toBe('REGISTRY_BAD_RESPONSE');
  });

  it('refuses a body that is not JSON', async () => {
    server.use(http.post('http://registry.test/things', () => new HttpResponse('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } })));
    expect((await failure(client.post('/things', {}, Thing))).extensions.code).toBe('REGISTRY_BAD_RESPONSE');
  });

  it('turns a refused connection into REGISTRY_UNAVAILABLE', async () => {
    server.use(http.post('http://registry.test/things', () => HttpResponse.error()));
    expect((await failure(client.post('/things', {}, Thing))).extensions.code).toBe('REGISTRY_UNAVAILABLE');
  });
});
