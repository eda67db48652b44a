import { randomUUID } from 'node:crypto';
import { individualsApi, PersonsBatchRequest } from '@egov/contracts';
import { NAMED, samplePdf } from '@egov/mocks';
import { createMockRegistries } from '@egov/mocks/node';
import { createRedis, RedisIdempotencyStore } from '@egov/stores';
import { errorCodes, loopbackPassesThrough } from '@egov/testkit';
import { delay, HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApplications } from './support.js';

const { server: registries, state } = createMockRegistries({ persons: 300 });
let applications: Awaited<ReturnType<typeof startApplications>>;
const now = new Date('2026-03-20T10:00:00+05:00');

beforeAll(async () => {
  registries.listen(loopbackPassesThrough);
  applications = await startApplications({ clock: () => now });
});
afterEach(() => registries.resetHandlers());
afterAll(async () => {
  await applications.close();
  registries.close();
});

const DRAFT = `query($s: ID!, $a: ServiceActionKind!, $id: ApplicantId!) { applicationDraft(serviceCode: $s, action: $a, applicantId: $id) {
  channel eligible reasons { code field } documents { document { id } status summary unavailableBecause } attachmentsNeeded { id }
  fee { amountMrp amount paid } license { number } expectedResult { dueDate } expectedResultUnknownBecause } }`;
/** Who prepares an application: the citizen themselves, or the head of the company applying. */
const applicantSide = (applicantId: string, on = applications) => on.as({ kind: 'citizen', iin: state.entities.get(applicantId)?.headIin ?? applicantId });
const draft = async (s: string, a: string, id: string) => (await applicantSide(id).ask(DRAFT, { s, a, id })).data.applicationDraft;

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  __typename ... on ApplicationReceipt { number replayed } ... on ApplicationRejected { problems { code field message } } } }`;
type Draft = {
  serviceCode: string;
  action: string;
  applicantId: string;
  attachments?: { id: string; sha256: string }[];
  paymentId?: string;
  idempotencyKey?: string;
};
/** Signs and submits once; `times` sends the same signed request that many times at once (a user's retries). */
async function submitAll(input: Draft, times = 1, on = applications) {
  const applicant = applicantSide(input.applicantId, on);
  const signed = await applicant.signed({ attachments: [], ...input });
  return Promise.all(Array.from({ length: times }, async () => (await applicant.ask(SUBMIT, { input: signed })).data.submitApplication));
}
const submit = async (input: Draft) => (await submitAll(input))[0];

async function uploadScan(document: string, applicantId: string, on = applications): Promise<{ id: string; sha256: string }> {
  const form = new FormData();
  form.append(document, new Blob([new Uint8Array(samplePdf(`${document} ${applicantId}`))]), `${document}.pdf`);
  const body = (await (await applicantSide(applicantId, on).upload(form)).json()) as { attachments: { id: string; sha256: string }[] };
  return body.attachments[0]!;
}

function payFee(payerId: string, serviceCode: string, action: string, amount: string): string {
  const id = `PSH-TEST-${randomUUID().slice(0, 8)}`;
  state.payments.set(id, {
    id,
    payerId,
    purpose: 'test fee',
    serviceCode,
    action,
    amount,
    currency: 'KZT',
    status: 'PAID',
    createdAt: now.toISOString(),
    paidAt: now.toISOString(),
    transactionId: 'TX1',
  });
  return id;
}

describe('reissuing a licence the applicant holds', () => {
  it('850314301234 reissues his flag-and-emblem licence: the licence comes from Е-лицензирование, so no scan of it is asked', async () => {
    const d = await draft('state-symbols-licence', 'REISSUE', NAMED.manWithLicences);
    expect(d).toMatchObject({
      eligible: true,
      license: { number: '14000731' },
      fee: { amountMrp: 1, amount: '4325.00', paid: false },
      expectedResult: { dueDate: '2026-04-08' },
    });
    const licenceCopy = d.documents.find((x: any) => x.summary?.includes('14000731'));
    expect(licenceCopy).toMatchObject({ status: 'FROM_REGISTRY' });
    expect(d.attachmentsNeeded).toEqual([]);
  });

  it('a person without such a licence cannot reissue one', async () => {
    const d = await draft('state-symbols-licence', 'REISSUE', NAMED.youngWoman);
    expect(d.eligible).toBe(false);
    expect(d.reasons).toEqual([{ code: 'NO_LICENCE', field: 'action' }]);
  });
});

describe('who may apply, and through which channel', () => {
  it('an office-only standard cannot be applied for online; the draft shows the office list', async () => {
    const d = await draft('measuring-instrument-type-approval', 'CERTIFICATE', NAMED.llp);
    expect(d.channel).toBe('OFFICE');
    expect(d.reasons.map((r: any) => r.code)).toContain('NOT_OFFERED_ONLINE');
    expect(d.expectedResult).toBeNull();
    expect(d.expectedResultUnknownBecause).toMatch(/end of testing/);
  });

  it('a liquidated company is refused with the registry status as the reason', async () => {
    const liquidated = state.fixtures.entities.find((e) => e.status === 'LIQUIDATED' && e.parentBin === null)!;
    const d = await draft('scrap-metal-licence', 'ISSUE', liquidated.bin);
    expect(d.reasons).toContainEqual({ code: 'ENTITY_NOT_ACTIVE', field: 'applicantId' });
  });

  it('an expired identity document is a registry fact that cannot be vouched for, and blocks the submission', async () => {
    registries.use(
      http.post(`*${individualsApi.personsBatch}`, async ({ request }) => {
        const { iins } = PersonsBatchRequest.parse(await request.json());
        const persons = iins
          .map((iin) => state.persons.get(iin))
          .filter((p) => p !== undefined)
          .map((p) => ({ ...p, identityDocument: { ...p.identityDocument!, expiresOn: '2025-12-31' } }));
        return HttpResponse.json({ persons, missing: [] });
      }),
    );
    const d = await draft('state-symbols-licence', 'ISSUE', NAMED.youngWoman);
    expect(d.documents).toContainEqual(
      expect.objectContaining({
        document: { id: 'identity' },
        status: 'REGISTRY_UNAVAILABLE',
        unavailableBecause: expect.stringContaining('expired on 2025-12-31'),
      }),
    );
    const scan = await uploadScan('information-form', NAMED.youngWoman);
    const paid = payFee(NAMED.youngWoman, 'state-symbols-licence', 'ISSUE', '43250.00');
    const result = await submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.youngWoman, attachments: [scan], paymentId: paid });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'REGISTRY_FACT_UNAVAILABLE', field: 'applicantId' })]);
  });
});

describe('fees', () => {
  it('a payment below the amount due does not pay the fee; the full amount does', async () => {
    payFee(NAMED.entrepreneur, 'state-symbols-licence', 'ISSUE', '100.00');
    expect((await draft('state-symbols-licence', 'ISSUE', NAMED.entrepreneur)).fee.paid).toBe(false);
    payFee(NAMED.entrepreneur, 'state-symbols-licence', 'ISSUE', '43250.00');
    expect((await draft('state-symbols-licence', 'ISSUE', NAMED.entrepreneur)).fee.paid).toBe(true);
  });

  it('a free service takes no payment', async () => {
    const result = await submit({ serviceCode: 'expert-auditor-attestation', action: 'ATTESTATION', applicantId: NAMED.youngWoman, paymentId: 'PSH-1' });
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'PAYMENT_NOT_USABLE', field: 'paymentId' }));
  });
});

describe('submitting safely', () => {
  it('ten simultaneous retries with one key file one application and answer all with its number', async () => {
    const scan = await uploadScan('information-form', NAMED.llpHead);
    payFee(NAMED.llpHead, 'state-symbols-licence', 'ISSUE', '43250.00');
    const input = { serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.llpHead, attachments: [scan], idempotencyKey: randomUUID() };
    const results = await submitAll(input, 10);
    const numbers = new Set(results.map((r) => r.number));
    expect(results.every((r) => r.__typename === 'ApplicationReceipt')).toBe(true);
    expect(numbers.size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const { rows } = await applications.pool.query(`SELECT count(*)::int AS n FROM applications.applications WHERE idempotency_key = $1`, [
      input.idempotencyKey,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('when ГБД ФЛ is down at submission, nothing is stored without the office-list scan that stands in for the identity document', async () => {
    registries.use(http.post(`*${individualsApi.personsBatch}`, () => new HttpResponse(null, { status: 503 })));
    const before = (await applications.pool.query('SELECT count(*)::int AS n FROM applications.applications')).rows[0].n;
    const result = await submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.youngWoman });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'MISSING_ATTACHMENT', field: 'attachmentIds', message: expect.stringContaining('identity-document-copy') }),
    );
    expect((await applications.pool.query('SELECT count(*)::int AS n FROM applications.applications')).rows[0].n).toBe(before);
  });

  it('a key shorter than 8 characters is refused on its field', async () => {
    const result = await submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.llp, idempotencyKey: 'abc' });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY', field: 'idempotencyKey' })]);
  });
});

describe('submitting behind a Redis idempotency gate (several applications processes share it)', () => {
  const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'applications-idempotency-test' });
  const prefix = `egov-test-submit:${randomUUID()}:`;
  let gated: Awaited<ReturnType<typeof startApplications>>;
  beforeAll(async () => {
    gated = await startApplications({ clock: () => now, idempotency: new RedisIdempotencyStore(redis, prefix) });
  });
  afterAll(async () => {
    await gated.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('twenty simultaneous retries run the submission once and all get its receipt', async () => {
    const scan = await uploadScan('information-form', NAMED.manWithLicences, gated);
    payFee(NAMED.manWithLicences, 'state-symbols-licence', 'ISSUE', '43250.00');
    const input = {
      serviceCode: 'state-symbols-licence',
      action: 'ISSUE',
      applicantId: NAMED.manWithLicences,
      attachments: [scan],
      idempotencyKey: randomUUID(),
    };
    const results = await submitAll(input, 20, gated);
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(results.filter((r) => r.__typename === 'ApplicationReceipt' && !r.replayed)).toHaveLength(1);
    const { rows } = await gated.pool.query('SELECT count(*)::int AS n FROM applications.applications');
    expect(rows[0].n).toBe(1);
  });

  it('a refused submission leaves the key free for the corrected request', async () => {
    const key = randomUUID();
    const [first] = await submitAll({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.youngWoman, idempotencyKey: key }, 1, gated);
    expect(first.problems.map((p: { code: string }) => p.code)).toContain('MISSING_ATTACHMENT');
    const [second] = await submitAll({ serviceCode: 'scrap-metal-licence', action: 'ISSUE', applicantId: NAMED.youngWoman, idempotencyKey: key }, 1, gated);
    expect(second.problems.map((p: { code: string }) => p.code)).not.toContain('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('a flood of submissions (retries after an outage)', () => {
  let limited: Awaited<ReturnType<typeof startApplications>>;
  beforeAll(async () => {
    // One submission at work at a time; the next waits 200 ms for its turn at most.
    limited = await startApplications({ clock: () => now, admission: { maxConcurrency: 1, maxWaitMs: 200 } });
  });
  afterAll(() => limited.close());

  it('tells a submission that cannot have its turn soon OVERLOADED (503, retryable, nothing filed), and still answers the retry of a filed one', async () => {
    const scan = await uploadScan('information-form', NAMED.youngWoman, limited);
    payFee(NAMED.youngWoman, 'state-symbols-licence', 'ISSUE', '43250.00');
    const filed = { serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.youngWoman, attachments: [scan], idempotencyKey: randomUUID() };
    const [receipt] = await submitAll(filed, 1, limited);
    expect(receipt.__typename).toBe('ApplicationReceipt');

    // ГБД ФЛ is slow: the next submission holds the one turn for a second.
    registries.use(
      http.post(`*${individualsApi.personsBatch}`, async () => {
        await delay(1_000);
      }),
    );
    const slow = submitAll({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.llp, idempotencyKey: randomUUID() }, 1, limited);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = (await limited.pool.query('SELECT count(*)::int AS n FROM applications.applications')).rows[0].n;

    const applicant = applicantSide(NAMED.manWithLicences, limited);
    const signed = await applicant.signed({
      serviceCode: 'state-symbols-licence',
      action: 'ISSUE',
      applicantId: NAMED.manWithLicences,
      attachments: [],
      idempotencyKey: randomUUID(),
    });
    const started = Date.now();
    const refused = await applicant.ask(SUBMIT, { input: signed });
    expect(Date.now() - started).toBeLessThan(900);
    expect({ status: refused.status, codes: errorCodes(refused) }).toEqual({ status: 503, codes: ['OVERLOADED'] });
    expect(refused.errors![0]!.extensions).toMatchObject({ retryable: true });
    expect((await limited.pool.query('SELECT count(*)::int AS n FROM applications.applications')).rows[0].n).toBe(before);

    const [again] = await submitAll(filed, 1, limited);
    expect(again).toMatchObject({ __typename: 'ApplicationReceipt', number: receipt.number, replayed: true });
    await slow;
  });
});
