import type { RegistryCache } from './cache/index.js';
import type { LicenseRecord, PaymentRecord, PersonRecord } from '@egov/contracts';
import { readLicencesOf, readPaymentsOf, readPersons } from './reads.js';
import { byKey, cachedRead, groupedBy, type BatchRead } from './cached-read.js';
import type { RegistryClient } from './registry-client.js';

/*
 * The registry reads more than one subgraph makes, each defined once with its cache key: two subgraphs
 * asking for the same person share the cached entry, and our own writes (a licence issued, a payment
 * order opened) invalidate exactly the entries the readers use.
 */

export function personsRead(client: RegistryClient, cache?: RegistryCache): BatchRead<PersonRecord> {
  return cachedRead(cache, 'individuals', 'person', async (iins) => byKey(await readPersons(client, iins), (p) => p.iin));
}

export function licencesOfRead(client: RegistryClient, cache?: RegistryCache): BatchRead<LicenseRecord[]> {
  return cachedRead(cache, 'licensing', 'by-holder', async (holderIds) => groupedBy(holderIds, await readLicencesOf(client, holderIds), (l) => l.holderId));
}

export function paymentsOfRead(client: RegistryClient, cache?: RegistryCache): BatchRead<PaymentRecord[]> {
  return cachedRead(cache, 'payments', 'by-payer', async (payerIds) => groupedBy(payerIds, await readPaymentsOf(client, payerIds), (p) => p.payerId));
}

/** After a licence is issued to them: the holders' licence lists are read afresh. */
export const forgetLicencesOf = (cache: RegistryCache | undefined, holderIds: readonly string[]) => cache?.invalidate('licensing', 'by-holder', holderIds);

/** After a payment order is opened for them: the payers' payment lists are read afresh. */
export const forgetPaymentsOf = (cache: RegistryCache | undefined, payerIds: readonly string[]) => cache?.invalidate('payments', 'by-payer', payerIds);
