import { ALL, type AreaAccess, type Fixture } from '../../support/access.ts';
import type { Role } from '../../../src/domain/foundation/person/schema.ts';
import { requestOffer } from '../../../src/domain/offer/request/actions.ts';
import { freshOffer, futureSession, masterclassInput, offerFixture, teacherActor } from './offer-fixture.ts';
import type { Harness } from '../../support/harness.ts';

// Leren buiten de school: the directory and offers are read by everyone; hosts (the company's
// professionals, coordinators) publish and see registrations; school people register.
const HOSTS: Role[] = ['admin', 'network_coordinator', 'professional'];
const PARTICIPANTS: Role[] = ['admin', 'network_coordinator', 'school_coordinator', 'team_lead', 'teacher'];
const TEAM: Role[] = ['admin', 'network_coordinator', 'teacher'];
const fx = (f: Fixture, h: Harness) => offerFixture(h, f);

export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/companies', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/companies/{institutionId}', allowed: ALL, target: async (f, h) => ({ nid: f.nid, params: { institutionId: (await fx(f, h)).company } }) },
    { method: 'PUT', path: '/networks/{networkId}/companies/{institutionId}', allowed: HOSTS, target: async (f, h) => ({ nid: f.nid, params: { institutionId: (await fx(f, h)).company } }), body: () => ({ sector: 'Installatietechniek', iscedCodes: ['0713'], takesPupils: true }) },
    { method: 'GET', path: '/networks/{networkId}/offers', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/offers', allowed: HOSTS, target: async (f, h) => ({ nid: f.nid, body: masterclassInput((await fx(f, h)).company) }) },
    { method: 'GET', path: '/networks/{networkId}/offers/{offerId}', allowed: ALL, target: async (f, h) => ({ nid: f.nid, params: { offerId: (await fx(f, h)).masterclass } }) },
    { method: 'PATCH', path: '/networks/{networkId}/offers/{offerId}', allowed: HOSTS, target: async (f, h) => ({ nid: f.nid, params: { offerId: (await fx(f, h)).masterclass } }), body: () => ({ description: 'Zelf een warmtepomp inregelen, met koffie.' }) },
    { method: 'POST', path: '/networks/{networkId}/offers/{offerId}/sessions', allowed: HOSTS, target: async (f, h) => ({ nid: f.nid, params: { offerId: (await fx(f, h)).masterclass } }), body: () => futureSession(40) },
    { method: 'POST', path: '/networks/{networkId}/offers/{offerId}/sessions/{sessionId}/cancel', allowed: HOSTS, target: async (f, h) => {
      const offer = await freshOffer(h, f, (await fx(f, h)).company);
      return { nid: f.nid, params: { offerId: offer.id, sessionId: offer.sessions[0]!.id } };
    } },
    { method: 'GET', path: '/networks/{networkId}/offers/{offerId}/registrations', allowed: HOSTS, target: async (f, h) => ({ nid: f.nid, params: { offerId: (await fx(f, h)).masterclass } }) },
    { method: 'GET', path: '/networks/{networkId}/offer-sessions/{sessionId}/clash', allowed: PARTICIPANTS, target: async (f, h) => ({ nid: f.nid, params: { sessionId: (await fx(f, h)).session } }) },
    { method: 'POST', path: '/networks/{networkId}/offer-sessions/{sessionId}/registration', allowed: PARTICIPANTS, target: async (f, h) => {
      const offer = await freshOffer(h, f, (await fx(f, h)).company);
      return { nid: f.nid, params: { sessionId: offer.sessions[0]!.id } };
    }, body: () => ({ confirmClash: true }) },
    { method: 'DELETE', path: '/networks/{networkId}/offer-sessions/{sessionId}/registration', allowed: PARTICIPANTS, target: async (f, h) => {
      const offer = await freshOffer(h, f, (await fx(f, h)).company);
      return { nid: f.nid, params: { sessionId: offer.sessions[0]!.id } };
    } },
    { method: 'GET', path: '/networks/{networkId}/my-offers', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/my-offers/seen', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/offers/{offerId}/requests', allowed: PARTICIPANTS, target: async (f, h) => ({ nid: f.nid, params: { offerId: (await fx(f, h)).onRequest } }), body: () => ({ message: 'Graag in de herfstvakantie.' }) },
    { method: 'GET', path: '/networks/{networkId}/offers/{offerId}/requests', allowed: HOSTS, target: async (f, h) => ({ nid: f.nid, params: { offerId: (await fx(f, h)).onRequest } }) },
    { method: 'POST', path: '/networks/{networkId}/offer-requests/{requestId}/decision', allowed: HOSTS, target: async (f, h) => {
      const request = await requestOffer(h.deps, teacherActor(f.nid, f.teacher, f.inst), f.nid, (await fx(f, h)).onRequest, { message: '', preferredDates: [] });
      return { nid: f.nid, params: { requestId: request.id } };
    }, body: () => ({ decision: 'decline' }) },
    // The sandwich: the teacher actor has a place; the company hosts; colleagues of the teacher's school see what the group takes back.
    { method: 'GET', path: '/networks/{networkId}/offer-sessions/{sessionId}/sandwich', allowed: ALL, target: async (f, h) => ({ nid: f.nid, params: { sessionId: (await fx(f, h)).session } }) },
    { method: 'PUT', path: '/networks/{networkId}/offer-sessions/{sessionId}/sandwich/mine', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, params: { sessionId: (await fx(f, h)).session } }), body: () => ({ learningQuestions: 'Hoe regel je een warmtepomp in?' }) },
    { method: 'PUT', path: '/networks/{networkId}/offer-sessions/{sessionId}/sandwich/plan', allowed: ['admin', 'network_coordinator', 'professional', 'teacher'], target: async (f, h) => ({ nid: f.nid, params: { sessionId: (await fx(f, h)).session } }), body: () => ({ agenda: '13:00 rondleiding, 14:00 aan de slag' }) },
    // The figures: coordinators the network, hosts (professionals, schoolcoördinators of a hosting school) their own.
    { method: 'GET', path: '/networks/{networkId}/offer-report', allowed: [...HOSTS, 'school_coordinator'], target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/offer-report.csv', allowed: [...HOSTS, 'school_coordinator'], target: (f) => ({ nid: f.nid }) },
    { method: 'GET', path: '/networks/{networkId}/offer-report.xlsx', allowed: [...HOSTS, 'school_coordinator'], target: (f) => ({ nid: f.nid }) },
    // Teacher design teams: everyone reads; school people start one; members (and coordinators) run it.
    { method: 'GET', path: '/networks/{networkId}/design-teams', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/design-teams', allowed: PARTICIPANTS, target: (f) => ({ nid: f.nid }), body: () => ({ name: 'DOT techniek en taal', goal: 'Taalgericht vakonderwijs in de werkplaats' }) },
    { method: 'GET', path: '/networks/{networkId}/design-teams/{teamId}', allowed: ALL, target: async (f, h) => ({ nid: f.nid, params: { teamId: (await fx(f, h)).team } }) },
    { method: 'PUT', path: '/networks/{networkId}/design-teams/{teamId}/members', allowed: TEAM, target: async (f, h) => ({ nid: f.nid, params: { teamId: (await fx(f, h)).team }, body: { memberIds: [f.reportAuthor, f.teacher] } }) },
    { method: 'GET', path: '/networks/{networkId}/design-teams/{teamId}/proposals', allowed: TEAM, target: async (f, h) => ({ nid: f.nid, params: { teamId: (await fx(f, h)).team }, query: 'from=2027-03-08&days=5&minutes=90' }) },
    { method: 'POST', path: '/networks/{networkId}/design-teams/{teamId}/meetings', allowed: TEAM, target: async (f, h) => ({ nid: f.nid, params: { teamId: (await fx(f, h)).team } }), body: () => ({ ...futureSession(15) }) },
    { method: 'PUT', path: '/networks/{networkId}/design-team-meetings/{meetingId}/log', allowed: TEAM, target: async (f, h) => ({ nid: f.nid, params: { meetingId: (await fx(f, h)).meeting } }), body: () => ({ log: 'Doelen en opbouw van de lessenserie afgesproken.' }) },
    { method: 'POST', path: '/networks/{networkId}/design-teams/{teamId}/products', allowed: TEAM, target: async (f, h) => ({ nid: f.nid, params: { teamId: (await fx(f, h)).team } }), body: () => ({ title: 'Lessenserie warmtepompen', url: 'https://example.nl/lessenserie' }) },
  ],
  unscoped: [],
};

