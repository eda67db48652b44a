import type { Action, CatalogDocument, DocumentApplicant, DocumentChannel } from '@egov/domain';
import type { ApplicantSnapshot } from './applicant.js';
import { checkFact, type FactCheck, type FactContext } from './registry-facts.js';

/**
 * ATTACH_NEEDED: the applicant must upload a scan. FROM_REGISTRY: one of our registries holds it, no scan.
 * REGISTRY_UNAVAILABLE: the standard lets the authority take it from a registry, but ours cannot vouch for
 * it (an expired ID, an unpaid fee). BY_AUTHORITY: the authority obtains it from a system outside ours.
 * FILLED_ONLINE: the application form itself, which on the portal is the electronic request we build.
 * SCAN_INSTEAD: degraded mode: the registry did not answer, and the office list's document is attached instead.
 */
export type DocumentStatus = 'ATTACH_NEEDED' | 'FROM_REGISTRY' | 'REGISTRY_UNAVAILABLE' | 'BY_AUTHORITY' | 'FILLED_ONLINE' | 'SCAN_INSTEAD';

/**
 * The catalog's id for the application form. The standards say that on the portal the application is the
 * electronic request "with the data of" the form's appendix: our prefilled form, not a scan of paper.
 */
export const APPLICATION_FORM_DOCUMENT = 'application';

export interface DocumentRequirement {
  document: CatalogDocument;
  status: DocumentStatus;
  fact: FactCheck | null;
  /** Degraded mode: the registry document this office-list scan stands in for while its registry is down. */
  insteadOf?: CatalogDocument;
}

export function appliesToApplicant(appliesTo: readonly DocumentApplicant[] | null, roles: ReadonlySet<DocumentApplicant>): boolean {
  return appliesTo === null || appliesTo.some((who) => roles.has(who));
}

/**
 * The documents of one action, in one channel's list, that concern this applicant. Representatives are
 * not a case here: whoever calls on an applicant's behalf is handled by authorisation, not by a power of
 * attorney scan.
 */
export function requirementsOf(
  action: Action,
  channel: DocumentChannel,
  snapshot: ApplicantSnapshot,
  roles: ReadonlySet<DocumentApplicant>,
  context: FactContext,
): DocumentRequirement[] {
  return action.documents
    .filter((document) => document.channels.includes(channel) && appliesToApplicant(document.appliesTo, roles))
    .map((document) => {
      if (document.supply === 'AUTHORITY') return { document, status: 'BY_AUTHORITY' as const, fact: null };
      if (channel === 'PORTAL' && document.id === APPLICATION_FORM_DOCUMENT && document.formIds)
        return { document, status: 'FILLED_ONLINE' as const, fact: null };
      const fact = document.registryFact ? checkFact(document.registryFact, snapshot, context) : null;
      if (document.supply === 'REGISTRY') return { document, status: fact?.available ? ('FROM_REGISTRY' as const) : ('REGISTRY_UNAVAILABLE' as const), fact };
      // The seed asks for a scan of something one of our registries holds (a licence being reissued): no scan needed.
      if (fact?.available) return { document, status: 'FROM_REGISTRY' as const, fact };
      return { document, status: 'ATTACH_NEEDED' as const, fact };
    });
}
