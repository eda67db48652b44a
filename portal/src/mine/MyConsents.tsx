import { useState } from 'react';
import { useGraph, useQuery } from '../api/use-graph.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { RequestProblem } from '../components/RequestProblem.js';
import { graphql } from '../generated/index.js';
import { CONSENT_STATUS } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';

const MyConsentsQuery = graphql(`
  query MyConsents {
    myConsents {
      id
      partner {
        id
        name
      }
      purpose
      scope
      status
      validFrom
      validUntil
      withdrawnAt
    }
  }
`);

const WithdrawConsent = graphql(`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) {
      id
      status
      withdrawnAt
    }
  }
`);

/**
 * "Who may read my data": the consents the person gave partner systems (the access control service's record),
 * each active one with a button that withdraws it. Beside the access log, which shows the reads they opened.
 */
export function MyConsents() {
  const { language, t } = useLanguage();
  const format = useFormat();
  const graph = useGraph();
  const { data, errors, failure, loading, refetch } = useQuery(MyConsentsQuery, {});
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (failure) return <RequestProblem failure={failure} retry={refetch} />;
  if (loading && !data) return <Loading />;
  const consents = data?.myConsents ?? [];

  const withdraw = async (id: string) => {
    setBusy(id);
    setProblem(null);
    try {
      const answer = await graph(WithdrawConsent, { id });
      if (answer.data?.withdrawConsent) refetch();
      else setProblem(answer.errors.map((e) => `${e.message} (${e.extensions?.code ?? 'ERROR'})`).join('; '));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <GraphErrors errors={errors} />
      {problem ? (
        <Notice tone="error">
          <p>{problem}</p>
        </Notice>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="consents-heading">
        <table className="consent-list stacked">
          <caption className="visually-hidden">{t('consents.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consents.partner')}</th>
              <th scope="col">{t('access.purpose')}</th>
              <th scope="col">{t('consents.scope')}</th>
              <th scope="col">{t('consents.period')}</th>
              <th scope="col">{t('consents.status')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.map((consent) => (
              <tr key={consent.id}>
                <td data-label={t('consents.partner')}>{consent.partner.name}</td>
                <td data-label={t('access.purpose')}>{consent.purpose}</td>
                <td data-label={t('consents.scope')}>{consent.scope.join(', ')}</td>
                <td data-label={t('consents.period')}>
                  {format.dateTime(consent.validFrom)} – {format.dateTime(consent.validUntil)}
                </td>
                <td data-label={t('consents.status')}>
                  {CONSENT_STATUS[consent.status][language]}
                  {consent.withdrawnAt ? <span className="fine"> ({format.dateTime(consent.withdrawnAt)})</span> : null}
                  {consent.status === 'ACTIVE' || consent.status === 'NOT_YET_VALID' ? (
                    <>
                      {' '}
                      <button type="button" disabled={busy !== null} onClick={() => void withdraw(consent.id)}>
                        {t('consents.withdraw')}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {consents.length === 0 ? <p>{t('consents.none')}</p> : null}
    </>
  );
}
