/* Generated from src/schema.graphql by `npm run codegen`; do not edit. */
import type { ApplicantRef } from '@egov/contracts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRecord, IdentityDocumentRecord, EntrepreneurRecord, ConsentRecord } from '@egov/contracts';
import type { StoredAccess } from '@egov/security';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An IIN or a BIN: the 5th digit tells which (0-3 IIN, 4-6 BIN). */
  ApplicantId: { input: ApplicantRef; output: ApplicantRef; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 with a time zone. */
  DateTime: { input: Date; output: Date | string; }
  /**
   * Individual identification number (ИИН): 12 digits; digits 1-6 are the birth date (YYMMDD), the 7th gives
   * century and sex, the 12th is a mod-11 control digit. Invalid values are rejected with INVALID_IIN.
   */
  IIN: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Accessor = {
  __typename?: 'Accessor';
  agency: Maybe<Scalars['String']['output']>;
  /** The exact accessor (officer, client): shown to auditors only. */
  id: Maybe<Scalars['String']['output']>;
  kind: AccessorKind;
  /** The portal or partner system, the authority, or "you". */
  name: Scalars['String']['output'];
};

export type AccessorKind =
  | 'CITIZEN'
  | 'OFFICER'
  | 'PARTNER'
  | 'PORTAL';

/** A postal address as the registries write it. */
export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  district: Maybe<Scalars['String']['output']>;
  flat: Maybe<Scalars['String']['output']>;
  house: Scalars['String']['output'];
  postcode: Maybe<Scalars['String']['output']>;
  /** Oblast, or a city of republican status (Astana, Almaty, Shymkent). */
  region: Scalars['String']['output'];
  street: Scalars['String']['output'];
};

export type Citizenship = {
  __typename?: 'Citizenship';
  /** ISO 3166-1 alpha-2 code, e.g. KZ. */
  countryCode: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** A person's consent to a partner system reading their data for one purpose, as the access control service records it. */
export type Consent = {
  __typename?: 'Consent';
  grantedAt: Scalars['DateTime']['output'];
  /** The service's id of the consent, e.g. CNS-2026-000001; reads made under it name it in the access log. */
  id: Scalars['ID']['output'];
  /** The partner system the consent is given to. */
  partner: ConsentPartner;
  /** The purpose it is given for: the partner must state exactly this one (X-Purpose). */
  purpose: Scalars['String']['output'];
  /** Which of my data it opens, as partner scopes (individuals:basic, individuals:document, individuals:address, individuals:entrepreneur). */
  scope: Array<Scalars['String']['output']>;
  /** Its state now. */
  status: ConsentStatus;
  /** The period it holds: from validFrom (inclusive) to validUntil (exclusive). */
  validFrom: Scalars['DateTime']['output'];
  validUntil: Scalars['DateTime']['output'];
  /** When I withdrew it; null while it was not withdrawn. */
  withdrawnAt: Maybe<Scalars['DateTime']['output']>;
};

/** A partner system as the partner registry names it. */
export type ConsentPartner = {
  __typename?: 'ConsentPartner';
  /** Its client id, as the access log shows it to auditors. */
  id: Scalars['String']['output'];
  /** Its registered name (the client id when the registry does not know it). */
  name: Scalars['String']['output'];
};

/** The state of a consent at the moment it is read. */
export type ConsentStatus =
  /** Granted, not withdrawn, within its period: it opens the reads it covers. */
  | 'ACTIVE'
  /** Its period has ended. */
  | 'EXPIRED'
  /** Granted for a period that has not begun. */
  | 'NOT_YET_VALID'
  /** Withdrawn by the person. */
  | 'WITHDRAWN';

/** One read of someone's personal data, as the audit trail recorded it. */
export type DataAccess = {
  __typename?: 'DataAccess';
  accessor: Accessor;
  at: Scalars['DateTime']['output'];
  /** The consents the read was made under (a partner's read for a purpose no law exempts); empty otherwise. */
  consentIds: Array<Scalars['ID']['output']>;
  /** Which fields were read, e.g. Person.address. */
  fields: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Why a partner system asked (the purpose it stated). */
  purpose: Maybe<Scalars['String']['output']>;
  requestId: Scalars['String']['output'];
  /** The part of the graph that served the data (individuals, legal-entities, payments, licensing). */
  service: Scalars['String']['output'];
};

export type EntrepreneurRegistration = {
  __typename?: 'EntrepreneurRegistration';
  /** Registration certificate number; registrations after 2012 have a notification instead, so null. */
  certificateNumber: Maybe<Scalars['String']['output']>;
  registeredOn: Scalars['Date']['output'];
  /** The tax authority where the entrepreneur is registered. */
  taxAuthority: TaxAuthority;
  taxRegisteredOn: Scalars['Date']['output'];
  tradeName: Scalars['String']['output'];
};

export type IdentityDocument = {
  __typename?: 'IdentityDocument';
  expiresOn: Scalars['Date']['output'];
  /** Issuing authority, e.g. МВД РК. */
  issuedBy: Scalars['String']['output'];
  issuedOn: Scalars['Date']['output'];
  number: Scalars['String']['output'];
  series: Maybe<Scalars['String']['output']>;
  type: IdentityDocumentType;
  /** Whether the document has not expired today (Asia/Almaty). */
  valid: Scalars['Boolean']['output'];
};

export type IdentityDocumentType =
  | 'ID_CARD'
  | 'PASSPORT'
  | 'RESIDENCE_PERMIT'
  | 'STATELESS_CERTIFICATE';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Withdraws one of my consents in the access control service: from then on the reads it opened fail with
   * CONSENT_REQUIRED. A consent that is not mine is NOT_FOUND, exactly as an unknown id. Withdrawing a consent
   * already withdrawn returns it unchanged.
   */
  withdrawConsent: Consent;
};


export type MutationWithdrawConsentArgs = {
  id: Scalars['ID']['input'];
};

/**
 * A natural person as the individuals registry (ГБД ФЛ) holds them. Registry fields are null, with an
 * error naming the registry, when the registry cannot answer; the rest of the response still arrives.
 * Readable by the person themself (citizen or portal token) and by partner systems holding the scope of
 * each field group (individuals:basic, :document, :address, :entrepreneur); every read is audited.
 */
export type Person = {
  __typename?: 'Person';
  /** Registered (permanent) address. */
  address: Maybe<Address>;
  birthDate: Maybe<Scalars['Date']['output']>;
  citizenship: Maybe<Citizenship>;
  /** Registration as an individual entrepreneur (ИП), or null when the person is not one. */
  entrepreneur: Maybe<EntrepreneurRegistration>;
  firstName: Maybe<Scalars['String']['output']>;
  /** Last, first and middle name, as printed on documents. */
  fullName: Maybe<Scalars['String']['output']>;
  /** The current identity document. */
  identityDocument: Maybe<IdentityDocument>;
  iin: Scalars['IIN']['output'];
  lastName: Maybe<Scalars['String']['output']>;
  /** Patronymic; many people have none. */
  middleName: Maybe<Scalars['String']['output']>;
  sex: Maybe<Sex>;
};

export type Query = {
  __typename?: 'Query';
  /** Who read a person's or organisation's data. For officers with the auditor role. */
  dataAccessLog: Array<DataAccess>;
  /**
   * The consents I gave partner systems to read my data, as the personal-data access control service records
   * them: active, withdrawn and expired, newest first. A partner whose purpose no law exempts reads my data
   * only under an active one. For a signed-in citizen (or a portal acting for one).
   */
  myConsents: Array<Consent>;
  /**
   * Who read my personal data, when, which fields and for what purpose, newest first: every read through the
   * graph is in the audit trail. For a signed-in citizen (or a portal acting for one).
   */
  myDataAccessLog: Array<DataAccess>;
  /**
   * A person from the individuals registry (ГБД ФЛ). An invalid IIN fails with INVALID_IIN before the
   * registry is asked; a valid IIN the registry does not hold gives null with NOT_FOUND.
   */
  person: Maybe<Person>;
};


export type QueryDataAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  subjectId: Scalars['ApplicantId']['input'];
};


export type QueryMyDataAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPersonArgs = {
  iin: Scalars['IIN']['input'];
};

export type Sex =
  | 'FEMALE'
  | 'MALE';

export type TaxAuthority = {
  __typename?: 'TaxAuthority';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"iin":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Accessor: ResolverTypeWrapper<Accessor>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccessorKind: AccessorKind;
  Address: ResolverTypeWrapper<Address>;
  ApplicantId: ResolverTypeWrapper<Scalars['ApplicantId']['output']>;
  Citizenship: ResolverTypeWrapper<Citizenship>;
  Consent: ResolverTypeWrapper<ConsentRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ConsentPartner: ResolverTypeWrapper<ConsentPartner>;
  ConsentStatus: ConsentStatus;
  DataAccess: ResolverTypeWrapper<StoredAccess>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EntrepreneurRegistration: ResolverTypeWrapper<EntrepreneurRecord>;
  IIN: ResolverTypeWrapper<Scalars['IIN']['output']>;
  IdentityDocument: ResolverTypeWrapper<IdentityDocumentRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  IdentityDocumentType: IdentityDocumentType;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Person: ResolverTypeWrapper<PersonRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Sex: Sex;
  TaxAuthority: ResolverTypeWrapper<TaxAuthority>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Accessor: Accessor;
  String: Scalars['String']['output'];
  Address: Address;
  ApplicantId: Scalars['ApplicantId']['output'];
  Citizenship: Citizenship;
  Consent: ConsentRecord;
  ID: Scalars['ID']['output'];
  ConsentPartner: ConsentPartner;
  DataAccess: StoredAccess;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  EntrepreneurRegistration: EntrepreneurRecord;
  IIN: Scalars['IIN']['output'];
  IdentityDocument: IdentityDocumentRecord;
  Boolean: Scalars['Boolean']['output'];
  Mutation: Record<PropertyKey, never>;
  Person: PersonRecord;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  TaxAuthority: TaxAuthority;
}>;

export type AccessorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Accessor'] = ResolversParentTypes['Accessor']> = ResolversObject<{
  agency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AccessorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  district?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  flat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  house?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postcode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface ApplicantIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ApplicantId'], any> {
  name: 'ApplicantId';
}

export type CitizenshipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Citizenship'] = ResolversParentTypes['Citizenship']> = ResolversObject<{
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConsentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Consent'] = ResolversParentTypes['Consent']> = ResolversObject<{
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['ConsentPartner'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scope?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConsentStatus'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type ConsentPartnerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConsentPartner'] = ResolversParentTypes['ConsentPartner']> = ResolversObject<{
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DataAccessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DataAccess'] = ResolversParentTypes['DataAccess']> = ResolversObject<{
  accessor?: Resolver<ResolversTypes['Accessor'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  consentIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EntrepreneurRegistrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EntrepreneurRegistration'] = ResolversParentTypes['EntrepreneurRegistration']> = ResolversObject<{
  certificateNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registeredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  taxAuthority?: Resolver<ResolversTypes['TaxAuthority'], ParentType, ContextType>;
  taxRegisteredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  tradeName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface IinScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IIN'], any> {
  name: 'IIN';
}

export type IdentityDocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IdentityDocument'] = ResolversParentTypes['IdentityDocument']> = ResolversObject<{
  expiresOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  issuedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  series?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['IdentityDocumentType'], ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  withdrawConsent?: Resolver<ResolversTypes['Consent'], ParentType, ContextType, RequireFields<MutationWithdrawConsentArgs, 'id'>>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  citizenship?: Resolver<Maybe<ResolversTypes['Citizenship']>, ParentType, ContextType>;
  entrepreneur?: Resolver<Maybe<ResolversTypes['EntrepreneurRegistration']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  identityDocument?: Resolver<Maybe<ResolversTypes['IdentityDocument']>, ParentType, ContextType>;
  iin?: Resolver<ResolversTypes['IIN'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  middleName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sex?: Resolver<Maybe<ResolversTypes['Sex']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  dataAccessLog?: Resolver<Array<ResolversTypes['DataAccess']>, ParentType, ContextType, RequireFields<QueryDataAccessLogArgs, 'first' | 'subjectId'>>;
  myConsents?: Resolver<Array<ResolversTypes['Consent']>, ParentType, ContextType>;
  myDataAccessLog?: Resolver<Array<ResolversTypes['DataAccess']>, ParentType, ContextType, RequireFields<QueryMyDataAccessLogArgs, 'first'>>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'iin'>>;
}>;

export type TaxAuthorityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TaxAuthority'] = ResolversParentTypes['TaxAuthority']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Accessor?: AccessorResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  ApplicantId?: GraphQLScalarType;
  Citizenship?: CitizenshipResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  ConsentPartner?: ConsentPartnerResolvers<ContextType>;
  DataAccess?: DataAccessResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EntrepreneurRegistration?: EntrepreneurRegistrationResolvers<ContextType>;
  IIN?: GraphQLScalarType;
  IdentityDocument?: IdentityDocumentResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TaxAuthority?: TaxAuthorityResolvers<ContextType>;
}>;

