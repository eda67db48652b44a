import { ApplicantIdScalar, BINScalar, DateScalar, DateTimeScalar, IINScalar, MoneyScalar } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';
import { applicationResolvers } from './applications.js';
import { catalogResolvers } from './catalog.js';
import { licenseResolvers } from './license.js';

export const resolvers: Resolvers = {
  IIN: IINScalar,
  BIN: BINScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
  ApplicantId: ApplicantIdScalar,
  ...licenseResolvers,
  ...catalogResolvers,
  ...applicationResolvers,
  Query: { ...licenseResolvers.Query, ...catalogResolvers.Query, ...applicationResolvers.Query },
};
