import { type ConsentRecord, consentsApi } from '@egov/contracts';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cachePoliciesFromEnv, consentsRead, MemoryCacheStore, RegistryCache, RegistryClient, RegistryError, withdrawConsent } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const AHMETOV = '850314301234';
const ZHUMABAYEVA = '621102407892';
const consent: ConsentRecord = {
  id: 'CNS-2026-000001',
  subject: AHMETOV,
  partnerId: 'bank-credit-check',
  purpose: 'credit-application',
  scope: ['individuals:basic'],
  status: 'GRANTED',
  grantedAt: '2026-01-15T09:00:00+05:00',
  validFrom: '2026-01-15T09:00:00+05:00',
  validUntil: '2031-01-15T09:00:00+05:00',
  withdrawnAt: null,
};

/** The service's lookup route, counting calls and the subjects each asked for. */
function lookups(answer: () => Response | Promise<Response>) {
  const asked: string[][] = [];
  server.use(
    http.post(`http://consents.test${consentsApi.lookup}`, async ({ request }) => {
      asked.push(((await request.json()) as { subjects: string[] }).subjects);
      return answer();
    }),
  );
  return asked;
}

let now = Date.parse('2026-12-02T10:00:00Z');
const client = new RegistryClient({ registry: 'consents', baseUrl: 'http://consents.test', timeoutMs: 500, retries: 0, breaker: false });
// Even when an operator sets a stale-if-error window for consents, none applies: a consent check fails closed.
const cache = () =>
  new RegistryCache(
    new MemoryCacheStore(),
    'consents-test-secret-0123456789',
    cachePoliciesFromEnv({ CONSENTS_CACHE_TTL_SECONDS: '30', CONSENTS_STALE_IF_ERROR_SECONDS: '3600' }),
    () => now,
  );

describe("a partner's consents, read through the registry client and cache", () => {
  it('asks for every subject of a batch in one call and groups the answer by subject (none: an empty list)', async () => {
    const asked = lookups(() => HttpResponse.json({ consents: [consent] }));
    const answer = await consentsRead(client, 'bank-credit-check')([AHMETOV, ZHUMABAYEVA]);
    expect(asked).toEqual([[AHMETOV, ZHUMABAYEVA]]);
    expect(answer).toEqual(
      new Map([
        [AHMETOV, [consent]],
        [ZHUMABAYEVA, []],
      ]),
    );
  });

  it('reuses an answer within CONSENTS_CACHE_TTL_SECONDS, and asks again after it', async () => {
    const asked = lookups(() => HttpResponse.json({ consents: [consent] }));
    const read = consentsRead(client, 'bank-credit-check', cache());
    await read([AHMETOV]);
    now += 29_000;
    await read([AHMETOV]);
    expect(asked).toHaveLength(1);
    now += 2_000;
    await read([AHMETOV]);
    expect(asked).toHaveLength(2);
  });

  it('keeps each partner apart: another partner never gets this one’s cached consents', async () => {
    const asked = lookups(() => HttpResponse.json({ consents: [] }));
    const shared = cache();
    await consentsRead(client, 'bank-credit-check', shared)([AHMETOV]);
    await consentsRead(client, 'kgd-tax-audit', shared)([AHMETOV]);
    expect(asked).toHaveLength(2);
  });

  it('never serves an expired answer when the service fails, whatever CONSENTS_STALE_IF_ERROR_SECONDS says', async () => {
    lookups(() => HttpResponse.json({ consents: [consent] }));
    const read = consentsRead(client, 'bank-credit-check', cache());
    await read([AHMETOV]);
    now += 31_000;
    server.resetHandlers();
    lookups(() => new HttpResponse('down', { status: 503 }));
    const failed = await read([AHMETOV]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(RegistryError);
    expect((failed as RegistryError).extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', registry: 'consents' });
  });

  it("a subject's withdrawal drops the cached answer, so the next read asks the service", async () => {
    const asked = lookups(() => HttpResponse.json({ consents: [consent] }));
    server.use(
      http.post(`http://consents.test${consentsApi.withdraw.replace(':id', consent.id)}`, () =>
        HttpResponse.json({ ...consent, status: 'WITHDRAWN', withdrawnAt: '2026-12-02T10:00:00Z' }),
      ),
    );
    const shared = cache();
    const read = consentsRead(client, 'bank-credit-check', shared);
    await read([AHMETOV]);
    expect(await withdrawConsent(client, shared, AHMETOV, consent.id)).toMatchObject({ status: 'WITHDRAWN' });
    await read([AHMETOV]);
    expect(asked).toHaveLength(2);
  });

  it('a withdrawal of a consent that is not the subject’s is null (the service answers 404)', async () => {
    server.use(
      http.post(`http://consents.test${consentsApi.withdraw.replace(':id', consent.id)}`, () => HttpResponse.json({ error: 'NOT_FOUND' }, { status: 404 })),
    );
    expect(await withdrawConsent(client, cache(), ZHUMABAYEVA, consent.id)).toBeNull();
  });
});
