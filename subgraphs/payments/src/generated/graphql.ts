/* Generated from src/schema.graphql by `npm run codegen`; do not edit. */
import type { ApplicantRef } from '@egov/contracts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PaymentRecord, PersonRef, LegalEntityRef, CreatePaymentResponse } from '@egov/contracts';
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
  /** An instant, ISO 8601 with a time zone. */
  DateTime: { input: Date; output: Date | string; }
  /** Individual identification number (ИИН). */
  IIN: { input: string; output: string; }
  /** An amount in tenge (KZT) as a decimal string with two decimals, e.g. "4325.00". */
  Money: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Who can pay: a person (IIN) or an organisation (BIN). */
export type Applicant = LegalEntity | Person;

export type LegalEntity = {
  __typename?: 'LegalEntity';
  bin: Scalars['BIN']['output'];
  /** Payments this organisation made through ПШЭП, newest first; null with an error when the gateway cannot answer. */
  payments: Maybe<Array<Payment>>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Opens a ПШЭП payment order for the fee of a public-service action: the amount is the service's rate in
   * MRP times the MRP of the year. The payer completes it at `paymentUrl` (the bank's page); once paid, the
   * payment shows as PAID and an application can use it. Asking again for the same fee the same day (or
   * with the same idempotencyKey) returns the same order. NOT_PAYABLE for free services and those paid by
   * contract; FEE_AMOUNT_UNKNOWN when no rate is configured.
   */
  initiatePayment: PaymentOrder;
};


export type MutationInitiatePaymentArgs = {
  action: ServiceActionKind;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  payerId: Scalars['ApplicantId']['input'];
  serviceCode: Scalars['ID']['input'];
};

/**
 * A payment to the budget made through the e-government payment gateway (ПШЭП), e.g. a licence fee.
 * Readable by the payer (and the head of a paying company) and by partner systems with payments:read.
 */
export type Payment = {
  __typename?: 'Payment';
  /** The service action the fee is for (issue, reissue, duplicate ...). */
  action: Maybe<Scalars['String']['output']>;
  amount: Scalars['Money']['output'];
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  paidAt: Maybe<Scalars['DateTime']['output']>;
  payer: Applicant;
  /** IIN or BIN of the payer. */
  payerId: Scalars['ApplicantId']['output'];
  purpose: Scalars['String']['output'];
  /** Catalog code of the public service the fee is for, when it is a service fee. */
  serviceCode: Maybe<Scalars['String']['output']>;
  status: PaymentStatus;
  /** The gateway's transaction id, once paid. */
  transactionId: Maybe<Scalars['String']['output']>;
};

export type PaymentOrder = {
  __typename?: 'PaymentOrder';
  payment: Payment;
  /** Where the payer completes the payment. */
  paymentUrl: Scalars['String']['output'];
};

export type PaymentStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PAID'
  | 'PENDING';

export type Person = {
  __typename?: 'Person';
  iin: Scalars['IIN']['output'];
  /** Payments this person made through ПШЭП, newest first; null with an error when the gateway cannot answer. */
  payments: Maybe<Array<Payment>>;
};

export type Query = {
  __typename?: 'Query';
  /** One payment by its id in the e-government payment gateway (ПШЭП); null with NOT_FOUND when unknown. */
  payment: Maybe<Payment>;
  /**
   * Payments a person (IIN) or an organisation (BIN) made through ПШЭП, newest first: the list `Person.payments`
   * and `LegalEntity.payments` give, asked by the id itself so a client can read it in the same round trip as
   * `person(iin)` instead of after it. Authorized, scoped and audited as those fields; null with an error when the
   * gateway cannot answer.
   */
  paymentsOf: Maybe<Array<Payment>>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentsOfArgs = {
  payerId: Scalars['ApplicantId']['input'];
};

export type ServiceActionKind =
  | 'ANNEX'
  | 'ATTESTATION'
  | 'CERTIFICATE'
  | 'CONCLUSION'
  | 'DUPLICATE'
  | 'ISSUE'
  | 'PERMIT'
  | 'QUALIFICATION_ATTESTATION'
  | 'REGISTRATION'
  | 'REISSUE'
  | 'REREGISTRATION';

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
  Payment: Payment;
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  LegalEntity:
    ( { __typename: 'LegalEntity' }
    & GraphQLRecursivePick<FederationTypes['LegalEntity'], {"bin":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
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
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  IIN: ResolverTypeWrapper<Scalars['IIN']['output']>;
  LegalEntity: ResolverTypeWrapper<LegalEntityRef>;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Payment: ResolverTypeWrapper<PaymentRecord>;
  PaymentOrder: ResolverTypeWrapper<CreatePaymentResponse>;
  PaymentStatus: PaymentStatus;
  Person: ResolverTypeWrapper<PersonRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ServiceActionKind: ServiceActionKind;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Applicant: ResolversUnionTypes<ResolversParentTypes>['Applicant'];
  ApplicantId: Scalars['ApplicantId']['output'];
  BIN: Scalars['BIN']['output'];
  DateTime: Scalars['DateTime']['output'];
  IIN: Scalars['IIN']['output'];
  LegalEntity: LegalEntityRef;
  Money: Scalars['Money']['output'];
  Mutation: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Payment: PaymentRecord;
  PaymentOrder: CreatePaymentResponse;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface IinScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IIN'], any> {
  name: 'IIN';
}

export type LegalEntityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity'], FederationReferenceType extends FederationReferenceTypes['LegalEntity'] = FederationReferenceTypes['LegalEntity']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bin?: Resolver<ResolversTypes['BIN'], ParentType, ContextType>;
  payments?: Resolver<Maybe<Array<ResolversTypes['Payment']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface MoneyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Money'], any> {
  name: 'Money';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  initiatePayment?: Resolver<ResolversTypes['PaymentOrder'], ParentType, ContextType, RequireFields<MutationInitiatePaymentArgs, 'action' | 'payerId' | 'serviceCode'>>;
}>;

export type PaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  action?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  payer?: Resolver<ResolversTypes['Applicant'], ParentType, ContextType>;
  payerId?: Resolver<ResolversTypes['ApplicantId'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  transactionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PaymentOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentOrder'] = ResolversParentTypes['PaymentOrder']> = ResolversObject<{
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  paymentUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  iin?: Resolver<ResolversTypes['IIN'], ParentType, ContextType>;
  payments?: Resolver<Maybe<Array<ResolversTypes['Payment']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  paymentsOf?: Resolver<Maybe<Array<ResolversTypes['Payment']>>, ParentType, ContextType, RequireFields<QueryPaymentsOfArgs, 'payerId'>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Applicant?: ApplicantResolvers<ContextType>;
  ApplicantId?: GraphQLScalarType;
  BIN?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  IIN?: GraphQLScalarType;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  Money?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentOrder?: PaymentOrderResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

