import { ApplicantIdScalar, BINScalar, DateScalar, IINScalar } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';
import { applicantResolvers } from './applicant.js';
import { legalEntityResolvers } from './legal-entity.js';

export const resolvers: Resolvers = {
  BIN: BINScalar,
  IIN: IINScalar,
  ApplicantId: ApplicantIdScalar,
  Date: DateScalar,
  ...legalEntityResolvers,
  Query: { ...legalEntityResolvers.Query, ...applicantResolvers.Query },
  Applicant: applicantResolvers.Applicant,
};
