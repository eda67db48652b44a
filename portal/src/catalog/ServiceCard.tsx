import { Link } from '../app/router.js';
import { OriginalText } from '../components/OriginalText.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { FEE_KIND, RECIPIENT } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';
import { serviceName } from './service-name.js';

export const ServiceCardFragment = graphql(`
  fragment ServiceCard on PublicService {
    code
    names {
      kk
      ru
      en
    }
    online
    inForce
    recipients
    fee {
      kind
    }
    provider {
      name
      nameOriginal
    }
  }
`);

export function ServiceCard(props: { service: FragmentType<typeof ServiceCardFragment> }) {
  const service = readFragment(ServiceCardFragment, props.service);
  const { language, t } = useLanguage();
  return (
    <article className="card service-card" aria-labelledby={`service-${service.code}`}>
      <h2 id={`service-${service.code}`}>
        <Link to={`/services/${service.code}`}>{serviceName(service.names, language)}</Link>
      </h2>
      <p className="provider">
        <OriginalText en={service.provider.name} original={service.provider.nameOriginal} />
      </p>
      <ul className="tags" aria-label={t('catalog.facts')}>
        <li className={service.online ? 'tag tag-online' : 'tag'}>{service.online ? t('catalog.online') : t('catalog.officeOnly')}</li>
        <li className="tag">{FEE_KIND[service.fee.kind][language]}</li>
        {service.recipients.map((kind) => (
          <li key={kind} className="tag">
            {RECIPIENT[kind][language]}
          </li>
        ))}
        {service.inForce ? null : <li className="tag tag-muted">{t('catalog.repealed')}</li>}
      </ul>
    </article>
  );
}
