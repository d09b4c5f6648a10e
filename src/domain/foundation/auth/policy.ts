import { AppError } from '../../../lib/errors.ts';
import type { Role } from '../person/schema.ts';
import type { Actor, AuthorizedNetworkId } from './types.ts';

// Who may do what. Network coordinators and beheerders act on the whole network; a
// schoolcoördinator on their own institution(s); a teamleider reads their institution's
// people; docenten and professionals read the network's shared data and their own profile.

export type Permission =
  | 'network:read'
  | 'platform:manage'
  | 'institution:create'
  | 'institution:manage'
  | 'people:read'
  | 'people:manage'
  | 'outbox:read'
  | 'audit:read'
  | 'edition:manage'
  | 'offer:host'
  | 'offer:participate';

const networkWide: Record<Role, readonly Permission[]> = {
  admin: ['network:read', 'institution:create', 'institution:manage', 'people:read', 'people:manage', 'outbox:read', 'audit:read', 'edition:manage', 'offer:host', 'offer:participate'],
  network_coordinator: ['network:read', 'institution:create', 'institution:manage', 'people:read', 'people:manage', 'audit:read', 'edition:manage', 'offer:host', 'offer:participate'],
  school_coordinator: ['network:read', 'offer:participate'],
  team_lead: ['network:read', 'offer:participate'],
  teacher: ['network:read', 'offer:participate'],
  professional: ['network:read'],
};

const perInstitution: Record<Role, readonly Permission[]> = {
  admin: [],
  network_coordinator: [],
  school_coordinator: ['institution:manage', 'people:read', 'people:manage', 'offer:host'],
  team_lead: ['people:read'],
  teacher: [],
  // A company's professionals keep its profile and publish its offers.
  professional: ['offer:host'],
};

/** The beheerder's alone: identity providers, retention. */
const adminOnly: readonly Permission[] = ['platform:manage'];

/** Roles a holder of people:manage may grant: only network-wide managers grant network roles. */
export function policyGrantableRoles(actor: Actor, networkId: string): Role[] {
  if (policyHasNetworkWide(actor, networkId, 'people:manage')) {
    return ['network_coordinator', 'school_coordinator', 'teacher', 'professional', 'team_lead', 'admin'];
  }
  return ['school_coordinator', 'teacher', 'professional', 'team_lead'];
}

export function policyHasNetworkWide(actor: Actor, networkId: string, permission: Permission): boolean {
  return actor.memberships.some((m) => m.networkId === networkId && (networkWide[m.role].includes(permission) || (m.role === 'admin' && adminOnly.includes(permission))));
}

/** Institutions in which the actor holds the permission; 'all' when network-wide. */
export function policyInstitutionScope(actor: Actor, networkId: string, permission: Permission): 'all' | string[] {
  if (policyHasNetworkWide(actor, networkId, permission)) return 'all';
  return actor.memberships
    .filter((m) => m.networkId === networkId && m.institutionId && perInstitution[m.role].includes(permission))
    .map((m) => m.institutionId as string);
}

/**
 * The one door into a network's data: a non-member gets NOT_FOUND (the network's existence
 * is not revealed), a member without the permission FORBIDDEN. With an institutionId the
 * permission must hold network-wide or for that institution.
 */
export function policyAuthorize(
  actor: Actor,
  networkId: string,
  permission: Permission,
  institutionId?: string | null,
): AuthorizedNetworkId {
  if (!actor.memberships.some((m) => m.networkId === networkId)) throw new AppError('NOT_FOUND');
  const scope = policyInstitutionScope(actor, networkId, permission);
  if (scope === 'all') return networkId as AuthorizedNetworkId;
  if (institutionId !== undefined && institutionId !== null && scope.includes(institutionId)) {
    return networkId as AuthorizedNetworkId;
  }
  // Institution-scoped holders may enter; the action narrows to their institutions.
  if (institutionId === undefined && scope.length > 0) return networkId as AuthorizedNetworkId;
  throw new AppError('FORBIDDEN');
}

/**
 * The network of work no actor asked for in a request: a background job over all networks
 * ('job'), a link whose secret token found the row ('token'), or a network just created
 * ('created'). The id comes from the database row itself, never from a request. Together with
 * policyAuthorize this is the only place the brand is minted (the structure check enforces it).
 */
export function policyRowNetwork(networkId: string, _why: 'job' | 'token' | 'created'): AuthorizedNetworkId {
  return networkId as AuthorizedNetworkId;
}
