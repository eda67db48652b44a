import { ApplicantIdScalar, DateScalar, DateTimeScalar, IINScalar } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';
import { accessLogResolvers } from './access-log.js';
import { consentResolvers } from './consents.js';
import { personResolvers } from './person.js';

export const resolvers: Resolvers = {
  IIN: IINScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  ApplicantId: ApplicantIdScalar,
  ...personResolvers,
  Consent: consentResolvers.Consent,
  Query: { ...personResolvers.Query, ...accessLogResolvers.Query, ...consentResolvers.Query },
  Mutation: { ...consentResolvers.Mutation },
};
