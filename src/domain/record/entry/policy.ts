import { AppError } from '../../../lib/errors.ts';
import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyInstitutionScope } from '../../foundation/auth/policy.ts';

// Who sees what of a professional record:
// - the teacher sees and changes their own record, all of it;
// - a team lead (or a school coordinator) of the teacher's institution, and a network coordinator,
//   see the totals and only the activities the teacher chose to show ('lead'); nothing else;
// - the network's record settings (when the lasting-effect question is asked) are for coordinators.

/** Any member, for their own record. */
export function policyRecordOwner(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'network:read');
}

/** The view an actor gets of a person's record; FORBIDDEN for anyone else. */
export function policyRecordView(actor: Actor, networkId: string, person: { id: string; institutionIds: string[] }): 'owner' | 'lead' {
  if (person.id === actor.personId) return 'owner';
  const scope = policyInstitutionScope(actor, networkId, 'people:read');
  if (scope === 'all' || person.institutionIds.some((id) => scope.includes(id))) return 'lead';
  throw new AppError('FORBIDDEN');
}

/** Revoking a credential: the teacher it was issued to, or a coordinator over their institution. */
export function policyCredentialRevoke(actor: Actor, networkId: string, person: { id: string; institutionIds: string[] }): void {
  if (person.id === actor.personId) return;
  const scope = policyInstitutionScope(actor, networkId, 'people:manage');
  if (scope === 'all' || person.institutionIds.some((id) => scope.includes(id))) return;
  throw new AppError('FORBIDDEN');
}

/** The network's record settings. */
export function policyRecordSettings(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'edition:manage');
}
