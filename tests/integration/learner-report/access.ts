import { makeLearnerReport, makeLearnerReportShare } from '../../support/factories.ts';
import { ALL, MANAGERS, type AreaAccess } from '../../support/access.ts';

// Learner reports: the text is the author's (the teacher actor); counts for team leads and coordinators.
export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/learner-report-settings', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
    { method: 'PATCH', path: '/networks/{networkId}/learner-report-settings', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ maxActivities: 5 }) },
    { method: 'GET', path: '/networks/{networkId}/learner-report-home', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/learner-reports', allowed: ALL, target: (f) => ({ nid: f.nid }), body: () => ({ periodStart: '2026-09-01', periodEnd: '2026-10-19' }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/shared-with-me', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/share-candidates', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/history', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/candidates', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/insight', allowed: ['network_coordinator', 'team_lead'], target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/portfolio.pdf', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/conversation-sheet.pdf', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/research-export.csv', allowed: ['network_coordinator'], target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/{id}', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }) },
    { method: 'PATCH', path: '/networks/{networkId}/learner-reports/{id}', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor)).id }), body: () => ({ revision: 1, inventory: ['Intervisie'] }) },
    { method: 'DELETE', path: '/networks/{networkId}/learner-reports/{id}', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor)).id }) },
    { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/complete', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor)).id }), body: () => ({ revision: 1 }) },
    { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/reopen', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor, { status: 'completed' })).id }), body: () => ({ revision: 1 }) },
    { method: 'GET', path: '/networks/{networkId}/learner-reports/{id}/revisions', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }) },
    { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/suggest-type', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }), body: (f) => ({ activityId: f.reportActivity }) },
    { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/shares', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }), body: (f) => ({ personId: f.teacher }) },
    { method: 'DELETE', path: '/networks/{networkId}/learner-report-shares/{id}', allowed: ['teacher'], target: async (f, h) => {
      const report = await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor);
      return { nid: f.nid, id: (await makeLearnerReportShare(h.deps.db, f.nid, report.id, f.teacher)).id };
    } },
    { method: 'POST', path: '/networks/{networkId}/typology/suggest', allowed: ALL, target: (f) => ({ nid: f.nid }), body: () => ({ text: 'Ik heb een workshop gevolgd over formatief evalueren' }) },
    { method: 'GET', path: '/networks/{networkId}/notifications', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/notifications/read', allowed: ALL, target: (f) => ({ nid: f.nid }), body: () => ({}) },
  ],
  unscoped: [],
};
