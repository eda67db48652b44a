import { subgraphCodegen } from '@egov/subgraph-kit/codegen';

export default subgraphCodegen({
  mappers: {
    Person: '@egov/contracts#PersonRecord',
    IdentityDocument: '@egov/contracts#IdentityDocumentRecord',
    EntrepreneurRegistration: '@egov/contracts#EntrepreneurRecord',
    DataAccess: '@egov/security#StoredAccess',
    Consent: '@egov/contracts#ConsentRecord',
  },
});
