import { ErrorCode, graphqlError } from '@egov/core';
import type { Action, Catalog, CatalogEntry } from '@egov/domain';
import type { ApplicantSnapshot } from '../applications/applicant.js';
import { buildDraft, type DraftDeps, findAction } from '../applications/draft.js';
import { usablePayment } from '../applications/fee-status.js';
import type { ApplicationStore, StoredApplication } from '../applications/store.js';
import type { ApplicationsRegistry } from '../registry/index.js';
import type { RecordedOutage } from './draft.js';
import type { Comparison, FactComparison, Reread } from './registry-checks.js';

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
    const used = await deps.store.usedPaymentIds(snapshot.id);
    // The application's own payment is "used" by the application itself, not by another one.
    if (application.paymentId) used.delete(application.paymentId);
    const draft = buildDraft(entry, action, snapshot, now, used, deps);
    const feeAfterLicensing = outages.some((o) => o.registry === 'licensing') ? feeStillUsable(application, entry, action, snapshot, used, deps) : [];
    const region = snapshot.entity?.legalAddress.region ?? snapshot.person?.address?.region ?? null;
    // With ГБД ФЛ down an IIN was taken as an individual; the registry may say it is an entrepreneur.
    const kind =
      draft.recipientKind === application.applicantKind
        ? []
        : [
            {
              fieldId: 'applicantKind',
              registry: 'individuals' as const,
              submitted: application.applicantKind,
              registryValue: draft.recipientKind,
              same: false,
            },
          ];
    const feeWasUnread = outages.some((o) => o.facts.some((f) => f.fact === 'FEE_PAYMENT'));
    return {
      readAt,
      ...(application.applicantRegion === null && region ? { applicantRegion: region } : {}),
      ...(feeWasUnread && application.paymentId === null && draft.fee.payment ? { paymentId: draft.fee.payment.id } : {}),
      facts: [
        ...feeAfterLicensing,
        ...outages.flatMap((o) =>
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
      ],
      fields: [
        ...kind,
        ...outages.flatMap((o) =>
          o.fields.map((fieldId) => {
            const before = application.fields.find((f) => f.fieldId === fieldId)?.value ?? null;
            const after = draft.fields.find((f) => f.fieldId === fieldId)?.value ?? null;
            return { fieldId, registry: o.registry, submitted: before, registryValue: after, same: before === after };
          }),
        ),
      ],
    };
  };
}

/**
 * A payment counts only if no licence of the activity was issued after it: with Е-лицензирование down at
 * submission that could not be seen, so the payment the application took is checked again once it is back.
 */
function feeStillUsable(
  application: StoredApplication,
  entry: CatalogEntry,
  action: Action,
  snapshot: ApplicantSnapshot,
  used: ReadonlySet<string>,
  deps: DraftDeps,
): FactComparison[] {
  const paymentId = application.paymentId;
  if (!paymentId || !entry.licenceActivity) return [];
  const document = action.documents.find((d) => d.registryFact === 'FEE_PAYMENT' && d.supply === 'REGISTRY');
  if (!document) return [];
  const still = usablePayment(
    { ...snapshot, payments: snapshot.payments.filter((p) => p.id === paymentId) },
    entry,
    action.kind,
    deps.fees.due(entry, action.kind, application.submittedAt),
    used,
  );
  return [
    {
      fact: 'FEE_PAYMENT',
      registry: 'licensing',
      documentId: document.id,
      confirmed: still !== null,
      summary: still ? `ПШЭП payment ${still.id} of ${still.amount} KZT, paid ${still.paidAt}; no licence of the activity issued since` : null,
      reason: still ? null : `ПШЭП payment ${paymentId} is no longer usable: a licence of the activity was issued after it, or it was used elsewhere`,
    },
  ];
}
