import { AppError } from '../../../lib/errors.ts';
import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyInstitutionScope } from '../../foundation/auth/policy.ts';

// Who may host: a company's professionals for their company, a schoolcoördinator for their
// school (school visits), network coordinators and beheerders for every host.

export function policyOfferCanHost(actor: Actor, networkId: string, hostInstitutionId: string): boolean {
  const scope = policyInstitutionScope(actor, networkId, 'offer:host');
  return scope === 'all' || scope.includes(hostInstitutionId);
}

/** The network, when the actor may act as host of this institution's offers; FORBIDDEN otherwise. */
export function policyOfferHost(actor: Actor, networkId: string, hostInstitutionId: string): AuthorizedNetworkId {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  if (!policyOfferCanHost(actor, networkId, hostInstitutionId)) throw new AppError('FORBIDDEN');
  return nid;
}

/** Network coordinators and beheerders see every offer's registrations and sandwich. */
export function policyOfferManager(actor: Actor, networkId: string): boolean {
  return policyInstitutionScope(actor, networkId, 'offer:host') === 'all';
}

/** The institutions the actor belongs to in the network (their school, their company). */
export function policyOwnInstitutions(actor: Actor, networkId: string): string[] {
  return actor.memberships.filter((m) => m.networkId === networkId && m.institutionId).map((m) => m.institutionId as string);
}
