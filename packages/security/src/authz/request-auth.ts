import type { ConsentRecord } from '@egov/contracts';
import { maskPersonalIds } from '@egov/core';
import { GraphQLError } from 'graphql';
import type { AuditLog } from '../audit/index.js';
import { type ConsentGate, type ConsentLookup, consentFor } from '../consents/index.js';
import type { Principal } from '../tokens/principal.js';
import type { Agencies } from './agencies.js';
import { consentSubjectOf, type Decision, decide, type Resource, SIGN_IN_FIRST, subjectOf } from './policy.js';
import type { Relations } from './relations.js';

/**
 * How the reader is named in the audit trail: partners and portals by client id, officers by their IIN
 * (accountability), a citizen as "self" on their own record and by masked IIN on a company they head.
 */
function actorIdOf(p: Principal, subjectId: string): string {
  const person = p.iin === subjectId ? 'self' : `citizen:${maskPersonalIds(p.iin ?? '')}`;
  if (p.kind === 'citizen') return person;
  if (p.kind === 'portal') return `${p.clientId} for ${person}`;
  return p.id;
}

export interface AuthzServices {
  relations: Relations;
  agencies: Agencies;
  audit?: AuditLog;
  /** Service name written in audit records. */
  service: string;
  /** Partners' reads of persons for purposes no law exempts need a consent (see ConsentGate); unset: no check (unit tests). */
  consents?: ConsentGate;
  /** The clock consents are judged by. Default: now. */
  clock?: () => Date;
}

const consentRequired = (purpose: string, what: string): Extract<Decision, { allow: false }> => ({
  allow: false,
  code: 'CONSENT_REQUIRED',
  reason: `Reading ${what} for the purpose "${purpose}" needs the person's consent, and the access control service holds no valid one`,
});

/**
 * The caller of one request and what it may read: decisions are memoized per request, and every read of
 * personal data is collected per subject, to be written to the audit trail before the response leaves.
 */
export class RequestAuth {
  private readonly decisions = new Map<string, Promise<Decision>>();
  /** The decisions already made, so a guarded field of an allowed parent resolves without waiting a tick. */
  private readonly settled = new Map<string, Decision>();
  private readonly reads = new Map<string, Set<string>>();
  /** Per subject, the consents the reads were made under (for the audit trail). */
  private readonly consentsUsed = new Map<string, Set<string>>();
  /** Per subject, the partner's consents as the access control service answered them in this request. */
  private readonly consentsOf = new Map<string, ConsentRecord[]>();
  private consentLookup: ConsentLookup | undefined;
  private roles: ReturnType<Relations['rolesOf']> | undefined;
  /** The purpose this caller's reads of persons need consent for; null when they need none. */
  private readonly consentPurpose: string | null;

  constructor(
    readonly principal: Principal,
    readonly requestId: string,
    private readonly services: AuthzServices,
  ) {
    this.consentPurpose = services.consents?.consentPurpose(principal) ?? null;
  }

  private rolesOf = (iin: string) => {
    // A citizen's company roles are read once per request, however many resources ask.
    if (iin !== this.principal.iin) return this.services.relations.rolesOf(iin);
    this.roles ??= this.services.relations.rolesOf(iin);
    return this.roles;
  };

  decision(resource: Resource): Promise<Decision> {
    return this.decisionFor(JSON.stringify(resource), resource);
  }

  private decisionFor(key: string, resource: Resource): Promise<Decision> {
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = decide(this.principal, resource, { rolesOf: this.rolesOf, agencies: this.services.agencies }).then((made) =>
        made.allow ? this.withConsent(resource) : made,
      );
      decision.then(
        (made) => this.settled.set(key, made),
        () => undefined,
      );
      this.decisions.set(key, decision);
    }
    return decision;
  }

  /**
   * A read the policy allows, held to the subject's consent when the caller needs one: some valid consent for
   * the stated purpose must exist (each field is then held to its scope, see consentForField). A consent
   * service that cannot answer rejects the decision (REGISTRY_UNAVAILABLE): no consent, no data.
   */
  private async withConsent(resource: Resource): Promise<Decision> {
    const subject = consentSubjectOf(resource);
    const purpose = this.consentPurpose;
    if (subject === null || purpose === null) return { allow: true };
    this.consentLookup ??= this.services.consents!.lookupFor(this.principal.clientId!);
    const consents = await this.consentLookup(subject);
    this.consentsOf.set(subject, consents);
    return consentFor(consents, this.ask(purpose)) ? { allow: true } : consentRequired(purpose, "this person's data");
  }

  private ask(purpose: string, scope?: string) {
    return { partnerId: this.principal.clientId!, purpose, at: this.services.clock?.() ?? new Date(), scope };
  }

  /**
   * For a read already allowed: the consent that opens this field (one of its scope sets wholly covered by
   * one consent), its id for the audit trail; null when the read needs none. Throws CONSENT_REQUIRED when the
   * person consented to other data only.
   */
  consentForField(resource: Resource, scopes: readonly (readonly string[])[] | null): string | null {
    const subject = consentSubjectOf(resource);
    const purpose = this.consentPurpose;
    if (subject === null || purpose === null) return null;
    const consents = this.consentsOf.get(subject) ?? [];
    const sets = scopes && scopes.length > 0 ? scopes : [[]];
    for (const set of sets) {
      const chosen = consentFor(
        consents.filter((c) => set.every((scope) => c.scope.includes(scope))),
        this.ask(purpose),
      );
      if (chosen) return chosen.id;
    }
    const { reason } = consentRequired(purpose, `this field (${sets.map((s) => s.join(' and ')).join(' or ')})`);
    throw new GraphQLError(reason, { extensions: { code: 'CONSENT_REQUIRED' } });
  }

  /**
   * Whether the caller may read the resource. A record looked up by its id is answered as unknown when
   * this is false, so "exists, not yours" and "no such record" cannot be told apart.
   */
  async mayRead(resource: Resource): Promise<boolean> {
    return (await this.decision(resource)).allow;
  }

  /** Throws FORBIDDEN (or UNAUTHENTICATED) unless the caller may read the resource. */
  require(resource: Resource): Promise<void> {
    return this.requireKeyed(JSON.stringify(resource), resource);
  }

  /**
   * `require` for the hot path: nothing to wait for (undefined) when the caller is already known to be
   * allowed, as for every field of a record whose read was authorized before it was fetched.
   */
  check(resource: Resource): Promise<void> | undefined {
    const key = JSON.stringify(resource);
    return this.settled.get(key)?.allow ? undefined : this.requireKeyed(key, resource);
  }

  private async requireKeyed(key: string, resource: Resource): Promise<void> {
    const decision = await this.decisionFor(key, resource);
    if (!decision.allow) throw new GraphQLError(decision.reason, { extensions: { code: decision.code } });
  }

  /** Throws UNAUTHENTICATED for an anonymous caller: a lookup by id must not even reach the registry. */
  requireSignedIn(): void {
    if (this.principal.kind === 'anonymous') throw new GraphQLError(SIGN_IN_FIRST.reason, { extensions: { code: SIGN_IN_FIRST.code } });
  }

  /** Whether the caller holds one of the scope sets (each set all required), for partners; others pass. */
  hasScopes(required: readonly (readonly string[])[] | null): boolean {
    if (!required || this.principal.kind !== 'partner') return true;
    return required.some((set) => set.every((scope) => this.principal.scopes.has(scope)));
  }

  /** Notes that a field of the resource's subject was read (written to the audit trail at the end of the request). */
  recordRead(resource: Resource, field: string, consentId: string | null = null): void {
    const subject = subjectOf(resource);
    let fields = this.reads.get(subject);
    if (!fields) this.reads.set(subject, (fields = new Set()));
    fields.add(field);
    if (consentId !== null) {
      let used = this.consentsUsed.get(subject);
      if (!used) this.consentsUsed.set(subject, (used = new Set()));
      used.add(consentId);
    }
  }

  /** Writes this request's reads to the audit trail; resolves once they are committed. */
  async flushAudit(now = new Date()): Promise<void> {
    if (this.reads.size === 0 || !this.services.audit) return;
    const p = this.principal;
    const records = [...this.reads].map(([subjectId, fields]) => ({
      at: now,
      requestId: this.requestId,
      service: this.services.service,
      actorKind: p.kind,
      actorId: actorIdOf(p, subjectId),
      actorAgency: p.agency,
      purpose: p.purpose,
      subjectId,
      fields: [...fields],
      consentIds: [...(this.consentsUsed.get(subjectId) ?? [])],
    }));
    this.reads.clear();
    this.consentsUsed.clear();
    await this.services.audit.append(records);
  }
}
