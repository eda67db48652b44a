/**
 * Issue 10, class 3: no internal error reaches a client.
 *
 * Contract pinned here:
 * - Every string a client sends (arguments of every query and mutation, fields of inputs, keys of `_entities`
 *   representations) is checked for control characters, well-formed Unicode, length and shape before it
 *   reaches SQL, a file or a registry. A bad one is refused with a typed error: BAD_USER_INPUT or a
 *   specific INVALID_* code (for submitApplication, an ApplicationRejected problem naming the field is
 *   typed too). Never INTERNAL_SERVER_ERROR, never a database's or a driver's words in the answer, never a
 *   registry asked with the bad value, and never accepted (no receipt, no order, no decision).
 *   Bad values: NUL and other C0/C1 controls, DEL, a lone surrogate, 100 000 characters, and, for ids and
 *   codes, path and SQL shapes, blanks and line breaks. Free text (a decision note, a form field's value)
 *   may hold line breaks and tabs but not the rest; an idempotency key is opaque but not blank.
 * - An unexpected error (here: a table renamed under the running service) reaches the client as
 *   INTERNAL_SERVER_ERROR with a generic message that names nothing inside, while the log gets an
 *   error-level line with the detail, personal ids masked.
 */
import { randomUUID } from 'node:crypto';
import { bearer, NAMED, samplePdf } from '@egov/mocks';
import { createPool } from '@egov/stores';
import { type GraphQLResponse, postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officer, portal, testSigner } from '../support/flow.js';
import { type RunningGraph, startGraph } from '../support/index.js';
import { fileStateSymbolsApplication, INTERNALS, LogCapture, payFresh } from './support.js';

const CONTROLS: [string, string][] = [
  ['a NUL byte', 'A1\u0000B2'],
  ['an escape sequence', 'A1\u001b[2JB2'],
  ['a bell and a backspace', 'A1\u0007\u0008B2'],
  ['DEL', 'A1\u007fB2'],
  ['a C1 control (U+0085)', 'A1\u0085B2'],
  ['a lone surrogate', 'A1\ud800B2'],
  ['100 000 characters', 'x'.repeat(100_000)],
];
const SHAPES: [string, string][] = [
  ['a path', '../../../../etc/passwd'],
  ['SQL', "1' OR '1'='1'; --"],
  ['an empty string', ''],
  ['only spaces', '   '],
  ['a line break', '12003390\r\n'],
];
/** Every bad value for an id or a code. */
const FOR_IDS = [...CONTROLS, ...SHAPES];
/** Every bad value for free text (line breaks and tabs are text). */
const FOR_TEXT = CONTROLS;
/** A client's idempotency key is opaque (any printable characters may do), but not controls, blanks or a line break. */
const FOR_KEYS = [...CONTROLS, ...SHAPES.filter(([name]) => ['an empty string', 'only spaces', 'a line break'].includes(name))];

const TYPED = /^(BAD_USER_INPUT|INVALID_[A-Z_]+)$/;

let graph: RunningGraph;
const logs = new LogCapture();
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 }, logs: { level: 'warn', write: logs.write } });
});
afterAll(() => graph?.close());

/** Whether `value` was handed to a registry (the mocks journal every call with the ids asked for). */
function reachedARegistry(value: string): boolean {
  if (value.trim().length === 0) return false;
  const needle = JSON.stringify(value).slice(1, -1);
  return graph.state.journal.some((entry) => JSON.stringify(entry).includes(needle));
}

/**
 * `response` refuses `value` the typed way: an error with BAD_USER_INPUT or an INVALID_* code (or one of
 * `alsoTyped`), or, for a submission, a rejection whose problems name `field`; no data, nothing internal,
 * no registry asked with it.
 */
function expectTypedRefusal(response: GraphQLResponse<any>, value: string, field: string, alsoTyped: string[] = []) {
  const text = JSON.stringify(response);
  const brief = text.length > 600 ? `${text.slice(0, 600)}…` : text;
  expect(text, brief).not.toMatch(INTERNALS);
  expect([200, 400], brief).toContain(response.status);
  const first = response.data ? Object.values(response.data)[0] : null;
  // `_entities` answers a list: refused is a list of nulls.
  const result = Array.isArray(first) && first.every((item) => item === null) ? null : first;
  if (result && typeof result === 'object' && (result as { __typename?: string }).__typename === 'ApplicationRejected') {
    // A submission's refusal may come as problems; one of them names the bad field.
    const problems = (result as { problems: { code: string; field: string | null }[] }).problems;
    expect(
      problems.some((p) => (p.field ?? '').startsWith(field)),
      `${field}: ${brief}`,
    ).toBe(true);
  } else {
    expect(result ?? null, `${field} was accepted: ${brief}`).toBeNull();
    expect(response.errors?.length, brief).toBeGreaterThan(0);
    for (const error of response.errors ?? []) {
      const code = String(error.extensions?.code);
      expect(TYPED.test(code) || alsoTyped.includes(code), `${field}: ${code} is not a typed input error: ${brief}`).toBe(true);
    }
  }
  expect(reachedARegistry(value), `${field}: the value reached a registry`).toBe(false);
}

// ------------------------------------------------------------------------------- arguments, one by one

type Ask = (value: string) => Promise<GraphQLResponse<any>>;
const as = async (who: 'man' | 'ktrm' | 'auditor' | 'anonymous') =>
  who === 'anonymous'
    ? {}
    : bearer(
        who === 'man'
          ? { kind: 'citizen', iin: NAMED.manWithLicences }
          : { kind: 'officer', iin: '770707342424', agency: 'MINT-KTRM', roles: who === 'auditor' ? ['auditor'] : ['reviewer', 'decider'] },
      );
const gateway =
  (query: string, who: Parameters<typeof as>[0], variables: (v: string) => Record<string, unknown>): Ask =>
  async (v) =>
    postGraphQL(graph.gatewayUrl, query, variables(v), await as(who));
const at =
  (subgraph: 'licensing' | 'applications' | 'payments' | 'legal-entities', query: string, variables: (v: string) => Record<string, unknown>): Ask =>
  async (v) =>
    postGraphQL(graph.subgraphs[subgraph].url, query, variables(v), await as('man'));

const ARGUMENTS: [string, Ask][] = [
  ['license(number)', gateway('query($v: String!) { license(number: $v) { number } }', 'man', (v) => ({ v }))],
  ['application(number)', gateway('query($v: String!) { application(number: $v) { number } }', 'man', (v) => ({ v }))],
  ['applicationEvidence(number)', gateway('query($v: String!) { applicationEvidence(number: $v) { number } }', 'man', (v) => ({ v }))],
  ['payment(id)', gateway('query($v: ID!) { payment(id: $v) { id } }', 'man', (v) => ({ v }))],
  ['publicService(code)', gateway('query($v: ID!) { publicService(code: $v) { code } }', 'anonymous', (v) => ({ v }))],
  [
    'applicationDraft(serviceCode)',
    gateway('query($v: ID!) { applicationDraft(serviceCode: $v, action: ISSUE, applicantId: "850314301234") { eligible } }', 'man', (v) => ({ v })),
  ],
  ['myDataAccessLog(before)', gateway('query($v: ID!) { myDataAccessLog(before: $v) { id } }', 'man', (v) => ({ v }))],
  ['dataAccessLog(before)', gateway('query($v: ID!) { dataAccessLog(subjectId: "850314301234", before: $v) { id } }', 'auditor', (v) => ({ v }))],
  ['person(iin)', gateway('query($v: IIN!) { person(iin: $v) { fullName } }', 'man', (v) => ({ v }))],
  ['applicant(id)', gateway('query($v: ApplicantId!) { applicant(id: $v) { __typename } }', 'man', (v) => ({ v }))],
  // The prefill's root fields (issue 14, S5): the IIN/BIN from the variables, at the gateway and at each subgraph.
  ['legalEntitiesOf(iin)', gateway('query($v: IIN!) { legalEntitiesOf(iin: $v) { bin } }', 'man', (v) => ({ v }))],
  ['licensesOf(holderId)', gateway('query($v: ApplicantId!) { licensesOf(holderId: $v) { number } }', 'man', (v) => ({ v }))],
  ['paymentsOf(payerId)', gateway('query($v: ApplicantId!) { paymentsOf(payerId: $v) { id } }', 'man', (v) => ({ v }))],
  ['legalEntitiesOf(iin) at legal-entities', at('legal-entities', 'query($v: IIN!) { legalEntitiesOf(iin: $v) { bin } }', (v) => ({ v }))],
  ['licensesOf(holderId) at licensing', at('licensing', 'query($v: ApplicantId!) { licensesOf(holderId: $v) { number } }', (v) => ({ v }))],
  ['paymentsOf(payerId) at payments', at('payments', 'query($v: ApplicantId!) { paymentsOf(payerId: $v) { id } }', (v) => ({ v }))],
  ['legalEntitiesOf(role)', gateway('query($v: ParticipantRole) { legalEntitiesOf(iin: "850314301234", role: $v) { bin } }', 'man', (v) => ({ v }))],
  [
    'legalEntitiesOf(role) at legal-entities',
    at('legal-entities', 'query($v: ParticipantRole) { legalEntitiesOf(iin: "850314301234", role: $v) { bin } }', (v) => ({ v })),
  ],
  // Variables the gateway coerces against the supergraph before any subgraph is asked: an enum and an Int.
  [
    'applicationDraft(action)',
    gateway(
      'query($v: ServiceActionKind!) { applicationDraft(serviceCode: "state-symbols-licence", action: $v, applicantId: "850314301234") { eligible } }',
      'man',
      (v) => ({ v }),
    ),
  ],
  ['applicationsToHandle(first)', gateway('query($v: Int) { applicationsToHandle(first: $v) { number } }', 'ktrm', (v) => ({ v }))],
  ['licensesOf(holderId) as an officer', gateway('query($v: ApplicantId!) { licensesOf(holderId: $v) { number } }', 'ktrm', (v) => ({ v }))],
  ['dueDate(from)', gateway('query($v: DateTime!) { dueDate(from: $v, days: 5, unit: WORKING_DAYS) { dueDate } }', 'anonymous', (v) => ({ v }))],
  [
    'initiatePayment(serviceCode)',
    gateway(
      'mutation($v: ID!) { initiatePayment(serviceCode: $v, action: ISSUE, payerId: "850314301234", idempotencyKey: "a-good-key-0001") { paymentUrl } }',
      'man',
      (v) => ({ v }),
    ),
  ],
  [
    'initiatePayment(idempotencyKey)',
    gateway(
      'mutation($v: String) { initiatePayment(serviceCode: "state-symbols-licence", action: ISSUE, payerId: "850314301234", idempotencyKey: $v) { paymentUrl } }',
      'man',
      (v) => ({ v }),
    ),
  ],
  ['startReview(number)', gateway('mutation($v: String!) { startReview(number: $v) { status } }', 'ktrm', (v) => ({ v }))],
  [
    'decideApplication(input.number)',
    gateway('mutation($i: DecideApplicationInput!) { decideApplication(input: $i) { status } }', 'ktrm', (v) => ({
      i: { number: v, outcome: 'REFUSE', refusalGround: 'FEE_NOT_PAID', signature: 'MIIB' },
    })),
  ],
  [
    '_entities Application(number) at applications',
    at('applications', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Application { number } } }', (v) => ({
      r: [{ __typename: 'Application', number: v }],
    })),
  ],
  [
    '_entities License(number) at licensing',
    at('licensing', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on License { number } } }', (v) => ({
      r: [{ __typename: 'License', number: v }],
    })),
  ],
  [
    '_entities Person(iin) at licensing',
    at('licensing', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { licenses { number } } } }', (v) => ({
      r: [{ __typename: 'Person', iin: v }],
    })),
  ],
  [
    '_entities Payment(id) at payments',
    at('payments', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id } } }', (v) => ({ r: [{ __typename: 'Payment', id: v }] })),
  ],
];

describe.each(ARGUMENTS)('%s', (field, ask) => {
  it.each(field.includes('idempotencyKey') ? FOR_KEYS : FOR_IDS)('with %s: a typed refusal, nothing internal, no registry asked', async (_case, value) => {
    graph.state.resetJournal();
    const mark = logs.lines.length;
    expectTypedRefusal(await ask(value), value, field);
    expect(
      logs.since(mark).filter((line) => /"level":"error"/.test(line)),
      'a bad input is not an internal error',
    ).toEqual([]);
  });
});

// ------------------------------------------------- the prefill's root fields: ids of the wrong kind or shape

describe("the prefill's root fields with an id that is not one", () => {
  // [case, value]: wrong check digits, wrong lengths, a number instead of a string, an object.
  const WRONG_IDS: [string, unknown][] = [
    ['an IIN with a wrong check digit', '850314301235'],
    ['a BIN with a wrong check digit', '080440001235'],
    ['11 digits', '85031430123'],
    ['13 digits', '8503143012340'],
    ['the IIN written as a number', 850314301234],
    ['an object', { iin: '850314301234' }],
    ['a list', ['850314301234']],
    ['an IIN with a trailing space', '850314301234 '],
    ['an IIN in full-width digits', '８５０３１４３０１２３４'],
  ];
  const FIELDS: [string, string, string][] = [
    ['legalEntitiesOf(iin)', 'query($v: IIN!) { legalEntitiesOf(iin: $v) { bin } }', 'legal-entities'],
    ['licensesOf(holderId)', 'query($v: ApplicantId!) { licensesOf(holderId: $v) { number } }', 'licensing'],
    ['paymentsOf(payerId)', 'query($v: ApplicantId!) { paymentsOf(payerId: $v) { id } }', 'payments'],
  ];
  describe.each(FIELDS)('%s', (field, query, subgraph) => {
    it.each(WRONG_IDS)('with %s: a typed refusal at the gateway and at the subgraph, no registry asked', async (_case, value) => {
      const me = await as('man');
      for (const url of [graph.gatewayUrl, graph.subgraphs[subgraph as 'licensing'].url]) {
        graph.state.resetJournal();
        const response = await postGraphQL(url, query, { v: value }, me);
        const text = JSON.stringify(response);
        expect(text).not.toMatch(INTERNALS);
        expect(response.data?.[Object.keys(response.data ?? {})[0] ?? ''] ?? null, text).toBeNull();
        const codes = (response.errors ?? []).map((e) => String(e.extensions?.code));
        expect(codes.length, text).toBeGreaterThan(0);
        for (const code of codes) expect(TYPED.test(code), `${field} at ${url}: ${text}`).toBe(true);
        expect(graph.state.journal, `${field}: a registry was asked`).toEqual([]);
      }
    });
  });
});

// ------------------------------------------------------------------ a complete submission, one field bad

describe('submitApplication with everything right but one field', () => {
  const head = () => portal(graph, { kind: 'citizen', iin: NAMED.llpHead });

  /** A valid, signed submission for the LLP (fresh scan, freshly paid fee), with `spoil` applied before signing. */
  async function submitWith(
    spoil: (input: {
      attachmentIds: string[];
      paymentId: string;
      idempotencyKey: string;
      serviceCode: string;
      fields: { fieldId: string; value: string }[];
    }) => void,
    badSignature?: string,
  ) {
    const p = head();
    const [scan] = await p.upload([{ document: 'information-form', file: samplePdf(`Appendix 3 ${randomUUID()}`), name: 'appendix-3.pdf' }]);
    const paymentId = await payFresh(p, 'state-symbols-licence', 'ISSUE', NAMED.llp);
    const draft = {
      serviceCode: 'state-symbols-licence',
      attachmentIds: [scan!.id],
      paymentId,
      idempotencyKey: randomUUID(),
      fields: [{ fieldId: 'phone', value: '+7 701 555 01 02' }],
    };
    spoil(draft);
    const signer = await testSigner();
    const attachments = draft.attachmentIds.map((id) => ({ id, sha256: id === scan!.id ? scan!.sha256 : '0'.repeat(64) }));
    const signature = await signer.signApplication(
      {
        serviceCode: draft.serviceCode,
        action: 'ISSUE',
        applicantId: NAMED.llp,
        attachments,
        paymentId: draft.paymentId,
        idempotencyKey: draft.idempotencyKey,
        fields: draft.fields,
      },
      { iin: NAMED.llpHead, bin: NAMED.llp },
    );
    graph.state.resetJournal();
    return p.submitSigned({
      serviceCode: draft.serviceCode,
      action: 'ISSUE',
      applicantId: NAMED.llp,
      attachmentIds: draft.attachmentIds,
      paymentId: draft.paymentId,
      idempotencyKey: draft.idempotencyKey,
      fields: draft.fields,
      signature: badSignature ?? signature,
    });
  }

  it('the control: the same submission with nothing spoiled is accepted', async () => {
    const response = await submitWith(() => undefined);
    expect(response.errors).toBeUndefined();
    expect(response.data.submitApplication.__typename).toBe('ApplicationReceipt');
  });

  const SPOILERS: [string, [string, string][], (value: string) => Parameters<typeof submitWith>[0]][] = [
    ['serviceCode', FOR_IDS, (v) => (d) => void (d.serviceCode = v)],
    ['attachmentIds', FOR_IDS, (v) => (d) => void d.attachmentIds.push(v)],
    ['paymentId', FOR_IDS, (v) => (d) => void (d.paymentId = v)],
    ['idempotencyKey', FOR_KEYS, (v) => (d) => void (d.idempotencyKey = v)],
    ['fields', FOR_IDS, (v) => (d) => void (d.fields[0]!.fieldId = v)],
    ['fields', FOR_TEXT, (v) => (d) => void (d.fields[0]!.value = v)],
  ];
  describe.each(
    SPOILERS.map(([field, values, spoil], i) => [i === 4 ? 'fields[].fieldId' : i === 5 ? 'fields[].value' : field, field, values, spoil] as const),
  )('%s', (_label, field, values, spoil) => {
    it.each(values)('with %s: refused, typed, never a receipt', async (_case, value) => {
      expectTypedRefusal(await submitWith(spoil(value)), value, field);
    });
  });

  it.each(FOR_IDS)('signature with %s: refused, typed, never a receipt', async (_case, value) => {
    expectTypedRefusal(await submitWith(() => undefined, value), value, 'signature', ['SIGNATURE_REJECTED']);
  });
});

// ------------------------------------------------------------------- a decision, one field bad

describe('decideApplication on an application in review, with one field bad', () => {
  const ktrm = () => officer(graph, { iin: '770707342424', agency: 'MINT-KTRM' });

  async function decideWith(input: { note?: string; refusalGround?: string; signature?: string }) {
    const number = await fileStateSymbolsApplication(portal(graph, { kind: 'citizen', iin: NAMED.llpHead }), samplePdf);
    await ktrm().startReview(number);
    const decision = {
      number,
      outcome: 'REFUSE' as const,
      refusalGround: input.refusalGround ?? 'QUALIFICATION_REQUIREMENTS_NOT_MET',
      note: input.note ?? 'Staff qualification not shown',
    };
    const signature = input.signature ?? (await (await testSigner()).signDecision({ ...decision, officerId: '770707342424' }));
    graph.state.resetJournal();
    const response = await ktrm().ask('mutation($i: DecideApplicationInput!) { decideApplication(input: $i) { status } }', { i: { ...decision, signature } });
    return { number, response };
  }

  it('the control: a clean refusal is recorded', async () => {
    const { response } = await decideWith({});
    expect(response.errors).toBeUndefined();
    expect(response.data.decideApplication.status).toBe('REFUSED');
  });

  const CASES: [string, [string, string][], (v: string) => Parameters<typeof decideWith>[0]][] = [
    ['note', FOR_TEXT, (v) => ({ note: v })],
    ['refusalGround', [...CONTROLS, ...SHAPES.slice(0, 2)], (v) => ({ refusalGround: v })],
    ['signature', [...CONTROLS, ...SHAPES.slice(0, 2)], (v) => ({ signature: v })],
  ];
  describe.each(CASES)('%s', (field, values, input) => {
    it.each(values)('with %s: refused, typed, and the application stays in review', async (_case, value) => {
      const { number, response } = await decideWith(input(value));
      expectTypedRefusal(response, value, field, field === 'signature' ? ['SIGNATURE_REJECTED'] : []);
      const after = await ktrm().ask('query($n: String!) { application(number: $n) { status } }', { n: number });
      expect(after.data.application.status).toBe('IN_REVIEW');
    });
  });
});

// ------------------------------------------------------------------------------ an unexpected error

describe('an error nobody expected', () => {
  let pool: ReturnType<typeof createPool>;
  beforeAll(() => {
    pool = createPool(graph.databaseUrl, { applicationName: 'internal-errors-e2e' });
  });
  afterAll(() => pool?.end());

  it('reaches the client as a generic INTERNAL_SERVER_ERROR, and the log as an error line with the detail, ids masked', async () => {
    const me = await bearer({ kind: 'citizen', iin: NAMED.llpHead });
    const mark = logs.lines.length;
    await pool.query('ALTER TABLE applications.applications RENAME TO applications_moved_away');
    let responses: GraphQLResponse<any>[];
    try {
      responses = [
        await postGraphQL(graph.gatewayUrl, 'query($n: String!) { application(number: $n) { status } }', { n: 'EL-2026-0000001' }, me),
        await postGraphQL(graph.gatewayUrl, `{ legalEntity(bin: "${NAMED.llp}") { shortName applications { number } } }`, {}, me),
        await postGraphQL(graph.subgraphs.applications.url, 'query($n: String!) { application(number: $n) { status } }', { n: 'EL-2026-0000001' }, me),
      ];
    } finally {
      await pool.query('ALTER TABLE applications.applications_moved_away RENAME TO applications');
    }
    for (const response of responses) {
      const text = JSON.stringify(response);
      expect(text).not.toMatch(INTERNALS);
      expect(text).not.toMatch(/applications_moved_away|does not exist/);
      const internal = (response.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
      expect(internal.length, text).toBeGreaterThan(0);
      // Generic: a short sentence that names nothing inside (no table, no driver, no stack).
      for (const error of internal) expect(error.message.length, text).toBeLessThan(200);
    }
    const errorLines = logs.since(mark).filter((line) => /"level":"error"/.test(line));
    expect(errorLines.filter((line) => /applications/.test(line)).length, 'an error line with the detail').toBeGreaterThan(0);
    const ids = [...graph.state.persons.keys(), ...graph.state.entities.keys()];
    expect(errorLines.filter((line) => ids.some((id) => line.includes(id)))).toEqual([]);
  });
});
