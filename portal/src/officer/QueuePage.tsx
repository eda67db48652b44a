import { useQuery } from '../api/use-graph.js';
import { Link } from '../app/router.js';
import { serviceName } from '../catalog/service-name.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { PageHeading } from '../components/PageHeading.js';
import { RequestProblem } from '../components/RequestProblem.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { graphql } from '../generated/index.js';
import { ACTION } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';
import { applicantLabel } from './applicant-label.js';

const OfficerQueue = graphql(`
  query OfficerQueue {
    applicationsToHandle(first: 50) {
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
      applicant {
        __typename
        ... on Person {
          iin
        }
        ... on LegalEntity {
          bin
        }
      }
    }
  }
`);

function Queue() {
  const { language, t } = useLanguage();
  const format = useFormat();
  const { data, errors, failure, loading, refetch } = useQuery(OfficerQueue, {});
  if (failure) return <RequestProblem failure={failure} retry={refetch} />;
  if (loading && !data) return <Loading />;
  const queue = data?.applicationsToHandle ?? [];
  return (
    <>
      <GraphErrors errors={errors} />
      <p role="status">{t('officer.count', { count: queue.length })}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('officer.queue')}>
        <table className="queue stacked">
          <caption className="visually-hidden">{t('officer.queue')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officer.number')}</th>
              <th scope="col">{t('officer.service')}</th>
              <th scope="col">{t('officer.applicant')}</th>
              <th scope="col">{t('officer.due')}</th>
              <th scope="col">{t('officer.status')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((application) => (
              <tr key={application.number}>
                <th scope="row">
                  <Link to={`/officer/${application.number}`}>{application.number}</Link>
                </th>
                <td data-label={t('officer.service')}>
                  {serviceName(application.service.names, language)} · {ACTION[application.action][language]}
                </td>
                <td data-label={t('officer.applicant')}>{applicantLabel(application.applicant)}</td>
                <td data-label={t('officer.due')}>{application.dueDate ? format.date(application.dueDate) : '—'}</td>
                <td data-label={t('officer.status')}>
                  <StatusBadge status={application.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The officer's work queue: applications their agency handles, oldest first. */
export function QueuePage() {
  const { t } = useLanguage();
  return (
    <RequireSignIn kinds={['officer']} title={t('officer.title')}>
      <PageHeading title={t('officer.title')}>{t('officer.title')}</PageHeading>
      <Queue />
    </RequireSignIn>
  );
}
