import { z } from 'zod';
import { IsoInstant, MAX_BATCH, TwelveDigits } from './common.js';

/**
 * The personal-data access control service (сервис контроля доступа к персональным данным): where a
 * subject's consent to a third party's reads is recorded, granted and withdrawn. Reads a law exempts do
 * not need one; every other read of a person's data by a partner system does.
 */
export const consentsApi = {
  basePath: '/pd-access/v1',
  /** POST {partnerId, subjects}: every consent (any status) these subjects gave this partner. */
  lookup: '/pd-access/v1/consents/lookup',
  /** POST {subject}: every consent one subject gave, to anyone (what the citizen sees). */
  bySubject: '/pd-access/v1/consents/by-subject',
  /** POST {subject}: the subject withdraws one of their consents; 404 when it is not theirs (or unknown). */
  withdraw: '/pd-access/v1/consents/:id/withdraw',
} as const;

/** A consent id as the service writes it (`CNS-2026-000123`). */
export const CONSENT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

export const ConsentStatus = z.enum(['GRANTED', 'WITHDRAWN']);

export const ConsentRecord = z.object({
  id: z.string().regex(CONSENT_ID),
  /** The person whose data it opens. */
  subject: TwelveDigits,
  /** The partner system (its client id in PARTNERS_FILE) the consent is given to. */
  partnerId: z.string().min(1),
  /** The purpose it is given for: the partner's stated X-Purpose must be this one. */
  purpose: z.string().min(1),
  /** Which of the subject's data it opens, as scopes (`individuals:basic`, `individuals:address` ...). */
  scope: z.array(z.string().regex(/^[a-z-]+:[a-z-]+$/)).min(1),
  status: ConsentStatus,
  grantedAt: IsoInstant,
  /** The period it holds: from (inclusive) to (exclusive). */
  validFrom: IsoInstant,
  validUntil: IsoInstant,
  withdrawnAt: IsoInstant.nullable(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const ConsentLookupRequest = z.object({ partnerId: z.string().min(1), subjects: z.array(TwelveDigits).min(1).max(MAX_BATCH) });
export type ConsentLookupRequest = z.infer<typeof ConsentLookupRequest>;
export const ConsentsResponse = z.object({ consents: z.array(ConsentRecord) });
export type ConsentsResponse = z.infer<typeof ConsentsResponse>;

export const ConsentsBySubjectRequest = z.object({ subject: TwelveDigits });
export type ConsentsBySubjectRequest = z.infer<typeof ConsentsBySubjectRequest>;

export const WithdrawConsentRequest = z.object({ subject: TwelveDigits });
export type WithdrawConsentRequest = z.infer<typeof WithdrawConsentRequest>;

/**
 * Whether a consent lets `partnerId` read data of `scope` for `purpose` at `at`: granted (not withdrawn),
 * within its period, to this partner, for this purpose, covering the scope (none asked: any consent will do).
 */
export function consentCovers(consent: ConsentRecord, ask: { partnerId: string; purpose: string; at: Date; scope?: string }): boolean {
  const at = ask.at.getTime();
  return (
    consent.status === 'GRANTED' &&
    consent.withdrawnAt === null &&
    consent.partnerId === ask.partnerId &&
    consent.purpose === ask.purpose &&
    Date.parse(consent.validFrom) <= at &&
    at < Date.parse(consent.validUntil) &&
    (ask.scope === undefined || consent.scope.includes(ask.scope))
  );
}
