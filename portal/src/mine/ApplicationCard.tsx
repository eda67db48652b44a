import { serviceName } from '../catalog/service-name.js';
import { OriginalText } from '../components/OriginalText.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { StatusTimeline } from '../components/StatusTimeline.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { ACTION } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';

export const ApplicationSummaryFragment = graphql(`
  fragment ApplicationSummary on Application {
    number
    status
    action
    submittedAt
    dueDate
    service {
      code
      names {
        kk
        ru
        en
      }
    }
    refusalGround {
      code
      text
      textOriginal
    }
    decisionNote
    license {
      number
    }
    history {
      ...StatusChangeItem
    }
  }
`);

export function ApplicationCard(props: { application: FragmentType<typeof ApplicationSummaryFragment>; applicantLabel: string }) {
  const application = readFragment(ApplicationSummaryFragment, props.application);
  const { language, t } = useLanguage();
  const format = useFormat();
  return (
    <article className="card application-card" aria-labelledby={`application-${application.number}`} data-number={application.number}>
      <h3 id={`application-${application.number}`}>
        {application.number} · {serviceName(application.service.names, language)}
      </h3>
      <p>
        <StatusBadge status={application.status} /> {ACTION[application.action][language]} · {props.applicantLabel}
      </p>
      <dl className="facts compact">
        <dt>{t('mine.submitted')}</dt>
        <dd>{format.dateTime(application.submittedAt)}</dd>
        {application.dueDate ? (
          <>
            <dt>{t('mine.due')}</dt>
            <dd>{format.date(application.dueDate)}</dd>
          </>
        ) : null}
        {application.refusalGround ? (
          <>
            <dt>{t('mine.refusalGround')}</dt>
            <dd>
              <OriginalText en={application.refusalGround.text} original={application.refusalGround.textOriginal} />
            </dd>
          </>
        ) : null}
        {application.decisionNote ? (
          <>
            <dt>{t('mine.note')}</dt>
            <dd>{application.decisionNote}</dd>
          </>
        ) : null}
        {application.license ? (
          <>
            <dt>{t('mine.licence')}</dt>
            <dd>{application.license.number}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t('mine.timeline')}</h4>
      <StatusTimeline history={application.history} label={t('mine.timelineOf', { number: application.number })} />
    </article>
  );
}
