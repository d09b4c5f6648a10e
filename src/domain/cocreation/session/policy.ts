import { AppError } from '../../../lib/errors.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Who may do what with co-creation sessions:
// - facilitating (create, set up, move steps, record decisions and agreements, end): network
//   coordinators and beheerders;
// - the network's profile versions and praatplaat: every member;
// - taking part: whoever has the session's code (a participant token, checked in participant/).

export function policyCocreationFacilitate(actor: Actor, networkId: string): AuthorizedNetworkId {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  if (!actor.memberships.some((m) => m.networkId === networkId && (m.role === 'network_coordinator' || m.role === 'admin'))) {
    throw new AppError('FORBIDDEN');
  }
  return nid;
}

export function policyCocreationRead(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'network:read');
}

/** Whether a logged-in actor may watch a session's live board as its facilitator (projector). */
export function policyCocreationCanFacilitate(actor: Actor | undefined, networkId: string): boolean {
  if (!actor) return false;
  try {
    policyCocreationFacilitate(actor, networkId);
    return true;
  } catch {
    return false;
  }
}
