import { PageHeading } from '../components/PageHeading.js';
import { useLanguage } from '../i18n/language.js';
import { Link } from './router.js';

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>
        <Link to="/">{t('nav.services')}</Link>
      </p>
    </>
  );
}
