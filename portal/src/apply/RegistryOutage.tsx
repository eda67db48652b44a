import type { ReactNode } from 'react';
import type { Outage } from '../api/errors.js';
import { Link } from '../app/router.js';
import { Notice } from '../components/Notice.js';
import { RegistryBadge } from '../components/RegistryBadge.js';
import type { DocumentApplicant, RegistryName } from '../generated/graphql.js';
import { REGISTRY, REGISTRY_ROLE, registryFromExtension } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';

/** The standard's form as the catalog describes it: which registry fills each field, for whom. */
export interface CatalogForm {
  id: string;
  title: string;
  appliesTo: readonly DocumentApplicant[];
  fields: readonly {
    id: string;
    label: string;
    labelOriginal: string;
    filledBy: string;
    prefill: readonly { registry: RegistryName; appliesTo?: readonly DocumentApplicant[] | null }[];
  }[];
}

function FieldWhileDown({ field, applicant, down }: { field: CatalogForm['fields'][number]; applicant: DocumentApplicant; down: ReadonlySet<RegistryName> }) {
  const { language, t } = useLanguage();
  const source = field.prefill.find((p) => !p.appliesTo || p.appliesTo.includes(applicant));
  return (
    <div className={`draft-field${source && down.has(source.registry) ? ' unread' : ''}`}>
      <dt>{language === 'en' ? field.label : <span lang="ru">{field.labelOriginal}</span>}</dt>
      <dd>
        {source ? (
          <span className="source">
            <RegistryBadge registry={source.registry} />
            <span className="fine">
              {down.has(source.registry) ? t('outage.fieldUnread', { registry: REGISTRY[source.registry][language] }) : t('outage.fieldLater')}
            </span>
          </span>
        ) : (
          <span className="fine">{t('outage.fieldYours')}</span>
        )}
      </dd>
    </div>
  );
}

/** Which registries are not answering, as the alert at the top of the form. */
export function OutageNotice({ registries }: { registries: readonly { key: string; registry: RegistryName | null; title: string }[] }) {
  const { language, t } = useLanguage();
  return (
    <Notice tone="warning" title={t('outage.title')} role="alert">
      <ul>
        {registries.map((outage) => (
          <li key={outage.key}>
            {t('outage.notAnswering', {
              registry: outage.registry ? `${REGISTRY[outage.registry][language]} (${REGISTRY_ROLE[outage.registry][language]})` : outage.title,
            })}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** What the applicant can do while a registry is down: read again later, keep uploading, or go in person. */
export function OutageNextSteps(props: { serviceCode: string; retry(): void; busy: boolean; scansInstead?: boolean }) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="next-heading" className="next-steps">
      <h2 id="next-heading">{t('outage.next')}</h2>
      <ol>
        {props.scansInstead ? <li>{t('outage.scanInstead')}</li> : null}
        <li>
          {t('outage.retryLater')}{' '}
          <button type="button" onClick={props.retry} disabled={props.busy}>
            {t('outage.readAgain')}
          </button>
        </li>
        <li>{t('outage.scansKept')}</li>
        <li>
          {t('outage.office')} <Link to={`/services/${props.serviceCode}`}>{t('outage.officeList')}</Link>
        </li>
      </ol>
    </section>
  );
}

/**
 * A registry did not answer, so there is no prefilled draft. The applicant still sees the form (which
 * registry fills what, and which of those is down), can upload scans now (they are kept), and is told
 * what to do next. (When the draft itself comes back in degraded mode, the draft page shows the same notice
 * and steps over the draft, whose documents name the office-list scans to attach instead.)
 */
export function RegistryOutage(props: {
  outages: readonly Outage[];
  forms: readonly CatalogForm[];
  applicant: DocumentApplicant;
  serviceCode: string;
  retry(): void;
  busy: boolean;
  scans: ReactNode;
}) {
  const { t } = useLanguage();
  const down = new Set(props.outages.flatMap((o) => registryFromExtension(o.registry) ?? []));
  const forms = props.forms.filter((form) => form.appliesTo.includes(props.applicant));
  return (
    <>
      <OutageNotice registries={props.outages.map((o) => ({ key: o.registry, registry: registryFromExtension(o.registry), title: o.title }))} />
      <OutageNextSteps serviceCode={props.serviceCode} retry={props.retry} busy={props.busy} />
      <section aria-labelledby="form-heading">
        <h2 id="form-heading">{t('outage.partialForm')}</h2>
        {forms.map((form) => (
          <fieldset key={form.id} className="draft-form">
            <legend lang="en">{form.title}</legend>
            <dl className="draft-fields">
              {form.fields
                .filter((field) => field.filledBy === 'APPLICANT')
                .map((field) => (
                  <FieldWhileDown key={field.id} field={field} applicant={props.applicant} down={down} />
                ))}
            </dl>
          </fieldset>
        ))}
      </section>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('apply.documents')}</h2>
        {props.scans}
      </section>
    </>
  );
}
