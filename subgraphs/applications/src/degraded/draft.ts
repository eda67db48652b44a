import { REGISTRIES } from '@egov/contracts';
import type { Action, CatalogDocument, DocumentApplicant, Registry, RegistryFact } from '@egov/domain';
import type { ApplicantSnapshot, RegistryOutage } from '../applications/applicant.js';
import type { DraftField } from '../applications/prefill.js';
import type { Problem } from '../applications/problems.js';
import { appliesToApplicant, type DocumentRequirement } from '../applications/requirements.js';

/**
 * Degraded mode (issue 15): a registry did not answer while a draft was made. The facts it would have vouched
 * for are listed, and in their place the draft asks, as scans, for the documents the standard lists for the
 * office/PSC channel (the catalog's `standsInFor`); where the standard lists none, the draft says so and
 * offers nothing: no substitute is ever invented.
 */

/** One fact a registry would have vouched for, and what the applicant can attach instead. */
export interface UnreadFact {
  fact: RegistryFact;
  registry: Registry;
  /** The portal's REGISTRY document the registry would have supplied. */
  document: CatalogDocument;
  /** The office-list documents that stand in for it, as scans; empty when the standard names none. */
  substitutes: CatalogDocument[];
  /** Why nothing can be attached instead, when nothing can. */
  noSubstituteBecause: string | null;
}

/** A registry that did not answer, with what the draft could not read because of it. */
export interface DraftOutage extends RegistryOutage {
  facts: UnreadFact[];
  /** Form fields that would have been prefilled from this registry and are empty. */
  fields: string[];
}

export interface Degradable {
  action: Action;
  snapshot: ApplicantSnapshot;
  roles: ReadonlySet<DocumentApplicant>;
  documents: DocumentRequirement[];
  reasons: Problem[];
  fields: DraftField[];
}

/** Eligibility reasons that only say "the registry holds nothing", which a registry that did not answer cannot say. */
const SAID_BY: Partial<Record<Problem['code'], Registry>> = { NO_LICENCE: 'licensing' };

const title = (registry: Registry) => REGISTRIES[registry].title;

export function downRegistries(snapshot: ApplicantSnapshot): Set<Registry> {
  return new Set((snapshot.unavailable ?? []).map((o) => o.registry));
}

/**
 * The draft's documents, reasons and outages when some registries did not answer; unchanged (and no
 * outages) when all did. A REGISTRY document of a registry that is down becomes SCAN_INSTEAD when the office
 * list has a document for the same fact (that document is added, ATTACH_NEEDED, `insteadOf` it), and stays
 * REGISTRY_UNAVAILABLE, saying that nothing stands in, when it has none.
 */
export function degrade(draft: Degradable): { documents: DocumentRequirement[]; reasons: Problem[]; outages: DraftOutage[] } {
  const outages = draft.snapshot.unavailable ?? [];
  if (outages.length === 0) return { documents: draft.documents, reasons: draft.reasons, outages: [] };
  const down = downRegistries(draft.snapshot);
  const documents: DocumentRequirement[] = [];
  const facts: UnreadFact[] = [];
  for (const requirement of draft.documents) {
    const { document } = requirement;
    if (!document.registry || !down.has(document.registry) || !document.registryFact) {
      documents.push(requirement);
      continue;
    }
    const unread = {
      available: false as const,
      reason: `${title(document.registry)} could not be read at ${outageOf(outages, document.registry).at} (${outageOf(outages, document.registry).code})`,
    };
    if (document.supply !== 'REGISTRY' || requirement.status !== 'REGISTRY_UNAVAILABLE') {
      // A scan asked for anyway (or something the registry did vouch for): only the reason changes.
      documents.push(requirement.fact && !requirement.fact.available ? { ...requirement, fact: unread } : requirement);
      continue;
    }
    const substitutes = draft.action.documents.filter((d) => d.standsInFor?.documents.includes(document.id) && appliesToApplicant(d.appliesTo, draft.roles));
    const noSubstituteBecause =
      substitutes.length === 0
        ? `The standard's office list names no document in place of "${document.name.en}", so none is asked for; apply again when ${title(document.registry)} answers`
        : null;
    facts.push({ fact: document.registryFact, registry: document.registry, document, substitutes, noSubstituteBecause });
    if (substitutes.length === 0) {
      documents.push({ ...requirement, fact: { available: false, reason: `${unread.reason}. ${noSubstituteBecause}` } });
      continue;
    }
    documents.push({
      ...requirement,
      status: 'SCAN_INSTEAD',
      fact: { available: false, reason: `${unread.reason}; attach instead: ${substitutes.map((s) => s.id).join(', ')}` },
    });
    for (const substitute of substitutes) {
      if (!documents.some((d) => d.document.id === substitute.id) && !draft.documents.some((d) => d.document.id === substitute.id))
        documents.push({ document: substitute, status: 'ATTACH_NEEDED', fact: null, insteadOf: document });
    }
  }
  return {
    documents,
    reasons: draft.reasons.filter((r) => !(SAID_BY[r.code] && down.has(SAID_BY[r.code]!))),
    outages: outages.map((o) => ({
      ...o,
      facts: facts.filter((f) => f.registry === o.registry),
      fields: draft.fields.filter((f) => f.source?.registry === o.registry && f.value === null).map((f) => f.fieldId),
    })),
  };
}

const outageOf = (outages: readonly RegistryOutage[], registry: Registry) => outages.find((o) => o.registry === registry)!;

/**
 * What a submission made while registries are down must satisfy beyond the usual checks: the fee cannot be
 * seen in ПШЭП, so its scan stands in (or, with none in the standard, the submission waits for ПШЭП).
 */
export function feeProblemsWhilePaymentsDown(outages: readonly DraftOutage[], feeKind: string): Problem[] | null {
  const payments = outages.find((o) => o.registry === 'payments');
  if (!payments) return null;
  if (feeKind === 'FREE') return [];
  const fee = payments.facts.find((f) => f.fact === 'FEE_PAYMENT');
  if (fee && fee.substitutes.length === 0) {
    return [
      {
        code: 'REGISTRY_UNAVAILABLE',
        message: `${title('payments')} cannot be read, so the fee cannot be checked. ${fee.noSubstituteBecause}`,
        field: 'paymentId',
      },
    ];
  }
  // With a substitute the scan is required like any other (MISSING_ATTACHMENT); with no portal fee document the
  // office list's own fee scan is asked for anyway.
  return [];
}

/** What an application keeps of a draft's outages: ids, not documents (the catalog has those). */
export interface RecordedOutage extends RegistryOutage {
  facts: { fact: RegistryFact; documentId: string; substituteIds: string[]; noSubstituteBecause: string | null }[];
  fields: string[];
}

export const recordOutages = (outages: readonly DraftOutage[]): RecordedOutage[] =>
  outages.map((o) => ({
    registry: o.registry,
    code: o.code,
    at: o.at,
    fields: o.fields,
    facts: o.facts.map((f) => ({
      fact: f.fact,
      documentId: f.document.id,
      substituteIds: f.substitutes.map((s) => s.id),
      noSubstituteBecause: f.noSubstituteBecause,
    })),
  }));
