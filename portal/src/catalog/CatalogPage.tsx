import { useMemo } from 'react';
import { useQuery } from '../api/use-graph.js';
import { useRouter } from '../app/router.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { PageHeading } from '../components/PageHeading.js';
import { RequestProblem } from '../components/RequestProblem.js';
import type { PublicServiceFilter } from '../generated/graphql.js';
import { graphql } from '../generated/index.js';
import { useLanguage } from '../i18n/language.js';
import { CatalogFilters, type CatalogQuery } from './CatalogFilters.js';
import { ServiceCard } from './ServiceCard.js';

const CatalogServices = graphql(`
  query CatalogServices($filter: PublicServiceFilter) {
    publicServices(filter: $filter) {
      code
      names {
        kk
        ru
        en
      }
      ...ServiceCard
    }
  }
`);

/** The catalog state lives in the address, so a filtered list can be bookmarked and shared. */
function queryFrom(search: URLSearchParams): CatalogQuery {
  return {
    text: search.get('q') ?? '',
    recipient: (search.get('recipient') ?? '') as CatalogQuery['recipient'],
    online: (search.get('online') ?? '') as CatalogQuery['online'],
    paid: (search.get('paid') ?? '') as CatalogQuery['paid'],
  };
}

function filterOf(query: CatalogQuery): PublicServiceFilter {
  return {
    ...(query.recipient ? { recipient: query.recipient } : {}),
    ...(query.online ? { online: query.online === 'yes' } : {}),
    ...(query.paid ? { paid: query.paid === 'yes' } : {}),
  };
}

export function CatalogPage() {
  const { search, navigate } = useRouter();
  const { t } = useLanguage();
  const query = queryFrom(search);
  const { data, errors, failure, loading, refetch } = useQuery(CatalogServices, { filter: filterOf(query) });

  const onChange = (next: CatalogQuery) => {
    const params = new URLSearchParams(
      Object.entries({ q: next.text, recipient: next.recipient, online: next.online, paid: next.paid }).filter(([, value]) => value),
    );
    navigate(params.size ? `/?${params}` : '/', { replace: true });
  };

  // Text search runs here, over all three names: a reader may search in any language.
  const words = query.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const services = useMemo(
    () =>
      (data?.publicServices ?? []).filter((service) =>
        words.every((word) => [service.code, service.names.kk, service.names.ru, service.names.en].some((name) => name.toLocaleLowerCase().includes(word))),
      ),
    [data, words.join(' ')],
  );

  return (
    <>
      <PageHeading title={t('catalog.title')}>{t('catalog.title')}</PageHeading>
      <p className="lead">{t('catalog.lead')}</p>
      <CatalogFilters query={query} onChange={onChange} />
      {failure ? <RequestProblem failure={failure} retry={refetch} /> : null}
      <GraphErrors errors={errors} />
      {loading && !data ? <Loading /> : null}
      <p className="result-count" role="status" aria-live="polite">
        {data ? t('catalog.count', { count: services.length }) : ''}
      </p>
      <div className="service-list">
        {services.map((service) => (
          <ServiceCard key={service.code} service={service} />
        ))}
      </div>
    </>
  );
}
