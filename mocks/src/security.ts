import { randomUUID, X509Certificate } from 'node:crypto';
import { checkBin } from '@egov/contracts';
import { canonicalBytes } from '@egov/core';
import { type ApplicationPayloadInput, applicationPayload, type DecisionPayloadInput, decisionPayload, signDetached } from '@egov/security/signatures';
import { mintToken, type TokenRequest } from './auth/index.js';
import { loadTestPki, TEST_PKI_FILES, type TestCa, type TestPki } from './pki/index.js';

/** The audit key development and tests use (production sets its own AUDIT_SUBJECT_KEY). */
export const TEST_AUDIT_SUBJECT_KEY = 'egov-development-audit-subject-key';

/** Trusted roots, intermediates and CRLs of the test certification authority. */
export const TEST_TRUST_FILES = TEST_PKI_FILES.trust;

/** Authorization headers for a caller, minted by the test issuer. */
export async function bearer(request: TokenRequest, purpose?: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintToken(request)}`, ...(purpose ? { 'x-purpose': purpose } : {}) };
}

/** The development partner that holds every scope (purpose "testing"): for tests about data, not about access. */
export function allScopesHeaders(): Promise<Record<string, string>> {
  return bearer({ kind: 'partner', clientId: 'egov-test-all-scopes' }, 'testing');
}

/**
 * Signs as the applicant's or officer's ЭЦП would: with the committed key of a fixture person, or with a
 * certificate the test CA issues on the spot for anyone else (cached per person).
 */
export class TestSigner {
  private static loaded: Promise<TestSigner> | undefined;
  private readonly issued = new Map<string, Promise<{ privateKey: CryptoKeyLike; certificatePem: string; chainPem: string[] }>>();
  private issuingCa: Promise<TestCa> | undefined;

  private constructor(private readonly pki: TestPki) {}

  static async load(): Promise<TestSigner> {
    return new TestSigner(await loadTestPki());
  }

  /** One signer per process (per test file under vitest), loaded on first use. */
  static shared(): Promise<TestSigner> {
    return (TestSigner.loaded ??= TestSigner.load());
  }

  /** The signing key and certificate of a person, for a company when `bin` is given. */
  keyOf(iin: string, bin?: string) {
    const committed = Object.values(this.pki.signers).find((s) => s.iin === iin && !s.revoked && (s.bin ?? undefined) === bin);
    if (committed) return Promise.resolve(committed);
    const key = `${iin}/${bin ?? ''}`;
    let issued = this.issued.get(key);
    if (!issued) {
      // As long-lived as the issuing CA, so tests that move the graph's clock still find the certificate valid.
      const ca = new X509Certificate(this.pki.issuingCaPem);
      const validity = { notBefore: new Date(ca.validFrom), notAfter: new Date(ca.validTo) };
      // The issuing CA's key is imported once, not once per person.
      issued = (this.issuingCa ??= this.pki.issuingCa()).then((issuing) =>
        issuing.issue({ iin, bin, organisation: bin ? `Company ${bin}` : undefined, lastName: 'TEST', firstName: iin, ...validity }),
      );
      this.issued.set(key, issued);
    }
    return issued;
  }

  /** The signature a portal sends with submitApplication. A company's application is signed for its BIN by its head. */
  async signApplication(input: ApplicationPayloadInput, signer: { iin: string; bin?: string }): Promise<string> {
    const { privateKey, certificatePem, chainPem } = await this.keyOf(signer.iin, signer.bin);
    return signDetached({ payload: canonicalBytes(applicationPayload(input)), privateKey, certificate: certificatePem, chain: chainPem });
  }

  /**
   * submitApplication's input as a portal sends it: `signerIin` signs over exactly what is submitted (each
   * scan by its SHA-256), for the company when the applicant is a BIN, as its head would.
   */
  async signedSubmission(input: SubmissionDraft, signerIin: string): Promise<SignedSubmission> {
    const idempotencyKey = input.idempotencyKey ?? randomUUID();
    const payload = { ...input, idempotencyKey, paymentId: input.paymentId ?? null, fields: input.fields ?? [] };
    const forCompany = checkBin(input.applicantId).ok;
    const signature = await this.signApplication(payload, { iin: signerIin, bin: forCompany ? input.applicantId : undefined });
    return {
      serviceCode: input.serviceCode,
      action: input.action,
      applicantId: input.applicantId,
      attachmentIds: input.attachments.map((a) => a.id),
      ...(input.paymentId ? { paymentId: input.paymentId } : {}),
      ...(input.fields ? { fields: input.fields } : {}),
      idempotencyKey,
      signature,
    };
  }

  /** The signature an officer sends with decideApplication. */
  async signDecision(input: DecisionPayloadInput): Promise<string> {
    const { privateKey, certificatePem, chainPem } = await this.keyOf(input.officerId);
    return signDetached({ payload: canonicalBytes(decisionPayload(input)), privateKey, certificate: certificatePem, chain: chainPem });
  }

  /** Signs with the committed revoked certificate of 850314301234. */
  async signWithRevoked(input: ApplicationPayloadInput): Promise<string> {
    const revoked = this.pki.signer('850314301234-revoked');
    return signDetached({
      payload: canonicalBytes(applicationPayload(input)),
      privateKey: revoked.privateKey,
      certificate: revoked.certificatePem,
      chain: revoked.chainPem,
    });
  }
}

/** What an applicant submits, before signing: scans by id and SHA-256 (as the upload answered). */
export interface SubmissionDraft {
  serviceCode: string;
  action: string;
  applicantId: string;
  attachments: readonly { id: string; sha256: string }[];
  paymentId?: string;
  fields?: { fieldId: string; value: string }[];
  idempotencyKey?: string;
}

/** SubmitApplicationInput, signed. */
export interface SignedSubmission {
  serviceCode: string;
  action: string;
  applicantId: string;
  attachmentIds: string[];
  paymentId?: string;
  fields?: { fieldId: string; value: string }[];
  idempotencyKey: string;
  signature: string;
}

type CryptoKeyLike = Parameters<typeof signDetached>[0]['privateKey'];
