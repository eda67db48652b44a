import type { LicenseRecord } from '@egov/contracts';
import { kzDate } from '@egov/core';
import type { RegistryFact } from '@egov/domain';
import { type ApplicantSnapshot, identitySubject, recipientKindOf } from './applicant.js';
import type { FeeStatus } from './fee-status.js';

export type FactCheck = { available: true; summary: string } | { available: false; reason: string };

export interface FactContext {
  licenceActivity: string | null;
  fee: FeeStatus;
  now: Date;
}

const ID_TYPES: Record<string, string> = {
  ID_CARD: 'ID card',
  PASSPORT: 'passport',
  RESIDENCE_PERMIT: 'residence permit',
  STATELESS_CERTIFICATE: 'stateless certificate',
};

/** The licence a reissue, duplicate or annex is about: the applicant's licence of the service's activity. */
export function existingLicence(snapshot: ApplicantSnapshot, activity: string | null): LicenseRecord | null {
  if (!activity) return null;
  const held = snapshot.licences.filter((l) => l.activity.code === activity && l.status !== 'TERMINATED');
  return held.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0] ?? null;
}

/** Whether one of our registries can vouch for a fact the standard lets the authority take from state systems. */
export function checkFact(fact: RegistryFact, snapshot: ApplicantSnapshot, context: FactContext): FactCheck {
  switch (fact) {
    case 'IDENTITY_DOCUMENT': {
      const subject = identitySubject(snapshot);
      const document = subject?.identityDocument;
      if (!subject || !document) return { available: false, reason: 'ГБД ФЛ holds no identity document for the applicant' };
      if (document.expiresOn < kzDate(context.now)) {
        return { available: false, reason: `The ${ID_TYPES[document.type] ?? 'identity document'} expired on ${document.expiresOn}; renew it before applying` };
      }
      return {
        available: true,
        summary: `${ID_TYPES[document.type] ?? document.type} No. ${document.number}, issued ${document.issuedOn} by ${document.issuedBy}, valid until ${document.expiresOn}`,
      };
    }
    case 'LEGAL_ENTITY_REGISTRATION': {
      const entity = snapshot.entity;
      if (!entity) return { available: false, reason: 'The applicant is not a legal entity in ГБД ЮЛ' };
      if (entity.status !== 'ACTIVE') return { available: false, reason: `ГБД ЮЛ shows the entity as ${entity.status.toLowerCase()}` };
      const doc = entity.registrationDocument;
      return {
        available: true,
        summary: `${doc.kind === 'CERTIFICATE' ? 'Certificate' : 'Reference'} of state registration No. ${doc.number} of ${doc.issuedOn}, ${doc.issuedBy}`,
      };
    }
    case 'ENTREPRENEUR_REGISTRATION': {
      const registration = snapshot.person?.entrepreneur;
      if (registration) {
        return {
          available: true,
          summary: `${registration.tradeName}, registered ${registration.registeredOn}${registration.certificateNumber ? `, certificate No. ${registration.certificateNumber}` : ''}`,
        };
      }
      if (recipientKindOf(snapshot) === 'INDIVIDUAL_ENTREPRENEUR' && snapshot.entity) {
        return { available: true, summary: `${snapshot.entity.shortNameRu}, registered ${snapshot.entity.registeredOn}` };
      }
      return { available: false, reason: 'The applicant is not registered as an individual entrepreneur' };
    }
    case 'FEE_PAYMENT': {
      const payment = context.fee.payment;
      if (context.fee.kind === 'FREE') return { available: true, summary: 'The service is free' };
      return payment
        ? { available: true, summary: `ПШЭП payment ${payment.id} of ${payment.amount} KZT, paid ${payment.paidAt}` }
        : { available: false, reason: 'No unused payment of this fee through ПШЭП yet (initiatePayment opens one)' };
    }
    case 'LICENCE': {
      const licence = existingLicence(snapshot, context.licenceActivity);
      return licence
        ? { available: true, summary: `Licence No. ${licence.number} of ${licence.issuedOn} (${licence.status.toLowerCase()})` }
        : { available: false, reason: 'Е-лицензирование holds no licence of this activity for the applicant' };
    }
  }
}
