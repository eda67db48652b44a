import { NAMED } from '@egov/mocks';
import { RegistryClient, type RegistryClientOptions } from '@egov/registry-client';
import { describe, expect, it } from 'vitest';
import { createApplicationsRegistry } from '../src/registry/index.js';

/*
 * Red team (degraded mode, issue 15): an applicant must not be able to make a registry that is up look down, and
 * so submit without the check it makes. Our cap on calls in flight to a registry is shared by every request of the
 * process; a flood of drafts filling it made the next read fail with REGISTRY_UNAVAILABLE "too many calls waiting",
 * which the snapshot took as an outage: the submission then went through on a scan instead of ПШЭП's word.
 */
const now = new Date('2026-03-20T10:00:00+05:00');
const answering = (status: number) => (async () => new Response('{}', { status })) as typeof fetch;
const client = (registry: RegistryClientOptions['registry'], fetch: typeof globalThis.fetch, extra: Partial<RegistryClientOptions> = {}) =>
  new RegistryClient({ registry, baseUrl: `http://${registry}.test`, retries: 0, timeoutMs: 1000, fetch, ...extra });

describe('reading the applicant while ПШЭП is up but our calls to it are all taken', () => {
  it('the control: ПШЭП answering 503 is an outage, listed in the snapshot (degraded mode)', async () => {
    const registry = createApplicationsRegistry({
      individuals: client('individuals', answering(503)),
      legalEntities: client('legal-entities', answering(503)),
      licensing: client('licensing', answering(503)),
      payments: client('payments', answering(503)),
    });
    const snapshot = await registry.readApplicant({ kind: 'IIN', iin: NAMED.manWithLicences }, now);
    expect(snapshot?.unavailable?.map((o) => o.registry).sort()).toEqual(['individuals', 'licensing', 'payments']);
  });

  it('our own overload is no outage: the read fails (REGISTRY_UNAVAILABLE, try again) instead of skipping ПШЭП', async () => {
    let release = () => {};
    const held = new Promise<Response>((resolve) => {
      release = () => resolve(new Response('{"payments":[]}', { status: 200 }));
    });
    const payments = client('payments', (async () => held) as typeof fetch, { maxConcurrency: 1, maxQueue: 0 });
    // Another request (the flood) holds the only call ПШЭП may have in flight.
    const flood = payments.post('/anything', {}, { safeParse: (v: unknown) => ({ success: true, data: v }) } as never).catch(() => undefined);
    const registry = createApplicationsRegistry({
      individuals: client('individuals', answering(503)),
      legalEntities: client('legal-entities', answering(503)),
      licensing: client('licensing', answering(503)),
      payments,
    });
    try {
      await expect(registry.readApplicant({ kind: 'IIN', iin: NAMED.manWithLicences }, now)).rejects.toMatchObject({
        overloaded: true,
        extensions: { code: 'REGISTRY_UNAVAILABLE', registry: 'payments' },
      });
      expect(payments.circuit).toBe('CLOSED');
    } finally {
      release();
      await flood;
    }
  });
});
