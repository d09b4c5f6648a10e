import type { WebModule } from '../../app/web-module.ts';
import { LoginPage } from './auth/login-page.tsx';
import { PasswordResetConfirmPage, PasswordResetRequestPage } from './auth/password-reset-pages.tsx';
import { InvitationAcceptPage } from './auth/invitation-accept-page.tsx';
import { LoginFailedPage } from './auth/login-failed-page.tsx';
import { HomePage } from './home/home-page.tsx';
import { OpenEvaluationsHomeCard } from './home/open-evaluations-card.tsx';
import { InstitutionListPage } from './institution/institution-list-page.tsx';
import { InstitutionDetailPage } from './institution/institution-detail-page.tsx';
import { PeoplePage } from './person/people-page.tsx';
import { InvitationsPage } from './invitation/invitations-page.tsx';
import { ImportPage } from './csv-import/import-page.tsx';
import { OutboxPage } from './mail/outbox-page.tsx';
import { ProfilePage } from './profile/profile-page.tsx';
import { MyDataPage } from './privacy/my-data-page.tsx';
import { RetentionPage } from './retention/retention-page.tsx';
import { AuditPage } from './network/audit-page.tsx';
import { IdentityProvidersPage } from './identity-provider/identity-providers-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Network, institutions, programmes, people, accounts: what every practice builds on.
export const foundationWebModule: WebModule = {
  name: 'foundation',
  routes: [
    { path: '/inloggen', element: <LoginPage />, access: 'public' },
    { path: '/inloggen/mislukt', element: <LoginFailedPage />, access: 'public' },
    { path: '/wachtwoord-vergeten', element: <PasswordResetRequestPage />, access: 'public' },
    { path: '/wachtwoord-herstellen/:token', element: <PasswordResetConfirmPage />, access: 'public' },
    { path: '/uitnodiging/:token', element: <InvitationAcceptPage />, access: 'public' },
    { path: '/', element: <HomePage />, access: 'session' },
    { path: '/instellingen', element: <InstitutionListPage />, access: 'session' },
    { path: '/instellingen/:id', element: <InstitutionDetailPage />, access: 'session' },
    { path: '/mensen', element: <PeoplePage />, access: 'session' },
    { path: '/uitnodigingen', element: <InvitationsPage />, access: 'session' },
    { path: '/importeren', element: <ImportPage />, access: 'session' },
    { path: '/uitgaande-mail', element: <OutboxPage />, access: 'session' },
    { path: '/profiel', element: <ProfilePage />, access: 'session' },
    { path: '/mijn-gegevens', element: <MyDataPage />, access: 'session' },
    { path: '/bewaartermijnen', element: <RetentionPage />, access: 'session' },
    { path: '/auditlog', element: <AuditPage />, access: 'session' },
    { path: '/inlogdiensten', element: <IdentityProvidersPage />, access: 'session' },
  ],
  menu: [
    { to: '/', label: 'nav.home', order: 10, show: () => true },
    { to: '/instellingen', label: 'nav.institutions', order: 20, show: ({ networkId }) => Boolean(networkId) },
    { to: '/mensen', label: 'nav.people', order: 70, show: ({ caps }) => caps.readPeople },
    { to: '/uitnodigingen', label: 'nav.invitations', order: 80, show: ({ caps }) => caps.managePeople },
    { to: '/importeren', label: 'nav.import', order: 90, show: ({ caps }) => caps.managePeople || caps.manageInstitutions },
    { to: '/uitgaande-mail', label: 'nav.outbox', order: 100, show: ({ caps }) => caps.readOutbox },
    { to: '/profiel', label: 'nav.profile', order: 110, show: () => true },
    { to: '/mijn-gegevens', label: 'myData.nav', order: 115, show: () => true },
    { to: '/auditlog', label: 'audit.nav', order: 105, show: ({ caps }) => caps.manageNetwork },
    { to: '/inlogdiensten', label: 'idp.nav', order: 107, show: ({ caps }) => caps.roles.includes('admin') },
    { to: '/bewaartermijnen', label: 'retention.nav', order: 106, show: ({ caps }) => caps.readOutbox },
  ],
  homeCards: [OpenEvaluationsHomeCard],
  messages: { nl, en },
};
