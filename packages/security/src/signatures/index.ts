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
export { canonicalJson, canonicalBytes, type CanonicalValue } from '@egov/core';
export {
  applicationPayload,
  decisionPayload,
  APPLICATION_PAYLOAD_TYPE,
  DECISION_PAYLOAD_TYPE,
  type ApplicationPayloadInput,
  type ApplicationPayload,
  type SignedAttachment,
  type SignedFieldValue,
  type DecisionPayloadInput,
  type DecisionPayload,
} from './payloads.js';
export { TrustStore, TrustStoreError, type TrustStorePem, type TrustStoreFiles, type TrustStoreOptions, type CrlSummary } from './trust.js';
export {
  verifyDetachedSignature,
  SignatureErrorCode,
  MAX_SIGNATURE_LENGTH,
  type ExpectedSigner,
  type VerifyDetachedSignatureInput,
  type VerifiedSigner,
  type SignatureVerification,
  type SignatureFailure,
} from './verify.js';
export { signDetached, type SignDetachedInput } from './sign.js';
