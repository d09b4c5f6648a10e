import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { NetworkProvider, useMe, useSavedLocale } from './session.tsx';
import { AppShell, PublicLayout } from './shell.tsx';
import { Loading, ErrorMessage } from '../components/status.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { webModules } from '../features/modules.ts';
import { HomeCardsContext } from './home-cards.tsx';

const routes = webModules.flatMap((m) => m.routes);
const homeCards = webModules.flatMap((m) => m.homeCards ?? []);

/** A session that ends while the app is open (expired, logged out elsewhere) leads back to the login page. */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED' && queryClient.getQueryData(['me'])) {
    queryClient.setQueryData(['me'], null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // A refused request (4xx) or an answer of the wrong shape will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && ((error.status >= 400 && error.status < 500) || error.code === 'RESPONSE_INVALID')) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Logged-in area: waits for the session, sends visitors to the login page. */
function RequireSession() {
  const me = useMe();
  const location = useLocation();
  useSavedLocale(me.data);
  if (me.isPending) {
    return (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  }
  if (me.isError) {
    return (
      <PublicLayout>
        <ErrorMessage error={me.error} />
      </PublicLayout>
    );
  }
  if (!me.data) return <Navigate to={`/inloggen?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <NetworkProvider me={me.data}>
      <HomeCardsContext.Provider value={homeCards}>
        <AppShell />
      </HomeCardsContext.Provider>
    </NetworkProvider>
  );
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
    </>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<PublicLayout />}>
            {routes.filter((r) => r.access === 'public').map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Route>
          <Route element={<RequireSession />}>
            {routes.filter((r) => r.access === 'session').map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
