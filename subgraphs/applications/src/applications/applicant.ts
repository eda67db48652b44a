import { type ApplicantRef, checkBin, type LegalEntityRecord, type LicenseRecord, type PaymentRecord, type PersonRecord } from '@egov/contracts';
import type { DocumentApplicant, Recipient, Registry } from '@egov/domain';

/**
 * Everything the registries said about one applicant at one moment. A draft is computed from it, and a
 * submission stores it, so the officer later sees exactly what was prefilled and checked.
 */
export interface ApplicantSnapshot {
  id: string;
  ref: ApplicantRef;
  readAt: string;
  /** The applicant, when an IIN (null also while ГБД ФЛ cannot be read: see `unavailable`). */
  person: PersonRecord | null;
  /** The applicant, when a BIN (null also while ГБД ЮЛ cannot be read: see `unavailable`). */
  entity: LegalEntityRecord | null;
  /** The entity's head, from ГБД ФЛ. */
  head: PersonRecord | null;
  branches: LegalEntityRecord[];
  licences: LicenseRecord[];
  payments: PaymentRecord[];
  /**
   * Registries that could not be read for this snapshot (degraded mode): their records above are empty, not
   * "none". Absent or empty when every registry answered.
   */
  unavailable?: RegistryOutage[];
}

/** A registry that did not answer while a draft was made or an application submitted. */
export interface RegistryOutage {
  registry: Registry;
  /** REGISTRY_UNAVAILABLE, REGISTRY_TIMEOUT or REGISTRY_BAD_RESPONSE, as the registry client reported it. */
  code: string;
  /** When the read failed (ISO 8601). */
  at: string;
}

/** What kind of recipient the applicant is, in the standards' terms. */
export function recipientKindOf(snapshot: ApplicantSnapshot): Recipient {
  if (snapshot.person) return snapshot.person.entrepreneur ? 'INDIVIDUAL_ENTREPRENEUR' : 'INDIVIDUAL';
  // ГБД ФЛ could not be read (degraded mode): an IIN is taken as an individual until it can be.
  if (snapshot.ref.kind === 'IIN') return 'INDIVIDUAL';
  const bin = checkBin(snapshot.id);
  // A joint individual entrepreneurship has a BIN but is not a legal entity.
  return bin.ok && bin.facts.type === 'JOINT_ENTREPRENEURSHIP' ? 'INDIVIDUAL_ENTREPRENEUR' : 'LEGAL_ENTITY';
}

/**
 * Which of the catalog's "needed from" groups this applicant belongs to. An entrepreneur is also an
 * individual under RK law, so documents for individuals apply to them too.
 */
export function rolesOf(snapshot: ApplicantSnapshot): Set<DocumentApplicant> {
  const kind = recipientKindOf(snapshot);
  if (kind === 'INDIVIDUAL_ENTREPRENEUR' && snapshot.person) return new Set(['INDIVIDUAL', 'INDIVIDUAL_ENTREPRENEUR']);
  return new Set([kind]);
}

/** The person whose identity document stands for the applicant: the applicant, or an entity's head. */
export function identitySubject(snapshot: ApplicantSnapshot): PersonRecord | null {
  return snapshot.person ?? snapshot.head;
}
