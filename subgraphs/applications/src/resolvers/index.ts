import { ApplicantIdScalar, BINScalar, DateScalar, DateTimeScalar, IINScalar, MoneyScalar } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';
import { applicantResolvers } from './applicant.js';
import { applicationResolvers } from './applications.js';
import { catalogResolvers } from './catalog.js';
import { degradedResolvers } from './degraded.js';
import { evidenceResolvers } from './evidence.js';

export const resolvers: Resolvers = {
  IIN: IINScalar,
  BIN: BINScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
  ApplicantId: ApplicantIdScalar,
  ...catalogResolvers,
  ...applicationResolvers,
  ...applicantResolvers,
  ...evidenceResolvers,
  Query: { ...catalogResolvers.Query, ...applicationResolvers.Query, ...evidenceResolvers.Query },
  Application: { ...applicationResolvers.Application, ...degradedResolvers.Application },
};
