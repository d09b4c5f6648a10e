import { AppError } from '../../../lib/errors.ts';
import { policyAuthorize, policyHasNetworkWide } from '../../foundation/auth/policy.ts';
import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { TwinRow } from './data.ts';

// Who may do what in Job Twinning: teachers and professionals keep their own profile and goals;
// a twin is seen and kept by its two people and the network's coordinators (who organise the
// matching formats: edition:manage); a coordinator or the two confirm a twin.

export function policyTwinningRead(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'network:read');
}

export function policyTwinningCanManage(actor: Actor, networkId: string): boolean {
  return policyHasNetworkWide(actor, networkId, 'edition:manage');
}

export function policyTwinningManage(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'edition:manage');
}

/** The actor's role in Job Twinning: teacher or professional (who may twin), coordinator, or other. */
export function policyTwinningRole(actor: Actor, networkId: string): 'teacher' | 'professional' | 'coordinator' | 'other' {
  const roles = actor.memberships.filter((m) => m.networkId === networkId).map((m) => m.role);
  if (roles.includes('teacher')) return 'teacher';
  if (roles.includes('professional')) return 'professional';
  if (policyTwinningCanManage(actor, networkId)) return 'coordinator';
  return 'other';
}

/** Someone who may keep a profile and goals: a teacher or a professional. */
export function policyTwinningParticipant(actor: Actor, networkId: string): { nid: AuthorizedNetworkId; role: 'teacher' | 'professional' } {
  const nid = policyTwinningRead(actor, networkId);
  const role = policyTwinningRole(actor, networkId);
  if (role !== 'teacher' && role !== 'professional') throw new AppError('FORBIDDEN');
  return { nid, role };
}

/** One of the two people of a twin, or a coordinator; anyone else does not see it. */
export function policyTwinMember(actor: Actor, networkId: string, twin: TwinRow): 'teacher' | 'professional' | 'coordinator' {
  if (twin.teacherId === actor.personId) return 'teacher';
  if (twin.professionalId === actor.personId) return 'professional';
  if (policyTwinningCanManage(actor, networkId)) return 'coordinator';
  throw new AppError('NOT_FOUND');
}
