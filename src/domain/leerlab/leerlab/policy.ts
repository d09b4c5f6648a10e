import { policyHasNetworkWide, policyInstitutionScope } from '../../foundation/auth/policy.ts';
import type { Actor } from '../../foundation/auth/types.ts';

// Who may do what in a leerlab. Coordinators: the network's coordinators and beheerders, the
// school coordinators of a partner institution, and the people named as vo or mbo coordinator.
// Staff: also the leerlab's teachers of both schools. Pupil data is for the leerlab's staff only.

export type LeerlabAccess = 'coordinator' | 'staff';

export function policyLeerlabAccess(
  actor: Actor,
  networkId: string,
  partners: readonly { institutionId: string }[],
  staff: readonly { personId: string; role: string }[],
): LeerlabAccess | null {
  if (policyHasNetworkWide(actor, networkId, 'institution:manage')) return 'coordinator';
  const scope = policyInstitutionScope(actor, networkId, 'institution:manage');
  if (scope !== 'all' && partners.some((p) => scope.includes(p.institutionId))) return 'coordinator';
  const own = staff.filter((s) => s.personId === actor.personId);
  if (own.some((s) => s.role === 'vo_coordinator' || s.role === 'mbo_coordinator')) return 'coordinator';
  if (own.length > 0) return 'staff';
  return null;
}
