/**
 * Who is asking, as every subgraph and the gateway see it after the bearer token was verified.
 *
 * - citizen: a person signed in to the portal; `iin` is theirs.
 * - portal: a portal acting for a signed-in citizen (`iin`, the token's subject); `clientId` names the portal.
 * - officer: an employee of an authority (`agency`), with `roles`; `iin` is the officer's own (they sign decisions).
 * - partner: another agency's system (X-Road style): `clientId`, the `scopes` granted to that client, and the
 *   `purpose` stated for this request.
 * - anonymous: no token; only public data (the catalog, due dates).
 */
export type PrincipalKind = 'anonymous' | 'citizen' | 'portal' | 'officer' | 'partner';

export interface Principal {
  kind: PrincipalKind;
  /** Stable id for logs and the audit trail: the IIN for people, the client id for systems. */
  id: string;
  /** The person the request is about or by (citizen, portal's citizen, officer). */
  iin: string | null;
  /** The system that called (portal or partner). */
  clientId: string | null;
  /** The officer's authority, e.g. MINT-KTRM. */
  agency: string | null;
  roles: readonly string[];
  scopes: ReadonlySet<string>;
  /** Why a partner asks (a service code or a registered purpose); checked against the client's grant. */
  purpose: string | null;
  /** The token's id (jti), when it has one: for the audit trail. */
  tokenId: string | null;
}

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous',
  id: 'anonymous',
  iin: null,
  clientId: null,
  agency: null,
  roles: [],
  scopes: new Set<string>(),
  purpose: null,
  tokenId: null,
});

/** A short description for logs and audit records; never more personal than the masked IIN. */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'citizen':
      return 'citizen';
    case 'portal':
      return `portal ${principal.clientId} for a citizen`;
    case 'officer':
      return `officer of ${principal.agency}`;
    case 'partner':
      return `partner ${principal.clientId}`;
    default:
      return 'anonymous';
  }
}
