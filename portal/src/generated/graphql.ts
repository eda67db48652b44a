/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccessorKind =
  | 'CITIZEN'
  | 'OFFICER'
  | 'PARTNER'
  | 'PORTAL';

export type ApplicationStatus =
  /** The standard's deadline passed without a decision, and the standard deems the result issued. */
  | 'DEEMED_ISSUED'
  | 'IN_REVIEW'
  | 'ISSUED'
  | 'REFUSED'
  | 'SUBMITTED';

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
  note?: string | null | undefined;
  number: string;
  outcome: DecisionOutcome;
  /** Required for REFUSE: one of the service's refusal ground codes. */
  refusalGround?: string | number | null | undefined;
  /** The officer's detached CMS signature over the canonical decision payload (number, outcome, refusalGround, note, officer's IIN). */
  signature: string;
};

export type DecisionOutcome =
  | 'ISSUE'
  | 'REFUSE';

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

export type FeeKind =
  /** A price set by contract with the provider. */
  | 'BY_CONTRACT'
  | 'FREE'
  /** The licence fee of the Tax Code. */
  | 'LICENCE_FEE'
  | 'STATE_DUTY';

export type FieldFiller =
  | 'APPLICANT'
  /** The authority's part of the form (acceptance marks); never prefilled. */
  | 'AUTHORITY';

export type FieldValueInput = {
  fieldId: string | number;
  value: string;
};

export type Language =
  /** Kazakh, the state language. */
  | 'KK'
  /** Russian, the official language used alongside it. */
  | 'RU';

export type PaidVia =
  | 'BANK'
  /** The e-government payment gateway. */
  | 'PSHEP';

export type PaymentStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PAID'
  | 'PENDING';

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

export type PublicServiceFilter = {
  /** Services that can (true) or cannot (false) be applied for on a portal. */
  online?: boolean | null | undefined;
  /** Services with (true) or without (false) a fee or price. */
  paid?: boolean | null | undefined;
  /** Services this kind of applicant may use (an entrepreneur may also use services for individuals). */
  recipient?: RecipientKind | null | undefined;
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

export type RegistryName =
  /** ГБД ФЛ */
  | 'INDIVIDUALS'
  /** ГБД ЮЛ */
  | 'LEGAL_ENTITIES'
  /** Е-лицензирование */
  | 'LICENSING'
  /** ПШЭП */
  | 'PAYMENTS';

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

export type SubmitApplicationInput = {
  action: ServiceActionKind;
  applicantId: string;
  /** Ids of scans uploaded to POST /attachments. */
  attachmentIds: Array<string | number>;
  /** Values for the fields no registry holds (phone, activity details ...), by field id. */
  fields?: Array<FieldValueInput> | null | undefined;
  /** A client-chosen key (a UUID): retrying with it returns the same receipt and never files twice. */
  idempotencyKey: string;
  /** The ПШЭП payment of the fee; by default the applicant's unused paid fee for this service and action. */
  paymentId?: string | number | null | undefined;
  serviceCode: string | number;
  /**
   * The applicant's detached CMS signature (base64, ЭЦП) over the canonical application payload
   * (serviceCode, action, applicantId, idempotencyKey, paymentId, the scans' ids and SHA-256, the typed fields),
   * with the signer's certificate inside. The certificate must chain to a trusted root, be valid and not
   * revoked, and name the applicant's IIN (or, for a company, its BIN).
   */
  signature: string;
};

export type TermUnit =
  | 'CALENDAR_DAYS'
  | 'WORKING_DAYS';

export type ApplyContextQueryVariables = Exact<{
  code: string | number;
  action: ServiceActionKind;
  iin: string;
  language: Language;
}>;


export type ApplyContextQuery = { publicService: { code: string, online: boolean, names: { kk: string, ru: string, en: string }, action: { kind: ServiceActionKind, deadline: { value: number | null, unit: DeadlineUnit }, documents: Array<{ id: string, name: string, nameOriginal: string, supply: DocumentSupply, appliesTo: Array<DocumentApplicant> | null }> } | null, forms: Array<{ id: string, title: string, appliesTo: Array<DocumentApplicant>, fields: Array<{ id: string, label: string, labelOriginal: string, filledBy: FieldFiller, prefill: Array<{ registry: RegistryName, appliesTo: Array<DocumentApplicant> | null }> }> }> } | null, person: { iin: string, fullName: string | null } | null, legalEntitiesOf: Array<{ bin: string, shortName: string | null }> | null };

export type ApplicationDraftQueryVariables = Exact<{
  serviceCode: string | number;
  action: ServiceActionKind;
  applicantId: string;
}>;


export type ApplicationDraftQuery = { applicationDraft: { applicantKind: RecipientKind, eligible: boolean, expectedResultUnknownBecause: string | null, readAt: string, reasons: Array<{ code: ProblemCode, message: string }>, applicant:
      | { __typename: 'LegalEntity', bin: string, shortName: string | null }
      | { __typename: 'Person', iin: string, fullName: string | null }
    , fields: Array<(
      { fieldId: string }
      & { ' $fragmentRefs'?: { 'DraftFieldRowFragment': DraftFieldRowFragment } }
    )>, documents: Array<{ ' $fragmentRefs'?: { 'DraftDocumentRowFragment': DraftDocumentRowFragment } }>, fee: (
      { paid: boolean, payment: { id: string } | null }
      & { ' $fragmentRefs'?: { 'FeeStatusPanelFragment': FeeStatusPanelFragment } }
    ), expectedResult: { dueDate: string } | null, registryOutages: Array<{ registry: RegistryName, code: string, fields: Array<string> }> } | null };

export type DraftDocumentRowFragment = { status: DraftDocumentStatus, summary: string | null, unavailableBecause: string | null, document: { id: string, name: string, nameOriginal: string, registry: RegistryName | null }, insteadOf: { name: string, nameOriginal: string } | null } & { ' $fragmentName'?: 'DraftDocumentRowFragment' };

export type DraftFieldRowFragment = { formId: string, formTitle: string, fieldId: string, label: string, labelOriginal: string, value: string | null, filledBy: FieldFiller, source: { registry: RegistryName, path: string, recordId: string | null, readAt: string } | null } & { ' $fragmentName'?: 'DraftFieldRowFragment' };

export type FeeStatusPanelFragment = { kind: FeeKind, paidVia: PaidVia | null, amount: string | null, amountMrp: number | null, unknownBecause: string | null, paid: boolean, payment: { id: string, status: PaymentStatus } | null } & { ' $fragmentName'?: 'FeeStatusPanelFragment' };

export type OpenPaymentMutationVariables = Exact<{
  serviceCode: string | number;
  action: ServiceActionKind;
  payerId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type OpenPaymentMutation = { initiatePayment: { paymentUrl: string, payment: { id: string, status: PaymentStatus, amount: string } } };

export type PaymentStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentStatusQuery = { payment: { id: string, status: PaymentStatus, paidAt: string | null } | null };

export type ReceiptDetailsFragment = { number: string, acceptedAt: string, expectedResultDate: string | null, expectedResultUnknownBecause: string | null, replayed: boolean, documents: Array<{ documentId: string, name: string, supply: ReceiptSupply, registry: RegistryName | null, summary: string | null, attachmentIds: Array<string> }>, application: { number: string, status: ApplicationStatus, dueDate: string | null } } & { ' $fragmentName'?: 'ReceiptDetailsFragment' };

export type ReceiptCalendarQueryVariables = Exact<{
  from: string;
  days: number;
  unit: TermUnit;
}>;


export type ReceiptCalendarQuery = { dueDate: { dueDate: string, warnings: Array<string>, skippedDaysOff: Array<{ date: string, reason: string }> } };

export type SubmitApplicationMutationVariables = Exact<{
  input: SubmitApplicationInput;
}>;


export type SubmitApplicationMutation = { submitApplication:
    | (
      { __typename: 'ApplicationReceipt', number: string }
      & { ' $fragmentRefs'?: { 'ReceiptDetailsFragment': ReceiptDetailsFragment } }
    )
    | { __typename: 'ApplicationRejected', problems: Array<{ code: ProblemCode, field: string | null, message: string }> }
   };

export type CatalogServicesQueryVariables = Exact<{
  filter?: PublicServiceFilter | null | undefined;
}>;


export type CatalogServicesQuery = { publicServices: Array<(
    { code: string, names: { kk: string, ru: string, en: string } }
    & { ' $fragmentRefs'?: { 'ServiceCardFragment': ServiceCardFragment } }
  )> };

export type DeadlineSummaryFragment = { value: number | null, unit: DeadlineUnit, countsFrom: DeadlineStart, deemedIssuedIfSilent: boolean, description: string, source: { ' $fragmentRefs'?: { 'CitationFieldsFragment': CitationFieldsFragment } } } & { ' $fragmentName'?: 'DeadlineSummaryFragment' };

export type ServiceDocumentItemFragment = { id: string, name: string, nameOriginal: string, channels: Array<DocumentChannel>, supply: DocumentSupply, registry: RegistryName | null, condition: string | null, source: { ' $fragmentRefs'?: { 'CitationFieldsFragment': CitationFieldsFragment } } } & { ' $fragmentName'?: 'ServiceDocumentItemFragment' };

export type FeeSummaryFragment = { kind: FeeKind, basis: string, paidVia: PaidVia | null, source: { ' $fragmentRefs'?: { 'CitationFieldsFragment': CitationFieldsFragment } }, amounts: Array<{ action: ServiceActionKind, amountMrp: number | null, amount: string | null, year: number, unknownBecause: string | null }> } & { ' $fragmentName'?: 'FeeSummaryFragment' };

export type RefusalGroundItemFragment = { code: string, text: string, textOriginal: string, actions: Array<ServiceActionKind> | null, source: { ' $fragmentRefs'?: { 'CitationFieldsFragment': CitationFieldsFragment } } } & { ' $fragmentName'?: 'RefusalGroundItemFragment' };

export type ServiceCardFragment = { code: string, online: boolean, inForce: boolean, recipients: Array<RecipientKind>, names: { kk: string, ru: string, en: string }, fee: { kind: FeeKind }, provider: { name: string, nameOriginal: string } } & { ' $fragmentName'?: 'ServiceCardFragment' };

export type ServiceDetailsQueryVariables = Exact<{
  code: string | number;
}>;


export type ServiceDetailsQuery = { publicService: { code: string, act: string, inForce: boolean, repealedBy: string | null, channels: Array<ServiceChannel>, online: boolean, recipients: Array<RecipientKind>, result: string, notes: Array<string>, names: { kk: string, ru: string, en: string }, source: { ' $fragmentRefs'?: { 'CitationFieldsFragment': CitationFieldsFragment } }, provider: { name: string, nameOriginal: string, address: string }, fee: { ' $fragmentRefs'?: { 'FeeSummaryFragment': FeeSummaryFragment } }, actions: Array<{ kind: ServiceActionKind, when: string | null, deadline: { ' $fragmentRefs'?: { 'DeadlineSummaryFragment': DeadlineSummaryFragment } }, online: Array<(
        { id: string }
        & { ' $fragmentRefs'?: { 'ServiceDocumentItemFragment': ServiceDocumentItemFragment } }
      )>, office: Array<(
        { id: string }
        & { ' $fragmentRefs'?: { 'ServiceDocumentItemFragment': ServiceDocumentItemFragment } }
      )> }>, refusalGrounds: Array<(
      { code: string }
      & { ' $fragmentRefs'?: { 'RefusalGroundItemFragment': RefusalGroundItemFragment } }
    )> } | null };

export type CitationFieldsFragment = { seed: string, fromLine: number, toLine: number } & { ' $fragmentName'?: 'CitationFieldsFragment' };

export type StatusChangeItemFragment = { at: string, status: ApplicationStatus, actor: string, note: string | null } & { ' $fragmentName'?: 'StatusChangeItemFragment' };

export type ApplicationSummaryFragment = { number: string, status: ApplicationStatus, action: ServiceActionKind, submittedAt: string, dueDate: string | null, decisionNote: string | null, service: { code: string, names: { kk: string, ru: string, en: string } }, refusalGround: { code: string, text: string, textOriginal: string } | null, license: { number: string } | null, history: Array<{ ' $fragmentRefs'?: { 'StatusChangeItemFragment': StatusChangeItemFragment } }> } & { ' $fragmentName'?: 'ApplicationSummaryFragment' };

export type MyDataAccessLogQueryVariables = Exact<{
  first: number;
}>;


export type MyDataAccessLogQuery = { myDataAccessLog: Array<{ id: string, at: string, service: string, purpose: string | null, fields: Array<string>, accessor: { kind: AccessorKind, name: string, agency: string | null } }> };

export type MyApplicationsQueryVariables = Exact<{
  iin: string;
  language: Language;
}>;


export type MyApplicationsQuery = { person: { iin: string, applications: Array<(
      { number: string }
      & { ' $fragmentRefs'?: { 'ApplicationSummaryFragment': ApplicationSummaryFragment } }
    )> | null, legalEntities: Array<{ bin: string, shortName: string | null, applications: Array<(
        { number: string }
        & { ' $fragmentRefs'?: { 'ApplicationSummaryFragment': ApplicationSummaryFragment } }
      )> | null }> | null } | null };

export type MyConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyConsentsQuery = { myConsents: Array<{ id: string, purpose: string, scope: Array<string>, status: ConsentStatus, validFrom: string, validUntil: string, withdrawnAt: string | null, partner: { id: string, name: string } }> };

export type WithdrawConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { id: string, status: ConsentStatus, withdrawnAt: string | null } };

export type DecideApplicationMutationVariables = Exact<{
  input: DecideApplicationInput;
}>;


export type DecideApplicationMutation = { decideApplication: { number: string, status: ApplicationStatus } };

export type OfficerQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type OfficerQueueQuery = { applicationsToHandle: Array<{ number: string, status: ApplicationStatus, action: ServiceActionKind, submittedAt: string, dueDate: string | null, service: { code: string, names: { kk: string, ru: string, en: string } }, applicant:
      | { __typename: 'LegalEntity', bin: string }
      | { __typename: 'Person', iin: string }
     }> };

export type ReviewApplicationQueryVariables = Exact<{
  number: string;
}>;


export type ReviewApplicationQuery = { application: { number: string, status: ApplicationStatus, action: ServiceActionKind, submittedAt: string, dueDate: string | null, decisionNote: string | null, service: { code: string, names: { kk: string, ru: string, en: string }, refusalGrounds: Array<{ code: string, text: string, textOriginal: string, actions: Array<ServiceActionKind> | null }> }, applicant:
      | { __typename: 'LegalEntity', bin: string }
      | { __typename: 'Person', iin: string }
    , fields: Array<(
      { fieldId: string, value: string | null }
      & { ' $fragmentRefs'?: { 'DraftFieldRowFragment': DraftFieldRowFragment } }
    )>, documents: Array<{ documentId: string, name: string, supply: ReceiptSupply, registry: RegistryName | null, summary: string | null }>, attachments: Array<{ id: string, documentId: string, fileName: string | null, mediaType: string, size: number, sha256: string }>, refusalGround: { code: string, text: string, textOriginal: string } | null, license: { number: string } | null, history: Array<{ ' $fragmentRefs'?: { 'StatusChangeItemFragment': StatusChangeItemFragment } }> } | null };

export type StartReviewMutationVariables = Exact<{
  number: string;
}>;


export type StartReviewMutation = { startReview: { number: string, status: ApplicationStatus } };

export const DraftDocumentRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DraftDocumentRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DraftDocument"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableBecause"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameOriginal"}},{"kind":"Field","name":{"kind":"Name","value":"registry"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insteadOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameOriginal"}}]}}]}}]} as unknown as DocumentNode<DraftDocumentRowFragment, unknown>;
export const DraftFieldRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DraftFieldRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DraftField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formId"}},{"kind":"Field","name":{"kind":"Name","value":"formTitle"}},{"kind":"Field","name":{"kind":"Name","value":"fieldId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelOriginal"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filledBy"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registry"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<DraftFieldRowFragment, unknown>;
export const FeeStatusPanelFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FeeStatusPanel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FeeStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"paidVia"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountMrp"}},{"kind":"Field","name":{"kind":"Name","value":"unknownBecause"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FeeStatusPanelFragment, unknown>;
export const ReceiptDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiptDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedResultDate"}},{"kind":"Field","name":{"kind":"Name","value":"expectedResultUnknownBecause"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"supply"}},{"kind":"Field","name":{"kind":"Name","value":"registry"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"attachmentIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}}]}}]}}]} as unknown as DocumentNode<ReceiptDetailsFragment, unknown>;
export const CitationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"fromLine"}},{"kind":"Field","name":{"kind":"Name","value":"toLine"}}]}}]} as unknown as DocumentNode<CitationFieldsFragment, unknown>;
export const DeadlineSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeadlineSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deadline"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"countsFrom"}},{"kind":"Field","name":{"kind":"Name","value":"deemedIssuedIfSilent"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"fromLine"}},{"kind":"Field","name":{"kind":"Name","value":"toLine"}}]}}]} as unknown as DocumentNode<DeadlineSummaryFragment, unknown>;
export const ServiceDocumentItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceDocumentItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceDocument"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameOriginal"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"supply"}},{"kind":"Field","name":{"kind":"Name","value":"registry"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"fromLine"}},{"kind":"Field","name":{"kind":"Name","value":"toLine"}}]}}]} as unknown as DocumentNode<ServiceDocumentItemFragment, unknown>;
export const FeeSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FeeSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceFee"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"paidVia"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"amountMrp"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"unknownBecause"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"fromLine"}},{"kind":"Field","name":{"kind":"Name","value":"toLine"}}]}}]} as unknown as DocumentNode<FeeSummaryFragment, unknown>;
export const RefusalGroundItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusalGroundItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefusalGround"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"textOriginal"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"fromLine"}},{"kind":"Field","name":{"kind":"Name","value":"toLine"}}]}}]} as unknown as DocumentNode<RefusalGroundItemFragment, unknown>;
export const ServiceCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kk"}},{"kind":"Field","name":{"kind":"Name","value":"ru"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"inForce"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameOriginal"}}]}}]}}]} as unknown as DocumentNode<ServiceCardFragment, unknown>;
export const StatusChangeItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusChangeItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<StatusChangeItemFragment, unknown>;
export const ApplicationSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplicationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kk"}},{"kind":"Field","name":{"kind":"Name","value":"ru"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refusalGround"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"textOriginal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"license"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusChangeItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusChangeItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<ApplicationSummaryFragment, unknown>;
export const ApplyContextDocument = {"__meta__":{"hash":"99d764c7c65d9e4c124e7fca7d4119c51845fc8c950117043a9854d8028dea86"}} as unknown as DocumentNode<ApplyContextQuery, ApplyContextQueryVariables>;
export const ApplicationDraftDocument = {"__meta__":{"hash":"5912073b63f58ee46064d0c093a1c2e63fe20b2dd9650190114f2620606ee6d2"}} as unknown as DocumentNode<ApplicationDraftQuery, ApplicationDraftQueryVariables>;
export const OpenPaymentDocument = {"__meta__":{"hash":"510550e11ba3e1b6d8b0ac9dd153824f092f73f1726ab4129956ceeaf54883d7"}} as unknown as DocumentNode<OpenPaymentMutation, OpenPaymentMutationVariables>;
export const PaymentStatusDocument = {"__meta__":{"hash":"b3b625f5e348cc870718fc8308dc6045b1af570ee633aaa08c0be4b02b0b9404"}} as unknown as DocumentNode<PaymentStatusQuery, PaymentStatusQueryVariables>;
export const ReceiptCalendarDocument = {"__meta__":{"hash":"d9e6af925673c8b3e427324533052a51b4da421b1bcd7d4795edcea85eb2f0c4"}} as unknown as DocumentNode<ReceiptCalendarQuery, ReceiptCalendarQueryVariables>;
export const SubmitApplicationDocument = {"__meta__":{"hash":"7705a961ff9b2241ff399548d5e5d0ab86fcd67540d0bc1ad6bb247e3f13f202"}} as unknown as DocumentNode<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const CatalogServicesDocument = {"__meta__":{"hash":"d519131bbd46a76a968a35f323fa231b78eda5b0bbe52a16eecd10cdf33a650a"}} as unknown as DocumentNode<CatalogServicesQuery, CatalogServicesQueryVariables>;
export const ServiceDetailsDocument = {"__meta__":{"hash":"def830c23e686d59efec4f5c1514ff654fbe007eb382a567e71c2749e34de3f5"}} as unknown as DocumentNode<ServiceDetailsQuery, ServiceDetailsQueryVariables>;
export const MyDataAccessLogDocument = {"__meta__":{"hash":"0b1294f6283e06d3c16c119e7f351d1dea5b715d5f841d4db3d5b0f44b8164da"}} as unknown as DocumentNode<MyDataAccessLogQuery, MyDataAccessLogQueryVariables>;
export const MyApplicationsDocument = {"__meta__":{"hash":"61d8d8f089e112eed2f56c30ad805990ec73a87beda44e048f3a04cbaf0605df"}} as unknown as DocumentNode<MyApplicationsQuery, MyApplicationsQueryVariables>;
export const MyConsentsDocument = {"__meta__":{"hash":"8cecaa5dd367128ca756ffb66b954f6927a65e42204ce107718146151d2000d1"}} as unknown as DocumentNode<MyConsentsQuery, MyConsentsQueryVariables>;
export const WithdrawConsentDocument = {"__meta__":{"hash":"4c20131b6e329922a296f7d2ae477a9e0aa39fb483fb7df04b14fb5f7f3dcac6"}} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const DecideApplicationDocument = {"__meta__":{"hash":"32a68696bba1ffffc1e878c30d6a9dde90953081cc5e6a97f2c6ebf6b32d8900"}} as unknown as DocumentNode<DecideApplicationMutation, DecideApplicationMutationVariables>;
export const OfficerQueueDocument = {"__meta__":{"hash":"956e6b3351d61b94f9c04486e4da2d7e8e3d3e16283d21be2b5ebb9892068096"}} as unknown as DocumentNode<OfficerQueueQuery, OfficerQueueQueryVariables>;
export const ReviewApplicationDocument = {"__meta__":{"hash":"6a06eff6208593235620f378ed6046e1ad3015452bd2753969451d49c78e2b31"}} as unknown as DocumentNode<ReviewApplicationQuery, ReviewApplicationQueryVariables>;
export const StartReviewDocument = {"__meta__":{"hash":"bc31598732628b53c2148c19e3a5ae06fec834a7cd1c251b793ae956419f8018"}} as unknown as DocumentNode<StartReviewMutation, StartReviewMutationVariables>;