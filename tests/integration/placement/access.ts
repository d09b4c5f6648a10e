import { ALL, MANAGERS, type AreaAccess, type Fixture } from '../../support/access.ts';
import type { Harness } from '../../support/harness.ts';
import { freshRound, placementFixture, publishedRound } from './placement-fixture.ts';

// Placement rounds: everyone reads; coordinators create, compare and publish (a fresh round each
// time: publishing is final); teachers rank; the hosts of an offer (its company's professionals,
// coordinators) answer its applicants.
const fx = (f: Fixture, h: Harness) => placementFixture(h, f);
const round = async (f: Fixture, h: Harness) => ({ nid: f.nid, params: { roundId: (await fx(f, h)).round } });

export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/placement-rounds', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/placement-rounds', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, body: { title: 'Ronde', maxRanks: 2, offerIds: [(await fx(f, h)).internship] } }) },
    { method: 'GET', path: '/networks/{networkId}/placement-rounds/{roundId}', allowed: ALL, target: round },
    { method: 'PUT', path: '/networks/{networkId}/placement-rounds/{roundId}/ranking', allowed: ['teacher'], target: async (f, h) => ({ ...(await round(f, h)), body: { offerIds: [(await fx(f, h)).internship] } }) },
    { method: 'PUT', path: '/networks/{networkId}/placement-rounds/{roundId}/offers/{offerId}/response', allowed: ['admin', 'network_coordinator', 'professional'], target: async (f, h) => {
      const x = await fx(f, h);
      return { nid: f.nid, params: { roundId: x.round, offerId: x.internship }, body: { teacherId: f.reportAuthor, decision: 'accept', rank: 1 } };
    } },
    { method: 'GET', path: '/networks/{networkId}/placement-rounds/{roundId}/comparison', allowed: MANAGERS, target: round },
    { method: 'POST', path: '/networks/{networkId}/placement-rounds/{roundId}/publish', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, params: { roundId: (await freshRound(h, f)).round } }), body: () => ({ mode: 'stable' }) },
    { method: 'PUT', path: '/networks/{networkId}/placement-rounds/{roundId}/results/{teacherId}', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, params: { roundId: (await publishedRound(h, f)).round, teacherId: f.reportAuthor }, body: { offerId: null } }) },
    { method: 'GET', path: '/networks/{networkId}/placement-rounds/{roundId}/export', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, params: { roundId: (await publishedRound(h, f)).round } }) },
  ],
  unscoped: [],
};
