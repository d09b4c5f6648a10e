import type { WebModule } from '../../app/web-module.ts';
import { LeerlabsPage } from './leerlab/leerlabs-page.tsx';
import { LeerlabPage } from './leerlab/leerlab-page.tsx';
import { PlanningPage } from './session/planning-page.tsx';
import { SessionsPage } from './session/sessions-page.tsx';
import { AttendancePage } from './session/attendance-page.tsx';
import { ChecklistPage } from './checklist/checklist-page.tsx';
import { RosterPage } from './pupil/roster-page.tsx';
import { EvaluationsPage } from './evaluation/evaluations-page.tsx';
import { EvaluationAnswerPage, EvaluationCodePage } from './evaluation/answer-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Leerlabs vmbo–mbo: set-up, planning the year, sessions and attendance, checklist, roster and
// results, evaluation rounds; the pupils' evaluation by code is public (no account).
export const leerlabWebModule: WebModule = {
  name: 'leerlab',
  routes: [
    { path: '/leerlabs', element: <LeerlabsPage />, access: 'session' },
    { path: '/leerlabs/:id', element: <LeerlabPage />, access: 'session' },
    { path: '/leerlabs/:id/planning', element: <PlanningPage />, access: 'session' },
    { path: '/leerlabs/:id/sessies', element: <SessionsPage />, access: 'session' },
    { path: '/leerlabs/:id/sessies/:sessionId', element: <AttendancePage />, access: 'session' },
    { path: '/leerlabs/:id/checklist', element: <ChecklistPage />, access: 'session' },
    { path: '/leerlabs/:id/leerlingen', element: <RosterPage />, access: 'session' },
    { path: '/leerlabs/:id/evaluatie', element: <EvaluationsPage />, access: 'session' },
    { path: '/leerlab/evaluatie', element: <EvaluationCodePage />, access: 'public' },
    { path: '/leerlab/evaluatie/:code', element: <EvaluationAnswerPage />, access: 'public' },
  ],
  menu: [{ to: '/leerlabs', label: 'leerlab.nav.menu', order: 38, show: ({ caps }) => caps.roles.some((r) => r !== 'professional') }],
  messages: { nl, en },
};
