import { createLogger } from '@egov/core';
import { FeeSchedule, loadCalendar, loadCatalog } from '@egov/domain';
import { NAMED } from '@egov/mocks';
import { createPool, type Pool } from '@egov/stores';
import { applyMigrations } from '@egov/subgraph-kit';
import { createTestDatabase } from '@egov/testkit';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantSnapshot, RegistryOutage } from '../src/applications/applicant.js';
import { buildDraft, findAction } from '../src/applications/draft.js';
import { feeProblemsWhilePaymentsDown, recordOutages } from '../src/degraded/draft.js';
import { type Comparison, RegistryChecks } from '../src/degraded/registry-checks.js';
import { createReread } from '../src/degraded/reread.js';
import { hydrateOutages } from '../src/degraded/view.js';
import { DATABASE_SCHEMA } from '../src/server.js';

const catalog = loadCatalog();
const deps = { fees: FeeSchedule.fromFiles({}), calendar: loadCalendar() };
const now = new Date('2026-03-20T10:00:00+05:00');
const down = (...registries: RegistryOutage['registry'][]): RegistryOutage[] =>
  registries.map((registry) => ({ registry, code: 'REGISTRY_UNAVAILABLE', at: now.toISOString() }));

/** A company as a draft sees it when ГБД ЮЛ answered with nothing about its registration and the others answered nothing at all. */
const company = (unavailable: RegistryOutage[]): ApplicantSnapshot => ({
  id: NAMED.llp,
  ref: { kind: 'BIN', bin: NAMED.llp },
  readAt: now.toISOString(),
  person: null,
  entity: null,
  head: null,
  branches: [],
  licences: [],
  payments: [],
  ...(unavailable.length > 0 ? { unavailable } : {}),
});

const draftOf = (code: string, kind: string, snapshot: ApplicantSnapshot) => {
  const entry = catalog.byCode(code)!;
  return buildDraft(entry, findAction(entry, kind)!, snapshot, now, new Set(), deps);
};
const statusOf = (draft: ReturnType<typeof draftOf>, id: string) => draft.documents.find((d) => d.document.id === id);

describe('a draft made while registries are down (mining-chemical licence, decree 1130, a company applying)', () => {
  it('with every registry up it has no outages and asks for no office-list scan', () => {
    const draft = draftOf('mining-chemical-licence', 'ISSUE', company([]));
    expect(draft.registryOutages).toEqual([]);
    expect(draft.documents.some((d) => d.insteadOf)).toBe(false);
    expect(statusOf(draft, 'fee-payment')?.status).toBe('REGISTRY_UNAVAILABLE');
  });

  it('with ПШЭП down it offers the office list’s fee scan in place of the registry’s payment, and the fee no longer blocks', () => {
    const draft = draftOf('mining-chemical-licence', 'ISSUE', company(down('payments')));
    expect(draft.registryOutages).toEqual([
      {
        registry: 'payments',
        code: 'REGISTRY_UNAVAILABLE',
        at: now.toISOString(),
        fields: expect.any(Array),
        facts: [
          expect.objectContaining({
            fact: 'FEE_PAYMENT',
            document: expect.objectContaining({ id: 'fee-payment' }),
            substitutes: [expect.objectContaining({ id: 'fee-payment-copy', channels: ['OFFICE'] })],
            noSubstituteBecause: null,
          }),
        ],
      },
    ]);
    expect(statusOf(draft, 'fee-payment')).toMatchObject({ status: 'SCAN_INSTEAD', fact: { available: false, reason: expect.stringContaining('ПШЭП') } });
    expect(statusOf(draft, 'fee-payment-copy')).toMatchObject({ status: 'ATTACH_NEEDED', insteadOf: { id: 'fee-payment' } });
    expect(feeProblemsWhilePaymentsDown(draft.registryOutages, draft.fee.kind)).toEqual([]);
  });

  it('where the standard’s office list has no document for the fact (the company’s registration), it says so and invents none', () => {
    const draft = draftOf('mining-chemical-licence', 'ISSUE', company(down('legal-entities')));
    const [outage] = draft.registryOutages;
    expect(outage!.facts).toEqual([
      expect.objectContaining({
        fact: 'LEGAL_ENTITY_REGISTRATION',
        substitutes: [],
        noSubstituteBecause: expect.stringContaining('office list names no document in place of'),
      }),
    ]);
    expect(statusOf(draft, 'legal-entity-registration')).toMatchObject({
      status: 'REGISTRY_UNAVAILABLE',
      fact: { reason: expect.stringContaining('names no document') },
    });
    expect(draft.documents.filter((d) => d.insteadOf)).toEqual([]);
  });

  it('with Е-лицензирование down, a reissue is not refused as "no licence": the licence is unread, not missing', () => {
    expect(draftOf('mining-chemical-licence', 'REISSUE', company([])).reasons.map((r) => r.code)).toContain('NO_LICENCE');
    const draft = draftOf('mining-chemical-licence', 'REISSUE', company(down('licensing')));
    expect(draft.reasons.map((r) => r.code)).not.toContain('NO_LICENCE');
    expect(draft.registryOutages[0]!.facts).toEqual([
      expect.objectContaining({ fact: 'LICENCE', substitutes: [expect.objectContaining({ id: 'licence-copy' })] }),
    ]);
  });

  it('what the application records is ids, and they turn back into the same documents', () => {
    const entry = catalog.byCode('mining-chemical-licence')!;
    const draft = draftOf('mining-chemical-licence', 'ISSUE', company(down('payments', 'legal-entities')));
    const recorded = recordOutages(draft.registryOutages);
    expect(recorded.map((o) => o.facts.map((f) => [f.fact, f.documentId, f.substituteIds]))).toEqual([
      [['FEE_PAYMENT', 'fee-payment', ['fee-payment-copy']]],
      [['LEGAL_ENTITY_REGISTRATION', 'legal-entity-registration', []]],
    ]);
    expect(JSON.parse(JSON.stringify(hydrateOutages(recorded, findAction(entry, 'ISSUE'))))).toEqual(JSON.parse(JSON.stringify(draft.registryOutages)));
  });
});

describe('reading again once the registry is back', () => {
  const entry = catalog.byCode('mining-chemical-licence')!;
  const payment = {
    id: 'PSH-1',
    payerId: NAMED.llp,
    status: 'PAID',
    serviceCode: entry.code,
    action: 'issue',
    amount: '43250.00',
    paidAt: '2026-03-01T10:00:00+05:00',
  };
  const licence = { number: 'L-1', activity: { code: entry.licenceActivity }, status: 'ACTIVE', issuedOn: '2026-03-10' };
  const application = {
    number: 'EL-2026-0000009',
    serviceCode: entry.code,
    action: 'ISSUE',
    paymentId: 'PSH-1',
    submittedAt: now,
    fields: [],
    snapshot: { applicant: company(down('licensing')) },
  };
  const rereadWith = (licences: unknown[], unavailable: RegistryOutage[] = []) =>
    createReread({
      ...deps,
      catalog,
      clock: () => now,
      store: { byNumber: async () => application as never, usedPaymentIds: async () => new Set(['PSH-1']) },
      registry: { readApplicant: async () => ({ ...company(unavailable), payments: [payment], licences }) as never },
    });
  const outages = [{ registry: 'licensing' as const, code: 'REGISTRY_UNAVAILABLE', at: now.toISOString(), facts: [], fields: [] }];

  it('with Е-лицензирование down at submission, the payment taken is confirmed when no licence of the activity was issued after it', async () => {
    const comparison = await rereadWith([])(application.number, outages);
    expect(comparison.facts).toEqual([expect.objectContaining({ fact: 'FEE_PAYMENT', registry: 'licensing', documentId: 'fee-payment', confirmed: true })]);
  });

  it('and is not confirmed when a licence issued after it consumed it', async () => {
    const comparison = await rereadWith([licence])(application.number, outages);
    expect(comparison.facts).toEqual([expect.objectContaining({ fact: 'FEE_PAYMENT', confirmed: false, reason: expect.stringContaining('no longer usable') })]);
  });

  it('while the registry is still down, it throws (and the worker tries again later)', async () => {
    await expect(rereadWith([], down('licensing'))(application.number, outages)).rejects.toMatchObject({
      extensions: { code: 'REGISTRY_UNAVAILABLE', registry: 'licensing' },
    });
  });
});

describe('the re-read worker', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  const logger = createLogger('test', { level: 'error' });
  const outages = recordOutages(draftOf('mining-chemical-licence', 'ISSUE', company(down('payments'))).registryOutages);
  const comparison: Comparison = {
    readAt: now.toISOString(),
    facts: [{ fact: 'FEE_PAYMENT', registry: 'payments', documentId: 'fee-payment', confirmed: true, summary: 'ПШЭП payment PSH-1', reason: null }],
    fields: [],
  };

  beforeAll(async () => {
    database = await createTestDatabase('egov_degraded');
    pool = createPool(database.url, { applicationName: 'test' });
    await applyMigrations(pool, DATABASE_SCHEMA, logger);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  async function submittedWhileDown(number: string) {
    await pool.query(
      `INSERT INTO applications.applications (number, service_code, action, applicant_id, applicant_kind, status, submitted_at,
         idempotency_key, request_hash, snapshot, fields, receipt)
       VALUES ($1, 'mining-chemical-licence', 'ISSUE', $2, 'LEGAL_ENTITY', 'SUBMITTED', now(), $1, 'h', '{}', '[]', '{}')`,
      [number, NAMED.llp],
    );
    const client = await pool.connect();
    try {
      await RegistryChecks.enqueue(client, number, outages);
    } finally {
      client.release();
    }
  }

  it('keeps a decision waiting, retries while the registry is down, and records the comparison once', async () => {
    await submittedWhileDown('EL-2026-0000001');
    let registryUp = false;
    let reads = 0;
    const reread = async () => {
      reads++;
      if (!registryUp) throw new GraphQLError('down', { extensions: { code: 'REGISTRY_UNAVAILABLE', registry: 'payments' } });
      return comparison;
    };
    const counted: string[] = [];
    const worker = new RegistryChecks(pool, reread, logger, { retryBaseMs: 1, retryCapMs: 1 }, (outcome) => counted.push(outcome));
    await expect(worker.requireChecked('EL-2026-0000001')).rejects.toMatchObject({ extensions: { code: 'REGISTRY_CHECK_PENDING', registries: ['payments'] } });

    expect(await worker.runOnce()).toBe(1);
    const [pending] = (await worker.statesOf(['EL-2026-0000001'])).values();
    expect(pending).toMatchObject({ state: 'PENDING', attempts: 1, lastError: 'payments: REGISTRY_UNAVAILABLE (attempt 1)', comparison: null });

    registryUp = true;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await worker.runOnce()).toBe(1);
    const [checked] = (await worker.statesOf(['EL-2026-0000001'])).values();
    expect(checked).toMatchObject({ state: 'CHECKED', attempts: 2, lastError: null, nextAttemptAt: null, comparison });
    await expect(worker.requireChecked('EL-2026-0000001')).resolves.toBeUndefined();
    expect(await worker.runOnce()).toBe(0);
    expect(reads).toBe(2);
    expect(counted).toEqual(['postponed', 'checked']); // egov_registry_rechecks_total{outcome}
  });

  it('two replicas at once: the application is read again by one of them only', async () => {
    await submittedWhileDown('EL-2026-0000002');
    let reads = 0;
    const slowReread = async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return comparison;
    };
    const other = createPool(database.url, { applicationName: 'test' });
    try {
      const [a, b] = [new RegistryChecks(pool, slowReread, logger), new RegistryChecks(other, slowReread, logger)];
      const taken = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
      expect(taken.reduce((x, y) => x + y, 0)).toBe(1);
      expect(reads).toBe(1);
      expect(await a.pending()).toBe(0);
    } finally {
      await other.end();
    }
  });

  it('an application submitted with every registry up has no check and is never waited on', async () => {
    const worker = new RegistryChecks(pool, async () => comparison, logger);
    const client = await pool.connect();
    try {
      await RegistryChecks.enqueue(client, 'EL-2026-0000003', []);
    } finally {
      client.release();
    }
    expect((await worker.statesOf(['EL-2026-0000003'])).size).toBe(0);
    await expect(worker.requireChecked('EL-2026-0000003')).resolves.toBeUndefined();
  });
});
