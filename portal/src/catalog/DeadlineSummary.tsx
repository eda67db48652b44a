import { Citation } from '../components/Citation.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { DEADLINE_UNIT } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';

export const DeadlineFragment = graphql(`
  fragment DeadlineSummary on Deadline {
    value
    unit
    countsFrom
    deemedIssuedIfSilent
    description
    source {
      ...CitationFields
    }
  }
`);

/** How long the authority has, from when, and whether silence counts as a yes. */
export function DeadlineSummary(props: { deadline: FragmentType<typeof DeadlineFragment> }) {
  const deadline = readFragment(DeadlineFragment, props.deadline);
  const { language, t } = useLanguage();
  return (
    <div className="deadline">
      <p>
        <strong>
          {deadline.value !== null && deadline.value !== undefined
            ? `${deadline.value} ${DEADLINE_UNIT[deadline.unit][language]}`
            : DEADLINE_UNIT[deadline.unit][language]}
        </strong>
        {deadline.countsFrom === 'DAY_AFTER_SUBMISSION'
          ? ` · ${t('deadline.fromNextDay')}`
          : deadline.countsFrom === 'SUBMISSION'
            ? ` · ${t('deadline.fromSubmission')}`
            : ''}
      </p>
      {deadline.deemedIssuedIfSilent ? <p className="silence">{t('deadline.silenceIsConsent')}</p> : null}
      <p className="fine" lang="en">
        {deadline.description}
      </p>
      <Citation source={deadline.source} />
    </div>
  );
}
