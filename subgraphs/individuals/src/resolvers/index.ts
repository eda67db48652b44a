import { DateScalar, IINScalar } from '@egov/shared';
import type { Resolvers } from '../generated/graphql.js';
import { personResolvers } from './person.js';

export const resolvers: Resolvers = {
  IIN: IINScalar,
  Date: DateScalar,
  ...personResolvers,
};
