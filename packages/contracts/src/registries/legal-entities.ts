import { z } from 'zod';
import { Address, IsoDate, MAX_BATCH, TwelveDigits } from './common.js';

/** ГБД ЮЛ — the state database of legal entities (and their branches and representative offices). */
export const legalEntitiesApi = {
  basePath: '/gbd-ul/v1',
  /** GET: one entity, 404 when unknown. */
  entity: '/gbd-ul/v1/entities/:bin',
  /** POST {bins}: many entities at once. */
  entitiesBatch: '/gbd-ul/v1/entities/batch',
  /** POST {iins}: the entities where these persons are head or founder, with the entities themselves. */
  byParticipants: '/gbd-ul/v1/entities/by-participant',
} as const;

export const Founder = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PERSON'), iin: TwelveDigits, sharePercent: z.number().nullable() }),
  z.object({ type: z.literal('ENTITY'), bin: TwelveDigits, sharePercent: z.number().nullable() }),
  z.object({ type: z.literal('FOREIGN'), name: z.string(), countryCode: z.string().length(2), sharePercent: z.number().nullable() }),
]);
export type FounderRecord = z.infer<typeof Founder>;

export const LegalEntityRecord = z.object({
  bin: TwelveDigits,
  nameKk: z.string(),
  nameRu: z.string(),
  shortNameKk: z.string(),
  shortNameRu: z.string(),
  legalForm: z.enum(['LLP', 'JSC', 'STATE_ENTERPRISE', 'BRANCH', 'REPRESENTATIVE_OFFICE', 'JOINT_ENTREPRENEURSHIP', 'FOREIGN_LEGAL_ENTITY']),
  ownership: z.enum(['PRIVATE', 'STATE', 'FOREIGN', 'MIXED']),
  registeredOn: IsoDate,
  registrationDocument: z.object({
    /** Certificates issued before the law of 24.12.2012 stay valid; later registrations get a reference. */
    kind: z.enum(['CERTIFICATE', 'REFERENCE']),
    number: z.string(),
    issuedOn: IsoDate,
    issuedBy: z.string(),
  }),
  legalAddress: Address,
  status: z.enum(['ACTIVE', 'LIQUIDATED', 'REORGANISED']),
  headIin: TwelveDigits.nullable(),
  headPosition: z.string().nullable(),
  founders: z.array(Founder),
  parentBin: TwelveDigits.nullable(),
  branchBins: z.array(TwelveDigits),
  /** Absent when the registry holds no account data for the entity. */
  bankAccounts: z.array(z.object({ iban: z.string(), bankName: z.string(), bic: z.string() })).nullable(),
});
export type LegalEntityRecord = z.infer<typeof LegalEntityRecord>;

export const EntitiesBatchRequest = z.object({ bins: z.array(TwelveDigits).min(1).max(MAX_BATCH) });
export type EntitiesBatchRequest = z.infer<typeof EntitiesBatchRequest>;
export const EntitiesBatchResponse = z.object({ entities: z.array(LegalEntityRecord), missing: z.array(TwelveDigits) });
export type EntitiesBatchResponse = z.infer<typeof EntitiesBatchResponse>;

export const ParticipantRole = z.enum(['HEAD', 'FOUNDER']);
export const ByParticipantsRequest = z.object({ iins: z.array(TwelveDigits).min(1).max(MAX_BATCH) });
export type ByParticipantsRequest = z.infer<typeof ByParticipantsRequest>;
export const ByParticipantsResponse = z.object({
  participations: z.array(z.object({ iin: TwelveDigits, bin: TwelveDigits, roles: z.array(ParticipantRole).min(1) })),
  entities: z.array(LegalEntityRecord),
});
export type ByParticipantsResponse = z.infer<typeof ByParticipantsResponse>;
