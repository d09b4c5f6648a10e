import { makeInstitution, makeLocation, makeProgramme, makePerson, makeInvitation } from '../../support/factories.ts';
import { ALL, MANAGERS, SCHOOL, PEOPLE_READERS, type AreaAccess, type Fixture } from '../../support/access.ts';
import type { Harness } from '../../support/harness.ts';
import { makeIdentityProvider } from '../../support/oidc.ts';
import { finishedCompanyVisit } from './evaluation-fixture.ts';

// The participants' evaluation, on a company visit that ended yesterday: every member reads whether they may
// answer; only the teacher who attended answers; the host (the company's professional) and the coordinators
// read the summary.
const visit = async (f: Fixture, h: Harness) => ({ nid: f.nid, params: { source: 'company_visit', itemId: await finishedCompanyVisit(h, f) } });

// Networks, institutions, locations, programmes, people, invitations, imports, outbox, audit.
export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/audit', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/audit.csv', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/audit/kinds', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/retention', allowed: ['admin'], target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/institutions', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/institutions', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ name: `Nieuw ${Math.random()}`, kind: 'hbo' }) },
    { method: 'GET', path: '/networks/{networkId}/institutions/{id}', allowed: ALL, target: (f) => ({ nid: f.nid, id: f.inst }) },
    { method: 'PATCH', path: '/networks/{networkId}/institutions/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ website: 'https://example.nl' }) },
    { method: 'DELETE', path: '/networks/{networkId}/institutions/{id}', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, id: (await makeInstitution(h.deps.db, f.nid)).id }) },
    { method: 'GET', path: '/networks/{networkId}/institutions/{id}/locations', allowed: ALL, target: (f) => ({ nid: f.nid, id: f.inst }) },
    { method: 'POST', path: '/networks/{networkId}/institutions/{id}/locations', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ name: 'Dependance', address: 'Laan 2', postcode: '3511AB', city: 'Utrecht' }) },
    { method: 'PATCH', path: '/networks/{networkId}/locations/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.loc }), body: () => ({ city: 'Amersfoort' }) },
    { method: 'DELETE', path: '/networks/{networkId}/locations/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makeLocation(h.deps.db, f.nid, f.inst)).id }) },
    { method: 'GET', path: '/networks/{networkId}/programmes', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/programmes', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ institutionId: f.inst, name: `Opleiding ${Math.random()}`, iscedCode: '0613', level: 'mbo-4' }) },
    { method: 'PATCH', path: '/networks/{networkId}/programmes/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.prog }), body: () => ({ code: '25998' }) },
    { method: 'DELETE', path: '/networks/{networkId}/programmes/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makeProgramme(h.deps.db, f.nid, f.inst)).id }) },
    { method: 'GET', path: '/networks/{networkId}/people', allowed: PEOPLE_READERS, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/people/{id}', allowed: PEOPLE_READERS, target: (f) => ({ nid: f.nid, id: f.teacher }) },
    { method: 'PATCH', path: '/networks/{networkId}/people/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.teacher }), body: (f) => ({ programmeIds: [f.prog] }) },
    { method: 'DELETE', path: '/networks/{networkId}/people/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makePerson(h.deps.db, f.nid, 'teacher', f.inst)).id }) },
    { method: 'GET', path: '/networks/{networkId}/invitations', allowed: SCHOOL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/invitations', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ email: `nieuw.${Math.random()}@example.nl`, name: 'Nieuwe Docent', role: 'teacher', institutionId: f.inst }) },
    { method: 'DELETE', path: '/networks/{networkId}/invitations/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makeInvitation(h.deps.db, f.nid, f.inst)).id }) },
    { method: 'POST', path: '/networks/{networkId}/imports/people', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ csv: `naam;email;instelling\nPiet Import;piet.import@example.nl;${f.instName}\n`, dryRun: true }) },
    { method: 'POST', path: '/networks/{networkId}/imports/programmes', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ csv: `naam,isced,niveau,instelling\nTest,0613,mbo 4,${f.instName}\n`, dryRun: true }) },
    { method: 'GET', path: '/networks/{networkId}/outbox', allowed: ['admin'], target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/people/{id}/sessions/end', allowed: ['admin'], target: (f) => ({ nid: f.nid, id: f.teacher }) },
    { method: 'GET', path: '/networks/{networkId}/identity-providers', allowed: ['admin'], target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/identity-providers', allowed: ['admin'], target: (f) => ({ nid: f.nid }), body: (f) => ({ name: `SURFconext ${Math.random()}`, kind: 'surfconext', issuer: 'https://connect.test.surfconext.nl', clientId: 'kruispunt', clientSecret: 'geheim', institutions: [{ institutionId: f.inst, organisation: `org-${Math.random()}.nl` }] }) },
    { method: 'PATCH', path: '/networks/{networkId}/identity-providers/{id}', allowed: ['admin'], target: async (f, h) => ({ nid: f.nid, id: await makeIdentityProvider(h.deps.db, f.nid, h.deps.config.KRUISPUNT_SECRET_KEY!) }), body: () => ({ enabled: false }) },
    { method: 'DELETE', path: '/networks/{networkId}/identity-providers/{id}', allowed: ['admin'], target: async (f, h) => ({ nid: f.nid, id: await makeIdentityProvider(h.deps.db, f.nid, h.deps.config.KRUISPUNT_SECRET_KEY!) }) },
    { method: 'GET', path: '/networks/{networkId}/evaluations', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/evaluations/{source}/{itemId}', allowed: ALL, target: visit },
    { method: 'PUT', path: '/networks/{networkId}/evaluations/{source}/{itemId}', allowed: ['teacher'], target: visit, body: () => ({ score: 4, takeaway: 'Een gastles in periode 3.' }) },
    { method: 'GET', path: '/networks/{networkId}/evaluations/{source}/{itemId}/summary', allowed: [...MANAGERS, 'professional'], target: visit },
  ],
  unscoped: ['GET /health', 'GET /openapi.json', 'GET /demo', 'GET /reference/isced', 'POST /auth/login', 'POST /auth/logout', 'GET /auth/me', 'PATCH /auth/me', 'POST /auth/password-reset', 'POST /auth/password-reset/confirm', 'GET /invitations/{token}', 'POST /invitations/{token}/accept', 'GET /auth/providers', 'GET /auth/oidc/{id}/start', 'GET /auth/oidc/callback', 'POST /auth/sessions/end', 'GET /auth/me/export', 'GET /auth/me/erasure', 'POST /auth/me/erasure'],
};
