/**
 * What each GraphQL type's resolvers receive as their parent: the catalog entries and application
 * records themselves. GraphQL Code Generator maps the schema's types to these (see codegen.ts).
 */
import type { ActionKind, CatalogEntry, FeeDue } from '@egov/domain';
import type { Problem } from '../applications/problems.js';
import type { StoredApplication } from '../applications/store.js';
import type { SignedEvidence } from '../evidence/bundle.js';

export type {
  Action as ServiceActionModel,
  CatalogDocument as ServiceDocumentModel,
  CatalogEntry as PublicServiceModel,
  Citation as CitationModel,
  Deadline as DeadlineModel,
  DueDateResult as DueDateModel,
  Form as FormModel,
  FormField as FormFieldModel,
  PrefillSource as PrefillSourceModel,
  ProcessStep as ProcessStepModel,
  RefusalGround as RefusalGroundModel,
} from '@egov/domain';
export type { Draft as ApplicationDraftModel } from '../applications/draft.js';
export type { FeeStatus as FeeStatusModel } from '../applications/fee-status.js';
export type { DraftField as DraftFieldModel, FieldSource as FieldSourceModel } from '../applications/prefill.js';
export type { Problem as ProblemModel } from '../applications/problems.js';
export type { DocumentRequirement as DraftDocumentModel } from '../applications/requirements.js';
export type {
  ReceiptDocument as ReceiptDocumentModel,
  StatusChange as StatusChangeModel,
  StoredApplication as ApplicationModel,
} from '../applications/store.js';
export type { Attachment as AttachmentModel } from '../attachments/index.js';
export type { DraftOutage as RegistryOutageModel, UnreadFact as UnreadFactModel } from '../degraded/draft.js';
export type { FieldComparison as FieldRecheckModel } from '../degraded/registry-checks.js';
export type { FactRecheckModel, RegistryCheckModel } from '../degraded/view.js';
export type { DeliveryState as DeliveryModel } from '../delivery/outbox.js';

export type ProviderModel = CatalogEntry['provider'];
export interface ServiceFeeModel {
  entry: CatalogEntry;
}
export type FeeAmountModel = FeeDue & { action: ActionKind };
export interface ApplicationReceiptModel {
  __typename: 'ApplicationReceipt';
  application: StoredApplication;
  replayed: boolean;
}
export interface ApplicationRejectedModel {
  __typename: 'ApplicationRejected';
  problems: Problem[];
}
export interface PaymentRefModel {
  id: string;
}
export interface LicenseRefModel {
  number: string;
}
/** An application's signed evidence, with the application it belongs to (the field guard judges by it). */
export interface SignedEvidenceModel {
  application: StoredApplication;
  evidence: SignedEvidence;
}
