import type { PaymentRecord } from '@egov/contracts';
import { parseKzt } from '@egov/core';
import type { ActionKind, CatalogEntry, FeeDue } from '@egov/domain';
import type { ApplicantSnapshot } from './applicant.js';

export interface FeeStatus extends FeeDue {
  /** Free services are always "paid". */
  paid: boolean;
  /** The payment that settles the fee, when there is one. */
  payment: PaymentRecord | null;
}

/**
 * The payment that pays this fee: the applicant's own, PAID through ПШЭП, for this service and action,
 * for at least the amount due when the amount is known, and not already used. A payment is used when an
 * application of ours took it, or when it was made before the applicant's latest licence of the same
 * activity was issued (that licence consumed it).
 */
export function usablePayment(
  snapshot: ApplicantSnapshot,
  entry: CatalogEntry,
  action: ActionKind,
  due: FeeDue,
  usedPaymentIds: ReadonlySet<string>,
): PaymentRecord | null {
  const latestLicence = snapshot.licences
    .filter((l) => entry.licenceActivity !== null && l.activity.code === entry.licenceActivity)
    .map((l) => l.issuedOn)
    .sort()
    .at(-1);
  const candidates = snapshot.payments.filter(
    (p) =>
      p.payerId === snapshot.id &&
      p.status === 'PAID' &&
      p.serviceCode === entry.code &&
      p.action?.toUpperCase() === action &&
      !usedPaymentIds.has(p.id) &&
      !(latestLicence && p.paidAt && p.paidAt.slice(0, 10) <= latestLicence) &&
      (due.amountTiyn === null || (parseKzt(p.amount) ?? 0) >= due.amountTiyn),
  );
  return candidates.sort((a, b) => (b.paidAt ?? '').localeCompare(a.paidAt ?? ''))[0] ?? null;
}

export function feeStatus(snapshot: ApplicantSnapshot, entry: CatalogEntry, action: ActionKind, due: FeeDue, usedPaymentIds: ReadonlySet<string>): FeeStatus {
  if (due.kind === 'FREE') return { ...due, paid: true, payment: null };
  // Outside ПШЭП (a contract price paid to the provider's bank) we cannot see the payment.
  if (due.paidVia !== 'PSHEP') return { ...due, paid: false, payment: null };
  const payment = usablePayment(snapshot, entry, action, due, usedPaymentIds);
  return { ...due, paid: payment !== null, payment };
}
