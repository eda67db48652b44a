import { randomUUID } from 'node:crypto';
import { NAMED, samplePdf, samplePng } from '@egov/mocks';
import { postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officer, portal } from './support/flow.js';
import { type RunningGraph, startGraph } from './support/index.js';

// Friday 20 March 2026, 10:00 in Astana: Nauryz (21-25 March, with carry-overs) falls inside every term.
let now = new Date('2026-03-20T10:00:00+05:00');
let graph: RunningGraph;
/** The LLP's director, acting for the company (she signs for its BIN). */
let p: ReturnType<typeof portal>;
let citizen: ReturnType<typeof portal>;
let man: ReturnType<typeof portal>;
let ktrm: ReturnType<typeof officer>;
let _astanaAkimat: ReturnType<typeof officer>;

beforeAll(async () => {
  graph = await startGraph({ clock: () => now });
  p = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
  citizen = portal(graph, { kind: 'citizen', iin: NAMED.youngWoman });
  man = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
  ktrm = officer(graph, { iin: '770707342424', agency: 'MINT-KTRM' });
  _astanaAkimat = officer(graph, { iin: '770707342424', agency: 'AKIMAT-ASTANA' });
});
afterAll(() => graph?.close());

describe('the LLP 080440001234 applies for the licence to make the State Flag and Emblem (001, 15 working days)', () => {
  let number: string;

  it('gets a draft fully prefilled from ГБД ЮЛ and ГБД ФЛ that asks only for the scan no registry holds', async () => {
    const { data, errors } = await p.draft('state-symbols-licence', 'ISSUE', NAMED.llp);
    expect(errors).toBeUndefined();
    const draft = data.applicationDraft;
    expect(draft).toMatchObject({ applicantKind: 'LEGAL_ENTITY', channel: 'PORTAL', eligible: true, reasons: [] });
    // every field a registry can fill is filled, and says where from
    const fromRegistries = draft.fields.filter((f: any) => f.source);
    expect(fromRegistries.length).toBeGreaterThan(10);
    expect(fromRegistries.filter((f: any) => f.value === null)).toEqual([]);
    expect(draft.fields).toContainEqual(
      expect.objectContaining({
        fieldId: 'legal-entity-name',
        value: 'Товарищество с ограниченной ответственностью «Сарыарка Металл»',
        source: { registry: 'LEGAL_ENTITIES', path: 'nameRu', recordId: NAMED.llp },
      }),
    );
    expect(draft.fields).toContainEqual(expect.objectContaining({ fieldId: 'head-full-name', value: 'Жумабаева Гульнара Ерлановна' }));
    // the application is the electronic request; registration comes from ГБД ЮЛ; only the information form is a scan
    expect(draft.attachmentsNeeded.map((d: any) => d.id)).toEqual(['information-form']);
    expect(draft.documents).toContainEqual(
      expect.objectContaining({ document: { id: 'legal-entity-registration' }, status: 'FROM_REGISTRY', summary: expect.stringContaining('31274-1901-ТОО') }),
    );
    expect(draft.fee).toEqual({ kind: 'LICENCE_FEE', amountMrp: 10, amount: '43250.00', paid: false, payment: null });
    expect(draft.expectedResult).toEqual({ startDate: '2026-03-20', dueDate: '2026-04-15' });
  });

  it('is told what is missing, per field, when it submits too early', async () => {
    const { data } = await p.submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.llp, attachments: [] });
    expect(data.submitApplication.__typename).toBe('ApplicationRejected');
    expect(data.submitApplication.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'MISSING_ATTACHMENT', field: 'attachmentIds', message: expect.stringContaining('information-form') }),
        expect.objectContaining({ code: 'FEE_NOT_PAID', field: 'paymentId' }),
      ]),
    );
  });

  it('uploads the scan, pays the fee through ПШЭП and gets a receipt due on 15 April 2026', async () => {
    const [scan] = await p.upload([{ document: 'information-form', file: samplePdf('Appendix 3'), name: 'appendix-3.pdf' }]);
    const paymentId = await p.pay('state-symbols-licence', 'ISSUE', NAMED.llp);
    expect((await p.draft('state-symbols-licence', 'ISSUE', NAMED.llp)).data.applicationDraft.fee).toMatchObject({ paid: true, payment: { id: paymentId } });

    const key = randomUUID();
    const input = await p.signedInput({
      serviceCode: 'state-symbols-licence',
      action: 'ISSUE',
      applicantId: NAMED.llp,
      attachments: [scan!],
      idempotencyKey: key,
    });
    const { data, errors } = await p.submitSigned(input);
    expect(errors).toBeUndefined();
    const receipt = data.submitApplication;
    expect(receipt).toMatchObject({
      __typename: 'ApplicationReceipt',
      number: expect.stringMatching(/^EL-2026-\d{7}$/),
      action: 'ISSUE',
      replayed: false,
      expectedResultDate: '2026-04-15',
      service: { code: 'state-symbols-licence' },
      application: { status: 'SUBMITTED', dueDate: '2026-04-15' },
    });
    expect(receipt.documents).toEqual(
      expect.arrayContaining([
        { documentId: 'information-form', supply: 'ATTACHED', attachmentIds: [scan!.id], registry: null, summary: null },
        expect.objectContaining({ documentId: 'fee-payment', supply: 'FROM_REGISTRY', registry: 'PAYMENTS', summary: expect.stringContaining(paymentId) }),
        expect.objectContaining({ documentId: 'application', supply: 'FILLED_ONLINE' }),
      ]),
    );
    number = receipt.number;

    // the same key again: the same receipt, nothing filed twice
    const again = (await p.submitSigned(input)).data.submitApplication;
    expect(again).toMatchObject({ __typename: 'ApplicationReceipt', number, replayed: true, acceptedAt: receipt.acceptedAt });
    // the same key for a different request: refused
    const reused = (
      await p.submit({ serviceCode: 'state-symbols-licence', action: 'REISSUE', applicantId: NAMED.llp, attachments: [scan!], idempotencyKey: key })
    ).data.submitApplication;
    expect(reused.problems).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' })]);
    // the payment and the scan are used now
    expect((await p.draft('state-symbols-licence', 'ISSUE', NAMED.llp)).data.applicationDraft.fee.paid).toBe(false);
  });

  it('shows the application, with what was prefilled, under the company and by number', async () => {
    const { data } = await p.ask(
      `query($n: String!, $bin: BIN!) {
        application(number: $n) { status applicant { ... on LegalEntity { bin } } fields { fieldId value } attachments { documentId mediaType } payment { status amount } history { status actor } }
        legalEntity(bin: $bin) { applications { number status } }
      }`,
      { n: number, bin: NAMED.llp },
    );
    expect(data.application).toMatchObject({
      status: 'SUBMITTED',
      applicant: { bin: NAMED.llp },
      attachments: [{ documentId: 'information-form', mediaType: 'application/pdf' }],
      payment: { status: 'PAID', amount: '43250.00' },
      history: [{ status: 'SUBMITTED', actor: 'applicant' }],
    });
    expect(data.application.fields).toContainEqual({ fieldId: 'head-full-name', value: 'Жумабаева Гульнара Ерлановна' });
    expect(data.legalEntity.applications).toContainEqual({ number, status: 'SUBMITTED' });
  });

  it('an officer reviews and issues it, and the new licence appears under the company', async () => {
    expect((await ktrm.startReview(number)).data.startReview.status).toBe('IN_REVIEW');
    const decided = await ktrm.decide(
      number,
      { outcome: 'ISSUE', note: 'Qualification confirmed' },
      'status license { number activity { code } holder { ... on LegalEntity { bin } } }',
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideApplication).toMatchObject({
      status: 'ISSUED',
      license: { activity: { code: 'state-symbols-licence' }, holder: { bin: NAMED.llp } },
    });
    const licences = await p.ask(`{ legalEntity(bin: "080440001234") { licenses { number activity { code } } } }`);
    expect(licences.data.legalEntity.licenses).toContainEqual({
      number: decided.data.decideApplication.license.number,
      activity: { code: 'state-symbols-licence' },
    });
    // a decided application takes no second decision
    const twice = await ktrm.decide(number, { outcome: 'ISSUE' });
    expect(twice.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('the scrap-metal licence (002, legal entities only)', () => {
  it('is refused to a person, with the reason, before anything is stored', async () => {
    const draft = (await man.draft('scrap-metal-licence', 'ISSUE', NAMED.manWithLicences)).data.applicationDraft;
    expect(draft.eligible).toBe(false);
    expect(draft.reasons).toEqual([
      expect.objectContaining({ code: 'RECIPIENT_NOT_SERVED', field: 'applicantId', message: expect.stringContaining('Only legal entities') }),
    ]);
    const submitted = (await man.submit({ serviceCode: 'scrap-metal-licence', action: 'ISSUE', applicantId: NAMED.manWithLicences, attachments: [] })).data
      .submitApplication;
    expect(submitted.problems).toContainEqual(expect.objectContaining({ code: 'RECIPIENT_NOT_SERVED' }));
  });

  it('the LLP applies with its two scans and a paid fee; silence past the deadline deems the licence issued', async () => {
    const draft = (await p.draft('scrap-metal-licence', 'ISSUE', NAMED.llp)).data.applicationDraft;
    expect(draft.attachmentsNeeded.map((d: any) => d.id).sort()).toEqual(['charter-copy', 'qualification-documents']);
    expect(draft.documents).toContainEqual(expect.objectContaining({ document: { id: 'identity' }, status: 'FROM_REGISTRY' }));
    const scans = await p.upload([
      { document: 'charter-copy', file: samplePdf('Charter'), name: 'charter.pdf' },
      { document: 'qualification-documents', file: samplePng(), name: 'yard.png' },
    ]);
    await p.pay('scrap-metal-licence', 'ISSUE', NAMED.llp);
    const receipt = (await p.submit({ serviceCode: 'scrap-metal-licence', action: 'ISSUE', applicantId: NAMED.llp, attachments: scans })).data
      .submitApplication;
    expect(receipt).toMatchObject({ __typename: 'ApplicationReceipt', expectedResultDate: '2026-04-15' });

    now = new Date('2026-04-15T17:00:00+05:00');
    expect(await graph.applications.applications.applyDeemedIssuance()).toEqual([]);
    now = new Date('2026-04-16T09:00:00+05:00');
    expect(await graph.applications.applications.applyDeemedIssuance()).toEqual([receipt.number]);
    const { data } = await p.ask(`query($n: String!) { application(number: $n) { status license { activity { code } } history { status actor } } }`, {
      n: receipt.number,
    });
    expect(data.application).toMatchObject({ status: 'DEEMED_ISSUED', license: { activity: { code: 'scrap-metal-licence' } } });
    expect(data.application.history.map((h: any) => h.status)).toEqual(['SUBMITTED', 'DEEMED_ISSUED']);
    now = new Date('2026-03-20T10:00:00+05:00');
  });
});

describe('a citizen 010730604568 applies for the flag-and-emblem licence as an individual', () => {
  it('uploads, pays, submits, and is refused by the officer on a ground of the standard', async () => {
    const draft = (await citizen.draft('state-symbols-licence', 'ISSUE', NAMED.youngWoman)).data.applicationDraft;
    expect(draft).toMatchObject({ applicantKind: 'INDIVIDUAL', eligible: true });
    expect(draft.documents).toContainEqual(
      expect.objectContaining({ document: { id: 'identity' }, status: 'FROM_REGISTRY', summary: expect.stringContaining('051730994') }),
    );
    expect(draft.fields).toContainEqual(
      expect.objectContaining({
        fieldId: expect.any(String),
        value: 'Сейтжанова Айгерим Маратовна',
        source: expect.objectContaining({ registry: 'INDIVIDUALS', recordId: NAMED.youngWoman }),
      }),
    );
    const [scan] = await citizen.upload([{ document: 'information-form', file: samplePdf('Appendix 3'), name: 'form.pdf' }]);
    const paymentId = await citizen.pay('state-symbols-licence', 'ISSUE', NAMED.youngWoman);
    const receipt = (
      await citizen.submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.youngWoman, attachments: [scan!], paymentId })
    ).data.submitApplication;
    expect(receipt.__typename).toBe('ApplicationReceipt');

    const refusedWithoutGround = await ktrm.decide(receipt.number, { outcome: 'REFUSE' });
    expect(refusedWithoutGround.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'refusalGround' });
    const service = await postGraphQL(graph.gatewayUrl, `{ publicService(code: "state-symbols-licence") { refusalGrounds { code } } }`);
    const ground = service.data.publicService.refusalGrounds[0].code;
    const refused = await ktrm.decide(receipt.number, { outcome: 'REFUSE', refusalGround: ground }, 'status refusalGround { code text source { seed } }');
    expect(refused.data.decideApplication).toMatchObject({ status: 'REFUSED', refusalGround: { code: ground, source: { seed: '001_b10daefcd31705e3.txt' } } });
    const mine = await citizen.ask(`{ person(iin: "010730604568") { applications { number status } } }`);
    expect(mine.data.person.applications).toEqual([{ number: receipt.number, status: 'REFUSED' }]);
  });

  it('cannot reuse a scan another application took, nor attach a scan of something the service does not take', async () => {
    const [scan] = await citizen.upload([{ document: 'charter-copy', file: samplePdf('Wrong document'), name: 'charter.pdf' }]);
    const submitted = (
      await citizen.submit({
        serviceCode: 'state-symbols-licence',
        action: 'ISSUE',
        applicantId: NAMED.youngWoman,
        attachments: [scan!, { id: 'att_doesnotexist', documentId: 'x', sha256: '0'.repeat(64) }],
      })
    ).data.submitApplication;
    expect(submitted.problems.map((x: any) => x.code)).toEqual(
      expect.arrayContaining(['UNEXPECTED_ATTACHMENT', 'UNKNOWN_ATTACHMENT', 'MISSING_ATTACHMENT', 'FEE_NOT_PAID']),
    );
  });
});

describe('the catalog and the calendar through the gateway', () => {
  it('lists the eighteen services, filterable by recipient, online channel and fee', async () => {
    const anonymous = (query: string, variables?: Record<string, unknown>) => postGraphQL(graph.gatewayUrl, query, variables);
    const all = await anonymous(`{ publicServices { code } }`);
    expect(all.data.publicServices).toHaveLength(18);
    const forPeopleOnlinePaid = await anonymous(
      `{ publicServices(filter: { recipient: INDIVIDUAL, online: true, paid: true }) { code online fee { kind } recipients } }`,
    );
    expect(forPeopleOnlinePaid.data.publicServices.map((s: any) => s.code)).toContain('state-symbols-licence');
    expect(forPeopleOnlinePaid.data.publicServices.map((s: any) => s.code)).not.toContain('scrap-metal-licence');
    for (const s of forPeopleOnlinePaid.data.publicServices) expect(s).toMatchObject({ online: true, fee: { kind: expect.not.stringMatching(/^FREE$/) } });
  });

  it('computes due dates across Nauryz, Independence Day and New Year', async () => {
    const due = (from: string, days: number) =>
      postGraphQL(
        graph.gatewayUrl,
        `query($f: DateTime!, $d: Int!) { dueDate(from: $f, days: $d, unit: WORKING_DAYS) { startDate dueDate skippedDaysOff { date reason } } }`,
        { f: from, d: days },
      );
    expect((await due('2026-03-20T10:00:00+05:00', 15)).data.dueDate).toMatchObject({ startDate: '2026-03-20', dueDate: '2026-04-15' });
    expect((await due('2026-12-15T19:00:00+05:00', 1)).data.dueDate).toMatchObject({ startDate: '2026-12-17', dueDate: '2026-12-18' });
    const newYear = (await due('2026-12-30T10:00:00+05:00', 5)).data.dueDate;
    expect(newYear.dueDate).toBe('2027-01-11');
    expect(newYear.skippedDaysOff.map((d: any) => d.date)).toEqual(expect.arrayContaining(['2027-01-01', '2027-01-04', '2027-01-07']));
  });
});
