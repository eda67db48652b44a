import { subgraphCodegen } from '@egov/subgraph-kit/codegen';

export default subgraphCodegen({
  mappers: {
    Payment: '@egov/contracts#PaymentRecord',
    Person: '@egov/contracts#PersonRef',
    LegalEntity: '@egov/contracts#LegalEntityRef',
    PaymentOrder: '@egov/contracts#CreatePaymentResponse',
  },
});
