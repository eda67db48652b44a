import type { RecipientKind } from '../generated/graphql.js';
import { RECIPIENT } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';

export interface CatalogQuery {
  text: string;
  recipient: RecipientKind | '';
  online: '' | 'yes' | 'no';
  paid: '' | 'yes' | 'no';
}

/** Search and the three filters the graph answers (recipient kind, online, paid). */
export function CatalogFilters({ query, onChange }: { query: CatalogQuery; onChange(next: CatalogQuery): void }) {
  const { language, t } = useLanguage();
  const set = (patch: Partial<CatalogQuery>) => onChange({ ...query, ...patch });
  return (
    <form className="catalog-filters" role="search" aria-label={t('catalog.searchLabel')} onSubmit={(event) => event.preventDefault()}>
      <div className="field search-field">
        <label htmlFor="catalog-search">{t('catalog.search')}</label>
        <input id="catalog-search" type="search" value={query.text} onChange={(event) => set({ text: event.target.value })} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="filter-recipient">{t('catalog.recipient')}</label>
        <select id="filter-recipient" value={query.recipient} onChange={(event) => set({ recipient: event.target.value as CatalogQuery['recipient'] })}>
          <option value="">{t('catalog.anyone')}</option>
          {(Object.keys(RECIPIENT) as RecipientKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {RECIPIENT[kind][language]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-online">{t('catalog.channel')}</label>
        <select id="filter-online" value={query.online} onChange={(event) => set({ online: event.target.value as CatalogQuery['online'] })}>
          <option value="">{t('catalog.any')}</option>
          <option value="yes">{t('catalog.onlineOnly')}</option>
          <option value="no">{t('catalog.officeOnly')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-paid">{t('catalog.fee')}</label>
        <select id="filter-paid" value={query.paid} onChange={(event) => set({ paid: event.target.value as CatalogQuery['paid'] })}>
          <option value="">{t('catalog.any')}</option>
          <option value="no">{t('catalog.free')}</option>
          <option value="yes">{t('catalog.paid')}</option>
        </select>
      </div>
    </form>
  );
}
