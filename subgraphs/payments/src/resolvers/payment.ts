import { applicantIdOf, checkApplicantId, type PaymentRecord } from '@egov/contracts';
import { notFound } from '@egov/core';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

const REGISTRY = 'payments';

async function paymentsOf(payerId: string, context: Context): Promise<PaymentRecord[]> {
  await context.auth.require({ kind: 'payments', holderId: payerId });
  const payments = await context.registry.paymentsOf.load(payerId);
  return [...payments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * A payment by id, for `payment(id)` and `_entities` alike. To a caller who may not see it, it is answered
 * exactly as an unknown id: payment ids are not to be probed.
 */
async function loadPayment(id: string, context: Context): Promise<PaymentRecord> {
  context.auth.requireSignedIn();
  const payment = await context.registry.payment(id);
  if (!payment || !(await context.auth.mayRead({ kind: 'payments', holderId: payment.payerId }))) throw notFound('payment', REGISTRY);
  return payment;
}

export const paymentResolvers: Resolvers = {
  Query: {
    payment: (_root, { id }, context) => loadPayment(id, context),
    paymentsOf: (_root, { payerId }, context) => paymentsOf(applicantIdOf(payerId), context),
  },
  Payment: {
    __resolveReference: (reference, context) => loadPayment(reference.id, context),
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
