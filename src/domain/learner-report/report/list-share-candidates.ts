import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { listPeople } from '../../foundation/person/data.ts';
import type { Role } from '../../foundation/person/schema.ts';
import { policyLearnerReportMember } from './policy.ts';
import type { ShareCandidate } from './schema.ts';

/**
 * Colleagues a report can be shared with: the network's people with their roles and
 * institutions, without e-mail addresses (a teacher has no access to the people list itself).
 */
export async function listShareCandidates(deps: Deps, actor: Actor, networkId: string): Promise<ShareCandidate[]> {
  const nid = policyLearnerReportMember(actor, networkId);
  return (await listPeople(deps.db, nid))
    .filter((p) => p.id !== actor.personId)
    .map((p) => ({ id: p.id, name: p.name, roles: p.roles.map((r) => ({ role: r.role as Role, institutionId: r.institutionId, institutionName: r.institutionName })) }));
}
