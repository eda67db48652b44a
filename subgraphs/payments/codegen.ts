import { subgraphCodegen } from '@egov/shared/codegen';

export default subgraphCodegen({
  mappers: {
    Payment: '@egov/shared/upstream#PaymentRecord',
    Person: '@egov/shared/upstream#PersonRef',
    LegalEntity: '@egov/shared/upstream#LegalEntityRef',
    PaymentOrder: '@egov/shared/upstream#CreatePaymentResponse',
  },
});
