import { z } from 'zod';
import { IsoDate, MAX_BATCH, TwelveDigits } from './common.js';

/** Е-лицензирование — the state licensing system (elicense.kz). */
export const licensingApi = {
  basePath: '/elicense/v1',
  /** GET: one licence by number, 404 when unknown. */
  license: '/elicense/v1/licenses/:number',
  /** POST {numbers}: many licences at once. */
  licensesBatch: '/elicense/v1/licenses/batch',
  /** POST {holderIds}: every licence held by these IINs/BINs. */
  byHolders: '/elicense/v1/licenses/by-holder',
  /** PUT: issue the licence an application was granted; repeating the call returns the same licence. */
  issueForApplication: '/elicense/v1/licenses/by-application/:applicationNumber',
  /** PUT: hand an accepted application over for processing; the number is the idempotency key. */
  deliverApplication: '/elicense/v1/applications/:number',
} as const;

/** A licence number as Е-лицензирование writes it (8 digits for older ones, letters and digits for newer, `-1` for annexes). */
export const LICENCE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/;

const Named = z.object({ code: z.string(), nameRu: z.string(), nameKk: z.string() });
export type NamedRecord = z.infer<typeof Named>;

export const LicenseRecord = z.object({
  number: z.string().min(1),
  activity: Named,
  subtypes: z.array(Named),
  annexes: z.array(z.object({ number: z.string(), issuedOn: IsoDate, subtypes: z.array(Named) })),
  licensor: Named,
  holderId: TwelveDigits,
  issuedOn: IsoDate,
  status: z.enum(['ACTIVE', 'SUSPENDED', 'TERMINATED']),
  territory: z.string(),
});
export type LicenseRecord = z.infer<typeof LicenseRecord>;

export const LicensesBatchRequest = z.object({ numbers: z.array(z.string().min(1)).min(1).max(MAX_BATCH) });
export type LicensesBatchRequest = z.infer<typeof LicensesBatchRequest>;
export const LicensesBatchResponse = z.object({ licenses: z.array(LicenseRecord), missing: z.array(z.string()) });
export type LicensesBatchResponse = z.infer<typeof LicensesBatchResponse>;

export const ByHoldersRequest = z.object({ holderIds: z.array(TwelveDigits).min(1).max(MAX_BATCH) });
export type ByHoldersRequest = z.infer<typeof ByHoldersRequest>;
export const ByHoldersResponse = z.object({ licenses: z.array(LicenseRecord) });
export type ByHoldersResponse = z.infer<typeof ByHoldersResponse>;
export type LicenseAnnexRecord = LicenseRecord['annexes'][number];

export const IssueLicenseRequest = z.object({
  holderId: TwelveDigits,
  activityCode: z.string().min(1),
  subtypeCodes: z.array(z.string()).default([]),
  territory: z.string().min(1),
  issuedOn: IsoDate,
});
export type IssueLicenseRequest = z.infer<typeof IssueLicenseRequest>;

export const DeliverApplicationRequest = z.object({
  number: z.string().min(1),
  serviceCode: z.string().min(1),
  action: z.string().min(1),
  applicantId: TwelveDigits,
  submittedAt: z.string().datetime({ offset: true }),
  dueDate: IsoDate.nullable(),
  paymentId: z.string().nullable(),
  documents: z.array(
    z.object({ documentId: z.string(), supply: z.string(), attachments: z.array(z.object({ id: z.string(), sha256: z.string(), mediaType: z.string() })) }),
  ),
});
export type DeliverApplicationRequest = z.infer<typeof DeliverApplicationRequest>;
export const DeliverApplicationResponse = z.object({ number: z.string(), receivedAt: z.string(), firstDelivery: z.boolean() });
export type DeliverApplicationResponse = z.infer<typeof DeliverApplicationResponse>;
