import { subgraphCodegen } from '@egov/shared/codegen';

export default subgraphCodegen({
  mappers: {
    Person: '@egov/shared/upstream#PersonRecord',
    IdentityDocument: '@egov/shared/upstream#IdentityDocumentRecord',
    EntrepreneurRegistration: '@egov/shared/upstream#EntrepreneurRecord',
    DataAccess: '@egov/shared#StoredAccess',
  },
});
