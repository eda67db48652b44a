import { useQuery } from '../api/use-graph.js';
import { Link } from '../app/router.js';
import { Citation } from '../components/Citation.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { OriginalText } from '../components/OriginalText.js';
import { PageHeading } from '../components/PageHeading.js';
import { RequestProblem } from '../components/RequestProblem.js';
import { graphql } from '../generated/index.js';
import { ACTION, CHANNEL, RECIPIENT } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';
import { DeadlineSummary } from './DeadlineSummary.js';
import { DocumentList } from './DocumentList.js';
import { FeeSummary } from './FeeSummary.js';
import { RefusalGroundList } from './RefusalGroundList.js';
import { serviceName } from './service-name.js';

const ServiceDetails = graphql(`
  query ServiceDetails($code: ID!) {
    publicService(code: $code) {
      code
      names {
        kk
        ru
        en
      }
      act
      inForce
      repealedBy
      source {
        ...CitationFields
      }
      provider {
        name
        nameOriginal
        address
      }
      channels
      online
      recipients
      result
      fee {
        ...FeeSummary
      }
      actions {
        kind
        when
        deadline {
          ...DeadlineSummary
        }
        online: documents(channel: PORTAL) {
          id
          ...ServiceDocumentItem
        }
        office: documents(channel: OFFICE) {
          id
          ...ServiceDocumentItem
        }
      }
      refusalGrounds {
        code
        ...RefusalGroundItem
      }
      notes
    }
  }
`);

/** One service standard: who, what, how long, what it costs, which documents, why it may be refused, where it says so. */
export function ServicePage({ code }: { code: string }) {
  const { language, t } = useLanguage();
  const { data, errors, failure, loading, refetch } = useQuery(ServiceDetails, { code });
  const service = data?.publicService;
  if (failure) return <RequestProblem failure={failure} retry={refetch} />;
  if (loading && !service) return <Loading />;
  if (!service) {
    return (
      <>
        <PageHeading title={t('service.notFound')}>{t('service.notFound')}</PageHeading>
        <GraphErrors errors={errors} />
      </>
    );
  }
  const name = serviceName(service.names, language);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('nav.services')}</Link>
      </p>
      <PageHeading title={name}>{name}</PageHeading>
      <GraphErrors errors={errors} />
      {service.inForce ? null : (
        <Notice tone="info" role="note">
          <p>{t('service.repealed', { act: service.repealedBy ?? '' })}</p>
        </Notice>
      )}
      <dl className="facts">
        <dt>{t('service.provider')}</dt>
        <dd>
          <OriginalText en={service.provider.name} original={service.provider.nameOriginal} />
        </dd>
        <dt>{t('service.recipients')}</dt>
        <dd>{service.recipients.map((kind) => RECIPIENT[kind][language]).join(', ')}</dd>
        <dt>{t('service.channels')}</dt>
        <dd>{service.channels.map((channel) => CHANNEL[channel][language]).join(', ')}</dd>
        <dt>{t('service.result')}</dt>
        <dd lang="en">{service.result}</dd>
        <dt>{t('service.act')}</dt>
        <dd>
          {service.act} <Citation source={service.source} />
        </dd>
      </dl>

      <section aria-labelledby="fee-heading">
        <h2 id="fee-heading">{t('service.fee')}</h2>
        <FeeSummary fee={service.fee} />
      </section>

      {service.actions.map((action) => (
        <section key={action.kind} className="action" aria-labelledby={`action-${action.kind}`}>
          <h2 id={`action-${action.kind}`}>{ACTION[action.kind][language]}</h2>
          {action.when ? (
            <p className="fine" lang="en">
              {action.when}
            </p>
          ) : null}
          <h3>{t('service.deadline')}</h3>
          <DeadlineSummary deadline={action.deadline} />
          {service.online ? (
            <>
              <h3>{t('service.documentsOnline')}</h3>
              <DocumentList documents={action.online} />
            </>
          ) : null}
          <details>
            <summary>{t('service.documentsOffice')}</summary>
            <DocumentList documents={action.office} />
          </details>
          {service.online ? (
            <p>
              <Link className="button primary" to={`/apply/${service.code}/${action.kind}`}>
                {t('service.apply', { action: ACTION[action.kind][language].toLocaleLowerCase() })}
              </Link>
            </p>
          ) : (
            <p className="fine">{t('service.notOnline')}</p>
          )}
        </section>
      ))}

      <section aria-labelledby="refusal-heading">
        <h2 id="refusal-heading">{t('service.refusalGrounds')}</h2>
        <RefusalGroundList grounds={service.refusalGrounds} />
      </section>

      {service.notes.length > 0 ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('service.notes')}</h2>
          <ul lang="en">
            {service.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
