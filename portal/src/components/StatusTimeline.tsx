import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';
import { StatusBadge } from './StatusBadge.js';

export const StatusChangeFragment = graphql(`
  fragment StatusChangeItem on StatusChange {
    at
    status
    actor
    note
  }
`);

/** An application's history, oldest first: each status, when, and who moved it. */
export function StatusTimeline(props: { history: readonly FragmentType<typeof StatusChangeFragment>[]; label: string }) {
  const history = props.history.map((change) => readFragment(StatusChangeFragment, change));
  const format = useFormat();
  const { t } = useLanguage();
  return (
    <ol className="timeline" aria-label={props.label}>
      {history.map((change, i) => (
        <li key={`${change.at}-${i}`} className="timeline-step">
          <StatusBadge status={change.status} /> <time dateTime={change.at}>{format.dateTime(change.at)}</time>
          <span className="fine">
            {' · '}
            {t('timeline.by', { actor: change.actor })}
          </span>
          {change.note ? <p className="fine">{change.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
