import { checkApplicantId, type PaymentRecord } from '@egov/contracts';
import { notFound } from '@egov/core';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

const REGISTRY = 'payments';

async function paymentsOf(payerId: string, context: Context): Promise<PaymentRecord[]> {
  await context.auth.require({ kind: 'payments', holderId: payerId });
  const payments = await context.registry.paymentsOf.load(payerId);
  return [...payments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const paymentResolvers: Resolvers = {
  Query: {
    payment: async (_root, { id }, context) => {
      context.auth.requireSignedIn();
      const payment = await context.registry.payment(id);
      if (!payment) throw notFound('payment', REGISTRY);
      await context.auth.require({ kind: 'payments', holderId: payment.payerId });
      return payment;
    },
  },
  Payment: {
    __resolveReference: async (reference, context) => {
      context.auth.requireSignedIn();
      const payment = await context.registry.payment(reference.id);
      if (!payment) throw notFound('payment', REGISTRY);
      await context.auth.require({ kind: 'payments', holderId: payment.payerId });
      return payment;
    },
    payer: (payment) => {
      const id = checkApplicantId(payment.payerId);
      if (id.ok && id.ref.kind === 'BIN') return { __typename: 'LegalEntity', bin: id.ref.bin };
      return { __typename: 'Person', iin: payment.payerId };
    },
  },
  Applicant: {
    __resolveType: (applicant) => ('bin' in applicant ? 'LegalEntity' : 'Person'),
  },
  Person: {
    __resolveReference: (reference) => ({ iin: reference.iin }),
    payments: (person, _args, context) => paymentsOf(person.iin, context),
  },
  LegalEntity: {
    __resolveReference: (reference) => ({ bin: reference.bin }),
    payments: (entity, _args, context) => paymentsOf(entity.bin, context),
  },
};
