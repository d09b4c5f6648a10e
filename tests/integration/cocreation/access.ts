import { ALL, MANAGERS, type AreaAccess, type Fixture, type Ids } from '../../support/access.ts';
import type { Harness } from '../../support/harness.ts';
import { makeAgreement, makeProfileVersion, makeSession, makeSessionWithProposal } from './support.ts';

// Co-creation: facilitators (network coordinators, beheerders) run sessions; every member reads the
// network's profile versions and praatplaat. Taking part goes by code and participant token (the
// unscoped /cocreation routes), so it has no roles.
const s = (f: Fixture, id: string, extra: Record<string, string> = {}): Ids => ({ nid: f.nid, id, params: extra });
const session = async (f: Fixture, h: Harness, step = 0) => s(f, (await makeSession(h, f.nid, step)).session.id);

export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/cocreation-sessions', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/cocreation-sessions', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ title: 'Beroepsbeeld', profileName: 'startende mbo-docent' }) },
    { method: 'GET', path: '/networks/{networkId}/cocreation-sessions/{id}', allowed: MANAGERS, target: (f, h) => session(f, h) },
    { method: 'PATCH', path: '/networks/{networkId}/cocreation-sessions/{id}', allowed: MANAGERS, target: (f, h) => session(f, h), body: () => ({ title: 'Nieuwe titel' }) },
    { method: 'GET', path: '/networks/{networkId}/cocreation-sessions/{id}/board', allowed: MANAGERS, target: (f, h) => session(f, h) },
    { method: 'GET', path: '/networks/{networkId}/cocreation-sessions/{id}/qr.svg', allowed: MANAGERS, target: (f, h) => session(f, h) },
    { method: 'PUT', path: '/networks/{networkId}/cocreation-sessions/{id}/subgroups', allowed: MANAGERS, target: (f, h) => session(f, h), body: () => ({ count: 2 }) },
    { method: 'POST', path: '/networks/{networkId}/cocreation-sessions/{id}/step', allowed: MANAGERS, target: (f, h) => session(f, h), body: () => ({ step: 1 }) },
    { method: 'POST', path: '/networks/{networkId}/cocreation-sessions/{id}/present', allowed: MANAGERS, target: (f, h) => session(f, h, 4), body: () => ({ proposalId: null }) },
    { method: 'POST', path: '/networks/{networkId}/cocreation-sessions/{id}/proposals/{proposalId}/decision', allowed: MANAGERS, target: async (f, h) => {
      const made = await makeSessionWithProposal(h, f.nid, 4);
      return s(f, made.session.id, { proposalId: made.proposalId });
    }, body: () => ({ outcome: 'accepted' }) },
    { method: 'POST', path: '/networks/{networkId}/cocreation-sessions/{id}/agreements', allowed: MANAGERS, target: (f, h) => session(f, h, 5), body: () => ({ title: 'Check het curriculum', ownerName: 'Sam', dueDate: '2030-03-01' }) },
    { method: 'DELETE', path: '/networks/{networkId}/cocreation-sessions/{id}/agreements/{agreementId}', allowed: MANAGERS, target: async (f, h) => {
      const made = await makeAgreement(h, f.nid);
      return s(f, made.session.id, { agreementId: made.agreementId });
    } },
    { method: 'POST', path: '/networks/{networkId}/cocreation-sessions/{id}/end', allowed: MANAGERS, target: (f, h) => session(f, h, 5) },
    { method: 'GET', path: '/networks/{networkId}/cocreation-profiles', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/cocreation-profiles/{id}', allowed: ALL, target: async (f, h) => ({ nid: f.nid, id: await makeProfileVersion(h, f.nid) }) },
    { method: 'GET', path: '/networks/{networkId}/cocreation-profiles/{id}/praatplaat.pdf', allowed: ALL, target: async (f, h) => ({ nid: f.nid, id: await makeProfileVersion(h, f.nid) }) },
    { method: 'GET', path: '/networks/{networkId}/cocreation-profiles/{id}/praatplaat.png', allowed: ALL, target: async (f, h) => ({ nid: f.nid, id: await makeProfileVersion(h, f.nid) }) },
  ],
  unscoped: [
    'POST /cocreation/join',
    'GET /cocreation/sessions/{sessionId}/me',
    'GET /cocreation/sessions/{sessionId}/board',
    'GET /cocreation/sessions/{sessionId}/events',
    'POST /cocreation/sessions/{sessionId}/statements',
    'PUT /cocreation/sessions/{sessionId}/statements/{statementId}/mark',
    'PUT /cocreation/sessions/{sessionId}/statements/{statementId}/domains',
    'POST /cocreation/sessions/{sessionId}/proposals/{proposalId}/edits',
    'PUT /cocreation/sessions/{sessionId}/proposals/{proposalId}/dots',
    'PUT /cocreation/sessions/{sessionId}/proposals/{proposalId}/consent',
  ],
};
