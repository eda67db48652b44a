import { useQuery } from '../api/use-graph.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { RequestProblem } from '../components/RequestProblem.js';
import { graphql } from '../generated/index.js';
import { ACCESSOR } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';

const MyDataAccessLog = graphql(`
  query MyDataAccessLog($first: Int!) {
    myDataAccessLog(first: $first) {
      id
      at
      service
      accessor {
        kind
        name
        agency
      }
      purpose
      fields
    }
  }
`);

/** "Who read my data": every read of the person's data through the graph, newest first (Estonia's data tracker). */
export function DataAccessLog() {
  const { language, t } = useLanguage();
  const format = useFormat();
  const { data, errors, failure, loading, refetch } = useQuery(MyDataAccessLog, { first: 50 });
  if (failure) return <RequestProblem failure={failure} retry={refetch} />;
  if (loading && !data) return <Loading />;
  const entries = data?.myDataAccessLog ?? [];
  return (
    <>
      <GraphErrors errors={errors} />
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="access-heading">
        <table className="access-log stacked">
          <caption className="visually-hidden">{t('access.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('access.when')}</th>
              <th scope="col">{t('access.who')}</th>
              <th scope="col">{t('access.purpose')}</th>
              <th scope="col">{t('access.what')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td data-label={t('access.when')}>{format.dateTime(entry.at)}</td>
                <td data-label={t('access.who')}>
                  {ACCESSOR[entry.accessor.kind][language]}: {entry.accessor.name}
                  {entry.accessor.agency ? ` (${entry.accessor.agency})` : ''}
                </td>
                <td data-label={t('access.purpose')}>{entry.purpose ?? '—'}</td>
                <td data-label={t('access.what')}>
                  <span className="fine">{entry.service}: </span>
                  {entry.fields.join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length === 0 ? <p>{t('access.none')}</p> : null}
    </>
  );
}
