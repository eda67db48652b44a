import type { ReactNode } from 'react';
import { useRouter } from '../app/router.js';
import { type CallerKind, useSession } from '../auth/session.js';
import { useLanguage } from '../i18n/language.js';
import { Notice } from './Notice.js';
import { PageHeading } from './PageHeading.js';

/** Shows its children to a signed-in caller of the right kind; otherwise says why and offers sign-in. */
export function RequireSignIn({ kinds, title, children }: { kinds: readonly CallerKind[]; title: string; children: ReactNode }) {
  const { identity, signIn, expired } = useSession();
  const { path, search } = useRouter();
  const { t } = useLanguage();
  if (identity && kinds.includes(identity.kind)) return <>{children}</>;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Notice tone={expired ? 'warning' : 'info'} title={expired ? t('signIn.expired') : identity ? t('signIn.wrongKind') : t('signIn.needed')} role="status">
        <button type="button" className="primary" onClick={() => signIn(`${path}${search.size ? `?${search}` : ''}`)}>
          {t('nav.signIn')}
        </button>
      </Notice>
    </>
  );
}
