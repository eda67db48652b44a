import { ByPayersResponse, type PaymentRecord, paymentsApi } from '@egov/contracts';
import { type BatchRead, cachedRead, groupedBy } from '../batch.js';
import type { RegistryCache } from '../cache/registry-cache.js';
import type { RegistryClient } from '../client/registry-client.js';

/** ПШЭП: every payment of these payers, straight from the gateway. */
export async function readPaymentsOf(client: RegistryClient, payerIds: string[]): Promise<PaymentRecord[]> {
  return (await client.post(paymentsApi.byPayers, { payerIds }, ByPayersResponse)).payments;
}

/** Payments by payer through the cache. */
export function paymentsOfRead(client: RegistryClient, cache?: RegistryCache): BatchRead<PaymentRecord[]> {
  return cachedRead(cache, 'payments', 'by-payer', async (payerIds) => groupedBy(payerIds, await readPaymentsOf(client, payerIds), (p) => p.payerId));
}

/** After a payment order is opened for them: the payers' payment lists are read afresh. */
export const forgetPaymentsOf = (cache: RegistryCache | undefined, payerIds: readonly string[]) => cache?.invalidate('payments', 'by-payer', payerIds);
