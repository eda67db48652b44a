import type { RegistryName } from '../generated/graphql.js';
import { REGISTRY, REGISTRY_ROLE } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';

/** Names the registry a value came from, so the applicant sees whose data the form shows. */
export function RegistryBadge({ registry }: { registry: RegistryName }) {
  const { language, t } = useLanguage();
  return (
    <span className={`badge registry registry-${registry.toLowerCase().replace('_', '-')}`} title={REGISTRY_ROLE[registry][language]}>
      <span className="visually-hidden">{t('badge.fromRegistry')} </span>
      {REGISTRY[registry][language]}
    </span>
  );
}
