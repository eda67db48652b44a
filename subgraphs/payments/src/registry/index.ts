import { createGroupLoader, type RegistryClient } from '@egov/shared';
import { CreatePaymentResponse, fillPath, paymentsApi, PaymentRecord, readPaymentsOf, type CreatePaymentRequest, type PaymentRecord as Payment } from '@egov/shared/upstream';

/** ПШЭП as one request sees it: payments of every payer in the operation in one batch call. */
export function createPaymentsRegistry(client: RegistryClient) {
  return {
    paymentsOf: createGroupLoader<Payment>(
      (payerIds) => readPaymentsOf(client, payerIds),
      (payment) => payment.payerId,
    ),
    payment: (id: string) => client.get(fillPath(paymentsApi.payment, { id }), PaymentRecord),
    /** Not a read: never retried blindly; the order key makes a repeat return the same order. */
    openOrder: (order: CreatePaymentRequest) => client.post(paymentsApi.create, order, CreatePaymentResponse),
  };
}

export type PaymentsRegistry = ReturnType<typeof createPaymentsRegistry>;
