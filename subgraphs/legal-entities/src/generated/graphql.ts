/* Generated from src/schema.graphql by `npm run codegen`; do not edit. */
import type { ApplicantRef } from '@egov/contracts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LegalEntityRecord, PersonRef, FounderRecord } from '@egov/contracts';
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
  /** Business identification number (БИН): 12 digits; 5th digit entity type (4-6), 6th kind (0-3), 12th a mod-11 control digit. */
  BIN: { input: string; output: string; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** Individual identification number (ИИН). */
  IIN: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

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

/** Who can apply for a public service: a person (IIN) or an organisation (BIN). */
export type Applicant = LegalEntity | Person;

export type BankAccount = {
  __typename?: 'BankAccount';
  bankName: Scalars['String']['output'];
  bic: Scalars['String']['output'];
  iban: Scalars['String']['output'];
};

export type EntityKind =
  | 'BRANCH'
  | 'HEAD_OFFICE'
  | 'PEASANT_FARM'
  | 'REPRESENTATIVE_OFFICE';

export type Founder = {
  __typename?: 'Founder';
  /** ISO 3166-1 alpha-2 country of a foreign founder. */
  countryCode: Maybe<Scalars['String']['output']>;
  kind: FounderKind;
  /** Set when the founder is an organisation registered in Kazakhstan. */
  legalEntity: Maybe<LegalEntity>;
  /** Name of a foreign founder. */
  name: Maybe<Scalars['String']['output']>;
  /** Set when the founder is a person registered in Kazakhstan. */
  person: Maybe<Person>;
  sharePercent: Maybe<Scalars['Float']['output']>;
};

export type FounderKind =
  | 'FOREIGN'
  | 'LEGAL_ENTITY'
  | 'PERSON';

export type Language =
  /** Kazakh, the state language. */
  | 'KK'
  /** Russian, the official language used alongside it. */
  | 'RU';

/**
 * An organisation as the legal-entities registry (ГБД ЮЛ) holds it. Registry fields are null, with an error
 * naming the registry, when it cannot answer. Readable by the citizens who head or founded it (and its
 * branches), and by partner systems with legal-entities:read (bank accounts: legal-entities:bank-accounts).
 */
export type LegalEntity = {
  __typename?: 'LegalEntity';
  /** Bank accounts, when the registry holds them; null when it has none on record. */
  bankAccounts: Maybe<Array<BankAccount>>;
  bin: Scalars['BIN']['output'];
  /** Branches and representative offices of this organisation. */
  branches: Maybe<Array<LegalEntity>>;
  founders: Maybe<Array<Founder>>;
  /** The first head (director, chairman); null for a foreign head without an IIN. */
  head: Maybe<Person>;
  headPosition: Maybe<Scalars['String']['output']>;
  /** Head office, branch, representative office or peasant farm, from the BIN's kind digit. */
  kind: Maybe<EntityKind>;
  legalAddress: Maybe<Address>;
  legalForm: Maybe<LegalForm>;
  /** Full registered name. */
  name: Maybe<Scalars['String']['output']>;
  ownership: Maybe<Ownership>;
  /** For a branch or representative office: the organisation it belongs to. */
  parent: Maybe<LegalEntity>;
  registeredOn: Maybe<Scalars['Date']['output']>;
  registrationDocument: Maybe<RegistrationDocument>;
  /** Resident or not, from the BIN's type digit. */
  residency: Maybe<Residency>;
  shortName: Maybe<Scalars['String']['output']>;
  status: Maybe<LegalEntityStatus>;
};


/**
 * An organisation as the legal-entities registry (ГБД ЮЛ) holds it. Registry fields are null, with an error
 * naming the registry, when it cannot answer. Readable by the citizens who head or founded it (and its
 * branches), and by partner systems with legal-entities:read (bank accounts: legal-entities:bank-accounts).
 */
export type LegalEntityNameArgs = {
  language?: InputMaybe<Language>;
};


/**
 * An organisation as the legal-entities registry (ГБД ЮЛ) holds it. Registry fields are null, with an error
 * naming the registry, when it cannot answer. Readable by the citizens who head or founded it (and its
 * branches), and by partner systems with legal-entities:read (bank accounts: legal-entities:bank-accounts).
 */
export type LegalEntityShortNameArgs = {
  language?: InputMaybe<Language>;
};

export type LegalEntityStatus =
  | 'ACTIVE'
  | 'LIQUIDATED'
  | 'REORGANISED';

export type LegalForm =
  | 'BRANCH'
  | 'FOREIGN_LEGAL_ENTITY'
  | 'JOINT_ENTREPRENEURSHIP'
  | 'JSC'
  | 'LLP'
  | 'REPRESENTATIVE_OFFICE'
  | 'STATE_ENTERPRISE';

export type Ownership =
  | 'FOREIGN'
  | 'MIXED'
  | 'PRIVATE'
  | 'STATE';

export type ParticipantRole =
  | 'FOUNDER'
  | 'HEAD';

export type Person = {
  __typename?: 'Person';
  iin: Scalars['IIN']['output'];
  /** Organisations where this person is the head or a founder (optionally only one role). */
  legalEntities: Maybe<Array<LegalEntity>>;
};


export type PersonLegalEntitiesArgs = {
  role?: InputMaybe<ParticipantRole>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * The applicant behind a 12-digit id, so a form can start from one field: an IIN gives the Person, a BIN
   * the LegalEntity. Invalid ids fail with INVALID_IIN, INVALID_BIN or INVALID_APPLICANT_ID; unknown ones
   * give null with NOT_FOUND.
   */
  applicant: Maybe<Applicant>;
  /**
   * Organisations where the person with this IIN is the head or a founder (optionally only one role): the list
   * `Person.legalEntities` gives, asked by the IIN itself so a client can read it in the same round trip as
   * `person(iin)` instead of after it. Authorized, scoped and audited as `Person.legalEntities`; an invalid IIN
   * fails with INVALID_IIN.
   */
  legalEntitiesOf: Maybe<Array<LegalEntity>>;
  /**
   * A legal entity, branch or representative office from the legal-entities registry (ГБД ЮЛ). An invalid
   * BIN fails with INVALID_BIN before the registry is asked; an unknown one gives null with NOT_FOUND.
   */
  legalEntity: Maybe<LegalEntity>;
};


export type QueryApplicantArgs = {
  id: Scalars['ApplicantId']['input'];
};


export type QueryLegalEntitiesOfArgs = {
  iin: Scalars['IIN']['input'];
  role?: InputMaybe<ParticipantRole>;
};


export type QueryLegalEntityArgs = {
  bin: Scalars['BIN']['input'];
};

/**
 * Evidence of state registration. Since the law of 24.12.2012 registration is confirmed by a reference
 * (анықтама/справка); certificates issued before it stay valid until the entity ceases its activity.
 */
export type RegistrationDocument = {
  __typename?: 'RegistrationDocument';
  issuedBy: Scalars['String']['output'];
  issuedOn: Scalars['Date']['output'];
  kind: RegistrationDocumentKind;
  number: Scalars['String']['output'];
};

export type RegistrationDocumentKind =
  | 'CERTIFICATE'
  | 'REFERENCE';

export type Residency =
  | 'NON_RESIDENT'
  | 'RESIDENT';

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
  LegalEntity: LegalEntity;
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  LegalEntity:
    ( { __typename: 'LegalEntity' }
    & GraphQLRecursivePick<FederationTypes['LegalEntity'], {"bin":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"iin":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Applicant:
    | ( LegalEntityRecord )
    | ( PersonRef )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Applicant: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Applicant']>;
  ApplicantId: ResolverTypeWrapper<Scalars['ApplicantId']['output']>;
  BIN: ResolverTypeWrapper<Scalars['BIN']['output']>;
  BankAccount: ResolverTypeWrapper<BankAccount>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  EntityKind: EntityKind;
  Founder: ResolverTypeWrapper<FounderRecord>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FounderKind: FounderKind;
  IIN: ResolverTypeWrapper<Scalars['IIN']['output']>;
  Language: Language;
  LegalEntity: ResolverTypeWrapper<LegalEntityRecord>;
  LegalEntityStatus: LegalEntityStatus;
  LegalForm: LegalForm;
  Ownership: Ownership;
  ParticipantRole: ParticipantRole;
  Person: ResolverTypeWrapper<PersonRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegistrationDocument: ResolverTypeWrapper<RegistrationDocument>;
  RegistrationDocumentKind: RegistrationDocumentKind;
  Residency: Residency;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  String: Scalars['String']['output'];
  Applicant: ResolversUnionTypes<ResolversParentTypes>['Applicant'];
  ApplicantId: Scalars['ApplicantId']['output'];
  BIN: Scalars['BIN']['output'];
  BankAccount: BankAccount;
  Date: Scalars['Date']['output'];
  Founder: FounderRecord;
  Float: Scalars['Float']['output'];
  IIN: Scalars['IIN']['output'];
  LegalEntity: LegalEntityRecord;
  Person: PersonRef;
  Query: Record<PropertyKey, never>;
  RegistrationDocument: RegistrationDocument;
  Boolean: Scalars['Boolean']['output'];
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

export type ApplicantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Applicant'] = ResolversParentTypes['Applicant']> = ResolversObject<{
  __resolveType: TypeResolveFn<'LegalEntity' | 'Person', ParentType, ContextType>;
}>;

export interface ApplicantIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ApplicantId'], any> {
  name: 'ApplicantId';
}

export interface BinScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BIN'], any> {
  name: 'BIN';
}

export type BankAccountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BankAccount'] = ResolversParentTypes['BankAccount']> = ResolversObject<{
  bankName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  iban?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type FounderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Founder'] = ResolversParentTypes['Founder']> = ResolversObject<{
  countryCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FounderKind'], ParentType, ContextType>;
  legalEntity?: Resolver<Maybe<ResolversTypes['LegalEntity']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  sharePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export interface IinScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IIN'], any> {
  name: 'IIN';
}

export type LegalEntityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity'], FederationReferenceType extends FederationReferenceTypes['LegalEntity'] = FederationReferenceTypes['LegalEntity']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bankAccounts?: Resolver<Maybe<Array<ResolversTypes['BankAccount']>>, ParentType, ContextType>;
  bin?: Resolver<ResolversTypes['BIN'], ParentType, ContextType>;
  branches?: Resolver<Maybe<Array<ResolversTypes['LegalEntity']>>, ParentType, ContextType>;
  founders?: Resolver<Maybe<Array<ResolversTypes['Founder']>>, ParentType, ContextType>;
  head?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  headPosition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['EntityKind']>, ParentType, ContextType>;
  legalAddress?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  legalForm?: Resolver<Maybe<ResolversTypes['LegalForm']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<LegalEntityNameArgs, 'language'>>;
  ownership?: Resolver<Maybe<ResolversTypes['Ownership']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['LegalEntity']>, ParentType, ContextType>;
  registeredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  registrationDocument?: Resolver<Maybe<ResolversTypes['RegistrationDocument']>, ParentType, ContextType>;
  residency?: Resolver<Maybe<ResolversTypes['Residency']>, ParentType, ContextType>;
  shortName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<LegalEntityShortNameArgs, 'language'>>;
  status?: Resolver<Maybe<ResolversTypes['LegalEntityStatus']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  iin?: Resolver<ResolversTypes['IIN'], ParentType, ContextType>;
  legalEntities?: Resolver<Maybe<Array<ResolversTypes['LegalEntity']>>, ParentType, ContextType, Partial<PersonLegalEntitiesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  applicant?: Resolver<Maybe<ResolversTypes['Applicant']>, ParentType, ContextType, RequireFields<QueryApplicantArgs, 'id'>>;
  legalEntitiesOf?: Resolver<Maybe<Array<ResolversTypes['LegalEntity']>>, ParentType, ContextType, RequireFields<QueryLegalEntitiesOfArgs, 'iin'>>;
  legalEntity?: Resolver<Maybe<ResolversTypes['LegalEntity']>, ParentType, ContextType, RequireFields<QueryLegalEntityArgs, 'bin'>>;
}>;

export type RegistrationDocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistrationDocument'] = ResolversParentTypes['RegistrationDocument']> = ResolversObject<{
  issuedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RegistrationDocumentKind'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  Applicant?: ApplicantResolvers<ContextType>;
  ApplicantId?: GraphQLScalarType;
  BIN?: GraphQLScalarType;
  BankAccount?: BankAccountResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Founder?: FounderResolvers<ContextType>;
  IIN?: GraphQLScalarType;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegistrationDocument?: RegistrationDocumentResolvers<ContextType>;
}>;

