import { ConsentRecord, ConsentsResponse, consentsApi, fillPath } from '@egov/contracts';
import { type BatchRead, cachedRead, groupedBy } from '../batch.js';
import type { RegistryCache } from '../cache/registry-cache.js';
import type { RegistryClient } from '../client/registry-client.js';

/** The access control service: every consent these subjects gave one partner (any status), straight from it. */
export async function readConsents(client: RegistryClient, partnerId: string, subjects: string[]): Promise<ConsentRecord[]> {
  return (await client.post(consentsApi.lookup, { partnerId, subjects }, ConsentsResponse)).consents;
}

/**
 * Consents to one partner by subject, through the cache (CONSENTS_CACHE_TTL_SECONDS, 30 s by default, and
 * never served stale when the service fails). A cached consent is still judged against the clock when it is
 * used, so it never opens a read after its period ends; a withdrawal through the graph drops the entry.
 */
export function consentsRead(client: RegistryClient, partnerId: string, cache?: RegistryCache): BatchRead<ConsentRecord[]> {
  return cachedRead(cache, 'consents', consentCacheKind(partnerId), async (subjects) =>
    groupedBy(subjects, await readConsents(client, partnerId, subjects), (c) => c.subject),
  );
}

const consentCacheKind = (partnerId: string) => `to:${partnerId}`;

/** Every consent one subject gave, to anyone: what the citizen sees (never cached). */
export async function readConsentsOfSubject(client: RegistryClient, subject: string): Promise<ConsentRecord[]> {
  return (await client.post(consentsApi.bySubject, { subject }, ConsentsResponse)).consents;
}

/**
 * The subject withdraws one of their consents; null when the service knows no such consent of theirs. The
 * cached consents of that partner for the subject are dropped, so the next read asks the service again.
 */
export async function withdrawConsent(client: RegistryClient, cache: RegistryCache | undefined, subject: string, id: string): Promise<ConsentRecord | null> {
  const withdrawn = await client.call({
    method: 'POST',
    path: fillPath(consentsApi.withdraw, { id }),
    body: { subject },
    schema: ConsentRecord,
    notFoundIsNull: true,
  });
  if (withdrawn) await cache?.invalidate('consents', consentCacheKind(withdrawn.partnerId), [subject]);
  return withdrawn;
}
