import type { LicenseRecord } from '@egov/contracts';
import type { DueDateResult, FeeSchedule, WorkingCalendar } from '@egov/domain';
import { type Action, type ActionKind, type CatalogEntry, type DocumentChannel, isOnline, type Recipient, servesRecipient } from '@egov/domain';
import { type DraftOutage, degrade } from '../degraded/draft.js';
import { type ApplicantSnapshot, recipientKindOf, rolesOf } from './applicant.js';
import { type FeeStatus, feeStatus } from './fee-status.js';
import { type DraftField, prefillForms } from './prefill.js';
import { type Problem, problem } from './problems.js';
import { existingLicence } from './registry-facts.js';
import { type DocumentRequirement, requirementsOf } from './requirements.js';

export interface ExpectedResult {
  due: DueDateResult | null;
  /** Why no date can be promised, when none can. */
  unknownBecause: string | null;
}

/** Everything a form needs before the applicant presses "submit", computed from one registry snapshot. */
export interface Draft {
  entry: CatalogEntry;
  action: Action;
  snapshot: ApplicantSnapshot;
  recipientKind: Recipient;
  /** Which of the standard's lists applies: the portal one when the service can be applied for online. */
  channel: DocumentChannel;
  eligible: boolean;
  reasons: Problem[];
  documents: DocumentRequirement[];
  fields: DraftField[];
  fee: FeeStatus;
  /** The licence a reissue, duplicate or annex concerns. */
  licence: LicenseRecord | null;
  expectedResult: ExpectedResult;
  /** Registries that did not answer, the facts left unread and the scans that stand in (degraded mode); empty normally. */
  registryOutages: DraftOutage[];
}

export interface DraftDeps {
  fees: FeeSchedule;
  calendar: WorkingCalendar;
}

const ABOUT_EXISTING_LICENCE: readonly ActionKind[] = ['REISSUE', 'DUPLICATE', 'ANNEX'];
const RECIPIENT_NAMES: Record<Recipient, string> = {
  INDIVIDUAL: 'individuals',
  LEGAL_ENTITY: 'legal entities',
  INDIVIDUAL_ENTREPRENEUR: 'individual entrepreneurs',
  FOREIGN_STATE_BODY: 'foreign state bodies',
};

export function findAction(entry: CatalogEntry, kind: string): Action | undefined {
  return entry.actions.find((a) => a.kind === kind);
}

function eligibility(entry: CatalogEntry, action: Action, snapshot: ApplicantSnapshot, kind: Recipient, licence: LicenseRecord | null): Problem[] {
  const reasons: Problem[] = [];
  if (!servesRecipient(entry, kind)) {
    reasons.push(
      problem(
        'RECIPIENT_NOT_SERVED',
        `Only ${entry.recipients.map((r) => RECIPIENT_NAMES[r]).join(' and ')} may apply for this service; the applicant is one of ${RECIPIENT_NAMES[kind]}`,
        'applicantId',
      ),
    );
  }
  if (!isOnline(entry)) {
    reasons.push(
      problem(
        'NOT_OFFERED_ONLINE',
        `The standard provides this service only at ${entry.provider.address} (${entry.channels.join(', ').toLowerCase()}); it cannot be applied for online`,
        'serviceCode',
      ),
    );
  }
  if (snapshot.entity && snapshot.entity.status !== 'ACTIVE') {
    reasons.push(problem('ENTITY_NOT_ACTIVE', `ГБД ЮЛ shows the applicant as ${snapshot.entity.status.toLowerCase()}`, 'applicantId'));
  }
  if (ABOUT_EXISTING_LICENCE.includes(action.kind) && entry.licenceActivity && !licence) {
    reasons.push(
      problem('NO_LICENCE', `A ${action.kind.toLowerCase()} needs a licence of this activity, and Е-лицензирование holds none for the applicant`, 'action'),
    );
  }
  return reasons;
}

function expectedResult(action: Action, calendar: WorkingCalendar, now: Date): ExpectedResult {
  const { deadline } = action;
  if (
    (deadline.unit === 'WORKING_DAYS' || deadline.unit === 'CALENDAR_DAYS') &&
    deadline.value !== null &&
    (deadline.countsFrom === 'SUBMISSION' || deadline.countsFrom === 'DAY_AFTER_SUBMISSION')
  ) {
    return { due: calendar.dueDate({ submittedAt: now, days: deadline.value, unit: deadline.unit }), unknownBecause: null };
  }
  const why: Record<string, string> = {
    TESTING_COMPLETED: 'The term runs from the end of testing, which is not known at submission',
    PER_CONTRACT: 'The term is set by the contract with the provider',
    CONTRACT: 'The term is set by the contract with the provider',
    NOT_STATED: 'The standard states no term for this action',
  };
  return { due: null, unknownBecause: why[deadline.countsFrom] ?? why[deadline.unit] ?? 'The standard gives no term that can be computed' };
}

export function buildDraft(
  entry: CatalogEntry,
  action: Action,
  snapshot: ApplicantSnapshot,
  now: Date,
  usedPaymentIds: ReadonlySet<string>,
  deps: DraftDeps,
): Draft {
  const recipientKind = recipientKindOf(snapshot);
  const roles = rolesOf(snapshot);
  const licence = existingLicence(snapshot, entry.licenceActivity);
  const fee = feeStatus(snapshot, entry, action.kind, deps.fees.due(entry, action.kind, now), usedPaymentIds);
  const channel: DocumentChannel = isOnline(entry) ? 'PORTAL' : 'OFFICE';
  const context = { licenceActivity: entry.licenceActivity, fee, now };
  const fields = prefillForms(entry.forms, snapshot, roles, { payment: fee.payment, licence });
  const { documents, reasons, outages } = degrade({
    action,
    snapshot,
    roles,
    documents: requirementsOf(action, channel, snapshot, roles, context),
    reasons: eligibility(entry, action, snapshot, recipientKind, licence),
    fields,
  });
  return {
    entry,
    action,
    snapshot,
    recipientKind,
    channel,
    eligible: reasons.length === 0,
    reasons,
    documents,
    fields,
    fee,
    licence,
    expectedResult: expectedResult(action, deps.calendar, now),
    registryOutages: outages,
  };
}
