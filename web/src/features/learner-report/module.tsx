import type { WebModule } from '../../app/web-module.ts';
import { ReportsPage } from './report/reports-page.tsx';
import { ReportPage } from './report/report-page.tsx';
import { SharedWithMePage } from './report/shared-page.tsx';
import { LearnerReportHomeCard } from './report/learner-report-home-card.tsx';
import { InsightPage } from './insight/insight-page.tsx';
import { NotificationsLink, NotificationsPage } from './notification/notifications.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Learner reports: teachers describe what they learned, share it, and team leads see the whole.
export const learnerReportWebModule: WebModule = {
  name: 'learner-report',
  routes: [
    { path: '/leerrapporten', element: <ReportsPage />, access: 'session' },
    { path: '/leerrapporten/gedeeld', element: <SharedWithMePage />, access: 'session' },
    { path: '/leerrapporten/:reportId', element: <ReportPage />, access: 'session' },
    { path: '/teaminzicht', element: <InsightPage />, access: 'session' },
    { path: '/meldingen', element: <NotificationsPage />, access: 'session' },
  ],
  menu: [
    { to: '/leerrapporten', label: 'learnerReport.nav.reports', order: 50, show: ({ networkId }) => Boolean(networkId) },
    { to: '/teaminzicht', label: 'learnerReport.nav.insight', order: 60, show: ({ caps }) => caps.manageNetwork || caps.roles.includes('team_lead') },
  ],
  headerItems: [NotificationsLink],
  homeCards: [LearnerReportHomeCard],
  messages: { nl, en },
};
