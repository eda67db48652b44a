/**
 * Verification of an applicant's or an officer's electronic digital signature (ЭЦП): a detached CMS
 * (PKCS#7) SignedData, base64-encoded, with the signer's certificate embedded, as NCALayer produces it.
 *
 * What "valid" means here, in the order it is checked (the first failure is the answer):
 *  1. SIGNATURE_MALFORMED         base64 of one detached CMS SignedData with exactly one signer, whose
 *                                 certificate is embedded, made with an algorithm we accept.
 *  2. SIGNATURE_INVALID           the signature verifies with the key in that certificate over the payload
 *                                 (through the signed attributes' messageDigest when present).
 *  3. CERTIFICATE_UNTRUSTED       the certificate chains to a configured root: every link's signature
 *                                 verifies, every issuer is a CA (basicConstraints CA:true, keyCertSign,
 *                                 path length), no critical extension we do not understand.
 *  4. CERTIFICATE_NOT_FOR_SIGNING the signer's keyUsage includes digitalSignature or nonRepudiation (a
 *                                 certificate without keyUsage, or a CA certificate, is refused).
 *  5. CERTIFICATE_NOT_YET_VALID / CERTIFICATE_EXPIRED   for every certificate of the chain, root included.
 *  6. CRL_STALE / CERTIFICATE_REVOKED / REVOCATION_UNKNOWN   the signer's certificate against the newest CRL
 *                                 of its issuer (none configured: REVOCATION_UNKNOWN); intermediate CAs
 *                                 against their issuer's CRL when the trust store has one.
 *  7. SIGNER_MISMATCH             the IIN (subject serialNumber "IIN…") and/or BIN (subject OU "BIN…") are
 *                                 the expected ones.
 *
 * Dates are judged at `at` (default: now), never at the signingTime the signer claims. A revoked
 * certificate is refused whatever its revocation date: a key compromise can predate the revocation.
 * Messages may be logged or shown to the applicant: they mask IINs/BINs (8503******34) and never contain
 * the signer's name.
 */

import { maskPersonalIds } from '@egov/core';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { basicConstraintsOf, describeName, engine, isoDay, keyUsagesOf, nameValues, OID, serialHex, toArrayBuffer, unknownCriticalExtensions } from './pkix.js';
import { configuredCas, latestCrlOf, type TrustStore, trustedRoot } from './trust.js';

/** Why a signature was refused: one of these, with a message that says what to do. */
export const SignatureErrorCode = {
  /** Not base64, not CMS SignedData, not detached, no or several signers, no embedded certificate, an algorithm we do not accept. */
  SIGNATURE_MALFORMED: 'SIGNATURE_MALFORMED',
  /** The cryptographic check failed: another key, or the payload changed after signing. */
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  /** No chain from the signer's certificate to a trusted root. */
  CERTIFICATE_UNTRUSTED: 'CERTIFICATE_UNTRUSTED',
  /** A certificate of the chain expired before the verification time. */
  CERTIFICATE_EXPIRED: 'CERTIFICATE_EXPIRED',
  /** A certificate of the chain is valid only after the verification time. */
  CERTIFICATE_NOT_YET_VALID: 'CERTIFICATE_NOT_YET_VALID',
  /** The signer's (or an intermediate's) certificate is on its issuer's CRL. */
  CERTIFICATE_REVOKED: 'CERTIFICATE_REVOKED',
  /** The trust store holds no CRL of the signer certificate's issuer. */
  REVOCATION_UNKNOWN: 'REVOCATION_UNKNOWN',
  /** The issuer's CRL is past its nextUpdate (and the trust store does not allow stale CRLs): refresh the CRL. */
  CRL_STALE: 'CRL_STALE',
  /** The signer's certificate may not sign (keyUsage lacks digitalSignature and nonRepudiation). */
  CERTIFICATE_NOT_FOR_SIGNING: 'CERTIFICATE_NOT_FOR_SIGNING',
  /** The certificate's IIN or BIN is not the expected applicant's or officer's. */
  SIGNER_MISMATCH: 'SIGNER_MISMATCH',
} as const;

export type SignatureErrorCode = (typeof SignatureErrorCode)[keyof typeof SignatureErrorCode];

/**
 * Whom the signature must be from. `{ iin }`: a person (their certificate's serialNumber is IIN + iin).
 * `{ bin }`: anyone signing for the organisation (OU is BIN + bin). `{ iin, bin }`: that person, for that
 * organisation.
 */
export type ExpectedSigner = { iin: string; bin?: undefined } | { bin: string; iin?: undefined } | { iin: string; bin: string };

export interface VerifyDetachedSignatureInput {
  /** The signed bytes, e.g. canonicalBytes(applicationPayload(input)). */
  payload: Uint8Array;
  /** Base64 of the detached CMS SignedData (whitespace ignored). */
  signature: string;
  trust: TrustStore;
  /** The time certificates and CRLs are judged at. Default: now. */
  at?: Date;
  expect: ExpectedSigner;
}

/** Who signed, read from the verified certificate. */
export interface VerifiedSigner {
  /** From subject serialNumber "IIN" + 12 digits; null when absent. */
  iin: string | null;
  /** From subject OU "BIN" + 12 digits (a signer acting for a legal entity); null when absent. */
  bin: string | null;
  /** Subject CN: the person's name, as НУЦ writes it (e.g. "АХМЕТОВ НУРЛАН"). */
  commonName: string;
  /** Subject O: the organisation's name; null for an individual's certificate. */
  organisation: string | null;
  /** Lower-case hex, without leading zeros. */
  certificateSerial: string;
  notBefore: Date;
  notAfter: Date;
}

export type SignatureFailure = { ok: false; code: SignatureErrorCode; message: string };
export type SignatureVerification = { ok: true; signer: VerifiedSigner } | SignatureFailure;

/** Base64 of a CMS with a certificate chain is a few kilobytes; refuse to parse anything absurdly larger. */
export const MAX_SIGNATURE_LENGTH = 256 * 1024;
const MAX_CHAIN_LENGTH = 6;

const DIGESTS: ReadonlyMap<string, string> = new Map([
  ['2.16.840.1.101.3.4.2.1', 'SHA-256'],
  ['2.16.840.1.101.3.4.2.2', 'SHA-384'],
  ['2.16.840.1.101.3.4.2.3', 'SHA-512'],
]);
const SIGNATURE_ALGORITHMS: ReadonlySet<string> = new Set([
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.3.4', // ecdsa-with-SHA512
  '1.2.840.113549.1.1.1', // rsaEncryption (PKCS#1 v1.5 with the signer info's digest)
  '1.2.840.113549.1.1.10', // RSASSA-PSS
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
]);

const fail = (code: SignatureErrorCode, message: string): SignatureFailure => ({ ok: false, code, message });
/** 850314301234 → 8503******34, as the logs mask ids; anything else is masked whole rather than half-shown. */
const mask = (id: string): string => (/^\d{12}$/.test(id) ? maskPersonalIds(id) : '************');
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const IIN_ATTRIBUTE = /^IIN(\d{12})$/;
const BIN_ATTRIBUTE = /^BIN(\d{12})$/;

/**
 * Verifies a detached signature over `payload` and that it is the expected person's or organisation's.
 * Never throws for a bad signature (only for a programming error such as an `expect` with neither iin
 * nor bin): the answer is `{ ok: false, code, message }`.
 */
export async function verifyDetachedSignature(input: VerifyDetachedSignatureInput): Promise<SignatureVerification> {
  const { payload, trust } = input;
  const at = input.at ?? new Date();
  const expected = expectedSigner(input.expect);

  const parsed = parseSignature(input.signature);
  if (!parsed.ok) return parsed;
  const { signedData } = parsed;

  if (payload.byteLength === 0) return fail(SignatureErrorCode.SIGNATURE_INVALID, 'The signed payload is empty; there is nothing the signature could cover.');

  // 2. The signature over the payload, with the key of the embedded certificate that signerInfo names.
  let signer: pkijs.Certificate;
  try {
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(payload), extendedMode: true, checkChain: false }, engine);
    if (!result.signerCertificate) return fail(SignatureErrorCode.SIGNATURE_MALFORMED, "The signature does not carry the signer's certificate.");
    if (!result.signatureVerified) {
      return fail(
        SignatureErrorCode.SIGNATURE_INVALID,
        'The signature does not verify with the key of the embedded certificate: it was made with another key, or its signed attributes were altered.',
      );
    }
    signer = result.signerCertificate;
  } catch (error) {
    return verificationError(error);
  }

  // 3. A chain to a trusted root.
  const embedded = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const chain = await buildChain(signer, embedded, trust);
  if (!chain.ok) return chain;
  const path = chain.path;

  // 4. The signer's certificate may sign.
  if (basicConstraintsOf(signer)?.ca) {
    return fail(
      SignatureErrorCode.CERTIFICATE_NOT_FOR_SIGNING,
      "The signer's certificate is a CA certificate; documents are signed with a personal signing certificate.",
    );
  }
  const usages = keyUsagesOf(signer);
  if (!usages || !(usages.has('digitalSignature') || usages.has('nonRepudiation'))) {
    return fail(
      SignatureErrorCode.CERTIFICATE_NOT_FOR_SIGNING,
      usages
        ? `The signer's certificate is not for signing (its keyUsage is ${[...usages].join(', ') || 'empty'}); sign with the signing certificate (НУЦ's RSA/GOST key), not the authentication one (AUTH).`
        : "The signer's certificate does not state a key usage, so it is not accepted for signing.",
    );
  }

  // 5. Every certificate of the chain is within its validity period.
  for (const [i, certificate] of path.entries()) {
    const notBefore = certificate.notBefore.value;
    const notAfter = certificate.notAfter.value;
    if (at < notBefore)
      return fail(SignatureErrorCode.CERTIFICATE_NOT_YET_VALID, `${capitalise(whichCertificate(path, i))} is valid only from ${notBefore.toISOString()}.`);
    if (at > notAfter)
      return fail(
        SignatureErrorCode.CERTIFICATE_EXPIRED,
        `${capitalise(whichCertificate(path, i))} expired on ${isoDay(notAfter)}${i === 0 ? '; the signer needs a new certificate' : ''}.`,
      );
  }

  // 6. Revocation: the signer's certificate always, intermediates when their issuer's CRL is configured.
  for (let i = 0; i < path.length - 1; i++) {
    const certificate = path[i]!;
    const issuer = path[i + 1]!;
    const crl = latestCrlOf(trust, issuer);
    const issuerName = describeName(issuer.subject);
    if (!crl) {
      if (i > 0) continue;
      return fail(
        SignatureErrorCode.REVOCATION_UNKNOWN,
        `No CRL of "${issuerName}" is configured, so whether the signer's certificate was revoked is unknown.`,
      );
    }
    if (crl.nextUpdate < at && !trust.allowStaleCrls) {
      return fail(
        SignatureErrorCode.CRL_STALE,
        `The CRL of "${issuerName}" was due for renewal on ${crl.nextUpdate.toISOString()}; revocation cannot be checked until it is refreshed.`,
      );
    }
    if (crl.crl.isCertificateRevoked(certificate)) {
      const entry = crl.crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(certificate.serialNumber));
      const when = entry ? ` on ${isoDay(entry.revocationDate.value)}` : '';
      return fail(
        SignatureErrorCode.CERTIFICATE_REVOKED,
        `${capitalise(whichCertificate(path, i))} (serial ${serialHex(certificate.serialNumber)}) was revoked${when}.`,
      );
    }
  }

  // 7. The expected person or organisation.
  const identity = signerIdentity(signer);
  if (expected.iin !== undefined && identity.iin !== expected.iin) {
    return fail(
      SignatureErrorCode.SIGNER_MISMATCH,
      identity.iin === null
        ? `The signer's certificate carries no IIN, so it cannot show that IIN ${mask(expected.iin)} signed.`
        : `The signature was made with the certificate of IIN ${mask(identity.iin)}, not of IIN ${mask(expected.iin)}.`,
    );
  }
  if (expected.bin !== undefined && identity.bin !== expected.bin) {
    return fail(
      SignatureErrorCode.SIGNER_MISMATCH,
      identity.bin === null
        ? `The signer's certificate is an individual's (it carries no BIN); signing for BIN ${mask(expected.bin)} needs a certificate issued for that organisation.`
        : `The signer's certificate was issued for BIN ${mask(identity.bin)}, not for BIN ${mask(expected.bin)}.`,
    );
  }
  return { ok: true, signer: identity };
}

function expectedSigner(expect: ExpectedSigner): { iin?: string; bin?: string } {
  const iin = typeof expect?.iin === 'string' ? expect.iin : undefined;
  const bin = typeof expect?.bin === 'string' ? expect.bin : undefined;
  if (iin === undefined && bin === undefined) throw new TypeError('verifyDetachedSignature: expect must name an iin, a bin, or both');
  return { iin, bin };
}

type Parsed = { ok: true; signedData: pkijs.SignedData; signerInfo: pkijs.SignerInfo } | SignatureFailure;

function parseSignature(signature: string): Parsed {
  const MALFORMED = SignatureErrorCode.SIGNATURE_MALFORMED;
  if (typeof signature !== 'string') return fail(MALFORMED, 'The signature is not a base64 string.');
  if (signature.length > MAX_SIGNATURE_LENGTH)
    return fail(MALFORMED, `The signature is longer than ${MAX_SIGNATURE_LENGTH} characters; a CMS signature is a few kilobytes.`);
  const base64 = signature.replace(/\s+/g, '');
  if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64)) return fail(MALFORMED, 'The signature is not base64.');

  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(new Uint8Array(Buffer.from(base64, 'base64'))));
    if (contentInfo.contentType !== OID.signedData)
      return fail(MALFORMED, `The signature is CMS but not SignedData (content type ${contentInfo.contentType}).`);
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return fail(MALFORMED, 'The signature is not a CMS (PKCS#7) SignedData structure.');
  }

  if (signedData.signerInfos.length !== 1) {
    return fail(
      MALFORMED,
      signedData.signerInfos.length === 0
        ? 'The signature has no signer.'
        : `The signature has ${signedData.signerInfos.length} signers; exactly one is expected.`,
    );
  }
  if (signedData.encapContentInfo.eContent) {
    return fail(MALFORMED, 'The signature carries its own content; sign the payload as a detached signature (without the data inside).');
  }
  if (!signedData.certificates?.some((c) => c instanceof pkijs.Certificate)) {
    return fail(MALFORMED, "The signature does not carry the signer's certificate; embed it in the CMS certificates set.");
  }
  const signerInfo = signedData.signerInfos[0]!;
  if (!DIGESTS.has(signerInfo.digestAlgorithm.algorithmId) || !SIGNATURE_ALGORITHMS.has(signerInfo.signatureAlgorithm.algorithmId)) {
    return fail(
      MALFORMED,
      `The signature uses an algorithm this service cannot verify (digest ${signerInfo.digestAlgorithm.algorithmId}, signature ${signerInfo.signatureAlgorithm.algorithmId}); accepted are ECDSA and RSA with SHA-256/384/512.`,
    );
  }
  const contentType = signerInfo.signedAttrs?.attributes.find((a) => a.type === OID.contentTypeAttr)?.values[0];
  if (signerInfo.signedAttrs && !(contentType instanceof asn1js.ObjectIdentifier && contentType.getValue() === signedData.encapContentInfo.eContentType)) {
    return fail(MALFORMED, 'The signed attributes do not state the content type that was signed.');
  }
  return { ok: true, signedData, signerInfo };
}

/** pkijs reports what stopped SignedData.verify with a numeric code (see SignedDataVerifyError). */
function verificationError(error: unknown): SignatureFailure {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 2:
    case 3:
      return fail(
        SignatureErrorCode.SIGNATURE_MALFORMED,
        "The signature does not carry the signer's certificate (none matches the signer's issuer and serial number).",
      );
    case 7:
      return fail(SignatureErrorCode.SIGNATURE_MALFORMED, 'The signature uses a digest algorithm this service cannot verify.');
    case 9:
    case 10:
      return fail(SignatureErrorCode.SIGNATURE_MALFORMED, 'The signed attributes lack content-type or message-digest.');
    default:
      return /message digest/i.test(message)
        ? fail(SignatureErrorCode.SIGNATURE_INVALID, 'The payload is not what was signed: it changed after signing (the message digest does not match).')
        : fail(SignatureErrorCode.SIGNATURE_INVALID, 'The signature cannot be verified with the key of the embedded certificate.');
  }
}

type Chain = { ok: true; path: pkijs.Certificate[] } | SignatureFailure;

/** From the signer up to a configured root, through configured intermediates or certificates embedded in the CMS. */
async function buildChain(signer: pkijs.Certificate, embedded: pkijs.Certificate[], trust: TrustStore): Promise<Chain> {
  const UNTRUSTED = SignatureErrorCode.CERTIFICATE_UNTRUSTED;
  const path = [signer];
  const candidates = [...configuredCas(trust).map((ca) => ca.certificate), ...embedded];
  for (let current = signer; !trustedRoot(trust, current); ) {
    const unknownCritical = unknownCriticalExtensions(current);
    if (unknownCritical.length > 0)
      return fail(
        UNTRUSTED,
        `${capitalise(whichCertificate(path, path.length - 1))} has a critical extension this service does not understand (${unknownCritical.join(', ')}).`,
      );
    if (path.length > MAX_CHAIN_LENGTH) return fail(UNTRUSTED, `The certificate chain is longer than ${MAX_CHAIN_LENGTH} certificates.`);

    const named = candidates.filter((c) => c.subject.isEqual(current.issuer) && !path.includes(c));
    let issuer: pkijs.Certificate | undefined;
    for (const candidate of named) {
      if (await current.verify(candidate, engine).catch(() => false)) {
        issuer = candidate;
        break;
      }
    }
    const who = whichCertificate(path, path.length - 1);
    const issuerName = describeName(current.issuer);
    if (!issuer) {
      return fail(
        UNTRUSTED,
        named.length === 0
          ? `${capitalise(who)} was issued by "${issuerName}", which does not chain to a trusted root.`
          : `${capitalise(who)} names "${issuerName}" as its issuer, but that CA's key did not sign it.`,
      );
    }
    const constraints = basicConstraintsOf(issuer);
    if (!constraints?.ca) return fail(UNTRUSTED, `"${issuerName}" issued ${who} but is not a CA (basicConstraints CA:true is missing).`);
    const usages = keyUsagesOf(issuer);
    if (usages && !usages.has('keyCertSign'))
      return fail(UNTRUSTED, `"${issuerName}" issued ${who} but may not sign certificates (keyUsage lacks keyCertSign).`);
    // CA certificates between this issuer and the signer: path holds the signer plus those.
    if (constraints.pathLength !== null && path.length - 1 > constraints.pathLength) {
      return fail(UNTRUSTED, `"${issuerName}" allows ${constraints.pathLength} intermediate CA(s) below it; this chain has ${path.length - 1}.`);
    }
    path.push(issuer);
    current = issuer;
  }
  return { ok: true, path };
}

function signerIdentity(certificate: pkijs.Certificate): VerifiedSigner {
  const subject = certificate.subject;
  const find = (oid: string, pattern: RegExp) =>
    nameValues(subject, oid)
      .map((v) => pattern.exec(v.trim())?.[1])
      .find((v) => v !== undefined) ?? null;
  return {
    iin: find(OID.serialNumber, IIN_ATTRIBUTE),
    bin: find(OID.organisationalUnit, BIN_ATTRIBUTE),
    commonName: nameValues(subject, OID.commonName)[0] ?? '',
    organisation: nameValues(subject, OID.organisation)[0] ?? null,
    certificateSerial: serialHex(certificate.serialNumber),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
  };
}

function whichCertificate(path: readonly pkijs.Certificate[], index: number): string {
  return index === 0 ? "the signer's certificate" : `the CA certificate "${describeName(path[index]!.subject)}"`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
