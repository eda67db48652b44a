import { subgraphCodegen } from '@egov/subgraph-kit/codegen';

const model = (name: string) => `../resolvers/models.js#${name}`;

export default subgraphCodegen({
  mappers: {
    License: model('LicenseRefModel'),
    Person: '@egov/contracts#PersonRef',
    LegalEntity: '@egov/contracts#LegalEntityRef',
    PublicService: model('PublicServiceModel'),
    ServiceAction: model('ServiceActionModel'),
    ServiceDocument: model('ServiceDocumentModel'),
    RefusalGround: model('RefusalGroundModel'),
    Form: model('FormModel'),
    FormField: model('FormFieldModel'),
    ProcessStep: model('ProcessStepModel'),
    Deadline: model('DeadlineModel'),
    Citation: model('CitationModel'),
    PrefillSource: model('PrefillSourceModel'),
    Provider: model('ProviderModel'),
    ServiceFee: model('ServiceFeeModel'),
    FeeAmount: model('FeeAmountModel'),
    DueDate: model('DueDateModel'),
    ApplicationDraft: model('ApplicationDraftModel'),
    DraftField: model('DraftFieldModel'),
    FieldSource: model('FieldSourceModel'),
    DraftDocument: model('DraftDocumentModel'),
    FeeStatus: model('FeeStatusModel'),
    Problem: model('ProblemModel'),
    Application: model('ApplicationModel'),
    ApplicationReceipt: model('ApplicationReceiptModel'),
    ApplicationRejected: model('ApplicationRejectedModel'),
    ReceiptDocument: model('ReceiptDocumentModel'),
    StatusChange: model('StatusChangeModel'),
    Attachment: model('AttachmentModel'),
    Payment: model('PaymentRefModel'),
    Delivery: model('DeliveryModel'),
    SignedEvidence: model('SignedEvidenceModel'),
  },
  enumValues: {
    RegistryName: { INDIVIDUALS: 'individuals', LEGAL_ENTITIES: 'legal-entities', PAYMENTS: 'payments', LICENSING: 'licensing' },
  },
});
