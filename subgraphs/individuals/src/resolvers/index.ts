import { ApplicantIdScalar, DateScalar, DateTimeScalar, IINScalar } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';
import { accessLogResolvers } from './access-log.js';
import { personResolvers } from './person.js';

export const resolvers: Resolvers = {
  IIN: IINScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  ApplicantId: ApplicantIdScalar,
  ...personResolvers,
  Query: { ...personResolvers.Query, ...accessLogResolvers.Query },
};
