import { ApplyPage } from '../apply/ApplyPage.js';
import { SessionProvider } from '../auth/session.js';
import { CatalogPage } from '../catalog/CatalogPage.js';
import { ServicePage } from '../catalog/ServicePage.js';
import { LanguageProvider } from '../i18n/language.js';
import { MinePage } from '../mine/MinePage.js';
import { QueuePage } from '../officer/QueuePage.js';
import { ReviewPage } from '../officer/ReviewPage.js';
import { Layout } from './Layout.js';
import { NotFoundPage } from './NotFoundPage.js';
import { matchPath, RouterProvider, useRouter } from './router.js';
import { SignedInPage } from './SignedInPage.js';
import { SettingsProvider } from './settings.js';

function CurrentPage() {
  const { path } = useRouter();
  let params: Record<string, string> | null;
  if (path === '/') return <CatalogPage />;
  if ((params = matchPath('/services/:code', path))) return <ServicePage code={params.code!} />;
  if ((params = matchPath('/apply/:code/:action', path)))
    return <ApplyPage key={`${params.code}/${params.action}`} code={params.code!} action={params.action!} />;
  if (path === '/mine') return <MinePage />;
  if (path === '/officer') return <QueuePage />;
  if ((params = matchPath('/officer/:number', path))) return <ReviewPage key={params.number} number={params.number!} />;
  if (path === '/signed-in') return <SignedInPage />;
  return <NotFoundPage />;
}

export function App() {
  return (
    <LanguageProvider>
      <SettingsProvider>
        <SessionProvider>
          <RouterProvider>
            <Layout>
              <CurrentPage />
            </Layout>
          </RouterProvider>
        </SessionProvider>
      </SettingsProvider>
    </LanguageProvider>
  );
}
