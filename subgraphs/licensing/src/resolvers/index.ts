import { ApplicantIdScalar, BINScalar, DateScalar, IINScalar } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';
import { licenseResolvers } from './license.js';

export const resolvers: Resolvers = {
  IIN: IINScalar,
  BIN: BINScalar,
  ApplicantId: ApplicantIdScalar,
  Date: DateScalar,
  ...licenseResolvers,
};
