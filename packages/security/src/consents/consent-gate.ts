import { type ConsentRecord, consentCovers } from '@egov/contracts';
import { ErrorCode } from '@egov/core';
import { type BatchRead, consentsRead, createBatchLoader, type RegistryCache, type RegistryClient, RegistryError } from '@egov/registry-client';
import type { PartnerRegistry } from '../tokens/partners.js';
import type { Principal } from '../tokens/principal.js';

/** The consents one request has looked up: per subject, every consent to the calling partner. */
export type ConsentLookup = (subject: string) => Promise<ConsentRecord[]>;

/**
 * Whether a partner's read of a person's data needs that person's consent, and the consents to judge it by.
 * A read needs one when the caller is a partner system (never the citizen themself, a portal acting for them
 * or an officer) and the purpose it stated has no `exemptBy` in PARTNERS_FILE. Consents come from the access
 * control service through the registry client (deadline, retries, breaker) and the registry cache, batched
 * per request; when the service cannot answer the read fails (REGISTRY_UNAVAILABLE), it never goes ahead.
 */
export class ConsentGate {
  private readonly reads = new Map<string, BatchRead<ConsentRecord[]>>();

  constructor(
    private readonly partners: PartnerRegistry,
    /** Null in a subgraph configured without the service: every read that needs a consent then fails closed. */
    readonly client: RegistryClient | null,
    readonly cache?: RegistryCache,
  ) {}

  /** The purpose a principal's reads of persons need a consent for, or null when none is needed. */
  consentPurpose(principal: Principal): string | null {
    if (principal.kind !== 'partner') return null;
    // The verifier refuses a partner request without a granted purpose; without one, nothing is exempt.
    const purpose = principal.purpose ?? '';
    return this.partners.exemptionOf(principal.clientId ?? '', purpose) === null ? purpose : null;
  }

  /** A per-request lookup of the partner's consents: every subject asked while resolving one operation goes in one call. */
  lookupFor(partnerId: string): ConsentLookup {
    const client = this.client;
    if (!client) return () => Promise.reject(new RegistryError('consents', ErrorCode.REGISTRY_UNAVAILABLE, 'is not configured for this service'));
    let read = this.reads.get(partnerId);
    if (!read) this.reads.set(partnerId, (read = consentsRead(client, partnerId, this.cache)));
    const loader = createBatchLoader<ConsentRecord[]>((subjects) => read(subjects));
    return async (subject) => (await loader.load(subject)) ?? [];
  }
}

/** The consent that opens data of `scope` (any scope when undefined) for this partner and purpose at `at`, if any. */
export function consentFor(
  consents: readonly ConsentRecord[],
  ask: { partnerId: string; purpose: string; at: Date; scope?: string },
): ConsentRecord | undefined {
  // The one ending last is named in the audit trail when several would do.
  return consents.filter((c) => consentCovers(c, ask)).sort((a, b) => Date.parse(b.validUntil) - Date.parse(a.validUntil))[0];
}
