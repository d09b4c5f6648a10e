import { ALL, MANAGERS, PEOPLE_READERS, type AreaAccess } from '../../support/access.ts';
import { PDF_BYTES, makeCredential, makeEvidenceFile, makeFollowUp, makeManualActivity } from './record-support.ts';

// The professional record: one's own record for every member; a person's record (totals and what
// they chose to show) for who reads people of their institution; badges for their holder; revoking
// also for coordinators over the holder's institution; the network's settings and figures for managers.
// Evidence files: their teacher uploads and removes them; they and whoever reads people of the
// teacher's institution download them, the latter only for an activity the teacher shows.
const entry = async (f: Parameters<AreaAccess['routes'][number]['target']>[0], h: Parameters<AreaAccess['routes'][number]['target']>[1]) => ({
  nid: f.nid, params: { source: 'manual', sourceId: await makeManualActivity(h, f.nid, f.reportAuthor) },
});

export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/record', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/people/{personId}/record', allowed: PEOPLE_READERS, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }) },
    { method: 'POST', path: '/networks/{networkId}/record/activities', allowed: ALL, target: (f) => ({ nid: f.nid }), body: () => ({ title: 'Cursus', date: '2026-09-15', hours: 3, contactHours: 3, primaryProcess: true }) },
    { method: 'PATCH', path: '/networks/{networkId}/record/activities/{id}', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeManualActivity(h, f.nid, f.reportAuthor) }), body: () => ({ hours: 4 }) },
    { method: 'DELETE', path: '/networks/{networkId}/record/activities/{id}', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeManualActivity(h, f.nid, f.reportAuthor) }) },
    {
      method: 'POST', path: '/networks/{networkId}/record/activities/{id}/attachments', allowed: ['teacher'],
      target: async (f, h) => ({ nid: f.nid, id: await makeManualActivity(h, f.nid, f.reportAuthor), query: 'name=bewijs.pdf' }), body: () => PDF_BYTES,
    },
    {
      method: 'GET', path: '/networks/{networkId}/record/activities/{id}/attachments/{fileId}', allowed: [...PEOPLE_READERS, 'teacher'],
      target: async (f, h) => { const e = await makeEvidenceFile(h, f.nid, f.reportAuthor, true); return { nid: f.nid, id: e.activityId, params: { fileId: e.fileId } }; },
    },
    {
      method: 'DELETE', path: '/networks/{networkId}/record/activities/{id}/attachments/{fileId}', allowed: ['teacher'],
      target: async (f, h) => { const e = await makeEvidenceFile(h, f.nid, f.reportAuthor); return { nid: f.nid, id: e.activityId, params: { fileId: e.fileId } }; },
    },
    { method: 'PATCH', path: '/networks/{networkId}/record/entries/{source}/{sourceId}', allowed: ['teacher'], deniedStatus: 404, target: entry, body: () => ({ visibleToLead: true }) },
    { method: 'GET', path: '/networks/{networkId}/record/entries/{source}/{sourceId}/certificate.pdf', allowed: ['teacher'], deniedStatus: 404, target: entry },
    { method: 'POST', path: '/networks/{networkId}/record/entries/{source}/{sourceId}/credential', allowed: ['teacher'], deniedStatus: 404, target: entry },
    { method: 'GET', path: '/networks/{networkId}/record.pdf', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/record.csv', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/record/settings', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
    { method: 'PATCH', path: '/networks/{networkId}/record/settings', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ followUpDays: 60 }) },
    { method: 'GET', path: '/networks/{networkId}/record/credentials/{id}', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeCredential(h, f.nid, f.reportAuthor, f.inst) }) },
    { method: 'POST', path: '/networks/{networkId}/record/credentials/{id}/revoke', allowed: ['admin', 'network_coordinator', 'school_coordinator', 'teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeCredential(h, f.nid, f.reportAuthor, f.inst) }) },
    { method: 'GET', path: '/networks/{networkId}/record/follow-ups', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/record/follow-ups/{id}/answer', allowed: ['teacher'], deniedStatus: 404, target: async (f, h) => ({ nid: f.nid, id: await makeFollowUp(h, f.nid, f.reportAuthor) }), body: () => ({ impact: 'Ik laat leerlingen vaker elkaars werk bespreken.', effect: 'changed' }) },
    { method: 'GET', path: '/networks/{networkId}/record/effects', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
  ],
  unscoped: ['POST /public/credentials/verify', 'GET /public/issuers/{networkId}', 'GET /public/issuers/{networkId}/key', 'GET /public/issuers/{networkId}/status/{list}'],
};
