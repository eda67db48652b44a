import { useQuery } from '../api/use-graph.js';
import { Link } from '../app/router.js';
import { useSession } from '../auth/session.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { PageHeading } from '../components/PageHeading.js';
import { RequestProblem } from '../components/RequestProblem.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import { graphql } from '../generated/index.js';
import { useLanguage } from '../i18n/language.js';
import { ApplicationCard } from './ApplicationCard.js';
import { DataAccessLog } from './DataAccessLog.js';
import { MyConsents } from './MyConsents.js';

const MyApplications = graphql(`
  query MyApplications($iin: IIN!, $language: Language!) {
    person(iin: $iin) {
      iin
      applications {
        number
        ...ApplicationSummary
      }
      legalEntities(role: HEAD) {
        bin
        shortName(language: $language)
        applications {
          number
          ...ApplicationSummary
        }
      }
    }
  }
`);

function MyApplicationList({ iin }: { iin: string }) {
  const { language, t } = useLanguage();
  const { data, errors, failure, loading, refetch } = useQuery(MyApplications, { iin, language: language === 'kk' ? 'KK' : 'RU' });
  if (failure) return <RequestProblem failure={failure} retry={refetch} />;
  if (loading && !data) return <Loading />;
  const person = data?.person;
  const groups = [
    { key: iin, label: t('mine.yours'), applications: person?.applications ?? [] },
    ...(person?.legalEntities ?? []).map((entity) => ({ key: entity.bin, label: entity.shortName ?? entity.bin, applications: entity.applications ?? [] })),
  ];
  const none = groups.every((group) => group.applications.length === 0);
  return (
    <>
      <GraphErrors errors={errors} />
      {none ? (
        <p>
          {t('mine.none')} <Link to="/">{t('nav.services')}</Link>
        </p>
      ) : null}
      {groups.flatMap((group) =>
        group.applications.map((application) => <ApplicationCard key={application.number} application={application} applicantLabel={group.label} />),
      )}
    </>
  );
}

/** The citizen's own page: their applications (and their companies') with status timelines, who read their data, and their consents. */
export function MinePage() {
  const { identity } = useSession();
  const { t } = useLanguage();
  return (
    <RequireSignIn kinds={['portal', 'citizen']} title={t('mine.title')}>
      <PageHeading title={t('mine.title')}>{t('mine.title')}</PageHeading>
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('mine.applications')}</h2>
        {identity ? <MyApplicationList iin={identity.iin} /> : null}
      </section>
      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t('access.title')}</h2>
        <p className="fine">{t('access.lead')}</p>
        <DataAccessLog />
      </section>
      <section aria-labelledby="consents-heading">
        <h2 id="consents-heading">{t('consents.title')}</h2>
        <p className="fine">{t('consents.lead')}</p>
        <MyConsents />
      </section>
    </RequireSignIn>
  );
}
