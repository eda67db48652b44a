import { ErrorCode, graphqlError } from '@egov/core';
import type { Catalog } from '@egov/domain';
import type { ApplicantSnapshot } from '../applications/applicant.js';
import { buildDraft, type DraftDeps, findAction } from '../applications/draft.js';
import type { ApplicationStore } from '../applications/store.js';
import type { ApplicationsRegistry } from '../registry/index.js';
import type { RecordedOutage } from './draft.js';
import type { Comparison, Reread } from './registry-checks.js';

export interface RereadDeps extends DraftDeps {
  catalog: Catalog;
  registry: Pick<ApplicationsRegistry, 'readApplicant'>;
  store: Pick<ApplicationStore, 'byNumber' | 'usedPaymentIds'>;
  clock: () => Date;
}

/**
 * Reads the applicant again, as a draft would, and compares what the registries that were down say now with
 * what was submitted: each fact left unread is confirmed or not (the scan that stood in for it claimed it), and
 * each form field left empty is set against the registry's value. Throws the registry's error while any of them
 * is still down, so the check is retried.
 */
export function createReread(deps: RereadDeps): Reread {
  return async (number: string, outages: RecordedOutage[]): Promise<Comparison> => {
    const application = await deps.store.byNumber(number);
    if (!application) throw new Error('registry check for an application that does not exist');
    const entry = deps.catalog.byCode(application.serviceCode);
    const action = entry && findAction(entry, application.action);
    if (!entry || !action) throw new Error('registry check for a service or action no longer in the catalog');
    const now = deps.clock();
    const submitted = (application.snapshot as { applicant: ApplicantSnapshot }).applicant;
    const snapshot = await deps.registry.readApplicant(submitted.ref, now);
    const readAt = now.toISOString();
    if (!snapshot) {
      const gone = 'The registry no longer holds the applicant';
      return {
        readAt,
        facts: outages.flatMap((o) =>
          o.facts.map((f) => ({ fact: f.fact, registry: o.registry, documentId: f.documentId, confirmed: false, summary: null, reason: gone })),
        ),
        fields: [],
      };
    }
    const stillDown = (snapshot.unavailable ?? []).find((u) => outages.some((o) => o.registry === u.registry));
    if (stillDown) throw graphqlError(ErrorCode.REGISTRY_UNAVAILABLE, 'The registry is still down', { registry: stillDown.registry, code: stillDown.code });
    // This application's own payment is not "used" by it: it took none while ПШЭП was down.
    const draft = buildDraft(entry, action, snapshot, now, await deps.store.usedPaymentIds(snapshot.id), deps);
    return {
      readAt,
      facts: outages.flatMap((o) =>
        o.facts.map((f) => {
          const now = draft.documents.find((d) => d.document.id === f.documentId);
          const fact = now?.fact ?? null;
          return {
            fact: f.fact,
            registry: o.registry,
            documentId: f.documentId,
            confirmed: fact?.available === true,
            summary: fact?.available ? fact.summary : null,
            reason: fact && !fact.available ? fact.reason : fact ? null : 'The document is no longer in the standard for this applicant',
          };
        }),
      ),
      fields: outages.flatMap((o) =>
        o.fields.map((fieldId) => {
          const before = application.fields.find((f) => f.fieldId === fieldId)?.value ?? null;
          const after = draft.fields.find((f) => f.fieldId === fieldId)?.value ?? null;
          return { fieldId, registry: o.registry, submitted: before, registryValue: after, same: before === after };
        }),
      ),
    };
  };
}
