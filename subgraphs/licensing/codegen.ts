import { subgraphCodegen } from '@egov/shared/codegen';

export default subgraphCodegen({
  mappers: {
    License: '@egov/shared/upstream#LicenseRecord',
    LicensedActivity: '@egov/shared/upstream#NamedRecord',
    Licensor: '@egov/shared/upstream#NamedRecord',
    LicenseAnnex: '@egov/shared/upstream#LicenseAnnexRecord',
    Person: '@egov/shared/upstream#PersonRef',
    LegalEntity: '@egov/shared/upstream#LegalEntityRef',
  },
});
