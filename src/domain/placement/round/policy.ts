import { policyAuthorize, policyHasNetworkWide, policyInstitutionScope } from '../../foundation/auth/policy.ts';
import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Who may do what in a placement round: coordinators (edition:manage, the matching formats)
// create, compare and publish; teachers rank; a company's hosts (offer:host for the offer's
// institution) answer the applicants of their offers; everyone in the network reads a round.

export function policyPlacementRead(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'network:read');
}

export function policyPlacementManage(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'edition:manage');
}

export function policyPlacementCanManage(actor: Actor, networkId: string): boolean {
  return policyHasNetworkWide(actor, networkId, 'edition:manage');
}

export function policyPlacementHost(actor: Actor, networkId: string, institutionId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'offer:host', institutionId);
}

export function policyPlacementCanHost(actor: Actor, networkId: string, institutionId: string): boolean {
  const scope = policyInstitutionScope(actor, networkId, 'offer:host');
  return scope === 'all' || scope.includes(institutionId);
}
