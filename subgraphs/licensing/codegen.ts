import { subgraphCodegen } from '@egov/subgraph-kit/codegen';

export default subgraphCodegen({
  mappers: {
    License: '@egov/contracts#LicenseRecord',
    LicensedActivity: '@egov/contracts#NamedRecord',
    Licensor: '@egov/contracts#NamedRecord',
    LicenseAnnex: '@egov/contracts#LicenseAnnexRecord',
    Person: '@egov/contracts#PersonRef',
    LegalEntity: '@egov/contracts#LegalEntityRef',
  },
});
