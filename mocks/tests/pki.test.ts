import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { canonicalBytes } from '@egov/core';
import { applicationPayload, type ExpectedSigner, SignatureErrorCode, signDetached, TrustStore, verifyDetachedSignature } from '@egov/security/signatures';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_TODAY, NAMED } from '../src/index.js';
import { createTestCa, loadTestPki, TEST_PKI_FILES, TEST_SIGNER_NAMES, type TestCa, type TestPki } from '../src/pki/index.js';

const DAY = 86_400_000;
const MOCKS_DIR = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

const payload = canonicalBytes(
  applicationPayload({
    serviceCode: 'state-symbols-licence',
    action: 'ISSUE',
    applicantId: NAMED.manWithLicences,
    idempotencyKey: '3f1c2a8e-5b7d-4e7a-9c1e-2d4b6f8a0c11',
    attachments: [{ id: 'att-1', sha256: 'a'.repeat(64) }],
  }),
);

describe('the committed test PKI (mocks/data/pki)', () => {
  let pki: TestPki;
  let trust: TrustStore;

  beforeAll(async () => {
    pki = await loadTestPki();
    trust = await TrustStore.fromFiles(TEST_PKI_FILES.trust);
  });

  const signAs = (name: string, bytes = payload) => {
    const signer = pki.signer(name);
    return signDetached({ payload: bytes, privateKey: signer.privateKey, certificate: signer.certificatePem, chain: signer.chainPem });
  };

  it('loads: a root, an issuing CA with its key, a CRL, and a certificate and key for every named signer', () => {
    expect(pki.rootPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(pki.issuingCaKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pki.crlPem).toMatch(/^-----BEGIN X509 CRL-----/);
    expect(Object.keys(pki.signers).sort()).toEqual(['010730604568', '621102407892', '850314301234', '850314301234-revoked', '900101300017']);
    expect(() => pki.signer('770707342424')).toThrow(/No committed test signer "770707342424"; there are 850314301234, /);
  });

  it.each([
    [NAMED.manWithLicences, { iin: NAMED.manWithLicences }],
    [NAMED.youngWoman, { iin: NAMED.youngWoman }],
    [NAMED.entrepreneur, { iin: NAMED.entrepreneur }],
    [NAMED.llpHead, { iin: NAMED.llpHead }],
  ] as [string, ExpectedSigner][])('%s signs an application that verifies with the committed trust store', async (name, expect_) => {
    const result = await verifyDetachedSignature({ payload, signature: await signAs(name), trust, expect: expect_ });
    expect(result).toMatchObject({ ok: true, signer: { iin: name } });
  });

  it('621102407892 signs for her LLP 080440001234 («Сарыарка Металл»)', async () => {
    const result = await verifyDetachedSignature({ payload, signature: await signAs(NAMED.llpHead), trust, expect: { iin: NAMED.llpHead, bin: NAMED.llp } });
    expect(result).toMatchObject({ ok: true, signer: { bin: NAMED.llp, organisation: 'ТОО «Сарыарка Металл»', commonName: 'ЖУМАБАЕВА ГУЛЬНАРА' } });
  });

  it("a citizen's signature made with the committed revoked certificate is refused as CERTIFICATE_REVOKED", async () => {
    const result = await verifyDetachedSignature({ payload, signature: await signAs('850314301234-revoked'), trust, expect: { iin: NAMED.manWithLicences } });
    expect(result).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_REVOKED });
  });

  it("is valid on the fixtures' date and for at least another year (when this fails, run node --import tsx mocks/src/pki/generate.ts)", async () => {
    const signature = await signAs(NAMED.manWithLicences);
    for (const at of [new Date(FIXTURE_TODAY), new Date(Date.now() + 365 * DAY)]) {
      const result = await verifyDetachedSignature({ payload, signature, trust, expect: { iin: NAMED.manWithLicences }, at });
      expect(result, at.toISOString()).toMatchObject({ ok: true });
    }
  });

  it('its issuing CA can issue more certificates the committed trust store accepts, and keeps the committed revocation', async () => {
    const ca = await pki.issuingCa();
    const extra = await ca.issue({ iin: NAMED.unknownIin, lastName: 'Тестов', firstName: 'Тест' });
    const signature = await signDetached({ payload, privateKey: extra.privateKey, certificate: extra.certificatePem, chain: extra.chainPem });
    expect((await verifyDetachedSignature({ payload, signature, trust, expect: { iin: NAMED.unknownIin } })).ok).toBe(true);

    const freshTrust = await TrustStore.fromPem(await ca.trustPem());
    const revoked = await verifyDetachedSignature({
      payload,
      signature: await signAs('850314301234-revoked'),
      trust: freshTrust,
      expect: { iin: NAMED.manWithLicences },
    });
    expect(revoked).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_REVOKED });
  });

  it('the signing CLI prints a signature of the payload file that verifies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'egov-sign-'));
    const file = join(dir, 'payload.json');
    // Attachments out of order and no paymentId: the CLI rebuilds the payload as the server will.
    await writeFile(
      file,
      JSON.stringify({
        type: 'egov-graph/application/v1',
        serviceCode: 'state-symbols-licence',
        action: 'ISSUE',
        applicantId: NAMED.llp,
        idempotencyKey: 'k-1',
        attachments: [
          { id: 'att-2', sha256: 'b'.repeat(64) },
          { id: 'att-1', sha256: 'a'.repeat(64) },
        ],
      }),
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/pki/sign-cli.ts', NAMED.llpHead, file], { cwd: MOCKS_DIR });
    const serverSide = canonicalBytes(
      applicationPayload({
        serviceCode: 'state-symbols-licence',
        action: 'ISSUE',
        applicantId: NAMED.llp,
        idempotencyKey: 'k-1',
        attachments: [
          { id: 'att-1', sha256: 'a'.repeat(64) },
          { id: 'att-2', sha256: 'b'.repeat(64) },
        ],
      }),
    );
    const result = await verifyDetachedSignature({ payload: serverSide, signature: stdout.trim(), trust, expect: { bin: NAMED.llp } });
    expect(result).toMatchObject({ ok: true, signer: { iin: NAMED.llpHead, bin: NAMED.llp } });
  }, 20_000);

  it('the signing CLI names the signers it has when asked for another', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/pki/sign-cli.ts', '770707342424', '-'], { cwd: MOCKS_DIR }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining(TEST_SIGNER_NAMES.join(', ')) });
  }, 20_000);
});

describe('createTestCa', () => {
  let ca: TestCa;
  let trust: TrustStore;

  beforeAll(async () => {
    ca = await createTestCa();
    trust = await TrustStore.fromPem(await ca.trustPem());
  });

  const verifyIssued = async (issued: Awaited<ReturnType<TestCa['issue']>>, expect_: ExpectedSigner, store = trust) =>
    verifyDetachedSignature({
      payload,
      signature: await signDetached({ payload, privateKey: issued.privateKey, certificate: issued.certificatePem, chain: issued.chainPem }),
      trust: store,
      expect: expect_,
    });

  it('issues a signing certificate with НУЦ РК subject conventions', async () => {
    const issued = await ca.issue({ iin: NAMED.llpHead, bin: NAMED.llp, organisation: 'ТОО «Сарыарка Металл»', lastName: 'Жумабаева', firstName: 'Гульнара' });
    expect(await verifyIssued(issued, { iin: NAMED.llpHead, bin: NAMED.llp })).toEqual({
      ok: true,
      signer: {
        iin: NAMED.llpHead,
        bin: NAMED.llp,
        commonName: 'ЖУМАБАЕВА ГУЛЬНАРА',
        organisation: 'ТОО «Сарыарка Металл»',
        certificateSerial: issued.serial,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      },
    });
  });

  it('revokes by serial or by certificate, and the next CRL lists it', async () => {
    const bySerial = await ca.issue({ iin: NAMED.manWithLicences, lastName: 'Ахметов', firstName: 'Нурлан' });
    const byPem = await ca.issue({ iin: NAMED.manWithLicences, lastName: 'Ахметов', firstName: 'Нурлан' });
    ca.revoke(bySerial.serial.toUpperCase());
    ca.revoke(byPem.certificatePem);
    const store = await TrustStore.fromPem(await ca.trustPem());
    expect(await verifyIssued(bySerial, { iin: NAMED.manWithLicences }, store)).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_REVOKED });
    expect(await verifyIssued(byPem, { iin: NAMED.manWithLicences }, store)).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_REVOKED });
  });

  it('issues expired, not-yet-valid and non-signing certificates on request', async () => {
    const person = { iin: NAMED.youngWoman, lastName: 'Сейтжанова', firstName: 'Айгерим' };
    const expired = await ca.issue({ ...person, notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) });
    const future = await ca.issue({ ...person, notBefore: new Date(Date.now() + DAY) });
    const encryption = await ca.issue({ ...person, keyUsage: ['keyEncipherment'] });
    expect(await verifyIssued(expired, person)).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_EXPIRED });
    expect(await verifyIssued(future, person)).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_NOT_YET_VALID });
    expect(await verifyIssued(encryption, person)).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_NOT_FOR_SIGNING });
  });

  it('a second CA, even with the same name, is unrelated: its certificates are CERTIFICATE_UNTRUSTED', async () => {
    const other = await createTestCa();
    const issued = await other.issue({ iin: NAMED.entrepreneur, lastName: 'Ким', firstName: 'Дмитрий' });
    expect(await verifyIssued(issued, { iin: NAMED.entrepreneur })).toMatchObject({ ok: false, code: SignatureErrorCode.CERTIFICATE_UNTRUSTED });
  });

  it("issues under a person's certificate: signed with that person's key, chained through it to this CA's root", async () => {
    const parent = await ca.issue({ iin: NAMED.manWithLicences, lastName: 'Ахметов', firstName: 'Нурлан' });
    const child = await ca.issueUnder(parent, { iin: NAMED.llpHead, lastName: 'Жумабаева', firstName: 'Гульнара' });
    const [childCertificate, parentCertificate] = [new X509Certificate(child.certificatePem), new X509Certificate(parent.certificatePem)];
    expect(childCertificate.issuer).toBe(parentCertificate.subject);
    expect(childCertificate.verify(parentCertificate.publicKey)).toBe(true);
    // OpenSSL, like our verifier, holds that a certificate without CA:true issued nothing.
    expect(childCertificate.checkIssued(parentCertificate)).toBe(false);
    expect(child.chainPem).toEqual([parent.certificatePem, ca.intermediatePem]);
  });

  it('builds its trust store with a fresh CRL, with the CRLs given, or with none', async () => {
    const revoked = await ca.issue({ iin: NAMED.youngWoman, lastName: 'Сейтжанова', firstName: 'Айгерим' });
    ca.revoke(revoked);
    const fresh = await ca.trustStore();
    expect(fresh.crls).toEqual([expect.objectContaining({ issuer: `${ca.name} Issuing CA` })]);
    expect(fresh.crls[0]!.revokedCount).toBeGreaterThan(0);
    expect((await ca.trustStore({ crls: [] })).crls).toEqual([]);
    const nextUpdate = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * DAY);
    expect((await ca.trustStore({ crls: [await ca.crlPem({ nextUpdate })] })).crls).toEqual([expect.objectContaining({ nextUpdate })]);
  });

  it('refuses to revoke a certificate it did not issue, and to issue for an id that is not 12 digits', async () => {
    const other = await createTestCa({ name: 'Other' });
    const foreign = await other.issue({ iin: NAMED.entrepreneur, lastName: 'Ким', firstName: 'Дмитрий' });
    expect(() => ca.revoke(foreign.certificatePem)).toThrow(/not by this CA/);
    await expect(ca.issue({ iin: '8503143012', lastName: 'А', firstName: 'Б' })).rejects.toThrow(/iin must be 12 digits/);
  });
});
