import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalBytes } from '@egov/core';
import { operationId } from '@egov/gateway';
import { bearer, mintToken, NAMED, samplePdf, samplePng, scenarios, TEST_AUDIT_SUBJECT_KEY, type TokenRequest, unsignedToken } from '@egov/mocks';
import { createTestCa } from '@egov/mocks/pki';
import { AuditLog } from '@egov/security';
import { applicationPayload, signDetached } from '@egov/security/signatures';
import { createPool } from '@egov/stores';
import { errorCodes, postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officer, portal, testSigner } from './support/flow.js';
import { type RunningGraph, startGraph } from './support/index.js';

const asPartner = async (graph: RunningGraph, clientId: string, purpose: string, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(graph.gatewayUrl, query, variables, await bearer({ kind: 'partner', clientId }, purpose));
/** The codes and paths of a response's errors, for asserting which field was refused. */
const refusals = (response: { errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] }) =>
  (response.errors ?? []).map((e) => `${e.extensions?.code} ${(e.path ?? []).join('.')}`);

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.close());

describe('who may read whose data, asked through the gateway', () => {
  it('without a token, the public catalog answers and a person record does not (UNAUTHENTICATED)', async () => {
    const catalog = await postGraphQL(graph.gatewayUrl, `{ publicService(code: "state-symbols-licence") { code } }`);
    expect(catalog.data).toEqual({ publicService: { code: 'state-symbols-licence' } });
    const person = await postGraphQL(graph.gatewayUrl, `{ person(iin: "850314301234") { fullName } }`);
    expect(person.data).toEqual({ person: null });
    expect(errorCodes(person)).toEqual(['UNAUTHENTICATED']);
  });

  it('citizen 850314301234 reads his own record, sees that read in his access log, and is refused 621102407892 (FORBIDDEN, null)', async () => {
    const citizen = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const own = await citizen.ask(`{ person(iin: "850314301234") { fullName address { city } } }`);
    expect(own.data.person).toEqual({ fullName: 'Ахметов Нурлан Серикович', address: { city: 'Астана' } });
    const log = await citizen.ask(`{ myDataAccessLog(first: 5) { service accessor { kind name } fields } }`);
    expect(log.data.myDataAccessLog).toContainEqual({
      service: 'individuals',
      accessor: { kind: 'CITIZEN', name: 'you' },
      fields: ['Person.address', 'Person.fullName'],
    });
    const other = await citizen.ask(`{ person(iin: "621102407892") { fullName } }`);
    expect(other.data).toEqual({ person: null });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('the same refusal holds when a citizen calls the subgraph directly through _entities', async () => {
    const response = await postGraphQL(
      graph.subgraphs.individuals.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName } } }`,
      { r: [{ __typename: 'Person', iin: NAMED.youngWoman }] },
      await bearer({ kind: 'citizen', iin: NAMED.manWithLicences }),
    );
    // The reference stays (a caller who may not read a person keeps nothing but the key they sent); the
    // field is refused at its own path.
    expect(response.data?._entities).toEqual([{ fullName: null }]);
    expect(refusals(response)).toEqual(['FORBIDDEN _entities.0.fullName']);
  });

  it('the head of the LLP reads the company, its payments and licences; a founder reads the company but not its payments', async () => {
    const query = `{ legalEntity(bin: "080440001234") { shortName payments { id } licenses { number } } }`;
    const head = await portal(graph, { kind: 'citizen', iin: NAMED.llpHead }).ask(query);
    expect(head.errors).toBeUndefined();
    expect(head.data.legalEntity).toMatchObject({ shortName: 'ТОО «Сарыарка Металл»', licenses: [{ number: '12003390' }] });
    const founder = await portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences }).ask(query);
    expect(founder.data.legalEntity).toMatchObject({ shortName: 'ТОО «Сарыарка Металл»', payments: null, licenses: null });
    expect(refusals(founder).sort()).toEqual(['FORBIDDEN legalEntity.licenses', 'FORBIDDEN legalEntity.payments']);
  });

  it("a company the head can read does not open its founders' person records to her", async () => {
    const response = await portal(graph, { kind: 'citizen', iin: NAMED.llpHead }).ask(
      `{ legalEntity(bin: "080440001234") { head { fullName } founders { person { iin fullName } } } }`,
    );
    expect(response.data.legalEntity.head).toEqual({ fullName: 'Жумабаева Гульнара Ерлановна' });
    const founders = response.data.legalEntity.founders as { person: { iin: string; fullName: string | null } | null }[];
    expect(founders.map((f) => f.person?.fullName ?? null)).toContain(null);
    expect(errorCodes(response).every((code) => code === 'FORBIDDEN')).toBe(true);
    expect(errorCodes(response).length).toBeGreaterThan(0);
  });

  it('the statistics bureau (legal-entities:read only) gets the company but not the person behind it, nor its bank accounts', async () => {
    const response = await asPartner(
      graph,
      'stat-register',
      'statistics',
      `{ legalEntity(bin: "080440001234") { shortName head { fullName } bankAccounts { iban } } }`,
    );
    expect(response.data.legalEntity).toEqual({ shortName: 'ТОО «Сарыарка Металл»', head: { fullName: null }, bankAccounts: null });
    expect(refusals(response).sort()).toEqual(['FORBIDDEN legalEntity.bankAccounts', 'FORBIDDEN legalEntity.head.fullName']);
  });

  it('migration control (basic + document scopes) reads a passport but not the address', async () => {
    const response = await asPartner(
      graph,
      'mvd-migration',
      'migration-control',
      `{ person(iin: "850314301234") { fullName identityDocument { type } address { city } } }`,
    );
    expect(response.data.person).toEqual({ fullName: 'Ахметов Нурлан Серикович', identityDocument: { type: 'ID_CARD' }, address: null });
    expect(refusals(response)).toEqual(['FORBIDDEN person.address']);
  });

  it('a partner that states no purpose, or one it was not granted, is refused before anything runs (403)', async () => {
    const query = JSON.stringify({ query: '{ legalEntity(bin: "080440001234") { shortName } }' });
    const none = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await bearer({ kind: 'partner', clientId: 'stat-register' })) },
      body: query,
    });
    expect(none.status).toBe(403);
    expect(((await none.json()) as any).errors[0].extensions.code).toBe('PURPOSE_REQUIRED');
    const wrong = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await bearer({ kind: 'partner', clientId: 'stat-register' }, 'tax-audit')) },
      body: query,
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as any).errors[0].extensions.code).toBe('PURPOSE_NOT_ALLOWED');
  });

  it("nobody opens a payment order or a draft in another's name", async () => {
    const stranger = portal(graph, { kind: 'citizen', iin: NAMED.youngWoman });
    const order = await stranger.ask(
      `mutation { initiatePayment(serviceCode: "state-symbols-licence", action: ISSUE, payerId: "080440001234") { payment { id } } }`,
    );
    expect(errorCodes(order)).toEqual(['FORBIDDEN']);
    const draft = await stranger.draft('state-symbols-licence', 'ISSUE', NAMED.llp);
    expect(draft.data.applicationDraft).toBeNull();
    expect(errorCodes(draft)).toEqual(['FORBIDDEN']);
  });
});

describe('officers see the applications their authority handles', () => {
  let number: string;
  beforeAll(async () => {
    // The LLP is registered in Astana: its scrap-metal licence is decided by the Astana akimat.
    const head = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
    const scans = await head.upload([
      { document: 'charter-copy', file: samplePdf('Charter'), name: 'charter.pdf' },
      { document: 'qualification-documents', file: samplePng(), name: 'yard.png' },
    ]);
    await head.pay('scrap-metal-licence', 'ISSUE', NAMED.llp);
    const receipt = (await head.submit({ serviceCode: 'scrap-metal-licence', action: 'ISSUE', applicantId: NAMED.llp, attachments: scans })).data
      .submitApplication;
    expect(receipt.__typename).toBe('ApplicationReceipt');
    number = receipt.number;
  });

  it('the Astana akimat has it in its queue and reads it', async () => {
    const astana = officer(graph, { iin: '770707342424', agency: 'AKIMAT-ASTANA' });
    const queue = await astana.ask(`{ applicationsToHandle { number } }`);
    expect(queue.data.applicationsToHandle.map((a: { number: string }) => a.number)).toContain(number);
    expect((await astana.ask(`query($n: String!) { application(number: $n) { status } }`, { n: number })).data.application).toEqual({ status: 'SUBMITTED' });
  });

  it('the Almaty akimat and the metrology committee neither see it in their queues nor read it (NOT_FOUND: numbers are not to be probed)', async () => {
    for (const agency of ['AKIMAT-ALMATY', 'MINT-KTRM']) {
      const other = officer(graph, { iin: '770707342424', agency });
      const queue = await other.ask(`{ applicationsToHandle { number } }`);
      expect(queue.data.applicationsToHandle.map((a: { number: string }) => a.number)).not.toContain(number);
      const read = await other.ask(`query($n: String!) { application(number: $n) { status } }`, { n: number });
      expect(read.data.application).toBeNull();
      expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    }
  });

  it('an officer does not read a person record outside an application', async () => {
    const response = await officer(graph, { iin: '770707342424', agency: 'AKIMAT-ASTANA' }).ask(`{ person(iin: "621102407892") { fullName } }`);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('bearer tokens', () => {
  const ask = (authorization: string, url = graph.gatewayUrl) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ person(iin: "850314301234") { fullName } }' }),
    });
  const me: TokenRequest = { kind: 'citizen', iin: NAMED.manWithLicences };

  it.each([
    [
      'signed by a key the issuer does not publish',
      async () =>
        mintToken(me, {
          key: ((await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair).privateKey,
        }),
    ],
    ['expired', () => mintToken(me, { expiresIn: -60 })],
    ['for another audience', () => mintToken(me, { audience: 'some-other-api' })],
    ['from another issuer', () => mintToken(me, { issuer: 'https://idp.example.org' })],
    ['unsigned (alg "none")', async () => unsignedToken({ kind: 'citizen', iin: NAMED.manWithLicences })],
    ['not a JWT at all', async () => 'x.y.z'],
  ])('a token %s is refused with 401 UNAUTHENTICATED, at the gateway and at a subgraph called directly', async (_case, make) => {
    const token = await make();
    for (const url of [graph.gatewayUrl, graph.subgraphs.individuals.url]) {
      const response = await ask(`Bearer ${token}`, url);
      expect(response.status).toBe(401);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a valid one is accepted', async () => {
    expect((await ask(`Bearer ${await mintToken(me)}`)).status).toBe(200);
  });
});

describe('ЭЦП on submissions', () => {
  const head = () => portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
  let scans: Awaited<ReturnType<ReturnType<typeof head>['upload']>>;
  beforeAll(async () => {
    scans = await head().upload([{ document: 'information-form', file: samplePdf('ЭЦП test'), name: 'a3.pdf' }]);
  });
  const draft = () => ({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.llp, attachments: scans });
  const problemsOf = async (input: object) => {
    const result = (await head().submitSigned(input)).data.submitApplication;
    return result.__typename === 'ApplicationRejected' ? result.problems.map((p: { code: string; field: string }) => `${p.code} ${p.field}`) : [];
  };

  it('a signature over something else than what is submitted is SIGNATURE_INVALID', async () => {
    const signed = await head().signedInput(draft());
    expect(await problemsOf({ ...signed, paymentId: 'PSH-SLIPPED-IN' })).toContain('SIGNATURE_INVALID signature');
  });

  it('a valid signature of another person is SIGNER_MISMATCH: the company is signed for by its head', async () => {
    const signed = await portal(graph, { kind: 'citizen', iin: NAMED.youngWoman }).signedInput(draft());
    expect(await problemsOf(signed)).toContain('SIGNER_MISMATCH signature');
  });

  it('a revoked certificate is CERTIFICATE_REVOKED', async () => {
    const man = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const own = { serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.manWithLicences, attachments: [] };
    const unsigned = await man.signedInput(own);
    const signature = await (await testSigner()).signWithRevoked({ ...own, idempotencyKey: unsigned.idempotencyKey, paymentId: null, fields: [] });
    const result = (await man.submitSigned({ ...unsigned, signature })).data.submitApplication;
    expect(result.problems.map((p: { code: string; field: string }) => `${p.code} ${p.field}`)).toContain('CERTIFICATE_REVOKED signature');
  });

  it('a certificate from a CA outside the trust list is CERTIFICATE_UNTRUSTED', async () => {
    const foreign = await createTestCa({ name: 'Not НУЦ' });
    const issued = await foreign.issue({
      iin: NAMED.llpHead,
      bin: NAMED.llp,
      organisation: 'ТОО «Сарыарка Металл»',
      lastName: 'Жумабаева',
      firstName: 'Гульнара',
    });
    const unsigned = await head().signedInput(draft());
    const payload = applicationPayload({ ...draft(), idempotencyKey: unsigned.idempotencyKey, paymentId: null, fields: [] });
    const signature = await signDetached({
      payload: canonicalBytes(payload),
      privateKey: issued.privateKey,
      certificate: issued.certificatePem,
      chain: issued.chainPem,
    });
    expect(await problemsOf({ ...unsigned, signature })).toContain('CERTIFICATE_UNTRUSTED signature');
  });

  it('no application is stored for any of them', async () => {
    const pool = createPool(graph.databaseUrl, { applicationName: 'security-e2e' });
    try {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM applications.applications WHERE service_code = 'state-symbols-licence' AND applicant_id = $1`,
        [NAMED.llp],
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  });
});

describe('the audit trail', () => {
  let audit: AuditLog;
  let pool: ReturnType<typeof createPool>;
  beforeAll(() => {
    pool = createPool(graph.databaseUrl, { applicationName: 'security-e2e' });
    audit = new AuditLog(pool, { subjectKey: TEST_AUDIT_SUBJECT_KEY });
  });
  afterAll(() => pool.end());

  it('a citizen sees that the tax service read his address, for which purpose, and which fields', async () => {
    const read = await asPartner(graph, 'kgd-tax-audit', 'tax-audit', `{ person(iin: "900101300017") { fullName address { city } } }`);
    expect(read.errors).toBeUndefined();
    const log = await portal(graph, { kind: 'citizen', iin: NAMED.entrepreneur }).ask(
      `{ myDataAccessLog { service accessor { kind name id } purpose fields requestId } }`,
    );
    expect(log.data.myDataAccessLog).toContainEqual({
      service: 'individuals',
      accessor: { kind: 'PARTNER', name: 'State Revenue Committee: tax audit', id: null },
      purpose: 'tax-audit',
      fields: expect.arrayContaining(['Person.address', 'Person.fullName']),
      requestId: expect.any(String),
    });
  });

  it('pages newest first, and a malformed page cursor is BAD_USER_INPUT', async () => {
    const me = portal(graph, { kind: 'citizen', iin: NAMED.entrepreneur });
    for (let i = 0; i < 11; i++) await me.ask(`{ person(iin: "900101300017") { fullName } }`);
    const first = (await me.ask(`{ myDataAccessLog(first: 10) { id } }`)).data.myDataAccessLog as { id: string }[];
    expect(first).toHaveLength(10);
    const ids = first.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const next = (await me.ask(`query($b: ID!) { myDataAccessLog(first: 10, before: $b) { id } }`, { b: first.at(-1)!.id })).data.myDataAccessLog as {
      id: string;
    }[];
    expect(next.length).toBeGreaterThan(0);
    expect(Number(next[0]!.id)).toBeLessThan(ids.at(-1)!);
    expect(errorCodes(await me.ask(`{ myDataAccessLog(before: "abc") { id } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('an auditor sees who exactly read it; a citizen cannot ask about someone else', async () => {
    const auditor = officer(graph, { iin: '770707342424', agency: 'MINT-KTRM', roles: ['auditor'] });
    const log = await auditor.ask(`{ dataAccessLog(subjectId: "900101300017") { accessor { kind id } purpose } }`);
    expect(log.data.dataAccessLog).toContainEqual({ accessor: { kind: 'PARTNER', id: 'kgd-tax-audit' }, purpose: 'tax-audit' });
    const nosy = await portal(graph, { kind: 'citizen', iin: NAMED.youngWoman }).ask(`{ dataAccessLog(subjectId: "900101300017") { purpose } }`);
    expect(errorCodes(nosy)).toEqual(['FORBIDDEN']);
  });

  it('holds no IIN in clear, forms an unbroken hash chain, and refuses to be edited', async () => {
    const dump = await pool.query(`SELECT row_to_json(a)::text AS row FROM audit.access_log a`);
    expect(dump.rows.length).toBeGreaterThan(0);
    const ids = [...graph.state.persons.keys(), ...graph.state.entities.keys()];
    for (const { row } of dump.rows) expect(ids.filter((id) => row.includes(id))).toEqual([]);
    expect(await audit.verify()).toMatchObject({ ok: true });
    await expect(pool.query(`UPDATE audit.access_log SET purpose = 'nothing to see' WHERE id = (SELECT min(id) FROM audit.access_log)`)).rejects.toThrow();
    await expect(pool.query(`DELETE FROM audit.access_log`)).rejects.toThrow();
  });
});

describe('limits at the gateway', () => {
  it('an operation nested deeper than the limit is refused before planning', async () => {
    const deep = `{ legalEntity(bin: "080440001234") { ${'branches { parent { '.repeat(8)}bin${' } }'.repeat(8)} } }`;
    graph.state.resetJournal();
    const response = await postGraphQL(graph.gatewayUrl, deep, {}, await bearer({ kind: 'citizen', iin: NAMED.llpHead }));
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0]!.message).toMatch(/depth/i);
    expect(graph.state.calls('legal-entities')).toBe(0);
  });

  it('a body over the size limit is 413, and one without a declared length 411', async () => {
    const big = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1024 * 1024) } }),
    });
    expect(big.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query: '{ __typename }' }));
    });
    expect(chunked).toBe(411);
  });
});

describe('persisted operations for portals', () => {
  const PERSON = 'query Me($iin: IIN!) { person(iin: $iin) { fullName } }';
  let locked: RunningGraph;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'egov-persisted-'));
    const file = join(dir, 'operations.json');
    writeFileSync(file, JSON.stringify({ [operationId(PERSON)]: PERSON }));
    locked = await startGraph({ gateway: { persistedOperations: { file, onlyFor: ['citizen', 'portal'] } } });
  });
  afterAll(async () => {
    await locked?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a citizen runs a listed operation by its id, and nothing else', async () => {
    const me = await bearer({ kind: 'citizen', iin: NAMED.manWithLicences });
    const listed = await fetch(locked.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...me },
      body: JSON.stringify({ documentId: operationId(PERSON), variables: { iin: NAMED.manWithLicences } }),
    });
    expect(((await listed.json()) as any).data).toEqual({ person: { fullName: 'Ахметов Нурлан Серикович' } });
    const arbitrary = await postGraphQL(locked.gatewayUrl, `{ person(iin: "850314301234") { fullName address { city } } }`, {}, me);
    expect(arbitrary.data ?? null).toBeNull();
    expect(arbitrary.errors).toHaveLength(1);
  });

  it("a client claiming to be a partner in the gateway's own header is still a citizen", async () => {
    const me = await bearer({ kind: 'citizen', iin: NAMED.manWithLicences });
    const spoofed = await postGraphQL(locked.gatewayUrl, `{ person(iin: "850314301234") { fullName } }`, {}, { ...me, 'x-egov-verified-caller': 'partner' });
    expect(spoofed.data ?? null).toBeNull();
  });

  it('a partner system still sends its own queries', async () => {
    const response = await asPartner(locked, 'mvd-migration', 'migration-control', `{ person(iin: "850314301234") { fullName } }`);
    expect(response.data).toEqual({ person: { fullName: 'Ахметов Нурлан Серикович' } });
  });
});

describe('logs', () => {
  const lines: string[] = [];
  let logged: RunningGraph;
  beforeAll(async () => {
    logged = await startGraph({ logs: { level: 'debug', write: (line) => lines.push(line) } });
  });
  afterAll(() => logged?.close());

  it('at debug level, through reads, refusals, bad input and a registry failure, never carry an IIN or BIN in clear', async () => {
    const citizen = portal(logged, { kind: 'citizen', iin: NAMED.manWithLicences });
    await citizen.ask(`query($iin: IIN!) { person(iin: $iin) { fullName address { city } } }`, { iin: NAMED.manWithLicences });
    await citizen.ask(`{ person(iin: "010730604568") { fullName } }`);
    await citizen.ask(`{ person(iin: "850314301235") { fullName } }`);
    await citizen.ask(`{ applicant(id: "080440001234") { ... on LegalEntity { shortName payments { id } } } }`);
    logged.registries.use('individuals', ...scenarios.serverError('individuals', 500));
    await asPartner(logged, 'kgd-tax-audit', 'tax-audit', `{ person(iin: "900101300017") { fullName } }`);
    logged.registries.resetHandlers();

    expect(lines.length).toBeGreaterThan(10); // debug logging did happen
    const ids = [...logged.state.persons.keys(), ...logged.state.entities.keys(), '850314301235'];
    const leaks = lines.filter((line) => ids.some((id) => line.includes(id)));
    expect(leaks).toEqual([]);
  });
});
