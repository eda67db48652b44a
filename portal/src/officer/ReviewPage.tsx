import { useState } from 'react';
import { useGraph, useQuery } from '../api/use-graph.js';
import { Link } from '../app/router.js';
import { DraftFields } from '../apply/DraftFields.js';
import { serviceName } from '../catalog/service-name.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { OriginalText } from '../components/OriginalText.js';
import { PageHeading } from '../components/PageHeading.js';
import { RegistryBadge } from '../components/RegistryBadge.js';
import { RequestProblem } from '../components/RequestProblem.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { StatusTimeline } from '../components/StatusTimeline.js';
import { graphql } from '../generated/index.js';
import { ACTION, RECEIPT_SUPPLY } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';
import { applicantLabel } from './applicant-label.js';
import { DecisionForm } from './DecisionForm.js';

// No `payment` here: the payments service does not let officers read ПШЭП records (FORBIDDEN); the fee
// document below carries what ПШЭП vouched for at submission.
const ReviewApplication = graphql(`
  query ReviewApplication($number: String!) {
    application(number: $number) {
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
        refusalGrounds {
          code
          text
          textOriginal
          actions
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
      fields {
        fieldId
        value
        ...DraftFieldRow
      }
      documents {
        documentId
        name
        supply
        registry
        summary
      }
      attachments {
        id
        documentId
        fileName
        mediaType
        size
        sha256
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
  }
`);

const StartReview = graphql(`
  mutation StartReview($number: String!) {
    startReview(number: $number) {
      number
      status
    }
  }
`);

function Review({ number }: { number: string }) {
  const { language, t } = useLanguage();
  const format = useFormat();
  const graph = useGraph();
  const { data, errors, failure, loading, refetch } = useQuery(ReviewApplication, { number });
  const [problem, setProblem] = useState<string | null>(null);
  const application = data?.application;
  if (failure) return <RequestProblem failure={failure} retry={refetch} />;
  if (loading && !application) return <Loading />;
  if (!application) {
    return (
      <>
        <PageHeading title={number}>{number}</PageHeading>
        <GraphErrors errors={errors} />
      </>
    );
  }
  const startReview = async () => {
    const answer = await graph(StartReview, { number });
    if (answer.data?.startReview) refetch();
    else setProblem(answer.errors.map((e) => `${e.message} (${e.extensions?.code ?? 'ERROR'})`).join('; '));
  };
  const title = `${application.number} · ${serviceName(application.service.names, language)}`;
  const applicantName = application.fields.find((field) => field.fieldId === 'legal-entity-name' || field.fieldId === 'full-name')?.value;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/officer">{t('officer.title')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <GraphErrors errors={errors} />
      <dl className="facts">
        <dt>{t('officer.status')}</dt>
        <dd>
          <StatusBadge status={application.status} /> {ACTION[application.action][language]}
        </dd>
        <dt>{t('officer.applicant')}</dt>
        <dd>{applicantLabel(application.applicant, applicantName)}</dd>
        <dt>{t('mine.submitted')}</dt>
        <dd>{format.dateTime(application.submittedAt)}</dd>
        <dt>{t('officer.due')}</dt>
        <dd>{application.dueDate ? format.date(application.dueDate) : '—'}</dd>
        {application.refusalGround ? (
          <>
            <dt>{t('mine.refusalGround')}</dt>
            <dd>
              <OriginalText en={application.refusalGround.text} original={application.refusalGround.textOriginal} />
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t('officer.decide')}</h2>
        {application.status === 'SUBMITTED' ? (
          <button type="button" className="primary" onClick={() => void startReview()}>
            {t('officer.startReview')}
          </button>
        ) : null}
        {application.status === 'IN_REVIEW' ? (
          <DecisionForm number={application.number} action={application.action} grounds={application.service.refusalGrounds} onDecided={refetch} />
        ) : null}
        {application.status !== 'SUBMITTED' && application.status !== 'IN_REVIEW' ? <Notice tone="info" title={t('officer.decided')} /> : null}
        {problem ? <Notice tone="error">{problem}</Notice> : null}
      </section>

      <section aria-labelledby="form-heading">
        <h2 id="form-heading">{t('officer.form')}</h2>
        <DraftFields fields={application.fields} />
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('apply.documents')}</h2>
        <ul className="receipt-documents">
          {application.documents.map((document) => (
            <li key={document.documentId}>
              <span lang="en">{document.name}</span> · {RECEIPT_SUPPLY[document.supply][language]}{' '}
              {document.registry ? <RegistryBadge registry={document.registry} /> : null}
              {document.summary ? (
                <span className="fine" lang="en">
                  {' '}
                  {document.summary}
                </span>
              ) : null}
              <ul>
                {application.attachments
                  .filter((attachment) => attachment.documentId === document.documentId)
                  .map((attachment) => (
                    <li key={attachment.id} className="fine">
                      {attachment.fileName ?? attachment.id} · {attachment.mediaType} · {format.size(attachment.size)} · SHA-256{' '}
                      <code>{attachment.sha256.slice(0, 16)}…</code>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('mine.timeline')}</h2>
        <StatusTimeline history={application.history} label={t('mine.timelineOf', { number: application.number })} />
      </section>
    </>
  );
}

/** One application for the officer: what the registries said at submission, the scans, the decision. */
export function ReviewPage({ number }: { number: string }) {
  const { t } = useLanguage();
  return (
    <RequireSignIn kinds={['officer']} title={t('officer.title')}>
      <Review number={number} />
    </RequireSignIn>
  );
}
