import type { WebModule } from '../../app/web-module.ts';
import { TwinningPage } from './twin/twinning-page.tsx';
import { TwinPage } from './twin/twin-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Job Twinning: profile and goals, suggestions, the twins with their meetings and evaluation.
export const twinningWebModule: WebModule = {
  name: 'twinning',
  routes: [
    { path: '/twinning', element: <TwinningPage />, access: 'session' },
    { path: '/twinning/:twinId', element: <TwinPage />, access: 'session' },
  ],
  menu: [{ to: '/twinning', label: 'twinning.nav', order: 38, show: ({ networkId }) => Boolean(networkId) }],
  messages: { nl, en },
};
