import { subgraphCodegen } from '@egov/subgraph-kit/codegen';

export default subgraphCodegen({
  mappers: {
    LegalEntity: '@egov/contracts#LegalEntityRecord',
    Person: '@egov/contracts#PersonRef',
    Founder: '@egov/contracts#FounderRecord',
  },
});
