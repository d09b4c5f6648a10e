import type { Harness } from '../../support/harness.ts';
import type { Actor } from '../../../src/domain/foundation/auth/types.ts';
import { createPlacementRound, publishPlacementRound, rankPlacementRound } from '../../../src/domain/placement/round/actions.ts';
import { offerFixture } from '../offer/offer-fixture.ts';

// A placement round for tests: over the offer fixture's teacher internship, ranked by the
// network's teacher actor. `freshRound` makes a new one (for publishing).

export function coordinatorActor(networkId: string, personId: string): Actor {
  return { personId, name: 'Coördinator', email: 'coordinator@example.nl', locale: 'nl', memberships: [{ networkId, institutionId: null, role: 'network_coordinator' }] };
}

type F = { nid: string; ex: { managerId: string }; reportAuthor: string; inst: string };

export async function freshRound(h: Harness, f: F) {
  const internship = (await offerFixture(h, f)).onRequest;
  const round = await createPlacementRound(h.deps, coordinatorActor(f.nid, f.ex.managerId), f.nid, { title: 'Docentstages voorjaar', maxRanks: 3, offerIds: [internship] });
  const teacher: Actor = { personId: f.reportAuthor, name: 'Docent', email: 'd@example.nl', locale: 'nl', memberships: [{ networkId: f.nid, institutionId: f.inst, role: 'teacher' }] };
  await rankPlacementRound(h.deps, teacher, f.nid, round.id, [internship]);
  return { round: round.id, internship };
}

const cache = new Map<string, Promise<{ round: string; internship: string }>>();
export function placementFixture(h: Harness, f: F) {
  let fx = cache.get(f.nid);
  if (!fx) { fx = freshRound(h, f); cache.set(f.nid, fx); }
  return fx;
}

/** A fresh round, ranked by the teacher actor and published (the teacher placed), for moves and exports. */
export async function publishedRound(h: Harness, f: F) {
  const fresh = await freshRound(h, f);
  await publishPlacementRound(h.deps, coordinatorActor(f.nid, f.ex.managerId), f.nid, fresh.round, { mode: 'stable', adjustments: [] });
  return fresh;
}
