import { notFound } from '@egov/core';
import type { Resolvers } from '../generated/graphql.js';
import { loadEntity } from './legal-entity.js';

export const applicantResolvers: Resolvers = {
  Query: {
    applicant: async (_root, { id }, context) => {
      if (id.kind === 'BIN') return { __typename: 'LegalEntity', ...(await loadEntity(id.bin, context)) };
      // Person fields come from the individuals subgraph; here we only make sure the person exists.
      await context.auth.require({ kind: 'person', iin: id.iin });
      if (!(await context.registry.personExists.load(id.iin))) throw notFound('person', 'individuals');
      return { __typename: 'Person', iin: id.iin };
    },
  },
  Applicant: {
    __resolveType: (applicant) => ('bin' in applicant ? 'LegalEntity' : 'Person'),
  },
};
