import { policyAuthorize, policyHasNetworkWide } from '../../foundation/auth/policy.ts';
import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Who may do what with speeddates: the network's coordinators (and beheerders) organise them,
// everyone in the network reads them; participants register, check in and choose for themselves.
// Organising uses the network-wide permission of organising matching formats (edition:manage).

export function policySpeeddateRead(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'network:read');
}

export function policySpeeddateManage(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'edition:manage');
}

export function policySpeeddateCanManage(actor: Actor, networkId: string): boolean {
  return policyHasNetworkWide(actor, networkId, 'edition:manage');
}
