import { createGroupLoader, type RegistryClient } from '@egov/shared';
import { ByPayersResponse, fillPath, paymentsApi, PaymentRecord, type PaymentRecord as Payment } from '@egov/shared/upstream';

/** ПШЭП as one request sees it: payments of every payer in the operation in one batch call. */
export function createPaymentsRegistry(client: RegistryClient) {
  return {
    paymentsOf: createGroupLoader<Payment>(
      async (payerIds) => (await client.post(paymentsApi.byPayers, { payerIds }, ByPayersResponse)).payments,
      (payment) => payment.payerId,
    ),
    payment: (id: string) => client.get(fillPath(paymentsApi.payment, { id }), PaymentRecord),
  };
}

export type PaymentsRegistry = ReturnType<typeof createPaymentsRegistry>;
