import { useQuery } from '../api/use-graph.js';
import { Link } from '../app/router.js';
import { Notice } from '../components/Notice.js';
import { RegistryBadge } from '../components/RegistryBadge.js';
import { StatusBadge } from '../components/StatusBadge.js';
import type { DeadlineUnit } from '../generated/graphql.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { RECEIPT_SUPPLY } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';

export const ReceiptFragment = graphql(`
  fragment ReceiptDetails on ApplicationReceipt {
    number
    acceptedAt
    expectedResultDate
    expectedResultUnknownBecause
    replayed
    documents {
      documentId
      name
      supply
      registry
      summary
      attachmentIds
    }
    application {
      number
      status
      dueDate
    }
  }
`);

const ReceiptCalendar = graphql(`
  query ReceiptCalendar($from: DateTime!, $days: Int!, $unit: TermUnit!) {
    dueDate(from: $from, days: $days, unit: $unit) {
      dueDate
      skippedDaysOff {
        date
        reason
      }
      warnings
    }
  }
`);

/** The days off the term skipped, from the same calendar the receipt's date came from. */
function SkippedDaysOff({
  acceptedAt,
  dueDate,
  term,
}: {
  acceptedAt: string;
  dueDate: string;
  term: { value: number; unit: 'WORKING_DAYS' | 'CALENDAR_DAYS' };
}) {
  const { t } = useLanguage();
  const format = useFormat();
  const { data } = useQuery(ReceiptCalendar, { from: acceptedAt, days: term.value, unit: term.unit });
  const calendar = data?.dueDate;
  // Shown only when the calendar agrees with the receipt (a term counted from the next day differs).
  if (!calendar || calendar.dueDate !== dueDate || calendar.skippedDaysOff.length === 0) return null;
  return (
    <details className="days-off" open>
      <summary>{t('receipt.skipped', { count: calendar.skippedDaysOff.length })}</summary>
      <ul>
        {calendar.skippedDaysOff.map((day) => (
          <li key={day.date}>
            {format.date(day.date)}: {day.reason === 'weekend' ? t('receipt.weekend') : <span lang="en">{day.reason}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Receipt(props: { receipt: FragmentType<typeof ReceiptFragment>; term: { value: number | null | undefined; unit: DeadlineUnit } }) {
  const receipt = readFragment(ReceiptFragment, props.receipt);
  const { language, t } = useLanguage();
  const format = useFormat();
  const { value, unit } = props.term;
  return (
    <section className="receipt" aria-labelledby="receipt-heading">
      <Notice tone="success" title={t('receipt.accepted')}>
        <p>{receipt.replayed ? t('receipt.replayed') : t('receipt.kept')}</p>
      </Notice>
      <h2 id="receipt-heading">{t('receipt.title', { number: receipt.number })}</h2>
      <dl className="facts">
        <dt>{t('receipt.number')}</dt>
        <dd className="receipt-number">{receipt.number}</dd>
        <dt>{t('receipt.acceptedAt')}</dt>
        <dd>{format.dateTime(receipt.acceptedAt)}</dd>
        <dt>{t('receipt.status')}</dt>
        <dd>
          <StatusBadge status={receipt.application.status} />
        </dd>
        <dt>{t('receipt.due')}</dt>
        <dd className="due-date">
          {receipt.expectedResultDate ? format.date(receipt.expectedResultDate) : <span lang="en">{receipt.expectedResultUnknownBecause}</span>}
        </dd>
      </dl>
      {receipt.expectedResultDate && value && (unit === 'WORKING_DAYS' || unit === 'CALENDAR_DAYS') ? (
        <SkippedDaysOff acceptedAt={receipt.acceptedAt} dueDate={receipt.expectedResultDate} term={{ value, unit }} />
      ) : null}
      <h3>{t('receipt.documents')}</h3>
      <ul className="receipt-documents">
        {receipt.documents.map((document) => (
          <li key={document.documentId}>
            <span lang="en">{document.name}</span> · {RECEIPT_SUPPLY[document.supply][language]}{' '}
            {document.registry ? <RegistryBadge registry={document.registry} /> : null}
            {document.summary ? (
              <span className="fine" lang="en">
                {' '}
                {document.summary}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/mine">{t('receipt.toMine')}</Link>
      </p>
    </section>
  );
}
