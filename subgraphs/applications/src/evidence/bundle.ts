import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '@egov/core';
import type { RegistryOutage } from '../applications/applicant.js';
import type { Receipt, StoredApplication } from '../applications/store.js';
import { keyIdOf } from './keys.js';

/** Names the bundle's format; a verifier accepts no other. */
export const EVIDENCE_TYPE = 'egov-graph/evidence/v1';

/** One fact a registry supplied for the application's forms, as it stood when the application was submitted. */
export interface EvidenceFact {
  /** The form and field the value filled. */
  form: string;
  field: string;
  /** The value as the form showed it; null when the registry held none. */
  value: string | null;
  /** Which registry (individuals = ГБД ФЛ, legal-entities = ГБД ЮЛ, payments = ПШЭП, licensing = Е-лицензирование). */
  registry: string;
  /** Where in the registry's record, and which record (IIN, BIN, payment id, licence number). */
  path: string;
  recordId: string | null;
  /** When the registry was read. */
  readAt: string;
}

/**
 * What the service signs at submission: the application, the receipt it gave, every registry fact it
 * prefilled, the SHA-256 of the applicant's own signature (ЭЦП) over the request, and the key that signs.
 */
export interface EvidenceBundle {
  type: typeof EVIDENCE_TYPE;
  number: string;
  serviceCode: string;
  action: string;
  applicantId: string;
  submittedAt: string;
  receipt: Receipt;
  facts: EvidenceFact[];
  /**
   * Registries that did not answer when the draft was read (degraded mode): what they could not say is part of
   * what the registries said at submission. Each with the form fields left empty for it.
   */
  unavailable: { registry: string; code: string; at: string; fields: string[] }[];
  applicantSignatureSha256: string | null;
  signedAt: string;
  keyId: string;
}

/** A registry that did not answer while the draft was read, and the form fields left empty for it. */
export type RecordedUnavailability = RegistryOutage & { fields: readonly string[] };

/** A bundle with its signature: what is stored with the application and what `applicationEvidence` answers. */
export interface SignedEvidence {
  number: string;
  /** canonicalJson(bundle): exactly the bytes signed (UTF-8). */
  bundle: string;
  algorithm: 'Ed25519';
  /** base64url. */
  signature: string;
  keyId: string;
  publicKey: string;
  signedAt: string;
}

/** The registry facts of an application's fields: every field a registry filled, with where from and when. */
export function factsOf(application: Pick<StoredApplication, 'fields'>): EvidenceFact[] {
  return application.fields.flatMap((f) =>
    f.source
      ? [
          {
            form: f.formId,
            field: f.fieldId,
            value: f.value,
            registry: f.source.registry,
            path: f.source.path,
            recordId: f.source.recordId,
            readAt: f.source.readAt,
          },
        ]
      : [],
  );
}

export function evidenceBundle(
  application: StoredApplication,
  signedAt: Date,
  keyId: string,
  unavailable: readonly RecordedUnavailability[] = [],
): EvidenceBundle {
  return {
    type: EVIDENCE_TYPE,
    number: application.number,
    serviceCode: application.serviceCode,
    action: application.action,
    applicantId: application.applicantId,
    submittedAt: application.submittedAt.toISOString(),
    receipt: application.receipt,
    facts: factsOf(application),
    unavailable: unavailable.map((o) => ({ registry: o.registry, code: o.code, at: o.at, fields: [...o.fields] })),
    applicantSignatureSha256: application.signature ? createHash('sha256').update(application.signature).digest('hex') : null,
    signedAt: signedAt.toISOString(),
    keyId,
  };
}

/** Signs a bundle: Ed25519 over the UTF-8 bytes of its canonical JSON (RFC 8785 for these values). */
export function signEvidence(bundle: EvidenceBundle, key: { privateKey: KeyObject; publicKeyPem: string }): SignedEvidence {
  const text = canonicalJson(bundle);
  return {
    number: bundle.number,
    bundle: text,
    algorithm: 'Ed25519',
    signature: sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64url'),
    keyId: bundle.keyId,
    publicKey: key.publicKeyPem,
    signedAt: bundle.signedAt,
  };
}

export type EvidenceVerdict =
  | { valid: true; number: string; serviceCode: string; submittedAt: string; signedAt: string; keyId: string; facts: number }
  | { valid: false; reason: string; number?: string; keyId?: string };

/** An Ed25519 signature (64 bytes) as signEvidence writes it: unpadded base64url, 86 characters. */
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks a saved evidence file offline: the `applicationEvidence` object (or a whole GraphQL answer holding
 * it). Valid only when the bundle is unchanged canonical JSON of our format, signed by one of `trusted`
 * (the key the file names, and the public key it carries, count only when they are one of those).
 */
export function verifyEvidence(file: unknown, trusted: readonly KeyObject[]): EvidenceVerdict {
  const data = isObject(file) && isObject(file.data) ? file.data.applicationEvidence : file;
  if (!isObject(data) || typeof data.bundle !== 'string' || typeof data.signature !== 'string')
    return { valid: false, reason: 'not an evidence file: expected the applicationEvidence object with bundle and signature' };
  if (data.algorithm !== undefined && data.algorithm !== 'Ed25519') return { valid: false, reason: `unknown algorithm ${String(data.algorithm)}` };
  let bundle: unknown;
  try {
    bundle = JSON.parse(data.bundle);
  } catch {
    return { valid: false, reason: 'the bundle is not JSON' };
  }
  if (!isObject(bundle) || bundle.type !== EVIDENCE_TYPE || typeof bundle.keyId !== 'string' || typeof bundle.number !== 'string')
    return { valid: false, reason: `the bundle is not of the ${EVIDENCE_TYPE} format` };
  const seen = { number: bundle.number, keyId: bundle.keyId };
  // What is read must be what was signed: an edit that keeps the JSON valid but not canonical shows here.
  if (canonicalJson(bundle) !== data.bundle) return { valid: false, reason: 'the bundle is not in canonical form: it was changed after signing', ...seen };
  if (data.number !== undefined && data.number !== bundle.number)
    return { valid: false, reason: 'the number beside the bundle is not the number in it', ...seen };
  if (data.keyId !== undefined && data.keyId !== bundle.keyId)
    return { valid: false, reason: 'the keyId beside the bundle is not the one it was signed under', ...seen };
  const key = trusted.find((k) => keyIdOf(k) === bundle.keyId);
  if (!key) return { valid: false, reason: `signed under ${bundle.keyId}, which is not a trusted key`, ...seen };
  if (typeof data.publicKey === 'string' && !publicKeyIs(data.publicKey, key))
    return { valid: false, reason: 'the public key in the file is not the trusted key it names', ...seen };
  // Exactly what signEvidence writes: 64 bytes as unpadded base64url, nothing else encoding the same bytes. Node's
  // decoder skips characters that are not base64url and ignores a last character's spare bits, so without this a
  // file with its signature changed (padding, `+/`, stray characters, another last character) verified.
  const signature = Buffer.from(data.signature, 'base64url');
  if (!SIGNATURE.test(data.signature) || signature.toString('base64url') !== data.signature)
    return { valid: false, reason: 'the signature is not 64 bytes of unpadded base64url: it was changed', ...seen };
  let ok = false;
  try {
    ok = verify(null, Buffer.from(data.bundle, 'utf8'), key, signature);
  } catch {
    ok = false;
  }
  if (!ok) return { valid: false, reason: 'the signature does not match the bundle: it was changed after signing, or signed by someone else', ...seen };
  return {
    valid: true,
    number: bundle.number,
    serviceCode: String(bundle.serviceCode),
    submittedAt: String(bundle.submittedAt),
    signedAt: String(bundle.signedAt),
    keyId: bundle.keyId,
    facts: Array.isArray(bundle.facts) ? bundle.facts.length : 0,
  };
}

function publicKeyIs(pem: string, key: KeyObject): boolean {
  try {
    return keyIdOf(createPublicKey(pem)) === keyIdOf(key);
  } catch {
    return false;
  }
}
