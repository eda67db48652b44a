import { z } from 'zod';
import { Address, IsoDate, MAX_BATCH, TwelveDigits } from './common.js';

/** ГБД ФЛ — the state database of individuals. */
export const individualsApi = {
  basePath: '/gbd-fl/v1',
  /** GET: one person, 404 when the registry has no such IIN. */
  person: '/gbd-fl/v1/persons/:iin',
  /** POST {iins}: many persons at once; ids the registry lacks come back in `missing`. */
  personsBatch: '/gbd-fl/v1/persons/batch',
} as const;

export const IdentityDocument = z.object({
  type: z.enum(['ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'STATELESS_CERTIFICATE']),
  series: z.string().nullable(),
  number: z.string(),
  issuedBy: z.string(),
  issuedOn: IsoDate,
  expiresOn: IsoDate,
});

export const EntrepreneurRegistration = z.object({
  registeredOn: IsoDate,
  tradeName: z.string(),
  /** Certificates were replaced by notifications in 2012; later registrations have none. */
  certificateNumber: z.string().nullable(),
  taxAuthorityCode: z.string(),
  taxAuthorityName: z.string(),
  taxRegisteredOn: IsoDate,
});

export const PersonRecord = z.object({
  iin: TwelveDigits,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: IsoDate,
  sex: z.enum(['MALE', 'FEMALE']),
  citizenship: z.object({ countryCode: z.string().length(2), name: z.string() }),
  identityDocument: IdentityDocument.nullable(),
  address: Address.nullable(),
  entrepreneur: EntrepreneurRegistration.nullable(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const PersonsBatchRequest = z.object({ iins: z.array(TwelveDigits).min(1).max(MAX_BATCH) });
export type PersonsBatchRequest = z.infer<typeof PersonsBatchRequest>;
export const PersonsBatchResponse = z.object({ persons: z.array(PersonRecord), missing: z.array(TwelveDigits) });
export type PersonsBatchResponse = z.infer<typeof PersonsBatchResponse>;
export type IdentityDocumentRecord = z.infer<typeof IdentityDocument>;
export type EntrepreneurRecord = z.infer<typeof EntrepreneurRegistration>;
