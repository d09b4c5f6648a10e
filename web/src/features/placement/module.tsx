import type { WebModule } from '../../app/web-module.ts';
import { RoundsPage } from './round/rounds-page.tsx';
import { RoundPage } from './round/round-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Placement of teacher internships: rounds, rankings, companies' answers, both modes compared, publishing.
export const placementWebModule: WebModule = {
  name: 'placement',
  routes: [
    { path: '/docentstages', element: <RoundsPage />, access: 'session' },
    { path: '/docentstages/:roundId', element: <RoundPage />, access: 'session' },
  ],
  menu: [{ to: '/docentstages', label: 'placement.nav', order: 39, show: ({ networkId }) => Boolean(networkId) }],
  messages: { nl, en },
};
