import { ALL, MANAGERS, type AreaAccess, type Fixture } from '../../support/access.ts';
import type { Harness } from '../../support/harness.ts';
import { proposeTwin } from '../../../src/domain/twinning/twin/actions.ts';
import { createMeeting } from '../../../src/domain/twinning/twin/mutations.ts';
import type { AuthorizedNetworkId } from '../../../src/domain/foundation/auth/types.ts';
import { freshPair, personActor, twinningFixture } from './twinning-fixture.ts';

// Job Twinning: teachers and professionals keep a profile and goals; a twin is seen and kept by
// its two people (here: the teacher and professional actors) and the network's coordinators,
// nobody else (404); coordinators pair people and export. The evaluation is last: both writing
// one closes the twin.
const MEMBERS = ['admin', 'network_coordinator', 'teacher', 'professional'] as const;
const fx = (f: Fixture, h: Harness) => twinningFixture(h, f);
const twin = async (f: Fixture, h: Harness) => ({ nid: f.nid, params: { twinId: (await fx(f, h)).twin } });
const inAnHour = () => new Date(Date.now() + 3_600_000);

export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/twinning', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'PUT', path: '/networks/{networkId}/twinning/profile', allowed: ['teacher', 'professional'], target: (f) => ({ nid: f.nid }), body: () => ({ iscedCodes: ['0713'], about: 'Installatietechniek', available: true }) },
    { method: 'POST', path: '/networks/{networkId}/twinning/goals', allowed: ['teacher', 'professional'], target: (f) => ({ nid: f.nid }), body: () => ({ text: 'Meer praktijk in mijn lessen' }) },
    { method: 'PATCH', path: '/networks/{networkId}/twinning/goals/{goalId}', allowed: ['teacher'], deniedStatus: 404, target: async (f, h) => ({ nid: f.nid, params: { goalId: (await fx(f, h)).goal } }), body: () => ({ progress: 40 }) },
    { method: 'GET', path: '/networks/{networkId}/twinning/export', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/twins', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, body: await freshPair(h, f.nid) }) },
    { method: 'GET', path: '/networks/{networkId}/twins/{twinId}', allowed: [...MEMBERS], deniedStatus: 404, target: twin },
    { method: 'POST', path: '/networks/{networkId}/twins/{twinId}/confirm', allowed: MANAGERS, deniedStatus: 404, target: async (f, h) => {
      const pair = await freshPair(h, f.nid);
      const proposed = await proposeTwin(h.deps, personActor(f.nid, pair.teacherId, 'teacher', pair.schoolId), f.nid, { teacherId: pair.teacherId, professionalId: pair.professionalId });
      return { nid: f.nid, params: { twinId: proposed.id } };
    } },
    { method: 'GET', path: '/networks/{networkId}/twins/{twinId}/free-time', allowed: [...MEMBERS], deniedStatus: 404, target: twin },
    { method: 'POST', path: '/networks/{networkId}/twins/{twinId}/meetings', allowed: [...MEMBERS], deniedStatus: 404, target: twin,
      body: () => ({ form: 'workplace_visit', title: 'Rondleiding', startAt: inAnHour().toISOString(), endAt: new Date(inAnHour().getTime() + 7_200_000).toISOString(), location: 'Werkplaats' }) },
    { method: 'PUT', path: '/networks/{networkId}/twin-meetings/{meetingId}/log', allowed: [...MEMBERS], deniedStatus: 404, target: async (f, h) => ({ nid: f.nid, params: { meetingId: (await fx(f, h)).meeting } }),
      body: () => ({ notes: 'Goed gesprek', learned: 'Hoe het bedrijf inregelt', hours: 1 }) },
    { method: 'POST', path: '/networks/{networkId}/twin-meetings/{meetingId}/cancel', allowed: [...MEMBERS], deniedStatus: 404, target: async (f, h) => {
      // A fresh planned meeting next week on the fixture twin for each call, written straight to
      // the table: the anonymous sweep runs after the evaluation has closed the twin.
      const x = await fx(f, h);
      const at = new Date(Date.now() + 7 * 86_400_000);
      const meetingId = await createMeeting(h.deps.db, f.nid as AuthorizedNetworkId, x.twin, { form: 'workplace_visit', title: 'Werkplekbezoek', startAt: at.toISOString(), endAt: new Date(at.getTime() + 3_600_000).toISOString(), location: '' }, f.ex.managerId, new Date());
      return { nid: f.nid, params: { meetingId } };
    } },
    { method: 'PUT', path: '/networks/{networkId}/twins/{twinId}/evaluation', allowed: ['teacher', 'professional'], deniedStatus: 404, target: twin, body: () => ({ text: 'Waardevol, we gaan door met een project.' }) },
  ],
  unscoped: [],
};
