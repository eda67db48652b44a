/* Generated from src/schema.graphql by `npm run codegen`; do not edit. */
import type { ApplicantRef } from '@egov/contracts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LicenseRecord, NamedRecord, LicenseAnnexRecord, PersonRef, LegalEntityRef } from '@egov/contracts';
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
  /** Business identification number (БИН). */
  BIN: { input: string; output: string; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** Individual identification number (ИИН). */
  IIN: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Who can hold a licence: a person (IIN) or an organisation (BIN). */
export type Applicant = LegalEntity | Person;

export type Language =
  /** Kazakh, the state language. */
  | 'KK'
  /** Russian, the official language used alongside it. */
  | 'RU';

export type LegalEntity = {
  __typename?: 'LegalEntity';
  bin: Scalars['BIN']['output'];
  /** Licences held by this organisation; null with an error when the licensing service cannot answer. */
  licenses: Maybe<Array<License>>;
};

/**
 * A licence (or permit) as the licensing service (Е-лицензирование) holds it. Fields are null, with an
 * error naming the service, when it cannot answer. Readable by the holder (and the head of a holding
 * company), by officers, and by partner systems with licensing:read.
 */
export type License = {
  __typename?: 'License';
  /** The licensed activity. */
  activity: Maybe<LicensedActivity>;
  /** Annexes (приложения) added after issue, each covering further sub-types. */
  annexes: Maybe<Array<LicenseAnnex>>;
  holder: Maybe<Applicant>;
  issuedOn: Maybe<Scalars['Date']['output']>;
  /** The state body that issued the licence. */
  licensor: Maybe<Licensor>;
  number: Scalars['String']['output'];
  status: Maybe<LicenseStatus>;
  /** Sub-types of the activity the licence covers. */
  subtypes: Maybe<Array<LicensedActivity>>;
  /** Where the licence is valid, e.g. the whole republic or one oblast. */
  territory: Maybe<Scalars['String']['output']>;
};

export type LicenseAnnex = {
  __typename?: 'LicenseAnnex';
  issuedOn: Scalars['Date']['output'];
  number: Scalars['String']['output'];
  subtypes: Array<LicensedActivity>;
};

export type LicenseStatus =
  | 'ACTIVE'
  /** Suspended by the licensor or a court; the holder may not work under it until lifted. */
  | 'SUSPENDED'
  /** Terminated (revoked, surrendered or the holder ceased). */
  | 'TERMINATED';

export type LicensedActivity = {
  __typename?: 'LicensedActivity';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};


export type LicensedActivityNameArgs = {
  language?: InputMaybe<Language>;
};

export type Licensor = {
  __typename?: 'Licensor';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};


export type LicensorNameArgs = {
  language?: InputMaybe<Language>;
};

export type Person = {
  __typename?: 'Person';
  iin: Scalars['IIN']['output'];
  /** Licences held by this person; null with an error when the licensing service cannot answer. */
  licenses: Maybe<Array<License>>;
};

export type Query = {
  __typename?: 'Query';
  /** A licence from the licensing service (Е-лицензирование) by its number; null with NOT_FOUND when unknown. */
  license: Maybe<License>;
  /**
   * Licences held by a person (IIN) or an organisation (BIN), newest first: the list `Person.licenses` and
   * `LegalEntity.licenses` give, asked by the id itself so a client can read it in the same round trip as
   * `person(iin)` instead of after it. Authorized, scoped and audited as those fields; null with an error when
   * the licensing service cannot answer.
   */
  licensesOf: Maybe<Array<License>>;
};


export type QueryLicenseArgs = {
  number: Scalars['String']['input'];
};


export type QueryLicensesOfArgs = {
  holderId: Scalars['ApplicantId']['input'];
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
  LegalEntity: LegalEntity;
  License: License;
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  LegalEntity:
    ( { __typename: 'LegalEntity' }
    & GraphQLRecursivePick<FederationTypes['LegalEntity'], {"bin":true}> );
  License:
    ( { __typename: 'License' }
    & GraphQLRecursivePick<FederationTypes['License'], {"number":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"iin":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Applicant:
    | ( LegalEntityRef )
    | ( PersonRef )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Applicant: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Applicant']>;
  ApplicantId: ResolverTypeWrapper<Scalars['ApplicantId']['output']>;
  BIN: ResolverTypeWrapper<Scalars['BIN']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  IIN: ResolverTypeWrapper<Scalars['IIN']['output']>;
  Language: Language;
  LegalEntity: ResolverTypeWrapper<LegalEntityRef>;
  License: ResolverTypeWrapper<LicenseRecord>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  LicenseAnnex: ResolverTypeWrapper<LicenseAnnexRecord>;
  LicenseStatus: LicenseStatus;
  LicensedActivity: ResolverTypeWrapper<NamedRecord>;
  Licensor: ResolverTypeWrapper<NamedRecord>;
  Person: ResolverTypeWrapper<PersonRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Applicant: ResolversUnionTypes<ResolversParentTypes>['Applicant'];
  ApplicantId: Scalars['ApplicantId']['output'];
  BIN: Scalars['BIN']['output'];
  Date: Scalars['Date']['output'];
  IIN: Scalars['IIN']['output'];
  LegalEntity: LegalEntityRef;
  License: LicenseRecord;
  String: Scalars['String']['output'];
  LicenseAnnex: LicenseAnnexRecord;
  LicensedActivity: NamedRecord;
  Licensor: NamedRecord;
  Person: PersonRef;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
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

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface IinScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IIN'], any> {
  name: 'IIN';
}

export type LegalEntityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity'], FederationReferenceType extends FederationReferenceTypes['LegalEntity'] = FederationReferenceTypes['LegalEntity']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bin?: Resolver<ResolversTypes['BIN'], ParentType, ContextType>;
  licenses?: Resolver<Maybe<Array<ResolversTypes['License']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LicenseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['License'] = ResolversParentTypes['License'], FederationReferenceType extends FederationReferenceTypes['License'] = FederationReferenceTypes['License']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['License']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activity?: Resolver<Maybe<ResolversTypes['LicensedActivity']>, ParentType, ContextType>;
  annexes?: Resolver<Maybe<Array<ResolversTypes['LicenseAnnex']>>, ParentType, ContextType>;
  holder?: Resolver<Maybe<ResolversTypes['Applicant']>, ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  licensor?: Resolver<Maybe<ResolversTypes['Licensor']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['LicenseStatus']>, ParentType, ContextType>;
  subtypes?: Resolver<Maybe<Array<ResolversTypes['LicensedActivity']>>, ParentType, ContextType>;
  territory?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type LicenseAnnexResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LicenseAnnex'] = ResolversParentTypes['LicenseAnnex']> = ResolversObject<{
  issuedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subtypes?: Resolver<Array<ResolversTypes['LicensedActivity']>, ParentType, ContextType>;
}>;

export type LicensedActivityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LicensedActivity'] = ResolversParentTypes['LicensedActivity']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<LicensedActivityNameArgs, 'language'>>;
}>;

export type LicensorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Licensor'] = ResolversParentTypes['Licensor']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<LicensorNameArgs, 'language'>>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  iin?: Resolver<ResolversTypes['IIN'], ParentType, ContextType>;
  licenses?: Resolver<Maybe<Array<ResolversTypes['License']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  license?: Resolver<Maybe<ResolversTypes['License']>, ParentType, ContextType, RequireFields<QueryLicenseArgs, 'number'>>;
  licensesOf?: Resolver<Maybe<Array<ResolversTypes['License']>>, ParentType, ContextType, RequireFields<QueryLicensesOfArgs, 'holderId'>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Applicant?: ApplicantResolvers<ContextType>;
  ApplicantId?: GraphQLScalarType;
  BIN?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  IIN?: GraphQLScalarType;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  License?: LicenseResolvers<ContextType>;
  LicenseAnnex?: LicenseAnnexResolvers<ContextType>;
  LicensedActivity?: LicensedActivityResolvers<ContextType>;
  Licensor?: LicensorResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

