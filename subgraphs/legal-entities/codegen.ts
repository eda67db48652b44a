import { subgraphCodegen } from '@egov/shared/codegen';

export default subgraphCodegen({
  mappers: {
    LegalEntity: '@egov/shared/upstream#LegalEntityRecord',
    Person: '@egov/shared/upstream#PersonRef',
    Founder: '@egov/shared/upstream#FounderRecord',
  },
});
