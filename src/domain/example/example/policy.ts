import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyHasNetworkWide } from '../../foundation/auth/policy.ts';

// Practice examples: every member reads the network's shared examples; the network's coordinators
// (who run its editions) write them, publish them and see drafts. Published ones are for everyone.

export function policyExampleRead(actor: Actor, networkId: string): { nid: AuthorizedNetworkId; drafts: boolean } {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  return { nid, drafts: policyHasNetworkWide(actor, networkId, 'edition:manage') };
}

export function policyExampleManage(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'edition:manage');
}
