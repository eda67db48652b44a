import { parseKzt } from '@egov/core';
import { ApplicantIdScalar, BINScalar, DateTimeScalar, IINScalar, MoneyScalar } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';
import { initiatePaymentResolvers } from './initiate-payment.js';
import { paymentResolvers } from './payment.js';

export const resolvers: Resolvers = {
  IIN: IINScalar,
  BIN: BINScalar,
  ApplicantId: ApplicantIdScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
  ...paymentResolvers,
  ...initiatePaymentResolvers,
  Payment: {
    ...paymentResolvers.Payment,
    // The gateway speaks decimal strings; inside the graph money is whole tiyn.
    amount: (payment) => parseKzt(payment.amount)!,
  },
};
