import { maskPersonalIds } from '@egov/core';
import { GraphQLError } from 'graphql';
import type { AuditLog } from '../audit/index.js';
import type { Principal } from '../tokens/principal.js';
import type { Agencies } from './agencies.js';
import { type Decision, decide, type Resource, SIGN_IN_FIRST, subjectOf } from './policy.js';
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
}

/**
 * The caller of one request and what it may read: decisions are memoized per request, and every read of
 * personal data is collected per subject, to be written to the audit trail before the response leaves.
 */
export class RequestAuth {
  private readonly decisions = new Map<string, Promise<Decision>>();
  /** The decisions already made, so a guarded field of an allowed parent resolves without waiting a tick. */
  private readonly settled = new Map<string, Decision>();
  private readonly reads = new Map<string, Set<string>>();
  private roles: ReturnType<Relations['rolesOf']> | undefined;

  constructor(
    readonly principal: Principal,
    readonly requestId: string,
    private readonly services: AuthzServices,
  ) {}

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
      decision = decide(this.principal, resource, { rolesOf: this.rolesOf, agencies: this.services.agencies });
      decision.then(
        (made) => this.settled.set(key, made),
        () => undefined,
      );
      this.decisions.set(key, decision);
    }
    return decision;
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
  recordRead(resource: Resource, field: string): void {
    const subject = subjectOf(resource);
    let fields = this.reads.get(subject);
    if (!fields) this.reads.set(subject, (fields = new Set()));
    fields.add(field);
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
    }));
    this.reads.clear();
    await this.services.audit.append(records);
  }
}
