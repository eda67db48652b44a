import type { Action, CatalogDocument } from '@egov/domain';
import type { DraftOutage, RecordedOutage } from './draft.js';
import type { FactComparison, FieldComparison, RegistryCheck } from './registry-checks.js';

/** A fact read again, with its catalog document. */
export type FactRecheckModel = Omit<FactComparison, 'documentId'> & { document: CatalogDocument };

/** A registry check as the GraphQL types show it: recorded ids turned back into the catalog's documents. */
export interface RegistryCheckModel extends Omit<RegistryCheck, 'outages' | 'comparison'> {
  outages: DraftOutage[];
  readAt: string | null;
  facts: FactRecheckModel[];
  fields: FieldComparison[];
}

const documentIn = (action: Action | undefined, id: string) => action?.documents.find((d) => d.id === id);

/** The outages an application recorded, with the documents of its action (one the catalog no longer lists is left out). */
export function hydrateOutages(outages: readonly RecordedOutage[], action: Action | undefined): DraftOutage[] {
  return outages.map((o) => ({
    registry: o.registry,
    code: o.code,
    at: o.at,
    fields: o.fields,
    facts: o.facts.flatMap((f) => {
      const document = documentIn(action, f.documentId);
      if (!document) return [];
      const substitutes = f.substituteIds.map((id) => documentIn(action, id)).filter((d): d is CatalogDocument => d !== undefined);
      return [{ fact: f.fact, registry: o.registry, document, substitutes, noSubstituteBecause: f.noSubstituteBecause }];
    }),
  }));
}

export function registryCheckView(check: RegistryCheck, action: Action | undefined): RegistryCheckModel {
  const { outages, comparison, ...rest } = check;
  return {
    ...rest,
    outages: hydrateOutages(outages, action),
    readAt: comparison?.readAt ?? null,
    facts: (comparison?.facts ?? []).flatMap(({ documentId, ...f }) => {
      const document = documentIn(action, documentId);
      return document ? [{ ...f, document }] : [];
    }),
    fields: comparison?.fields ?? [],
  };
}
