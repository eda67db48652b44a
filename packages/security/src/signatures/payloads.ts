/**
 * The exact payloads an applicant or an officer signs (serialised with canonicalBytes from @egov/core).
 */

const byKey =
  <T>(...keys: (keyof T)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const x = String(a[key]);
      const y = String(b[key]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

const SHA256_HEX = /^[0-9a-f]{64}$/;

// ---------------------------------------------------------------------------------------------------------
// submitApplication

export const APPLICATION_PAYLOAD_TYPE = 'egov-graph/application/v1';

/** A scan bound into the signature by its content hash. */
export interface SignedAttachment {
  /** The id POST /attachments returned. */
  id: string;
  /** The hex SHA-256 POST /attachments returned for the scan (either case; lower-cased in the payload). */
  sha256: string;
}

export interface SignedFieldValue {
  fieldId: string;
  value: string;
}

/** What goes into an application's signature: submitApplication's input, with each scan's SHA-256. */
export interface ApplicationPayloadInput {
  serviceCode: string;
  /** ServiceActionKind, e.g. 'ISSUE'. */
  action: string;
  /** The applicant's IIN or BIN. */
  applicantId: string;
  idempotencyKey: string;
  /** Absent or null when the server is to pick the applicant's unused paid fee. */
  paymentId?: string | null;
  attachments: readonly SignedAttachment[];
  /** Absent means no fields (the same as an empty list). */
  fields?: readonly SignedFieldValue[] | null;
}

/** The object an applicant signs for submitApplication; sign canonicalBytes(applicationPayload(input)). */
export interface ApplicationPayload {
  type: typeof APPLICATION_PAYLOAD_TYPE;
  serviceCode: string;
  action: string;
  applicantId: string;
  idempotencyKey: string;
  paymentId: string | null;
  /** Sorted by id: the order the client listed them in does not change the signature. */
  attachments: SignedAttachment[];
  /** Sorted by fieldId. */
  fields: SignedFieldValue[];
}

/**
 * The payload of an application's signature. Binding each scan's SHA-256 means the signature covers the
 * scans' content, not just their ids. Throws a TypeError when a sha256 is not 64 hex digits.
 */
export function applicationPayload(input: ApplicationPayloadInput): ApplicationPayload {
  const attachments = input.attachments.map(({ id, sha256 }) => {
    const hash = sha256.toLowerCase();
    if (!SHA256_HEX.test(hash)) throw new TypeError(`applicationPayload: attachment ${id} has no hex SHA-256 (got ${JSON.stringify(sha256)})`);
    return { id, sha256: hash };
  });
  return {
    type: APPLICATION_PAYLOAD_TYPE,
    serviceCode: input.serviceCode,
    action: input.action,
    applicantId: input.applicantId,
    idempotencyKey: input.idempotencyKey,
    paymentId: input.paymentId ?? null,
    attachments: attachments.sort(byKey<SignedAttachment>('id', 'sha256')),
    fields: (input.fields ?? []).map(({ fieldId, value }) => ({ fieldId, value })).sort(byKey<SignedFieldValue>('fieldId', 'value')),
  };
}

// ---------------------------------------------------------------------------------------------------------
// decideApplication

export const DECISION_PAYLOAD_TYPE = 'egov-graph/decision/v1';

/** What goes into an officer's decision signature: decideApplication's input and who decides. */
export interface DecisionPayloadInput {
  /** The application number. */
  number: string;
  /** DecisionOutcome, e.g. 'ISSUE' or 'REFUSE'. */
  outcome: string;
  refusalGround?: string | null;
  note?: string | null;
  /** The deciding officer's IIN (the one in their signing certificate). */
  officerId: string;
}

/** The object an officer signs for decideApplication; sign canonicalBytes(decisionPayload(input)). */
export interface DecisionPayload {
  type: typeof DECISION_PAYLOAD_TYPE;
  number: string;
  outcome: string;
  refusalGround: string | null;
  note: string | null;
  officerId: string;
}

export function decisionPayload(input: DecisionPayloadInput): DecisionPayload {
  return {
    type: DECISION_PAYLOAD_TYPE,
    number: input.number,
    outcome: input.outcome,
    refusalGround: input.refusalGround ?? null,
    note: input.note ?? null,
    officerId: input.officerId,
  };
}
