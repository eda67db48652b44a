import type { Principal } from '../tokens/principal.js';
import type { Agencies } from './agencies.js';
import type { CompanyRole } from './relations.js';

/**
 * What is being read, in the policy's terms. Each resource has a subject: the person or organisation
 * whose data it is (recorded in the audit trail).
 */
export type Resource =
  | { kind: 'person'; iin: string }
  | { kind: 'legal-entity'; bin: string }
  /** Which organisations a person heads or founded. */
  | { kind: 'participations'; iin: string }
  | { kind: 'payments'; holderId: string }
  /** One licence: its holder's to see, and officers' whose agency issues its activity. */
  | { kind: 'licence'; holderId: string; activity: string }
  /** The licences of a person or organisation, as a list (officers see the ones their agency issues). */
  | { kind: 'licences'; holderId: string }
  | { kind: 'application'; applicantId: string; serviceCode: string; region: string | null }
  /** The applications of a person or organisation, as a list (officers see the ones their agency handles). */
  | { kind: 'applications'; holderId: string }
  /** Acting as the applicant: drafts, payment orders, submissions, uploads. */
  | { kind: 'act-for'; applicantId: string };

export type Decision = { allow: true } | { allow: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONSENT_REQUIRED'; reason: string };

/**
 * The person whose consent a partner's read of the resource needs (for a purpose no law exempts), or null
 * when the resource is not a person's own record.
 */
export function consentSubjectOf(resource: Resource): string | null {
  return resource.kind === 'person' ? resource.iin : null;
}

export function subjectOf(resource: Resource): string {
  switch (resource.kind) {
    case 'person':
    case 'participations':
      return resource.iin;
    case 'legal-entity':
      return resource.bin;
    case 'payments':
    case 'licence':
    case 'licences':
      return resource.holderId;
    case 'application':
    case 'act-for':
      return resource.applicantId;
    case 'applications':
      return resource.holderId;
  }
}

/** The scopes a partner needs for a kind of resource (field groups may narrow further, see @requiresScopes). */
export const PARTNER_SCOPES: Record<Resource['kind'], (scope: string) => boolean> = {
  person: (s) => s.startsWith('individuals:'),
  'legal-entity': (s) => s === 'legal-entities:read',
  participations: (s) => s === 'legal-entities:read',
  payments: (s) => s === 'payments:read',
  licence: (s) => s === 'licensing:read',
  licences: (s) => s === 'licensing:read',
  application: (s) => s === 'applications:read',
  applications: (s) => s === 'applications:read',
  'act-for': () => false,
};

const ALLOW: Decision = { allow: true };
const deny = (reason: string): Decision => ({ allow: false, code: 'FORBIDDEN', reason });
/** The answer to an anonymous caller, whatever it asks for. */
export const SIGN_IN_FIRST: Extract<Decision, { allow: false }> = {
  allow: false,
  code: 'UNAUTHENTICATED',
  reason: 'Personal data needs a signed-in caller (a bearer token)',
};

/**
 * Who may read what. Citizens (and portals acting for them): their own record, the companies they head
 * or founded, and the payments, licences and applications of themselves and of the companies they head.
 * Officers of a configured agency: the applications it handles and the licences its services issue (lists
 * of them, filtered). Partners: what their scopes cover, for a purpose they stated. Nobody without a token.
 */
export async function decide(
  principal: Principal,
  resource: Resource,
  deps: { rolesOf: (iin: string) => Promise<Record<string, CompanyRole[]>>; agencies: Agencies },
): Promise<Decision> {
  switch (principal.kind) {
    case 'anonymous':
      return SIGN_IN_FIRST;
    case 'citizen':
    case 'portal': {
      const me = principal.iin!;
      if (resource.kind === 'person' || resource.kind === 'participations')
        return resource.iin === me ? ALLOW : deny('A citizen may read only their own person record');
      const subject = subjectOf(resource);
      if (subject === me) return ALLOW;
      const roles = (await deps.rolesOf(me))[subject] ?? [];
      if (resource.kind === 'legal-entity') return roles.length > 0 ? ALLOW : deny('A citizen may read only the companies they head or founded');
      // Payments, licences and applications of a company are the head's to see: the head acts for it.
      return roles.includes('HEAD') ? ALLOW : deny('A citizen may read only their own records and those of the companies they head');
    }
    case 'officer':
      // The verifier refuses tokens of unknown agencies; the policy does not rely on it alone.
      if (!principal.agency || !deps.agencies.get(principal.agency) || principal.roles.length === 0)
        return deny('Officers read on behalf of a configured agency, with roles');
      if (resource.kind === 'application') {
        return deps.agencies.handles(principal.agency, resource.serviceCode, resource.region)
          ? ALLOW
          : deny(`Applications for this service are not handled by ${principal.agency}`);
      }
      if (resource.kind === 'licence') {
        return deps.agencies.issuesLicencesOf(principal.agency, resource.activity)
          ? ALLOW
          : deny(`Licences of this activity are not issued by ${principal.agency}`);
      }
      // Lists: each item is judged on its own (the resolvers keep the ones the agency handles).
      if (resource.kind === 'licences' || resource.kind === 'applications') return ALLOW;
      return deny("Officers see an applicant's data through the applications they handle");
    case 'partner':
      if (resource.kind === 'act-for') return deny('Partner systems cannot act for an applicant');
      return [...principal.scopes].some(PARTNER_SCOPES[resource.kind]) ? ALLOW : deny(`Partner ${principal.clientId} has no scope for ${resource.kind} data`);
  }
}
