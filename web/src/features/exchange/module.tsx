import type { WebModule } from '../../app/web-module.ts';
import { EditionListPage } from './edition/edition-list-page.tsx';
import { EditionPage } from './edition/edition-page.tsx';
import { PublicEditionPage } from './edition/public-edition-page.tsx';
import { RegisterPage } from './registration/register-page.tsx';
import { MyExchangePage } from './visit/my-exchange-page.tsx';
import { ExchangeHomeCard } from './visit/exchange-home-card.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// The Week van de docentuitwisseling: editions, registrations, matching, visits, the report.
export const exchangeWebModule: WebModule = {
  name: 'exchange',
  routes: [
    { path: '/uitwisseling/:slug', element: <PublicEditionPage />, access: 'public' },
    { path: '/uitwisseling', element: <EditionListPage />, access: 'session' },
    { path: '/uitwisseling/beheer/:editionId', element: <EditionPage />, access: 'session' },
    { path: '/uitwisseling/aanmelden/:editionId', element: <RegisterPage />, access: 'session' },
    { path: '/uitwisseling/mijn/:editionId', element: <MyExchangePage />, access: 'session' },
  ],
  menu: [{ to: '/uitwisseling', label: 'nav.exchange', order: 30, show: ({ networkId }) => Boolean(networkId) }],
  homeCards: [ExchangeHomeCard],
  messages: { nl, en },
};
