import type { ReactNode } from 'react';
import { useSession } from '../auth/session.js';
import { useLanguage } from '../i18n/language.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Link, useRouter } from './router.js';

function SessionControls() {
  const { identity, signIn, signOut } = useSession();
  const { path } = useRouter();
  const { t } = useLanguage();
  if (!identity) {
    return (
      <button type="button" className="primary" onClick={() => signIn(path)}>
        {t('nav.signIn')}
      </button>
    );
  }
  return (
    <div className="session">
      <span>
        {identity.kind === 'officer' ? t('session.officer', { agency: identity.agency ?? '' }) : t('session.citizen')}{' '}
        <span className="iin">{identity.iin}</span>
      </span>
      <button type="button" onClick={signOut}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}

function MainNavigation() {
  const { identity } = useSession();
  const { path } = useRouter();
  const { t } = useLanguage();
  const links = [
    { to: '/', label: t('nav.services'), active: path === '/' || path.startsWith('/services') || path.startsWith('/apply') },
    ...(identity?.kind !== 'officer' ? [{ to: '/mine', label: t('nav.mine'), active: path.startsWith('/mine') }] : []),
    ...(identity?.kind === 'officer' ? [{ to: '/officer', label: t('nav.officer'), active: path.startsWith('/officer') }] : []),
  ];
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} aria-current={link.active ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useLanguage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="bar">
          <Link to="/" className="brand">
            <span aria-hidden="true" className="brand-mark" />
            {t('site.name')}
          </Link>
          <LanguageSwitch />
          <SessionControls />
        </div>
        <MainNavigation />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('site.footer')}</p>
      </footer>
    </>
  );
}
