import type { WebModule } from '../../app/web-module.ts';
import { RecordPage } from './entry/record-page.tsx';
import { PersonRecordPage, TeamRecordsPage } from './entry/team-record-page.tsx';
import { RecordHomeCard } from './entry/record-home-card.tsx';
import { FollowUpPage } from './follow-up/follow-up-page.tsx';
import { EffectsPage } from './follow-up/effects-page.tsx';
import { VerifyPage } from './credential/verify-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// The professional record: every activity that credits hours, the norm of the register of
// teachers, exports and certificates, the lasting-effect question, and Open Badges with their
// public verification page.
export const recordWebModule: WebModule = {
  name: 'record',
  routes: [
    { path: '/dossier', element: <RecordPage />, access: 'session' },
    { path: '/dossier/team', element: <TeamRecordsPage />, access: 'session' },
    { path: '/dossier/persoon/:personId', element: <PersonRecordPage />, access: 'session' },
    // The follow-up e-mail and notification link here (src/domain/record/follow-up/send-follow-ups.ts).
    { path: '/dossier/doorwerking/:id', element: <FollowUpPage />, access: 'session' },
    // For coordinators: when the question is asked (per network) and what changed per practice item.
    { path: '/dossier/doorwerking', element: <EffectsPage />, access: 'session' },
    { path: '/badge-controle', element: <VerifyPage />, access: 'public' },
  ],
  menu: [
    { to: '/dossier', label: 'record.nav.record', order: 55, show: ({ caps }) => caps.roles.includes('teacher') },
    { to: '/dossier/team', label: 'record.nav.team', order: 61, show: ({ caps }) => !caps.roles.includes('teacher') && caps.readPeople },
    { to: '/dossier/doorwerking', label: 'record.nav.effects', order: 62, show: ({ caps }) => caps.manageNetwork },
  ],
  homeCards: [RecordHomeCard],
  messages: { nl, en },
};
