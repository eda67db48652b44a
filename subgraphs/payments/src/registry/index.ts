import { type CreatePaymentRequest, CreatePaymentResponse, fillPath, MAX_BATCH, PaymentRecord, paymentsApi } from '@egov/contracts';
import { forgetPaymentsOf, paymentsOfRead, type RegistryCache, type RegistryClient, type StaleRecorder } from '@egov/registry-client';
import DataLoader from 'dataloader';

/** ПШЭП as one request sees it: payments of every payer in the operation in one batch call. */
export function createPaymentsRegistry(client: RegistryClient, cache?: RegistryCache, stale?: StaleRecorder) {
  const byPayer = paymentsOfRead(client, cache);
  return {
    paymentsOf: new DataLoader<string, PaymentRecord[]>(
      async (payerIds) => {
        const answer = await byPayer(payerIds, stale);
        return payerIds.map((id) => answer.get(id) ?? []);
      },
      { maxBatchSize: MAX_BATCH },
    ),
    payment: (id: string) => client.get(fillPath(paymentsApi.payment, { id }), PaymentRecord),
    /** Not a read: never retried blindly; the order key makes a repeat return the same order. */
    openOrder: async (order: CreatePaymentRequest) => {
      const opened = await client.call({ method: 'POST', path: paymentsApi.create, body: order, schema: CreatePaymentResponse });
      await forgetPaymentsOf(cache, [order.payerId]);
      return opened;
    },
  };
}

export type PaymentsRegistry = ReturnType<typeof createPaymentsRegistry>;
