/**
 * The mock НУЦ's certificates against our verifier: every way a detached ЭЦП must be accepted or refused
 * by @egov/security's verifyDetachedSignature, with certificates from the test CA in src/pki. These tests
 * live here, not in packages/security, because that package cannot import @egov/mocks (which imports it).
 */
import {
  type ApplicationPayloadInput,
  applicationPayload,
  canonicalBytes,
  decisionPayload,
  type ExpectedSigner,
  SignatureErrorCode,
  type SignatureVerification,
  signDetached,
  TrustStore,
  TrustStoreError,
  verifyDetachedSignature,
} from '@egov/security/signatures';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, generateKeyPair, type IssuedCertificate, type TestCa } from '../src/pki/index.js';
import { editSignature, resignWithAnotherKey } from './support/cms.js';

const DAY = 86_400_000;
const CITIZEN = { iin: '850314301234', lastName: 'Ахметов', firstName: 'Нурлан' };
const LLP_HEAD = { iin: '621102407892', bin: '080440001234', organisation: 'ТОО «Сарыарка Металл»', lastName: 'Жумабаева', firstName: 'Гульнара' };

const application: ApplicationPayloadInput = {
  serviceCode: 'state-symbols-licence',
  action: 'ISSUE',
  applicantId: CITIZEN.iin,
  idempotencyKey: '3f1c2a8e-5b7d-4e7a-9c1e-2d4b6f8a0c11',
  attachments: [
    { id: 'att-2', sha256: 'b'.repeat(64) },
    { id: 'att-1', sha256: 'a'.repeat(64) },
  ],
  fields: [
    { fieldId: 'phone', value: '+7 701 000 00 00' },
    { fieldId: 'activity', value: 'Изготовление' },
  ],
};
const payload = canonicalBytes(applicationPayload(application));

const sign = (who: IssuedCertificate, bytes: Uint8Array = payload) =>
  signDetached({ payload: bytes, privateKey: who.privateKey, certificate: who.certificatePem, chain: who.chainPem });

function refusal(result: SignatureVerification): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got a verified signer ${JSON.stringify(result.signer)}`);
  return { code: result.code, message: result.message };
}

describe('verifying a detached signature', () => {
  let ca: TestCa;
  let trust: TrustStore;
  let citizen: IssuedCertificate;
  let llpHead: IssuedCertificate;

  beforeAll(async () => {
    ca = await createTestCa({ name: 'НУЦ РК (TEST)' });
    citizen = await ca.issue(CITIZEN);
    llpHead = await ca.issue(LLP_HEAD);
    trust = await ca.trustStore();
  });

  const verify = async (signature: string, expect: ExpectedSigner, options: { bytes?: Uint8Array; store?: TrustStore; at?: Date } = {}) =>
    verifyDetachedSignature({ payload: options.bytes ?? payload, signature, trust: options.store ?? trust, expect, ...(options.at ? { at: options.at } : {}) });

  it("accepts a citizen's signature over the application and says who signed", async () => {
    const result = await verify(await sign(citizen), { iin: CITIZEN.iin });
    expect(result).toEqual({
      ok: true,
      signer: {
        iin: CITIZEN.iin,
        bin: null,
        commonName: 'АХМЕТОВ НУРЛАН',
        organisation: null,
        certificateSerial: citizen.serial,
        notBefore: expect.any(Date),
        notAfter: expect.any(Date),
      },
    });
  });

  it("accepts a company head's signature for the company's BIN, alone or together with her IIN", async () => {
    const signature = await sign(llpHead);
    const forCompany = await verify(signature, { bin: LLP_HEAD.bin });
    expect(forCompany).toMatchObject({ ok: true, signer: { iin: LLP_HEAD.iin, bin: LLP_HEAD.bin, organisation: LLP_HEAD.organisation } });
    expect((await verify(signature, { iin: LLP_HEAD.iin, bin: LLP_HEAD.bin })).ok).toBe(true);
  });

  it('accepts a signature that embeds only the signer certificate when the trust store holds the issuing CA', async () => {
    const signature = await signDetached({ payload, privateKey: citizen.privateKey, certificate: citizen.certificatePem });
    expect((await verify(signature, { iin: CITIZEN.iin })).ok).toBe(true);
  });

  it('refuses a signature made with another key than the certificate it carries as SIGNATURE_INVALID', async () => {
    const forged = await resignWithAnotherKey(await sign(citizen), (await generateKeyPair()).privateKey);
    expect(refusal(await verify(forged, { iin: CITIZEN.iin })).code).toBe(SignatureErrorCode.SIGNATURE_INVALID);
  });

  it('refuses a payload changed after signing (another scan hash) as SIGNATURE_INVALID', async () => {
    const signature = await sign(citizen);
    const swappedScan = canonicalBytes(
      applicationPayload({ ...application, attachments: [{ id: 'att-1', sha256: 'c'.repeat(64) }, application.attachments[0]!] }),
    );
    const result = refusal(await verify(signature, { iin: CITIZEN.iin }, { bytes: swappedScan }));
    expect(result.code).toBe(SignatureErrorCode.SIGNATURE_INVALID);
    expect(result.message).toMatch(/changed after signing/);
  });

  it("refuses a citizen's signature made with an expired certificate as CERTIFICATE_EXPIRED", async () => {
    const expired = await ca.issue({ ...CITIZEN, notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 35 * DAY) });
    const result = refusal(await verify(await sign(expired), { iin: CITIZEN.iin }));
    expect(result.code).toBe(SignatureErrorCode.CERTIFICATE_EXPIRED);
    expect(result.message).toMatch(/signer's certificate expired on \d{4}-\d{2}-\d{2}/);
  });

  it('refuses a certificate that only becomes valid tomorrow as CERTIFICATE_NOT_YET_VALID', async () => {
    const future = await ca.issue({ ...CITIZEN, notBefore: new Date(Date.now() + DAY), notAfter: new Date(Date.now() + 365 * DAY) });
    expect(refusal(await verify(await sign(future), { iin: CITIZEN.iin })).code).toBe(SignatureErrorCode.CERTIFICATE_NOT_YET_VALID);
  });

  it('judges the whole chain at the verification time: in 30 years the root itself has expired', async () => {
    const result = refusal(await verify(await sign(citizen), { iin: CITIZEN.iin }, { at: new Date(Date.now() + 30 * 365 * DAY) }));
    expect(result.code).toBe(SignatureErrorCode.CERTIFICATE_EXPIRED);
  });

  it("refuses a citizen's signature made with a revoked certificate as CERTIFICATE_REVOKED", async () => {
    const lost = await ca.issue(CITIZEN);
    const signature = await sign(lost);
    expect((await verify(signature, { iin: CITIZEN.iin })).ok).toBe(true); // before revocation, against the older CRL

    ca.revoke(lost.serial);
    const result = refusal(await verify(signature, { iin: CITIZEN.iin }, { store: await ca.trustStore() }));
    expect(result.code).toBe(SignatureErrorCode.CERTIFICATE_REVOKED);
    expect(result.message).toContain(lost.serial);
    // The same CRL leaves the citizen's other certificate alone.
    expect((await verify(await sign(citizen), { iin: CITIZEN.iin }, { store: await ca.trustStore() })).ok).toBe(true);
  });

  it('refuses a certificate from an unknown authority, even one with the same name, as CERTIFICATE_UNTRUSTED', async () => {
    const impostor = await createTestCa({ name: 'НУЦ РК (TEST)' });
    const stranger = await createTestCa({ name: 'Somewhere Else' });
    const sameName = refusal(await verify(await sign(await impostor.issue(CITIZEN)), { iin: CITIZEN.iin }));
    expect(sameName.code).toBe(SignatureErrorCode.CERTIFICATE_UNTRUSTED);
    expect(sameName.message).toMatch(/key did not sign it/);
    const otherName = refusal(await verify(await sign(await stranger.issue(CITIZEN)), { iin: CITIZEN.iin }));
    expect(otherName.code).toBe(SignatureErrorCode.CERTIFICATE_UNTRUSTED);
    expect(otherName.message).toMatch(/does not chain to a trusted root/);
  });

  it("refuses a certificate issued with a citizen's own (non-CA) key as CERTIFICATE_UNTRUSTED", async () => {
    const selfMade = await ca.issueUnder(citizen, { iin: LLP_HEAD.iin, lastName: 'Жумабаева', firstName: 'Гульнара' });
    const result = refusal(await verify(await sign(selfMade), { iin: LLP_HEAD.iin }));
    expect(result.code).toBe(SignatureErrorCode.CERTIFICATE_UNTRUSTED);
    expect(result.message).toMatch(/is not a CA/);
  });

  it('refuses a signature by someone else than the applicant as SIGNER_MISMATCH, without spelling out either IIN', async () => {
    const result = refusal(await verify(await sign(citizen), { iin: LLP_HEAD.iin }));
    expect(result.code).toBe(SignatureErrorCode.SIGNER_MISMATCH);
    expect(result.message).toContain('8503******34');
    expect(result.message).toContain('6211******92');
    expect(result.message).not.toContain(CITIZEN.iin);
    expect(result.message).not.toContain(LLP_HEAD.iin);
  });

  it("refuses a company signature whose certificate names another BIN, or an individual's certificate, as SIGNER_MISMATCH", async () => {
    const otherCompany = refusal(await verify(await sign(llpHead), { bin: '110941004568' }));
    expect(otherCompany.code).toBe(SignatureErrorCode.SIGNER_MISMATCH);
    expect(otherCompany.message).not.toMatch(/\d{12}/);
    const personal = refusal(await verify(await sign(citizen), { bin: LLP_HEAD.bin }));
    expect(personal.code).toBe(SignatureErrorCode.SIGNER_MISMATCH);
    expect(personal.message).toMatch(/carries no BIN/);
    // Right company, wrong person.
    expect(refusal(await verify(await sign(llpHead), { iin: CITIZEN.iin, bin: LLP_HEAD.bin })).code).toBe(SignatureErrorCode.SIGNER_MISMATCH);
  });

  it.each([
    ['text that is not base64', 'not a signature!'],
    ['base64 of bytes that are not CMS', Buffer.from('%PDF-1.4 scan').toString('base64')],
    ['an empty string', ''],
  ])('refuses %s as SIGNATURE_MALFORMED', async (_what, signature) => {
    expect(refusal(await verify(signature, { iin: CITIZEN.iin })).code).toBe(SignatureErrorCode.SIGNATURE_MALFORMED);
  });

  it('refuses a certificate instead of a signature as SIGNATURE_MALFORMED', async () => {
    const der = citizen.certificatePem.replace(/-----[A-Z ]+-----|\s/g, '');
    expect(refusal(await verify(der, { iin: CITIZEN.iin })).code).toBe(SignatureErrorCode.SIGNATURE_MALFORMED);
  });

  it('refuses a signature with two signers, or with no signer, as SIGNATURE_MALFORMED', async () => {
    const signature = await sign(citizen);
    const twoSigners = editSignature(signature, (sd) => sd.signerInfos.push(sd.signerInfos[0]!));
    expect(refusal(await verify(twoSigners, { iin: CITIZEN.iin })).message).toMatch(/2 signers/);
    const noSigner = editSignature(signature, (sd) => sd.signerInfos.splice(0));
    expect(refusal(await verify(noSigner, { iin: CITIZEN.iin }))).toMatchObject({
      code: SignatureErrorCode.SIGNATURE_MALFORMED,
      message: expect.stringMatching(/no signer/),
    });
  });

  it('refuses a signature that carries its content instead of being detached as SIGNATURE_MALFORMED', async () => {
    const attached = editSignature(await sign(citizen), (sd) => {
      sd.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: payload.slice().buffer });
    });
    expect(refusal(await verify(attached, { iin: CITIZEN.iin })).message).toMatch(/detached/);
  });

  it("refuses a signature without the signer's certificate as SIGNATURE_MALFORMED", async () => {
    const bare = editSignature(await sign(citizen), (sd) => {
      sd.certificates = [];
    });
    expect(refusal(await verify(bare, { iin: CITIZEN.iin })).code).toBe(SignatureErrorCode.SIGNATURE_MALFORMED);
  });

  it('answers REVOCATION_UNKNOWN when the trust store has no CRL of the issuing CA', async () => {
    const withoutCrl = await ca.trustStore({ crls: [] });
    const result = refusal(await verify(await sign(citizen), { iin: CITIZEN.iin }, { store: withoutCrl }));
    expect(result.code).toBe(SignatureErrorCode.REVOCATION_UNKNOWN);
    expect(result.message).toContain('НУЦ РК (TEST) Issuing CA');
  });

  it('fails closed with CRL_STALE once the CRL is past its nextUpdate, unless stale CRLs are allowed', async () => {
    const staleCrl = await ca.crlPem({ thisUpdate: new Date(Date.now() - 10 * DAY), nextUpdate: new Date(Date.now() - DAY) });
    const signature = await sign(citizen);
    const result = refusal(await verify(signature, { iin: CITIZEN.iin }, { store: await ca.trustStore({ crls: [staleCrl] }) }));
    expect(result.code).toBe(SignatureErrorCode.CRL_STALE);
    expect(result.message).toMatch(/due for renewal/);
    expect((await verify(signature, { iin: CITIZEN.iin }, { store: await ca.trustStore({ crls: [staleCrl], allowStaleCrls: true }) })).ok).toBe(true);
  });

  it('uses the newest CRL of an issuer when the store holds several', async () => {
    const older = await ca.crlPem({ thisUpdate: new Date(Date.now() - 10 * DAY), nextUpdate: new Date(Date.now() - DAY) });
    const newer = await ca.crlPem();
    expect((await verify(await sign(citizen), { iin: CITIZEN.iin }, { store: await ca.trustStore({ crls: [older, newer] }) })).ok).toBe(true);
  });

  it('refuses a certificate whose key usage is not signing (an authentication or encryption key) as CERTIFICATE_NOT_FOR_SIGNING', async () => {
    const encryptionOnly = await ca.issue({ ...CITIZEN, keyUsage: ['keyEncipherment'] });
    expect(refusal(await verify(await sign(encryptionOnly), { iin: CITIZEN.iin })).code).toBe(SignatureErrorCode.CERTIFICATE_NOT_FOR_SIGNING);
  });

  it('throws, rather than answering, when the caller names no expected signer', async () => {
    await expect(verify(await sign(citizen), {} as ExpectedSigner)).rejects.toThrow(/iin, a bin, or both/);
  });

  it('an officer signs a decision the same way', async () => {
    const officer = await ca.issue({ iin: '900101300017', lastName: 'Ким', firstName: 'Дмитрий' });
    const decision = canonicalBytes(
      decisionPayload({ number: 'KZ-2026-000123', outcome: 'REFUSE', refusalGround: 'INCOMPLETE_DOCUMENTS', officerId: '900101300017' }),
    );
    const signature = await sign(officer, decision);
    expect((await verify(signature, { iin: '900101300017' }, { bytes: decision })).ok).toBe(true);
    expect(refusal(await verify(signature, { iin: '900101300017' })).code).toBe(SignatureErrorCode.SIGNATURE_INVALID);
  });
});

describe('signing', () => {
  it('refuses to sign with a key that does not belong to the certificate', async () => {
    const ca = await createTestCa();
    const person = await ca.issue(CITIZEN);
    const other = await generateKeyPair();
    await expect(signDetached({ payload, privateKey: other.privateKey, certificate: person.certificatePem })).rejects.toThrow(/does not belong/);
  });

  it('produces a detached SignedData with contentType, messageDigest and signingTime, and the chain', async () => {
    const ca = await createTestCa();
    const person = await ca.issue(CITIZEN);
    const signature = await signDetached({
      payload,
      privateKey: person.privateKey,
      certificate: person.certificatePem,
      chain: person.chainPem,
      signingTime: new Date('2026-01-02T03:04:05Z'),
    });
    const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(Buffer.from(signature, 'base64'))).content });
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    expect(signedData.certificates).toHaveLength(2);
    const attributes = signedData.signerInfos[0]!.signedAttrs!.attributes;
    expect(attributes.map((a) => a.type).sort()).toEqual(['1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.5']);
    const signingTime = attributes.find((a) => a.type === '1.2.840.113549.1.9.5')!.values[0] as asn1js.UTCTime;
    expect(signingTime.toDate().toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('the trust store', () => {
  let ca: TestCa;
  beforeAll(async () => {
    ca = await createTestCa({ name: 'Test' });
  });

  it('refuses a CRL signed by an authority it does not hold, naming it', async () => {
    const stranger = await createTestCa({ name: 'Stranger' });
    const error = await TrustStore.fromPem({ roots: [ca.rootPem], intermediates: [ca.intermediatePem], crls: [await stranger.crlPem()] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TrustStoreError);
    expect((error as TrustStoreError).problems).toEqual([
      expect.stringMatching(/^crls\[0\]: issued by "Stranger Issuing CA", which is neither a configured root nor an intermediate/),
    ]);
  });

  it('refuses a person certificate configured as a root, and text without certificates', async () => {
    const person = await ca.issue(CITIZEN);
    const error = (await TrustStore.fromPem({ roots: [person.certificatePem, 'hello'] }).catch((e: unknown) => e)) as TrustStoreError;
    expect(error.problems).toEqual([
      expect.stringMatching(/^roots\[0\]: .* is not a CA certificate/),
      expect.stringMatching(/^roots\[1\]: no -----BEGIN CERTIFICATE----- block/),
    ]);
  });

  it('names a missing file', async () => {
    await expect(TrustStore.fromFiles({ roots: ['/nonexistent/root.pem'] })).rejects.toThrow(/\/nonexistent\/root.pem: cannot be read \(ENOENT\)/);
  });

  it('reports its CRLs for health checks', async () => {
    const nextUpdate = new Date(Date.now() + 3 * DAY);
    const store = await ca.trustStore({ crls: [await ca.crlPem({ nextUpdate })] });
    expect(store.crls).toEqual([
      { issuer: 'Test Issuing CA', thisUpdate: expect.any(Date), nextUpdate: new Date(Math.floor(nextUpdate.getTime() / 1000) * 1000), revokedCount: 0 },
    ]);
  });
});
