import { randomUUID } from 'node:crypto';
import { NAMED, samplePdf } from '@egov/mocks';
import { errorCodes } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officer, portal } from './support/flow.js';
import { type RunningGraph, startGraph } from './support/index.js';

/**
 * Degraded mode (issue 15, item 2), through the gateway: ПШЭП (payments) is switched off while the LLP
 * 080440001234 prepares and submits its application for the State Flag and Emblem licence (001). The draft
 * offers the office list's fee scan in place of the registry's payment; the application records the outage;
 * the officer cannot decide until ПШЭП is back and has been read again, and then sees the comparison.
 */

const now = new Date('2026-03-20T10:00:00+05:00');
let graph: RunningGraph;
let p: ReturnType<typeof portal>;
let ktrm: ReturnType<typeof officer>;

beforeAll(async () => {
  // No breaker: the registry comes back the moment it is switched on, and the re-read sees it at once.
  graph = await startGraph({ clock: () => now, registryClient: { breaker: false } });
  p = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
  ktrm = officer(graph, { iin: '770707342424', agency: 'MINT-KTRM' });
});
afterAll(() => graph?.close());

const OUTAGES = `registryOutages { registry code at fields facts { fact document { id } substitutes { id channels } noSubstituteBecause } }`;
const CHECK = `number status needsRegistryCheck documents { documentId supply registry attachmentIds }
  registryCheck { state attempts lastError checkedAt readAt outages { registry at facts { fact document { id } substitutes { id } } }
    facts { fact registry document { id } confirmed summary reason } fields { fieldId registry submitted registryValue same } }`;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the LLP 080440001234 applies for the State Flag and Emblem licence while ПШЭП is down', () => {
  let paymentId: string;
  let number: string;
  let scans: Awaited<ReturnType<typeof p.upload>>;

  it('pays the fee while ПШЭП is up; then ПШЭП goes down, and the draft names the unread fact and offers the office list’s fee scan in its place', async () => {
    paymentId = await p.pay('state-symbols-licence', 'ISSUE', NAMED.llp);
    const normal = await p.ask(
      `query($id: ApplicantId!) { applicationDraft(serviceCode: "state-symbols-licence", action: ISSUE, applicantId: $id) { registryOutages { registry } fee { paid } } }`,
      { id: NAMED.llp },
    );
    expect(normal.data.applicationDraft).toEqual({ registryOutages: [], fee: { paid: true } });
    await graph.registries.stop('payments');

    const { data, errors } = await p.ask(
      `query($id: ApplicantId!) { applicationDraft(serviceCode: "state-symbols-licence", action: ISSUE, applicantId: $id) {
        eligible reasons { code } ${OUTAGES}
        documents { document { id } status unavailableBecause insteadOf { id } }
        attachmentsNeeded { id }
        fee { paid }
      } }`,
      { id: NAMED.llp },
    );
    expect(errors).toBeUndefined();
    const draft = data.applicationDraft;
    expect(draft.eligible).toBe(true);
    expect(draft.registryOutages).toEqual([
      {
        registry: 'PAYMENTS',
        code: 'REGISTRY_UNAVAILABLE',
        at: expect.any(String),
        fields: [],
        facts: [
          { fact: 'FEE_PAYMENT', document: { id: 'fee-payment' }, substitutes: [{ id: 'fee-payment-copy', channels: ['OFFICE'] }], noSubstituteBecause: null },
        ],
      },
    ]);
    // The registry's document is replaced by the scan the standard lists for the office (001, para 11), nothing else.
    expect(draft.documents).toContainEqual({
      document: { id: 'fee-payment' },
      status: 'SCAN_INSTEAD',
      unavailableBecause: expect.stringMatching(/ПШЭП .* could not be read .*attach instead: fee-payment-copy/),
      insteadOf: null,
    });
    expect(draft.documents).toContainEqual({
      document: { id: 'fee-payment-copy' },
      status: 'ATTACH_NEEDED',
      unavailableBecause: null,
      insteadOf: { id: 'fee-payment' },
    });
    expect(draft.attachmentsNeeded.map((d: { id: string }) => d.id).sort()).toEqual(['fee-payment-copy', 'information-form']);
    expect(draft.fee.paid).toBe(false);
  });

  it('is told to attach the fee scan when it submits without it, and gets a receipt with it', async () => {
    scans = await p.upload([
      { document: 'information-form', file: samplePdf('Appendix 3'), name: 'appendix-3.pdf' },
      { document: 'fee-payment-copy', file: samplePdf('Payment order'), name: 'payment.pdf' },
    ]);
    const without = await p.submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.llp, attachments: [scans[0]!] });
    expect(without.data.submitApplication.problems).toEqual([
      expect.objectContaining({ code: 'MISSING_ATTACHMENT', field: 'attachmentIds', message: expect.stringContaining('fee-payment-copy') }),
    ]);

    const { data, errors } = await p.submit({
      serviceCode: 'state-symbols-licence',
      action: 'ISSUE',
      applicantId: NAMED.llp,
      attachments: scans,
      idempotencyKey: randomUUID(),
    });
    expect(errors).toBeUndefined();
    const receipt = data.submitApplication;
    expect(receipt).toMatchObject({ __typename: 'ApplicationReceipt', application: { status: 'SUBMITTED' } });
    expect(receipt.documents).toEqual(
      expect.arrayContaining([
        { documentId: 'fee-payment', supply: 'SCAN_INSTEAD', attachmentIds: [], registry: 'PAYMENTS', summary: null },
        { documentId: 'fee-payment-copy', supply: 'ATTACHED', attachmentIds: [scans[1]!.id], registry: null, summary: null },
      ]),
    );
    number = receipt.number;
  });

  it('the signed evidence of her application says ПШЭП did not answer, and when, beside the facts the other registries gave', async () => {
    const { data, errors } = await p.ask(`query Evidence($n: String!) { applicationEvidence(number: $n) { bundle } }`, { n: number });
    expect(errors).toBeUndefined();
    const bundle = JSON.parse(data.applicationEvidence.bundle);
    expect(bundle.unavailable).toEqual([expect.objectContaining({ registry: 'payments', code: expect.stringMatching(/^REGISTRY_/), at: expect.any(String) })]);
    expect(bundle.facts.map((f: { registry: string }) => f.registry)).not.toContain('payments');
    expect(bundle.facts.map((f: { registry: string }) => f.registry)).toContain('legal-entities');
  });

  it('the officer sees that ПШЭП was down and when, and may not decide before it is read again (REGISTRY_CHECK_PENDING)', async () => {
    const queue = await ktrm.ask(`{ applicationsToHandle { number needsRegistryCheck } }`);
    expect(queue.data.applicationsToHandle).toContainEqual({ number, needsRegistryCheck: true });

    // The worker keeps trying while ПШЭП is down, and says why it has not finished.
    const { data } = await until(
      () => ktrm.ask(`query($n: String!) { application(number: $n) { ${CHECK} } }`, { n: number }),
      (r) => Boolean(r.data?.application?.registryCheck?.lastError),
    );
    expect(data.application).toMatchObject({
      needsRegistryCheck: true,
      registryCheck: {
        state: 'PENDING',
        lastError: expect.stringContaining('payments: REGISTRY_UNAVAILABLE'),
        checkedAt: null,
        readAt: null,
        outages: [
          {
            registry: 'PAYMENTS',
            at: now.toISOString(),
            facts: [{ fact: 'FEE_PAYMENT', document: { id: 'fee-payment' }, substitutes: [{ id: 'fee-payment-copy' }] }],
          },
        ],
        facts: [],
      },
    });

    await ktrm.startReview(number);
    const refused = await ktrm.decide(number, { outcome: 'ISSUE', note: 'Looks fine' });
    expect(errorCodes(refused)).toEqual(['REGISTRY_CHECK_PENDING']);
    expect(refused.errors![0]!.extensions).toMatchObject({ field: 'number', registries: ['payments'] });
  });

  it('survives a restart; once ПШЭП is back the fee is read again, confirmed against the scan, and the officer decides', async () => {
    await graph.restartApplications();
    await graph.registries.start('payments');

    const { data } = await until(
      () => ktrm.ask(`query($n: String!) { application(number: $n) { ${CHECK} } }`, { n: number }),
      (r) => r.data?.application?.registryCheck?.state === 'CHECKED',
    );
    expect(data.application).toMatchObject({
      needsRegistryCheck: false,
      registryCheck: {
        state: 'CHECKED',
        lastError: null,
        checkedAt: expect.any(String),
        readAt: now.toISOString(),
        facts: [
          {
            fact: 'FEE_PAYMENT',
            registry: 'PAYMENTS',
            document: { id: 'fee-payment' },
            confirmed: true,
            summary: expect.stringContaining(paymentId),
            reason: null,
          },
        ],
        fields: [],
      },
    });
    // The application takes the payment ПШЭП now shows, so it cannot pay for another application.
    const paid = await ktrm.ask(`query($n: String!) { application(number: $n) { payment { id } } }`, { n: number });
    expect(paid.data.application.payment).toEqual({ id: paymentId });
    expect((await p.draft('state-symbols-licence', 'ISSUE', NAMED.llp)).data.applicationDraft.fee.paid).toBe(false);
    // Recorded once: further polls change nothing.
    const attempts = data.application.registryCheck.attempts;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await ktrm.ask(`query($n: String!) { application(number: $n) { registryCheck { attempts checkedAt } } }`, { n: number });
    expect(later.data.application.registryCheck).toEqual({ attempts, checkedAt: data.application.registryCheck.checkedAt });

    const decided = await ktrm.decide(number, { outcome: 'ISSUE', note: 'Fee confirmed in ПШЭП after the outage' });
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideApplication.status).toBe('ISSUED');
    // Е-лицензирование received it like any other application, the scan in place of the registry's payment.
    const delivered = await until(
      () => ktrm.ask(`query($n: String!) { application(number: $n) { delivery { state } } }`, { n: number }),
      (r) => r.data?.application?.delivery?.state === 'DELIVERED',
    );
    expect(delivered.data.application.delivery.state).toBe('DELIVERED');
  });
});

describe('a citizen applies while ГБД ФЛ, the registry that says who she is, is down', () => {
  let citizen: ReturnType<typeof portal>;
  let number: string;

  it('gets a draft that lists her identity document as unread, its office-list copy as the scan to attach, and the empty fields', async () => {
    citizen = portal(graph, { kind: 'citizen', iin: NAMED.youngWoman });
    await citizen.pay('state-symbols-licence', 'ISSUE', NAMED.youngWoman);
    await graph.registries.stop('individuals');
    const { data, errors } = await citizen.ask(
      `query($id: ApplicantId!) { applicationDraft(serviceCode: "state-symbols-licence", action: ISSUE, applicantId: $id) {
        applicant { ... on Person { iin } } applicantKind eligible ${OUTAGES} attachmentsNeeded { id } fee { paid } } }`,
      { id: NAMED.youngWoman },
    );
    expect(errors).toBeUndefined();
    const draft = data.applicationDraft;
    expect(draft).toMatchObject({ applicant: { iin: NAMED.youngWoman }, applicantKind: 'INDIVIDUAL', eligible: true, fee: { paid: true } });
    expect(draft.registryOutages).toEqual([
      {
        registry: 'INDIVIDUALS',
        code: expect.stringMatching(/^REGISTRY_/),
        at: now.toISOString(),
        fields: expect.arrayContaining([expect.any(String)]),
        facts: [
          {
            fact: 'IDENTITY_DOCUMENT',
            document: { id: 'identity' },
            substitutes: [{ id: 'identity-document-copy', channels: ['OFFICE'] }],
            noSubstituteBecause: null,
          },
        ],
      },
    ]);
    expect(draft.attachmentsNeeded.map((d: { id: string }) => d.id).sort()).toEqual(['identity-document-copy', 'information-form']);
  });

  it('submits with the copy of her ID card; once ГБД ФЛ is back the identity is confirmed and the empty fields are filled in the comparison', async () => {
    const scans = await citizen.upload([
      { document: 'information-form', file: samplePdf('Appendix 3'), name: 'appendix-3.pdf' },
      { document: 'identity-document-copy', file: samplePdf('ID card'), name: 'id.pdf' },
    ]);
    const { data } = await citizen.submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.youngWoman, attachments: scans });
    expect(data.submitApplication).toMatchObject({ __typename: 'ApplicationReceipt' });
    expect(data.submitApplication.documents).toContainEqual({
      documentId: 'identity',
      supply: 'SCAN_INSTEAD',
      attachmentIds: [],
      registry: 'INDIVIDUALS',
      summary: null,
    });
    number = data.submitApplication.number;
    expect((await ktrm.ask(`query($n: String!) { application(number: $n) { needsRegistryCheck } }`, { n: number })).data.application).toEqual({
      needsRegistryCheck: true,
    });

    await graph.registries.start('individuals');
    const checked = await until(
      () => ktrm.ask(`query($n: String!) { application(number: $n) { ${CHECK} } }`, { n: number }),
      (r) => r.data?.application?.registryCheck?.state === 'CHECKED',
    );
    const check = checked.data.application.registryCheck;
    expect(checked.data.application.needsRegistryCheck).toBe(false);
    expect(check.facts).toEqual([
      {
        fact: 'IDENTITY_DOCUMENT',
        registry: 'INDIVIDUALS',
        document: { id: 'identity' },
        confirmed: true,
        summary: expect.stringContaining('valid until'),
        reason: null,
      },
    ]);
    expect(check.fields.length).toBeGreaterThan(0);
    expect(check.fields).toContainEqual(expect.objectContaining({ registry: 'INDIVIDUALS', submitted: null, registryValue: expect.any(String), same: false }));
  });
});
