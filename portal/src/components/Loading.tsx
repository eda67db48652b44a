import { useLanguage } from '../i18n/language.js';

export function Loading() {
  const { t } = useLanguage();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
