import type { WebModule } from '../../app/web-module.ts';
import { SessionsPage } from './session/sessions-page.tsx';
import { SessionControlPage } from './session/session-control-page.tsx';
import { ProjectorPage } from './session/projector-page.tsx';
import { JoinPage } from './participant/join-page.tsx';
import { ParticipantPage } from './participant/participant-page.tsx';
import { ProfilesPage } from './profile/profiles-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Gezamenlijk beroepsbeeld: facilitators run live co-creation sessions; participants join on their
// phones (public pages, no account); the network's profile versions and praatplaat.
export const cocreationWebModule: WebModule = {
  name: 'cocreation',
  routes: [
    { path: '/cocreatie', element: <SessionsPage />, access: 'session' },
    { path: '/cocreatie/:id', element: <SessionControlPage />, access: 'session' },
    { path: '/cocreatie/:id/scherm', element: <ProjectorPage />, access: 'session' },
    { path: '/beroepsbeeld', element: <ProfilesPage />, access: 'session' },
    { path: '/beroepsbeeld/:id', element: <ProfilesPage />, access: 'session' },
    { path: '/meedoen', element: <JoinPage />, access: 'public' },
    { path: '/meedoen/:sessionId', element: <ParticipantPage />, access: 'public' },
  ],
  menu: [
    { to: '/cocreatie', label: 'cocreation.nav.sessions', order: 70, show: ({ caps }) => caps.manageNetwork },
    { to: '/beroepsbeeld', label: 'cocreation.nav.profile', order: 71, show: ({ networkId }) => Boolean(networkId) },
  ],
  messages: { nl, en },
};
