import { ALL, MANAGERS, type AreaAccess, type Fixture } from '../../support/access.ts';
import type { Harness } from '../../support/harness.ts';
import { membersWithRole, speeddateFixture, speeddateInput } from './speeddate-fixture.ts';

// Speeddates: coordinators (network-wide) organise, check in and print; the event's participants
// (here: every teacher and professional of the network) read it, register, choose and watch the
// clock; people who are not on the list do not see it (404). The server time is public.
const PARTICIPANTS = ['admin', 'network_coordinator', 'teacher', 'professional'] as const;
const ev = async (f: Fixture, h: Harness) => ({ nid: f.nid, params: { eventId: await speeddateFixture(h, f) } });

export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/speeddates', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/speeddates', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, body: speeddateInput({ teacherIds: [f.reportAuthor], professionalIds: (await membersWithRole(h, f.nid, 'professional')).slice(0, 1) }) }) },
    { method: 'GET', path: '/networks/{networkId}/speeddates/{eventId}', allowed: [...PARTICIPANTS], deniedStatus: 404, target: ev },
    { method: 'GET', path: '/networks/{networkId}/speeddates/{eventId}/clock', allowed: [...PARTICIPANTS], deniedStatus: 404, target: ev },
    { method: 'PUT', path: '/networks/{networkId}/speeddates/{eventId}/registration', allowed: ['teacher', 'professional'], deniedStatus: 404, target: ev, body: () => ({ attending: true }) },
    { method: 'PUT', path: '/networks/{networkId}/speeddates/{eventId}/choices', allowed: ['teacher', 'professional'], deniedStatus: 404, target: ev, body: () => ({ chosenIds: [] }) },
    { method: 'POST', path: '/networks/{networkId}/speeddates/{eventId}/check-in', allowed: MANAGERS, target: ev, body: (f) => ({ personId: f.teacher, status: 'arrived' }) },
    { method: 'PUT', path: '/networks/{networkId}/speeddates/{eventId}/pause', allowed: MANAGERS, target: ev, body: () => ({ paused: false }) },
    { method: 'GET', path: '/networks/{networkId}/speeddates/{eventId}/route-cards.pdf', allowed: MANAGERS, target: ev },
    { method: 'GET', path: '/networks/{networkId}/speeddates/{eventId}/rotation', allowed: MANAGERS, target: ev },
  ],
  // The room clock's stream finds the event's network itself and then checks the viewer like /clock (tested in speeddate.test.ts).
  unscoped: ['GET /time', 'GET /speeddates/{eventId}/clock/events'],
};
