import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { NetworkProvider, useMe, useSavedLocale } from './session.tsx';
import { AppShell, PublicLayout } from './shell.tsx';
import { Loading, ErrorMessage } from '../components/status.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { LoginPage } from '../features/foundation/auth/login-page.tsx';
import { PasswordResetRequestPage, PasswordResetConfirmPage } from '../features/foundation/auth/password-reset-pages.tsx';
import { InvitationAcceptPage } from '../features/foundation/auth/invitation-accept-page.tsx';
import { HomePage } from '../features/foundation/home/home-page.tsx';
import { InstitutionListPage } from '../features/foundation/institution/institution-list-page.tsx';
import { InstitutionDetailPage } from '../features/foundation/institution/institution-detail-page.tsx';
import { PeoplePage } from '../features/foundation/person/people-page.tsx';
import { InvitationsPage } from '../features/foundation/invitation/invitations-page.tsx';
import { ImportPage } from '../features/foundation/csv-import/import-page.tsx';
import { OutboxPage } from '../features/foundation/mail/outbox-page.tsx';
import { ProfilePage } from '../features/foundation/profile/profile-page.tsx';
import { EditionListPage } from '../features/exchange/edition/edition-list-page.tsx';
import { EditionPage } from '../features/exchange/edition/edition-page.tsx';
import { RegisterPage } from '../features/exchange/registration/register-page.tsx';
import { MyExchangePage } from '../features/exchange/visit/my-exchange-page.tsx';
import { TimetablePage } from '../features/calendar/timetable/timetable-page.tsx';
import { PublicEditionPage } from '../features/exchange/edition/public-edition-page.tsx';
import { ReportsPage } from '../features/learner-report/report/reports-page.tsx';
import { ReportPage } from '../features/learner-report/report/report-page.tsx';
import { SharedWithMePage } from '../features/learner-report/report/shared-page.tsx';
import { InsightPage } from '../features/learner-report/insight/insight-page.tsx';
import { NotificationsPage } from '../features/learner-report/notification/notifications.tsx';

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
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
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
      <AppShell />
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
            <Route path="/inloggen" element={<LoginPage />} />
            <Route path="/wachtwoord-vergeten" element={<PasswordResetRequestPage />} />
            <Route path="/wachtwoord-herstellen/:token" element={<PasswordResetConfirmPage />} />
            <Route path="/uitnodiging/:token" element={<InvitationAcceptPage />} />
            <Route path="/uitwisseling/:slug" element={<PublicEditionPage />} />
          </Route>
          <Route element={<RequireSession />}>
            <Route path="/" element={<HomePage />} />
            <Route path="/instellingen" element={<InstitutionListPage />} />
            <Route path="/instellingen/:id" element={<InstitutionDetailPage />} />
            <Route path="/mensen" element={<PeoplePage />} />
            <Route path="/uitnodigingen" element={<InvitationsPage />} />
            <Route path="/importeren" element={<ImportPage />} />
            <Route path="/uitgaande-mail" element={<OutboxPage />} />
            <Route path="/profiel" element={<ProfilePage />} />
            <Route path="/uitwisseling" element={<EditionListPage />} />
            <Route path="/uitwisseling/beheer/:editionId" element={<EditionPage />} />
            <Route path="/uitwisseling/aanmelden/:editionId" element={<RegisterPage />} />
            <Route path="/uitwisseling/mijn/:editionId" element={<MyExchangePage />} />
            <Route path="/rooster" element={<TimetablePage />} />
            <Route path="/leerrapporten" element={<ReportsPage />} />
            <Route path="/leerrapporten/gedeeld" element={<SharedWithMePage />} />
            <Route path="/leerrapporten/:reportId" element={<ReportPage />} />
            <Route path="/teaminzicht" element={<InsightPage />} />
            <Route path="/meldingen" element={<NotificationsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
