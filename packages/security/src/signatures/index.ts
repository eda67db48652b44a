/**
 * Electronic digital signatures (ЭЦП) on applications and decisions.
 *
 * An applicant signs canonicalBytes(applicationPayload(input)) in NCALayer (detached CMS, base64, with
 * their certificate embedded); the server rebuilds the same payload from what it received and calls
 * verifyDetachedSignature with the applicant's IIN (or BIN) as `expect`:
 *
 *   const trust = await TrustStore.fromFiles({ roots: [ROOT_PEM], intermediates: [ISSUING_CA_PEM], crls: [CRL_PEM] });
 *   const result = await verifyDetachedSignature({
 *     payload: canonicalBytes(applicationPayload({ ...input, attachments })), // attachments: [{ id, sha256 }]
 *     signature: input.signature,
 *     trust,
 *     expect: { iin: input.applicantId },        // a company: { bin: input.applicantId }
 *   });
 *   if (!result.ok) refuse(result.code, result.message);
 *
 * An officer's decision is signed the same way over decisionPayload(...), with expect: { iin: officerIin }.
 * Build the TrustStore once at start (it checks the CRLs' signatures then) and rebuild it when the CRL is
 * refreshed.
 */
export { type CanonicalValue, canonicalBytes, canonicalJson } from '@egov/core';
export {
  APPLICATION_PAYLOAD_TYPE,
  type ApplicationPayload,
  type ApplicationPayloadInput,
  applicationPayload,
  DECISION_PAYLOAD_TYPE,
  type DecisionPayload,
  type DecisionPayloadInput,
  decisionPayload,
  type SignedAttachment,
  type SignedFieldValue,
} from './payloads.js';
export { type SignDetachedInput, signDetached } from './sign.js';
export { type CrlSummary, TrustStore, TrustStoreError, type TrustStoreFiles, type TrustStoreOptions, type TrustStorePem } from './trust.js';
export {
  type ExpectedSigner,
  MAX_SIGNATURE_LENGTH,
  SignatureErrorCode,
  type SignatureFailure,
  type SignatureVerification,
  type VerifiedSigner,
  type VerifyDetachedSignatureInput,
  verifyDetachedSignature,
} from './verify.js';
