import { PAYMENT_ID } from '@egov/contracts';
import { type InputRules, KEBAB_CODE, OPAQUE_KEY, shaped } from '@egov/subgraph-kit';

const paymentId = shaped('a ПШЭП payment id (letters, digits and -)', PAYMENT_ID);

/** The strings this subgraph takes that are not one line of text or a plain id (see guardInputs). */
export const inputRules: InputRules = {
  'Query.payment(id:)': paymentId,
  'Payment.id': paymentId,
  'Mutation.initiatePayment(serviceCode:)': KEBAB_CODE,
  'Mutation.initiatePayment(idempotencyKey:)': OPAQUE_KEY,
};
