import { consentsApi, individualsApi, legalEntitiesApi, licensingApi, paymentsApi, type RegistryName } from '@egov/contracts';
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { anyOrigin } from './handlers/respond.js';

/**
 * Failure scenarios for one registry, as msw handlers to put in front of the happy-path ones
 * (`server.use(...)` in-process, `MockRegistryServers.use(registry, ...)` over HTTP). A handler that returns
 * nothing lets the request fall through to the next handler, i.e. to the normal answer.
 */
type Route = { method: 'get' | 'post' | 'put'; path: string };

const ROUTES: Record<RegistryName, Route[]> = {
  individuals: [
    { method: 'post', path: individualsApi.personsBatch },
    { method: 'get', path: individualsApi.person },
  ],
  'legal-entities': [
    { method: 'post', path: legalEntitiesApi.entitiesBatch },
    { method: 'post', path: legalEntitiesApi.byParticipants },
    { method: 'get', path: legalEntitiesApi.entity },
  ],
  payments: [
    { method: 'post', path: paymentsApi.byPayers },
    { method: 'post', path: paymentsApi.create },
    { method: 'post', path: paymentsApi.confirm },
    { method: 'get', path: paymentsApi.payment },
  ],
  licensing: [
    { method: 'post', path: licensingApi.licensesBatch },
    { method: 'post', path: licensingApi.byHolders },
    { method: 'put', path: licensingApi.issueForApplication },
    { method: 'put', path: licensingApi.deliverApplication },
    { method: 'get', path: licensingApi.license },
  ],
  consents: [
    { method: 'post', path: consentsApi.lookup },
    { method: 'post', path: consentsApi.bySubject },
    { method: 'post', path: consentsApi.withdraw },
  ],
};

function every(registry: RegistryName, resolver: Parameters<typeof http.get>[1]): HttpHandler[] {
  return ROUTES[registry].map((route) => http[route.method](anyOrigin(route.path), resolver));
}

export const scenarios = {
  /** The registry's host refuses connections (in-process: a network error). Over HTTP, `servers.stop(registry)` is the real thing. */
  down: (registry: RegistryName) => every(registry, () => HttpResponse.error()),

  /** Every answer comes `ms` late. */
  slow: (registry: RegistryName, ms: number) =>
    every(registry, async () => {
      await delay(ms);
      return undefined;
    }),

  /** Every call answers an HTTP error status. */
  serverError: (registry: RegistryName, status = 500) => every(registry, () => new HttpResponse('upstream failure', { status })),

  /** 200 with a body that breaks the contract (or is not JSON at all). */
  malformed: (registry: RegistryName, body: 'wrong-shape' | 'not-json' = 'wrong-shape') =>
    every(registry, () =>
      body === 'not-json'
        ? new HttpResponse('<html>Service Unavailable</html>', { status: 200, headers: { 'content-type': 'text/html' } })
        : HttpResponse.json({ unexpected: true }),
    ),

  /** Batch lookups silently drop every other requested id (neither found nor listed missing). */
  partialBatch: (registry: 'individuals' | 'legal-entities' | 'licensing') => {
    const path = { individuals: individualsApi.personsBatch, 'legal-entities': legalEntitiesApi.entitiesBatch, licensing: licensingApi.licensesBatch }[
      registry
    ];
    const list = { individuals: 'persons', 'legal-entities': 'entities', licensing: 'licenses' }[registry];
    return [
      http.post(anyOrigin(path), async ({ request }) => {
        const asked = (await request.clone().json()) as Record<string, string[]>;
        const ids = Object.values(asked)[0] ?? [];
        if (ids.length < 2) return undefined;
        return HttpResponse.json({ [list]: [], missing: ids.filter((_, i) => i % 2 === 0) });
      }),
    ];
  },

  /** Alternates `upMs` of normal answers with `downMs` of 503s, starting up; like a registry restarting in a loop. */
  flapping: (registry: RegistryName, timing: { upMs: number; downMs: number }, startedAt = Date.now()) =>
    every(registry, () => {
      const phase = (Date.now() - startedAt) % (timing.upMs + timing.downMs);
      return phase < timing.upMs ? undefined : new HttpResponse('restarting', { status: 503 });
    }),
};
