/** A reason an application cannot go ahead, addressed to one input field where there is one. */
export interface Problem {
  code: ProblemCode;
  message: string;
  /** The input field the problem is about (`serviceCode`, `attachmentIds`, `paymentId` ...). */
  field: string | null;
}

export type ProblemCode =
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_ACTION'
  | 'APPLICANT_NOT_FOUND'
  | 'RECIPIENT_NOT_SERVED'
  | 'NOT_OFFERED_ONLINE'
  | 'ENTITY_NOT_ACTIVE'
  | 'NO_LICENCE'
  | 'REGISTRY_FACT_UNAVAILABLE'
  | 'REGISTRY_UNAVAILABLE'
  | 'MISSING_ATTACHMENT'
  | 'UNKNOWN_ATTACHMENT'
  | 'UNEXPECTED_ATTACHMENT'
  | 'ATTACHMENT_IN_USE'
  | 'FEE_NOT_PAID'
  | 'PAYMENT_NOT_USABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SIGNATURE_INVALID'
  | 'SIGNER_MISMATCH'
  | 'CERTIFICATE_REVOKED'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_UNTRUSTED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'INVALID_IDEMPOTENCY_KEY';

export const problem = (code: ProblemCode, message: string, field: string | null = null): Problem => ({ code, message, field });
