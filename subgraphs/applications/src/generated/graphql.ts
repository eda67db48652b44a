/* Generated from src/schema.graphql by `npm run codegen`; do not edit. */
import type { ApplicantRef } from '@egov/contracts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LicenseRefModel, PublicServiceModel, ServiceActionModel, ServiceDocumentModel, RefusalGroundModel, FormModel, FormFieldModel, ProcessStepModel, DeadlineModel, CitationModel, PrefillSourceModel, ProviderModel, ServiceFeeModel, FeeAmountModel, DueDateModel, ApplicationDraftModel, DraftFieldModel, FieldSourceModel, DraftDocumentModel, FeeStatusModel, ProblemModel, ApplicationModel, ApplicationReceiptModel, ApplicationRejectedModel, ReceiptDocumentModel, StatusChangeModel, AttachmentModel, PaymentRefModel, DeliveryModel, SignedEvidenceModel, RegistryOutageModel, UnreadFactModel, RegistryCheckModel, FactRecheckModel, FieldRecheckModel } from '../resolvers/models.js';
import type { PersonRef, LegalEntityRef } from '@egov/contracts';
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
  /** An instant, ISO 8601 with a time zone. */
  DateTime: { input: Date; output: Date | string; }
  /** Individual identification number (ИИН). */
  IIN: { input: string; output: string; }
  /** An amount in tenge (KZT) as a decimal string with two decimals, e.g. "4325.00". */
  Money: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Who applies: a person (IIN) or an organisation (BIN). */
export type Applicant = LegalEntity | Person;

/** An application for a public service, with what the registries said when it was submitted. */
export type Application = {
  __typename?: 'Application';
  action: ServiceActionKind;
  applicant: Applicant;
  applicantKind: RecipientKind;
  attachments: Array<Attachment>;
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  decisionNote: Maybe<Scalars['String']['output']>;
  /** Whether the application has reached Е-лицензирование: accepted applications are delivered from a durable outbox, retried until confirmed. */
  delivery: Delivery;
  documents: Array<ReceiptDocument>;
  /** The last day for the authority's answer under the standard. */
  dueDate: Maybe<Scalars['Date']['output']>;
  /** Fields as prefilled at submission, with their sources: exactly what the officer sees. */
  fields: Array<DraftField>;
  history: Array<StatusChange>;
  /** The licence issued on this application. */
  license: Maybe<License>;
  /**
   * True while a registry that was down at submission has not been read again: the scans that stood in for its
   * facts are unchecked, and a decision is refused with REGISTRY_CHECK_PENDING until the re-read is recorded.
   */
  needsRegistryCheck: Scalars['Boolean']['output'];
  number: Scalars['String']['output'];
  payment: Maybe<Payment>;
  /** The refusal ground, when refused. */
  refusalGround: Maybe<RefusalGround>;
  /** Degraded mode: the registries that were down at submission, and how their answer compares once read again; null when every registry answered. */
  registryCheck: Maybe<RegistryCheck>;
  service: PublicService;
  status: ApplicationStatus;
  submittedAt: Scalars['DateTime']['output'];
};

/** What an applicant's form looks like before submitting, from one reading of the registries. */
export type ApplicationDraft = {
  __typename?: 'ApplicationDraft';
  action: ServiceActionKind;
  applicant: Applicant;
  applicantKind: RecipientKind;
  /** Only the scans no registry holds: what the applicant must upload. */
  attachmentsNeeded: Array<ServiceDocument>;
  /** The list of the standard that applies: PORTAL when the service can be applied for online. */
  channel: DocumentChannel;
  /** Every document of the standard's list for this applicant, and how it is supplied. */
  documents: Array<DraftDocument>;
  /** Whether this applicant may use the service; when not, `reasons` says why. */
  eligible: Scalars['Boolean']['output'];
  /** The date the result is due if submitted now; null with a reason when the standard sets no computable term. */
  expectedResult: Maybe<DueDate>;
  expectedResultUnknownBecause: Maybe<Scalars['String']['output']>;
  fee: FeeStatus;
  /** Every field of the applicant's forms, prefilled where a registry holds the value. */
  fields: Array<DraftField>;
  /** The licence a reissue, duplicate or annex concerns. */
  license: Maybe<License>;
  /** When the registries were read. */
  readAt: Scalars['DateTime']['output'];
  reasons: Array<Problem>;
  /**
   * Registries that did not answer while this draft was made (degraded mode): which, when, the facts left
   * unread and, for each, the documents of the standard's office/PSC list the applicant attaches as scans
   * instead. Empty when every registry answered.
   */
  registryOutages: Array<RegistryOutage>;
  service: PublicService;
};

/** The application was accepted and committed. */
export type ApplicationReceipt = {
  __typename?: 'ApplicationReceipt';
  acceptedAt: Scalars['DateTime']['output'];
  action: ServiceActionKind;
  application: Application;
  documents: Array<ReceiptDocument>;
  /** The date the result is due under the standard. */
  expectedResultDate: Maybe<Scalars['Date']['output']>;
  expectedResultUnknownBecause: Maybe<Scalars['String']['output']>;
  number: Scalars['String']['output'];
  /** True when this answers a retry of an earlier, identical submission. */
  replayed: Scalars['Boolean']['output'];
  service: PublicService;
};

/** The application was not accepted; nothing was stored. Each problem names the field it is about. */
export type ApplicationRejected = {
  __typename?: 'ApplicationRejected';
  problems: Array<Problem>;
};

export type ApplicationStatus =
  /** The standard's deadline passed without a decision, and the standard deems the result issued. */
  | 'DEEMED_ISSUED'
  | 'IN_REVIEW'
  | 'ISSUED'
  | 'REFUSED'
  | 'SUBMITTED';

/** A scan uploaded for an application. */
export type Attachment = {
  __typename?: 'Attachment';
  documentId: Scalars['ID']['output'];
  fileName: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  mediaType: Scalars['String']['output'];
  sha256: Scalars['String']['output'];
  size: Scalars['Int']['output'];
  uploadedAt: Scalars['DateTime']['output'];
};

export type Automation =
  | 'FULL'
  | 'NONE'
  | 'PARTIAL';

/** A place in the seed texts: file name and 1-based inclusive line range. */
export type Citation = {
  __typename?: 'Citation';
  fromLine: Scalars['Int']['output'];
  seed: Scalars['String']['output'];
  toLine: Scalars['Int']['output'];
};

export type DayOff = {
  __typename?: 'DayOff';
  date: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
};

export type Deadline = {
  __typename?: 'Deadline';
  countsFrom: DeadlineStart;
  /** The standard's silence-is-consent rule: the result counts as issued when the authority lets the deadline pass. */
  deemedIssuedIfSilent: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  source: Citation;
  unit: DeadlineUnit;
  /** The number of days, when the standard gives one. */
  value: Maybe<Scalars['Int']['output']>;
};

export type DeadlineStart =
  | 'DAY_AFTER_SUBMISSION'
  | 'NOT_STATED'
  | 'PER_CONTRACT'
  | 'SUBMISSION'
  | 'TESTING_COMPLETED';

export type DeadlineUnit =
  | 'CALENDAR_DAYS'
  /** Whatever the contract with the provider says. */
  | 'CONTRACT'
  | 'NOT_STATED'
  | 'WORKING_DAYS';

export type DecideApplicationInput = {
  note?: InputMaybe<Scalars['String']['input']>;
  number: Scalars['String']['input'];
  outcome: DecisionOutcome;
  /** Required for REFUSE: one of the service's refusal ground codes. */
  refusalGround?: InputMaybe<Scalars['ID']['input']>;
  /** The officer's detached CMS signature over the canonical decision payload (number, outcome, refusalGround, note, officer's IIN). */
  signature: Scalars['String']['input'];
};

export type DecisionOutcome =
  | 'ISSUE'
  | 'REFUSE';

export type Delivery = {
  __typename?: 'Delivery';
  attempts: Scalars['Int']['output'];
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** Why the last attempt failed, while pending. */
  lastError: Maybe<Scalars['String']['output']>;
  /** When the next attempt is due, while pending. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  state: DeliveryState;
};

export type DeliveryState =
  | 'DELIVERED'
  /** Accepted and stored; not yet confirmed by Е-лицензирование (an outage delays it, never drops it). */
  | 'PENDING';

export type DocumentApplicant =
  | 'FOREIGN_STATE_BODY'
  | 'INDIVIDUAL'
  | 'INDIVIDUAL_ENTREPRENEUR'
  | 'LEGAL_ENTITY'
  | 'REPRESENTATIVE';

export type DocumentChannel =
  | 'OFFICE'
  | 'PORTAL';

export type DocumentSupply =
  | 'ATTACH'
  | 'AUTHORITY'
  | 'REGISTRY';

export type DraftDocument = {
  __typename?: 'DraftDocument';
  document: ServiceDocument;
  /** Degraded mode: the registry document this office-list scan stands in for while its registry is down. */
  insteadOf: Maybe<ServiceDocument>;
  status: DraftDocumentStatus;
  /** What the registry vouches for (e.g. the ID card number), when it does. */
  summary: Maybe<Scalars['String']['output']>;
  /** Why the registry cannot vouch for it, when it cannot. */
  unavailableBecause: Maybe<Scalars['String']['output']>;
};

export type DraftDocumentStatus =
  /** The applicant uploads a scan. */
  | 'ATTACH_NEEDED'
  /** The authority obtains it from a system outside ours. */
  | 'BY_AUTHORITY'
  /** The application form: on the portal it is the electronic request this API builds from the prefilled fields. */
  | 'FILLED_ONLINE'
  /** A registry holds it: nothing to upload. */
  | 'FROM_REGISTRY'
  /** The standard lets the authority take it from a registry, but the registry cannot vouch for it now. */
  | 'REGISTRY_UNAVAILABLE'
  /** Its registry is down: the office-list document(s) whose `insteadOf` names it are attached as scans instead. */
  | 'SCAN_INSTEAD';

export type DraftField = {
  __typename?: 'DraftField';
  fieldId: Scalars['ID']['output'];
  filledBy: FieldFiller;
  formId: Scalars['ID']['output'];
  formTitle: Scalars['String']['output'];
  label: Scalars['String']['output'];
  labelOriginal: Scalars['String']['output'];
  /** Where the value came from; null for fields the applicant fills in. */
  source: Maybe<FieldSource>;
  /** The value as the form shows it; null when the applicant types it. */
  value: Maybe<Scalars['String']['output']>;
};

export type DueDate = {
  __typename?: 'DueDate';
  dueDate: Scalars['Date']['output'];
  /** Days off that did not count towards the term, with the reason. */
  skippedDaysOff: Array<DayOff>;
  /** Day 0: the working day the submission counts as received. */
  startDate: Scalars['Date']['output'];
  /** Gaps in the calendar data for the years touched (e.g. next year's Kurban Ait not announced yet). */
  warnings: Array<Scalars['String']['output']>;
};

/** A fact left unread at submission, read again. */
export type FactRecheck = {
  __typename?: 'FactRecheck';
  /** The registry now vouches for the fact. */
  confirmed: Scalars['Boolean']['output'];
  /** The registry document the fact belongs to (a scan stood in for it). */
  document: ServiceDocument;
  fact: RegistryFact;
  /** Why it does not, when it does not. */
  reason: Maybe<Scalars['String']['output']>;
  registry: RegistryName;
  /** What the registry vouches for, when it does. */
  summary: Maybe<Scalars['String']['output']>;
};

/** What one action costs, in MRP and in tenge for the year of payment; unknown amounts say why. */
export type FeeAmount = {
  __typename?: 'FeeAmount';
  action: ServiceActionKind;
  amount: Maybe<Scalars['Money']['output']>;
  amountMrp: Maybe<Scalars['Float']['output']>;
  kind: FeeKind;
  /** The monthly calculation index (МРП) for the year, in tenge. */
  mrp: Maybe<Scalars['Money']['output']>;
  /** Where the rate comes from. */
  rateSource: Maybe<Scalars['String']['output']>;
  unknownBecause: Maybe<Scalars['String']['output']>;
  year: Scalars['Int']['output'];
};

export type FeeKind =
  /** A price set by contract with the provider. */
  | 'BY_CONTRACT'
  | 'FREE'
  /** The licence fee of the Tax Code. */
  | 'LICENCE_FEE'
  | 'STATE_DUTY';

export type FeeStatus = {
  __typename?: 'FeeStatus';
  /** The amount due, when the rate is known. */
  amount: Maybe<Scalars['Money']['output']>;
  amountMrp: Maybe<Scalars['Float']['output']>;
  kind: FeeKind;
  mrp: Maybe<Scalars['Money']['output']>;
  paid: Scalars['Boolean']['output'];
  paidVia: Maybe<PaidVia>;
  /** The ПШЭП payment that settles the fee. */
  payment: Maybe<Payment>;
  rateSource: Maybe<Scalars['String']['output']>;
  unknownBecause: Maybe<Scalars['String']['output']>;
  year: Scalars['Int']['output'];
};

export type FieldFiller =
  | 'APPLICANT'
  /** The authority's part of the form (acceptance marks); never prefilled. */
  | 'AUTHORITY';

/** A form field left empty at submission because its registry was down, against the registry's value now. */
export type FieldRecheck = {
  __typename?: 'FieldRecheck';
  fieldId: Scalars['ID']['output'];
  registry: RegistryName;
  registryValue: Maybe<Scalars['String']['output']>;
  /** Whether the two are the same. */
  same: Scalars['Boolean']['output'];
  /** The value the application holds (empty when the registry could not be read). */
  submitted: Maybe<Scalars['String']['output']>;
};

export type FieldSource = {
  __typename?: 'FieldSource';
  path: Scalars['String']['output'];
  readAt: Scalars['DateTime']['output'];
  /** The record the value was read from (IIN, BIN, payment id, licence number). */
  recordId: Maybe<Scalars['String']['output']>;
  registry: RegistryName;
};

export type FieldValueInput = {
  fieldId: Scalars['ID']['input'];
  value: Scalars['String']['input'];
};

export type Form = {
  __typename?: 'Form';
  appliesTo: Array<DocumentApplicant>;
  fields: Array<FormField>;
  id: Scalars['ID']['output'];
  source: Citation;
  title: Scalars['String']['output'];
  titleOriginal: Scalars['String']['output'];
};

export type FormField = {
  __typename?: 'FormField';
  filledBy: FieldFiller;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  labelOriginal: Scalars['String']['output'];
  /** Where the value comes from (one per kind of applicant when it differs); empty when the applicant types it. */
  prefill: Array<PrefillSource>;
};

export type LegalEntity = {
  __typename?: 'LegalEntity';
  /** Applications this organisation submitted, newest first (an officer sees those their agency handles). */
  applications: Maybe<Array<Application>>;
  bin: Scalars['BIN']['output'];
};

/** A licence in Е-лицензирование (resolved by the licensing subgraph). */
export type License = {
  __typename?: 'License';
  number: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * An officer's decision. ISSUE of a licence records the licence in Е-лицензирование, where it appears
   * under the holder; REFUSE must name one of the standard's refusal grounds.
   */
  decideApplication: Application;
  /** An officer takes a submitted application into review. */
  startReview: Application;
  /**
   * Submits an application. The registries are read again and what was read is kept with the application.
   * Problems come back per field with codes (ApplicationRejected); a receipt (ApplicationReceipt) only
   * after the application is committed. The same idempotencyKey returns the same receipt; the same key
   * with a different request is refused.
   */
  submitApplication: SubmitApplicationResult;
};


export type MutationDecideApplicationArgs = {
  input: DecideApplicationInput;
};


export type MutationStartReviewArgs = {
  number: Scalars['String']['input'];
};


export type MutationSubmitApplicationArgs = {
  input: SubmitApplicationInput;
};

export type PaidVia =
  | 'BANK'
  /** The e-government payment gateway. */
  | 'PSHEP';

/** A payment in the e-government payment gateway (resolved by the payments subgraph). */
export type Payment = {
  __typename?: 'Payment';
  id: Scalars['ID']['output'];
};

export type Person = {
  __typename?: 'Person';
  /** Applications this person submitted, newest first (an officer sees those their agency handles). */
  applications: Maybe<Array<Application>>;
  iin: Scalars['IIN']['output'];
};

export type PrefillSource = {
  __typename?: 'PrefillSource';
  appliesTo: Maybe<Array<DocumentApplicant>>;
  /** The registry record field, e.g. identityDocument.number. */
  path: Scalars['String']['output'];
  registry: RegistryName;
};

/** A reason an application cannot go ahead, tied to an input field where there is one. */
export type Problem = {
  __typename?: 'Problem';
  code: ProblemCode;
  field: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type ProblemCode =
  | 'APPLICANT_NOT_FOUND'
  | 'ATTACHMENT_IN_USE'
  /** The signing certificate has expired or is not yet valid. */
  | 'CERTIFICATE_EXPIRED'
  /** The signing certificate is revoked. */
  | 'CERTIFICATE_REVOKED'
  /** The signing certificate does not chain to a trusted certification authority. */
  | 'CERTIFICATE_UNTRUSTED'
  | 'ENTITY_NOT_ACTIVE'
  | 'FEE_NOT_PAID'
  /** The first submission with this key is still running; retry with the same key. */
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_IDEMPOTENCY_KEY'
  | 'MISSING_ATTACHMENT'
  | 'NOT_OFFERED_ONLINE'
  | 'NO_LICENCE'
  | 'PAYMENT_NOT_USABLE'
  | 'RECIPIENT_NOT_SERVED'
  | 'REGISTRY_FACT_UNAVAILABLE'
  | 'REGISTRY_UNAVAILABLE'
  /** The signature does not verify, or its certificate is not acceptable (the message says which check failed). */
  | 'SIGNATURE_INVALID'
  /** The signing certificate names someone other than the applicant. */
  | 'SIGNER_MISMATCH'
  | 'UNEXPECTED_ATTACHMENT'
  | 'UNKNOWN_ACTION'
  | 'UNKNOWN_ATTACHMENT'
  | 'UNKNOWN_SERVICE';

export type ProcessStep = {
  __typename?: 'ProcessStep';
  actor: Scalars['String']['output'];
  description: Scalars['String']['output'];
  duration: Maybe<Scalars['String']['output']>;
  flow: DocumentChannel;
  order: Scalars['Int']['output'];
  source: Citation;
};

export type Provider = {
  __typename?: 'Provider';
  address: Scalars['String']['output'];
  name: Scalars['String']['output'];
  nameOriginal: Scalars['String']['output'];
};

/** A public service, as its standard describes it. */
export type PublicService = {
  __typename?: 'PublicService';
  /** The act that approved the standard. */
  act: Scalars['String']['output'];
  action: Maybe<ServiceAction>;
  actions: Array<ServiceAction>;
  automation: Automation;
  channels: Array<ServiceChannel>;
  /** Stable code, e.g. state-symbols-licence. */
  code: Scalars['ID']['output'];
  fee: ServiceFee;
  /** The application and information forms of the standard's appendices. */
  forms: Array<Form>;
  /** Whether the standard is in force. The seeds are 2010-2013 acts, since repealed; the graph serves them as its domain. */
  inForce: Scalars['Boolean']['output'];
  legalBasis: Array<Scalars['String']['output']>;
  /** For licence services, the activity under which Е-лицензирование holds the licence. */
  licenceActivity: Maybe<Scalars['String']['output']>;
  names: ServiceNames;
  /** Contradictions and gaps in the standard, and how the catalog reads them. */
  notes: Array<Scalars['String']['output']>;
  /** Whether it can be applied for on a portal (e.gov.kz, elicense.kz). */
  online: Scalars['Boolean']['output'];
  /** Process steps from the service's regulation, where one exists. */
  processSteps: Array<ProcessStep>;
  provider: Provider;
  recipients: Array<RecipientKind>;
  refusalGrounds: Array<RefusalGround>;
  repealedBy: Maybe<Scalars['String']['output']>;
  /** What the applicant gets. */
  result: Scalars['String']['output'];
  /** Where in the seeds the standard's text is. */
  source: Citation;
  /** The earlier text this one replaces, when a later act re-stated the standard. */
  supersedes: Maybe<Citation>;
};


/** A public service, as its standard describes it. */
export type PublicServiceActionArgs = {
  kind: ServiceActionKind;
};

export type PublicServiceFilter = {
  /** Services that can (true) or cannot (false) be applied for on a portal. */
  online?: InputMaybe<Scalars['Boolean']['input']>;
  /** Services with (true) or without (false) a fee or price. */
  paid?: InputMaybe<Scalars['Boolean']['input']>;
  /** Services this kind of applicant may use (an entrepreneur may also use services for individuals). */
  recipient?: InputMaybe<RecipientKind>;
};

export type Query = {
  __typename?: 'Query';
  /** An application by its number; null with NOT_FOUND when unknown. */
  application: Maybe<Application>;
  /**
   * Everything a form needs for this applicant before submitting: whether they may apply (and why not),
   * every form field prefilled from the registries with its source, the scans still needed, the fee and
   * whether it is paid, and the date the result is due if submitted now.
   */
  applicationDraft: Maybe<ApplicationDraft>;
  /**
   * The signed evidence of an application: the registry facts prefilled at submission (each with its
   * registry and when it was read) and the receipt, signed by the service when the application was stored.
   * Save the object to a file and check it offline with `npm run evidence:verify <file>`. For the applicant
   * (a company's head) and officers of the agency handling it; anyone else gets NOT_FOUND, as for an unknown
   * number.
   */
  applicationEvidence: Maybe<SignedEvidence>;
  /**
   * An officer's work queue: applications for the services their agency handles (an akimat: for applicants
   * registered in its region), oldest first.
   */
  applicationsToHandle: Array<Application>;
  /**
   * When a term of `days` runs out for a submission made at `from`: Kazakhstan's working-day calendar,
   * holidays and their carry-overs, government transfers, and the rule that a submission after working
   * hours or on a day off counts from the next working day. Public.
   */
  dueDate: DueDate;
  /** One public service by its stable code; null with NOT_FOUND when unknown. */
  publicService: Maybe<PublicService>;
  /**
   * The public services of the catalog, read from the service standards (seeds) with every fact cited.
   * Public: no token needed.
   */
  publicServices: Array<PublicService>;
};


export type QueryApplicationArgs = {
  number: Scalars['String']['input'];
};


export type QueryApplicationDraftArgs = {
  action: ServiceActionKind;
  applicantId: Scalars['ApplicantId']['input'];
  serviceCode: Scalars['ID']['input'];
};


export type QueryApplicationEvidenceArgs = {
  number: Scalars['String']['input'];
};


export type QueryApplicationsToHandleArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<ApplicationStatus>>;
};


export type QueryDueDateArgs = {
  days: Scalars['Int']['input'];
  from: Scalars['DateTime']['input'];
  unit: TermUnit;
};


export type QueryPublicServiceArgs = {
  code: Scalars['ID']['input'];
};


export type QueryPublicServicesArgs = {
  filter?: InputMaybe<PublicServiceFilter>;
};

export type ReceiptDocument = {
  __typename?: 'ReceiptDocument';
  attachmentIds: Array<Scalars['ID']['output']>;
  documentId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  registry: Maybe<RegistryName>;
  /** What the registry vouched for. */
  summary: Maybe<Scalars['String']['output']>;
  supply: ReceiptSupply;
};

export type ReceiptSupply =
  | 'ATTACHED'
  | 'BY_AUTHORITY'
  | 'FILLED_ONLINE'
  | 'FROM_REGISTRY'
  /** The registry was down at submission; a scan from the office list was attached in its place (see Application.registryCheck). */
  | 'SCAN_INSTEAD';

export type RecipientKind =
  | 'FOREIGN_STATE_BODY'
  | 'INDIVIDUAL'
  | 'INDIVIDUAL_ENTREPRENEUR'
  | 'LEGAL_ENTITY';

export type RefusalGround = {
  __typename?: 'RefusalGround';
  /** The actions it applies to; null for every action. */
  actions: Maybe<Array<ServiceActionKind>>;
  /** Stable code an officer's refusal names. */
  code: Scalars['ID']['output'];
  source: Citation;
  text: Scalars['String']['output'];
  textOriginal: Scalars['String']['output'];
};

/** An application submitted while registries were down: which and when, and the re-read once they are back. */
export type RegistryCheck = {
  __typename?: 'RegistryCheck';
  /** Attempts to read the registries again (each waits longer while they stay down). */
  attempts: Scalars['Int']['output'];
  /** When the comparison was recorded. */
  checkedAt: Maybe<Scalars['DateTime']['output']>;
  /** Each fact left unread at submission: whether the registry now vouches for it. */
  facts: Array<FactRecheck>;
  /** Each form field left empty at submission against the registry's value now. */
  fields: Array<FieldRecheck>;
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** Why the last attempt did not finish (the registry and code), while pending. */
  lastError: Maybe<Scalars['String']['output']>;
  /** When the next attempt is due, while pending. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** The registries that were down at submission, when, and the facts and fields left unread. */
  outages: Array<RegistryOutage>;
  /** When the registries were read again for the comparison. */
  readAt: Maybe<Scalars['DateTime']['output']>;
  state: RegistryCheckState;
};

export type RegistryCheckState =
  /** The registries were read again and the comparison recorded. */
  | 'CHECKED'
  /** A registry that was down has not been read again yet (no decision until it is). */
  | 'PENDING';

export type RegistryFact =
  | 'ENTREPRENEUR_REGISTRATION'
  | 'FEE_PAYMENT'
  | 'IDENTITY_DOCUMENT'
  | 'LEGAL_ENTITY_REGISTRATION'
  | 'LICENCE';

export type RegistryName =
  /** ГБД ФЛ */
  | 'individuals'
  /** ГБД ЮЛ */
  | 'legal-entities'
  /** Е-лицензирование */
  | 'licensing'
  /** ПШЭП */
  | 'payments';

/** A registry that could not be read (degraded mode), and what could not be read from it. */
export type RegistryOutage = {
  __typename?: 'RegistryOutage';
  /** When the read failed. */
  at: Scalars['DateTime']['output'];
  /** REGISTRY_UNAVAILABLE, REGISTRY_TIMEOUT or REGISTRY_BAD_RESPONSE. */
  code: Scalars['String']['output'];
  /** The facts this registry would have vouched for. */
  facts: Array<UnreadFact>;
  /** Form fields that would have been prefilled from this registry and are empty. */
  fields: Array<Scalars['ID']['output']>;
  registry: RegistryName;
};

export type SeedSays =
  | 'APPLICANT'
  | 'STATE_SYSTEM';

export type ServiceAction = {
  __typename?: 'ServiceAction';
  deadline: Deadline;
  /** The documents of this action, in one channel's list or in both. */
  documents: Array<ServiceDocument>;
  kind: ServiceActionKind;
  /** When this action applies (e.g. the grounds for reissue), where the standard says. */
  when: Maybe<Scalars['String']['output']>;
};


export type ServiceActionDocumentsArgs = {
  channel?: InputMaybe<DocumentChannel>;
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

export type ServiceChannel =
  | 'EGOV_PORTAL'
  | 'ELICENSE_PORTAL'
  | 'OFFICE'
  | 'POST'
  /** Public service centre (ЦОН). */
  | 'PSC';

/** A document a standard lists for an action. */
export type ServiceDocument = {
  __typename?: 'ServiceDocument';
  /** Whom it is needed from; null when from every applicant. */
  appliesTo: Maybe<Array<DocumentApplicant>>;
  channels: Array<DocumentChannel>;
  condition: Maybe<Scalars['String']['output']>;
  /** Stable id; scans are uploaded under it. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  nameOriginal: Scalars['String']['output'];
  registry: Maybe<RegistryName>;
  registryFact: Maybe<RegistryFact>;
  /** What the standard literally says: the applicant brings it, or the authority takes it from state systems. */
  seedSays: SeedSays;
  source: Citation;
  /** ATTACH: a scan from the applicant. REGISTRY: one of our registries holds it. AUTHORITY: the authority obtains it elsewhere. */
  supply: DocumentSupply;
};

export type ServiceFee = {
  __typename?: 'ServiceFee';
  /** What each action costs this year, where a rate is known. */
  amounts: Array<FeeAmount>;
  /** What the standard says the fee is and how it is paid. */
  basis: Scalars['String']['output'];
  kind: FeeKind;
  paidVia: Maybe<PaidVia>;
  source: Citation;
};

export type ServiceNames = {
  __typename?: 'ServiceNames';
  en: Scalars['String']['output'];
  kk: Scalars['String']['output'];
  ru: Scalars['String']['output'];
};

/**
 * What the registries said when an application was submitted, and the receipt the applicant got, signed by
 * the service (Ed25519, in the manner of X-Road's signed message log), so the applicant, an officer or a court
 * can later prove it. The bundle is the exact text that was signed; a verifier checks the signature over its
 * UTF-8 bytes against a key it already trusts.
 */
export type SignedEvidence = {
  __typename?: 'SignedEvidence';
  /** The signature algorithm: Ed25519. */
  algorithm: Scalars['String']['output'];
  /**
   * The signed bundle, canonical JSON (RFC 8785): type ("egov-graph/evidence/v1"), number, serviceCode,
   * action, applicantId, submittedAt, receipt, facts [{form, field, value, registry, path, recordId, readAt}],
   * applicantSignatureSha256 (of the applicant's ЭЦП over the request), signedAt and keyId.
   */
  bundle: Scalars['String']['output'];
  /** The signing key: sha256:<hex SHA-256 of its public key, SPKI DER>; the bundle names it too. */
  keyId: Scalars['String']['output'];
  /** The application's number. */
  number: Scalars['String']['output'];
  /** The signing key's public half (SPKI PEM). A verifier relies on it only when it is a key the verifier already trusts. */
  publicKey: Scalars['String']['output'];
  /** The signature over the bundle's UTF-8 bytes, base64url. */
  signature: Scalars['String']['output'];
  /** When the service signed the bundle: in the transaction that stored the application. */
  signedAt: Scalars['DateTime']['output'];
};

export type StatusChange = {
  __typename?: 'StatusChange';
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  note: Maybe<Scalars['String']['output']>;
  status: ApplicationStatus;
};

export type SubmitApplicationInput = {
  action: ServiceActionKind;
  applicantId: Scalars['ApplicantId']['input'];
  /** Ids of scans uploaded to POST /attachments. */
  attachmentIds: Array<Scalars['ID']['input']>;
  /** Values for the fields no registry holds (phone, activity details ...), by field id. */
  fields?: InputMaybe<Array<FieldValueInput>>;
  /** A client-chosen key (a UUID): retrying with it returns the same receipt and never files twice. */
  idempotencyKey: Scalars['String']['input'];
  /** The ПШЭП payment of the fee; by default the applicant's unused paid fee for this service and action. */
  paymentId?: InputMaybe<Scalars['ID']['input']>;
  serviceCode: Scalars['ID']['input'];
  /**
   * The applicant's detached CMS signature (base64, ЭЦП) over the canonical application payload
   * (serviceCode, action, applicantId, idempotencyKey, paymentId, the scans' ids and SHA-256, the typed fields),
   * with the signer's certificate inside. The certificate must chain to a trusted root, be valid and not
   * revoked, and name the applicant's IIN (or, for a company, its BIN).
   */
  signature: Scalars['String']['input'];
};

export type SubmitApplicationResult = ApplicationReceipt | ApplicationRejected;

export type TermUnit =
  | 'CALENDAR_DAYS'
  | 'WORKING_DAYS';

/** A fact a registry would have vouched for, and what stands in for it while the registry is down. */
export type UnreadFact = {
  __typename?: 'UnreadFact';
  /** The portal document the registry would have supplied. */
  document: ServiceDocument;
  fact: RegistryFact;
  /** Why nothing can be attached instead, when the standard names no document (nothing is invented). */
  noSubstituteBecause: Maybe<Scalars['String']['output']>;
  /** Documents of the standard's office/PSC list for the same fact, to attach as scans instead; empty when the standard names none. */
  substitutes: Array<ServiceDocument>;
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
  Application: Application;
  LegalEntity: LegalEntity;
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Application:
    ( { __typename: 'Application' }
    & GraphQLRecursivePick<FederationTypes['Application'], {"number":true}> );
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
    | ( LegalEntityRef )
    | ( PersonRef )
  ;
  SubmitApplicationResult:
    | ( ApplicationReceiptModel )
    | ( ApplicationRejectedModel )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Applicant: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Applicant']>;
  ApplicantId: ResolverTypeWrapper<Scalars['ApplicantId']['output']>;
  Application: ResolverTypeWrapper<ApplicationModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ApplicationDraft: ResolverTypeWrapper<ApplicationDraftModel>;
  ApplicationReceipt: ResolverTypeWrapper<ApplicationReceiptModel>;
  ApplicationRejected: ResolverTypeWrapper<ApplicationRejectedModel>;
  ApplicationStatus: ApplicationStatus;
  Attachment: ResolverTypeWrapper<AttachmentModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Automation: Automation;
  BIN: ResolverTypeWrapper<Scalars['BIN']['output']>;
  Citation: ResolverTypeWrapper<CitationModel>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DayOff: ResolverTypeWrapper<DayOff>;
  Deadline: ResolverTypeWrapper<DeadlineModel>;
  DeadlineStart: DeadlineStart;
  DeadlineUnit: DeadlineUnit;
  DecideApplicationInput: DecideApplicationInput;
  DecisionOutcome: DecisionOutcome;
  Delivery: ResolverTypeWrapper<DeliveryModel>;
  DeliveryState: DeliveryState;
  DocumentApplicant: DocumentApplicant;
  DocumentChannel: DocumentChannel;
  DocumentSupply: DocumentSupply;
  DraftDocument: ResolverTypeWrapper<DraftDocumentModel>;
  DraftDocumentStatus: DraftDocumentStatus;
  DraftField: ResolverTypeWrapper<DraftFieldModel>;
  DueDate: ResolverTypeWrapper<DueDateModel>;
  FactRecheck: ResolverTypeWrapper<FactRecheckModel>;
  FeeAmount: ResolverTypeWrapper<FeeAmountModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FeeKind: FeeKind;
  FeeStatus: ResolverTypeWrapper<FeeStatusModel>;
  FieldFiller: FieldFiller;
  FieldRecheck: ResolverTypeWrapper<FieldRecheckModel>;
  FieldSource: ResolverTypeWrapper<FieldSourceModel>;
  FieldValueInput: FieldValueInput;
  Form: ResolverTypeWrapper<FormModel>;
  FormField: ResolverTypeWrapper<FormFieldModel>;
  IIN: ResolverTypeWrapper<Scalars['IIN']['output']>;
  LegalEntity: ResolverTypeWrapper<LegalEntityRef>;
  License: ResolverTypeWrapper<LicenseRefModel>;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PaidVia: PaidVia;
  Payment: ResolverTypeWrapper<PaymentRefModel>;
  Person: ResolverTypeWrapper<PersonRef>;
  PrefillSource: ResolverTypeWrapper<PrefillSourceModel>;
  Problem: ResolverTypeWrapper<ProblemModel>;
  ProblemCode: ProblemCode;
  ProcessStep: ResolverTypeWrapper<ProcessStepModel>;
  Provider: ResolverTypeWrapper<ProviderModel>;
  PublicService: ResolverTypeWrapper<PublicServiceModel>;
  PublicServiceFilter: PublicServiceFilter;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReceiptDocument: ResolverTypeWrapper<ReceiptDocumentModel>;
  ReceiptSupply: ReceiptSupply;
  RecipientKind: RecipientKind;
  RefusalGround: ResolverTypeWrapper<RefusalGroundModel>;
  RegistryCheck: ResolverTypeWrapper<RegistryCheckModel>;
  RegistryCheckState: RegistryCheckState;
  RegistryFact: RegistryFact;
  RegistryName: null;
  RegistryOutage: ResolverTypeWrapper<RegistryOutageModel>;
  SeedSays: SeedSays;
  ServiceAction: ResolverTypeWrapper<ServiceActionModel>;
  ServiceActionKind: ServiceActionKind;
  ServiceChannel: ServiceChannel;
  ServiceDocument: ResolverTypeWrapper<ServiceDocumentModel>;
  ServiceFee: ResolverTypeWrapper<ServiceFeeModel>;
  ServiceNames: ResolverTypeWrapper<ServiceNames>;
  SignedEvidence: ResolverTypeWrapper<SignedEvidenceModel>;
  StatusChange: ResolverTypeWrapper<StatusChangeModel>;
  SubmitApplicationInput: SubmitApplicationInput;
  SubmitApplicationResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SubmitApplicationResult']>;
  TermUnit: TermUnit;
  UnreadFact: ResolverTypeWrapper<UnreadFactModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Applicant: ResolversUnionTypes<ResolversParentTypes>['Applicant'];
  ApplicantId: Scalars['ApplicantId']['output'];
  Application: ApplicationModel;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ApplicationDraft: ApplicationDraftModel;
  ApplicationReceipt: ApplicationReceiptModel;
  ApplicationRejected: ApplicationRejectedModel;
  Attachment: AttachmentModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  BIN: Scalars['BIN']['output'];
  Citation: CitationModel;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DayOff: DayOff;
  Deadline: DeadlineModel;
  DecideApplicationInput: DecideApplicationInput;
  Delivery: DeliveryModel;
  DraftDocument: DraftDocumentModel;
  DraftField: DraftFieldModel;
  DueDate: DueDateModel;
  FactRecheck: FactRecheckModel;
  FeeAmount: FeeAmountModel;
  Float: Scalars['Float']['output'];
  FeeStatus: FeeStatusModel;
  FieldRecheck: FieldRecheckModel;
  FieldSource: FieldSourceModel;
  FieldValueInput: FieldValueInput;
  Form: FormModel;
  FormField: FormFieldModel;
  IIN: Scalars['IIN']['output'];
  LegalEntity: LegalEntityRef;
  License: LicenseRefModel;
  Money: Scalars['Money']['output'];
  Mutation: Record<PropertyKey, never>;
  Payment: PaymentRefModel;
  Person: PersonRef;
  PrefillSource: PrefillSourceModel;
  Problem: ProblemModel;
  ProcessStep: ProcessStepModel;
  Provider: ProviderModel;
  PublicService: PublicServiceModel;
  PublicServiceFilter: PublicServiceFilter;
  Query: Record<PropertyKey, never>;
  ReceiptDocument: ReceiptDocumentModel;
  RefusalGround: RefusalGroundModel;
  RegistryCheck: RegistryCheckModel;
  RegistryOutage: RegistryOutageModel;
  ServiceAction: ServiceActionModel;
  ServiceDocument: ServiceDocumentModel;
  ServiceFee: ServiceFeeModel;
  ServiceNames: ServiceNames;
  SignedEvidence: SignedEvidenceModel;
  StatusChange: StatusChangeModel;
  SubmitApplicationInput: SubmitApplicationInput;
  SubmitApplicationResult: ResolversUnionTypes<ResolversParentTypes>['SubmitApplicationResult'];
  UnreadFact: UnreadFactModel;
}>;

export type ApplicantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Applicant'] = ResolversParentTypes['Applicant']> = ResolversObject<{
  __resolveType: TypeResolveFn<'LegalEntity' | 'Person', ParentType, ContextType>;
}>;

export interface ApplicantIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ApplicantId'], any> {
  name: 'ApplicantId';
}

export type ApplicationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Application'] = ResolversParentTypes['Application'], FederationReferenceType extends FederationReferenceTypes['Application'] = FederationReferenceTypes['Application']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Application']> | FederationReferenceType, FederationReferenceType, ContextType>;
  action?: Resolver<ResolversTypes['ServiceActionKind'], ParentType, ContextType>;
  applicant?: Resolver<ResolversTypes['Applicant'], ParentType, ContextType>;
  applicantKind?: Resolver<ResolversTypes['RecipientKind'], ParentType, ContextType>;
  attachments?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decisionNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  delivery?: Resolver<ResolversTypes['Delivery'], ParentType, ContextType>;
  documents?: Resolver<Array<ResolversTypes['ReceiptDocument']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DraftField']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['StatusChange']>, ParentType, ContextType>;
  license?: Resolver<Maybe<ResolversTypes['License']>, ParentType, ContextType>;
  needsRegistryCheck?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  refusalGround?: Resolver<Maybe<ResolversTypes['RefusalGround']>, ParentType, ContextType>;
  registryCheck?: Resolver<Maybe<ResolversTypes['RegistryCheck']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['PublicService'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApplicationStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ApplicationDraftResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApplicationDraft'] = ResolversParentTypes['ApplicationDraft']> = ResolversObject<{
  action?: Resolver<ResolversTypes['ServiceActionKind'], ParentType, ContextType>;
  applicant?: Resolver<ResolversTypes['Applicant'], ParentType, ContextType>;
  applicantKind?: Resolver<ResolversTypes['RecipientKind'], ParentType, ContextType>;
  attachmentsNeeded?: Resolver<Array<ResolversTypes['ServiceDocument']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['DocumentChannel'], ParentType, ContextType>;
  documents?: Resolver<Array<ResolversTypes['DraftDocument']>, ParentType, ContextType>;
  eligible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expectedResult?: Resolver<Maybe<ResolversTypes['DueDate']>, ParentType, ContextType>;
  expectedResultUnknownBecause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fee?: Resolver<ResolversTypes['FeeStatus'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DraftField']>, ParentType, ContextType>;
  license?: Resolver<Maybe<ResolversTypes['License']>, ParentType, ContextType>;
  readAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['Problem']>, ParentType, ContextType>;
  registryOutages?: Resolver<Array<ResolversTypes['RegistryOutage']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['PublicService'], ParentType, ContextType>;
}>;

export type ApplicationReceiptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApplicationReceipt'] = ResolversParentTypes['ApplicationReceipt']> = ResolversObject<{
  acceptedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  action?: Resolver<ResolversTypes['ServiceActionKind'], ParentType, ContextType>;
  application?: Resolver<ResolversTypes['Application'], ParentType, ContextType>;
  documents?: Resolver<Array<ResolversTypes['ReceiptDocument']>, ParentType, ContextType>;
  expectedResultDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  expectedResultUnknownBecause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['PublicService'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ApplicationRejectedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApplicationRejected'] = ResolversParentTypes['ApplicationRejected']> = ResolversObject<{
  problems?: Resolver<Array<ResolversTypes['Problem']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AttachmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = ResolversObject<{
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fileName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export interface BinScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BIN'], any> {
  name: 'BIN';
}

export type CitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = ResolversObject<{
  fromLine?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toLine?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DayOffResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DayOff'] = ResolversParentTypes['DayOff']> = ResolversObject<{
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DeadlineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Deadline'] = ResolversParentTypes['Deadline']> = ResolversObject<{
  countsFrom?: Resolver<ResolversTypes['DeadlineStart'], ParentType, ContextType>;
  deemedIssuedIfSilent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['DeadlineUnit'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type DeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Delivery'] = ResolversParentTypes['Delivery']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DeliveryState'], ParentType, ContextType>;
}>;

export type DraftDocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DraftDocument'] = ResolversParentTypes['DraftDocument']> = ResolversObject<{
  document?: Resolver<ResolversTypes['ServiceDocument'], ParentType, ContextType>;
  insteadOf?: Resolver<Maybe<ResolversTypes['ServiceDocument']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DraftDocumentStatus'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unavailableBecause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DraftFieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DraftField'] = ResolversParentTypes['DraftField']> = ResolversObject<{
  fieldId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  filledBy?: Resolver<ResolversTypes['FieldFiller'], ParentType, ContextType>;
  formId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  formTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labelOriginal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['FieldSource']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DueDateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DueDate'] = ResolversParentTypes['DueDate']> = ResolversObject<{
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  skippedDaysOff?: Resolver<Array<ResolversTypes['DayOff']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FactRecheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FactRecheck'] = ResolversParentTypes['FactRecheck']> = ResolversObject<{
  confirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['ServiceDocument'], ParentType, ContextType>;
  fact?: Resolver<ResolversTypes['RegistryFact'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['RegistryName'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FeeAmountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeeAmount'] = ResolversParentTypes['FeeAmount']> = ResolversObject<{
  action?: Resolver<ResolversTypes['ServiceActionKind'], ParentType, ContextType>;
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  amountMrp?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FeeKind'], ParentType, ContextType>;
  mrp?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  rateSource?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unknownBecause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FeeStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeeStatus'] = ResolversParentTypes['FeeStatus']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  amountMrp?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FeeKind'], ParentType, ContextType>;
  mrp?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paidVia?: Resolver<Maybe<ResolversTypes['PaidVia']>, ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  rateSource?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unknownBecause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FieldRecheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldRecheck'] = ResolversParentTypes['FieldRecheck']> = ResolversObject<{
  fieldId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['RegistryName'], ParentType, ContextType>;
  registryValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  same?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  submitted?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FieldSourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldSource'] = ResolversParentTypes['FieldSource']> = ResolversObject<{
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  readAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recordId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['RegistryName'], ParentType, ContextType>;
}>;

export type FormResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Form'] = ResolversParentTypes['Form']> = ResolversObject<{
  appliesTo?: Resolver<Array<ResolversTypes['DocumentApplicant']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['FormField']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  titleOriginal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FormFieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FormField'] = ResolversParentTypes['FormField']> = ResolversObject<{
  filledBy?: Resolver<ResolversTypes['FieldFiller'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labelOriginal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefill?: Resolver<Array<ResolversTypes['PrefillSource']>, ParentType, ContextType>;
}>;

export interface IinScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IIN'], any> {
  name: 'IIN';
}

export type LegalEntityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity'], FederationReferenceType extends FederationReferenceTypes['LegalEntity'] = FederationReferenceTypes['LegalEntity']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  applications?: Resolver<Maybe<Array<ResolversTypes['Application']>>, ParentType, ContextType>;
  bin?: Resolver<ResolversTypes['BIN'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LicenseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['License'] = ResolversParentTypes['License']> = ResolversObject<{
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface MoneyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Money'], any> {
  name: 'Money';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  decideApplication?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationDecideApplicationArgs, 'input'>>;
  startReview?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationStartReviewArgs, 'number'>>;
  submitApplication?: Resolver<ResolversTypes['SubmitApplicationResult'], ParentType, ContextType, RequireFields<MutationSubmitApplicationArgs, 'input'>>;
}>;

export type PaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  applications?: Resolver<Maybe<Array<ResolversTypes['Application']>>, ParentType, ContextType>;
  iin?: Resolver<ResolversTypes['IIN'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PrefillSourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PrefillSource'] = ResolversParentTypes['PrefillSource']> = ResolversObject<{
  appliesTo?: Resolver<Maybe<Array<ResolversTypes['DocumentApplicant']>>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['RegistryName'], ParentType, ContextType>;
}>;

export type ProblemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Problem'] = ResolversParentTypes['Problem']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ProblemCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProcessStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcessStep'] = ResolversParentTypes['ProcessStep']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  duration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  flow?: Resolver<ResolversTypes['DocumentChannel'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
}>;

export type ProviderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider']> = ResolversObject<{
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameOriginal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PublicServiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PublicService'] = ResolversParentTypes['PublicService']> = ResolversObject<{
  act?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  action?: Resolver<Maybe<ResolversTypes['ServiceAction']>, ParentType, ContextType, RequireFields<PublicServiceActionArgs, 'kind'>>;
  actions?: Resolver<Array<ResolversTypes['ServiceAction']>, ParentType, ContextType>;
  automation?: Resolver<ResolversTypes['Automation'], ParentType, ContextType>;
  channels?: Resolver<Array<ResolversTypes['ServiceChannel']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fee?: Resolver<ResolversTypes['ServiceFee'], ParentType, ContextType>;
  forms?: Resolver<Array<ResolversTypes['Form']>, ParentType, ContextType>;
  inForce?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  legalBasis?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  licenceActivity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  names?: Resolver<ResolversTypes['ServiceNames'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  processSteps?: Resolver<Array<ResolversTypes['ProcessStep']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  recipients?: Resolver<Array<ResolversTypes['RecipientKind']>, ParentType, ContextType>;
  refusalGrounds?: Resolver<Array<ResolversTypes['RefusalGround']>, ParentType, ContextType>;
  repealedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  result?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
  supersedes?: Resolver<Maybe<ResolversTypes['Citation']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  application?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<QueryApplicationArgs, 'number'>>;
  applicationDraft?: Resolver<Maybe<ResolversTypes['ApplicationDraft']>, ParentType, ContextType, RequireFields<QueryApplicationDraftArgs, 'action' | 'applicantId' | 'serviceCode'>>;
  applicationEvidence?: Resolver<Maybe<ResolversTypes['SignedEvidence']>, ParentType, ContextType, RequireFields<QueryApplicationEvidenceArgs, 'number'>>;
  applicationsToHandle?: Resolver<Array<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<QueryApplicationsToHandleArgs, 'first' | 'status'>>;
  dueDate?: Resolver<ResolversTypes['DueDate'], ParentType, ContextType, RequireFields<QueryDueDateArgs, 'days' | 'from' | 'unit'>>;
  publicService?: Resolver<Maybe<ResolversTypes['PublicService']>, ParentType, ContextType, RequireFields<QueryPublicServiceArgs, 'code'>>;
  publicServices?: Resolver<Array<ResolversTypes['PublicService']>, ParentType, ContextType, Partial<QueryPublicServicesArgs>>;
}>;

export type ReceiptDocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceiptDocument'] = ResolversParentTypes['ReceiptDocument']> = ResolversObject<{
  attachmentIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registry?: Resolver<Maybe<ResolversTypes['RegistryName']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supply?: Resolver<ResolversTypes['ReceiptSupply'], ParentType, ContextType>;
}>;

export type RefusalGroundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RefusalGround'] = ResolversParentTypes['RefusalGround']> = ResolversObject<{
  actions?: Resolver<Maybe<Array<ResolversTypes['ServiceActionKind']>>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  textOriginal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RegistryCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistryCheck'] = ResolversParentTypes['RegistryCheck']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  facts?: Resolver<Array<ResolversTypes['FactRecheck']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['FieldRecheck']>, ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  outages?: Resolver<Array<ResolversTypes['RegistryOutage']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['RegistryCheckState'], ParentType, ContextType>;
}>;

export type RegistryNameResolvers = { INDIVIDUALS: 'individuals', LEGAL_ENTITIES: 'legal-entities', LICENSING: 'licensing', PAYMENTS: 'payments' };

export type RegistryOutageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistryOutage'] = ResolversParentTypes['RegistryOutage']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  facts?: Resolver<Array<ResolversTypes['UnreadFact']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['RegistryName'], ParentType, ContextType>;
}>;

export type ServiceActionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceAction'] = ResolversParentTypes['ServiceAction']> = ResolversObject<{
  deadline?: Resolver<ResolversTypes['Deadline'], ParentType, ContextType>;
  documents?: Resolver<Array<ResolversTypes['ServiceDocument']>, ParentType, ContextType, Partial<ServiceActionDocumentsArgs>>;
  kind?: Resolver<ResolversTypes['ServiceActionKind'], ParentType, ContextType>;
  when?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ServiceDocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceDocument'] = ResolversParentTypes['ServiceDocument']> = ResolversObject<{
  appliesTo?: Resolver<Maybe<Array<ResolversTypes['DocumentApplicant']>>, ParentType, ContextType>;
  channels?: Resolver<Array<ResolversTypes['DocumentChannel']>, ParentType, ContextType>;
  condition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameOriginal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registry?: Resolver<Maybe<ResolversTypes['RegistryName']>, ParentType, ContextType>;
  registryFact?: Resolver<Maybe<ResolversTypes['RegistryFact']>, ParentType, ContextType>;
  seedSays?: Resolver<ResolversTypes['SeedSays'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
  supply?: Resolver<ResolversTypes['DocumentSupply'], ParentType, ContextType>;
}>;

export type ServiceFeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceFee'] = ResolversParentTypes['ServiceFee']> = ResolversObject<{
  amounts?: Resolver<Array<ResolversTypes['FeeAmount']>, ParentType, ContextType>;
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FeeKind'], ParentType, ContextType>;
  paidVia?: Resolver<Maybe<ResolversTypes['PaidVia']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
}>;

export type ServiceNamesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceNames'] = ResolversParentTypes['ServiceNames']> = ResolversObject<{
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kk?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ru?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SignedEvidenceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignedEvidence'] = ResolversParentTypes['SignedEvidence']> = ResolversObject<{
  algorithm?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bundle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publicKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type StatusChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatusChange'] = ResolversParentTypes['StatusChange']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApplicationStatus'], ParentType, ContextType>;
}>;

export type SubmitApplicationResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubmitApplicationResult'] = ResolversParentTypes['SubmitApplicationResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ApplicationReceipt' | 'ApplicationRejected', ParentType, ContextType>;
}>;

export type UnreadFactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnreadFact'] = ResolversParentTypes['UnreadFact']> = ResolversObject<{
  document?: Resolver<ResolversTypes['ServiceDocument'], ParentType, ContextType>;
  fact?: Resolver<ResolversTypes['RegistryFact'], ParentType, ContextType>;
  noSubstituteBecause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  substitutes?: Resolver<Array<ResolversTypes['ServiceDocument']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Applicant?: ApplicantResolvers<ContextType>;
  ApplicantId?: GraphQLScalarType;
  Application?: ApplicationResolvers<ContextType>;
  ApplicationDraft?: ApplicationDraftResolvers<ContextType>;
  ApplicationReceipt?: ApplicationReceiptResolvers<ContextType>;
  ApplicationRejected?: ApplicationRejectedResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  BIN?: GraphQLScalarType;
  Citation?: CitationResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DayOff?: DayOffResolvers<ContextType>;
  Deadline?: DeadlineResolvers<ContextType>;
  Delivery?: DeliveryResolvers<ContextType>;
  DraftDocument?: DraftDocumentResolvers<ContextType>;
  DraftField?: DraftFieldResolvers<ContextType>;
  DueDate?: DueDateResolvers<ContextType>;
  FactRecheck?: FactRecheckResolvers<ContextType>;
  FeeAmount?: FeeAmountResolvers<ContextType>;
  FeeStatus?: FeeStatusResolvers<ContextType>;
  FieldRecheck?: FieldRecheckResolvers<ContextType>;
  FieldSource?: FieldSourceResolvers<ContextType>;
  Form?: FormResolvers<ContextType>;
  FormField?: FormFieldResolvers<ContextType>;
  IIN?: GraphQLScalarType;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  License?: LicenseResolvers<ContextType>;
  Money?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PrefillSource?: PrefillSourceResolvers<ContextType>;
  Problem?: ProblemResolvers<ContextType>;
  ProcessStep?: ProcessStepResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  PublicService?: PublicServiceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReceiptDocument?: ReceiptDocumentResolvers<ContextType>;
  RefusalGround?: RefusalGroundResolvers<ContextType>;
  RegistryCheck?: RegistryCheckResolvers<ContextType>;
  RegistryName?: RegistryNameResolvers;
  RegistryOutage?: RegistryOutageResolvers<ContextType>;
  ServiceAction?: ServiceActionResolvers<ContextType>;
  ServiceDocument?: ServiceDocumentResolvers<ContextType>;
  ServiceFee?: ServiceFeeResolvers<ContextType>;
  ServiceNames?: ServiceNamesResolvers<ContextType>;
  SignedEvidence?: SignedEvidenceResolvers<ContextType>;
  StatusChange?: StatusChangeResolvers<ContextType>;
  SubmitApplicationResult?: SubmitApplicationResultResolvers<ContextType>;
  UnreadFact?: UnreadFactResolvers<ContextType>;
}>;

