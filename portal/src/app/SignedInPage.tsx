import { useEffect, useState } from 'react';
import { useSession } from '../auth/session.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { useLanguage } from '../i18n/language.js';
import { useRouter } from './router.js';

/** Where the identity provider sends the browser back: take the token from the fragment and move on. */
export function SignedInPage() {
  const { completeSignIn } = useSession();
  const { navigate } = useRouter();
  const { t } = useLanguage();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const outcome = completeSignIn(window.location.hash);
    // The token must not stay in the address bar or the history.
    window.history.replaceState(null, '', '/signed-in');
    if ('returnTo' in outcome) navigate(outcome.returnTo, { replace: true });
    else setFailed(true);
  }, [completeSignIn, navigate]);
  return (
    <>
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      {failed ? <Notice tone="error" title={t('signIn.failed')} /> : <p role="status">{t('common.loading')}</p>}
    </>
  );
}
