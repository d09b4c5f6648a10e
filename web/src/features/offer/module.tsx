import type { WebModule } from '../../app/web-module.ts';
import { OffersPage } from './offer/offers-page.tsx';
import { OfferPage } from './offer/offer-page.tsx';
import { OfferFormPage } from './offer/offer-form-page.tsx';
import { HostHomeCard } from './offer/host-home-card.tsx';
import { TeacherOffersHomeCard } from './offer/teacher-home-card.tsx';
import { PromotionsLink } from './offer/promotions-link.tsx';
import { SandwichPage } from './sandwich/sandwich-page.tsx';
import { CompaniesPage } from './company/companies-page.tsx';
import { OfferReportPage } from './report/report-page.tsx';
import { TeamPage, TeamsPage } from './team/teams-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Leren buiten de school: offers with places and waitlists, the company directory, the sandwich.
export const offerWebModule: WebModule = {
  name: 'offer',
  routes: [
    { path: '/aanbod', element: <OffersPage />, access: 'session' },
    { path: '/aanbod/nieuw', element: <OfferFormPage />, access: 'session' },
    { path: '/aanbod/cijfers', element: <OfferReportPage />, access: 'session' },
    { path: '/aanbod/sessie/:sessionId', element: <SandwichPage />, access: 'session' },
    { path: '/aanbod/:offerId', element: <OfferPage />, access: 'session' },
    { path: '/bedrijven', element: <CompaniesPage />, access: 'session' },
    { path: '/ontwikkelteams', element: <TeamsPage />, access: 'session' },
    { path: '/ontwikkelteams/:teamId', element: <TeamPage />, access: 'session' },
  ],
  menu: [
    { to: '/aanbod', label: 'offer.nav.offers', order: 35, show: ({ networkId }) => Boolean(networkId) },
    { to: '/bedrijven', label: 'offer.nav.companies', order: 36, show: ({ networkId }) => Boolean(networkId) },
    { to: '/ontwikkelteams', label: 'offer.nav.teams', order: 38, show: ({ networkId }) => Boolean(networkId) },
    { to: '/aanbod/cijfers', label: 'offer.nav.report', order: 37, show: ({ caps }) => caps.manageNetwork || caps.roles.includes('professional') },
  ],
  headerItems: [PromotionsLink],
  homeCards: [HostHomeCard, TeacherOffersHomeCard],
  messages: { nl, en },
};
