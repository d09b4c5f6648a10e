import type { WebModule } from '../../app/web-module.ts';
import { SpeeddatesPage } from './event/speeddates-page.tsx';
import { SpeeddatePage } from './event/speeddate-page.tsx';
import { RoomClockPage } from './event/room-clock-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Speeddates: the events, the check-in list at the door, the seating, the room clock, choices afterwards.
export const speeddateWebModule: WebModule = {
  name: 'speeddate',
  routes: [
    { path: '/speeddates', element: <SpeeddatesPage />, access: 'session' },
    { path: '/speeddates/:eventId', element: <SpeeddatePage />, access: 'session' },
    { path: '/speeddates/:eventId/klok', element: <RoomClockPage />, access: 'session' },
  ],
  menu: [{ to: '/speeddates', label: 'speeddate.nav', order: 37, show: ({ networkId }) => Boolean(networkId) }],
  messages: { nl, en },
};
