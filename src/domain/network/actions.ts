import { AppError } from '../../lib/errors.ts';
import type { Actor, Deps } from '../auth/types.ts';
import { policyAuthorize } from '../auth/policy.ts';
import { getNetwork, listAudit } from './data.ts';
import type { Network } from './schema.ts';

export async function readNetwork(deps: Deps, actor: Actor, networkId: string): Promise<Network> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await getNetwork(deps.db, nid);
  if (!row) throw new AppError('NOT_FOUND');
  return {
    id: row.id, name: row.name, slug: row.slug, isDemo: row.isDemo,
    counts: { institutions: row.institutions, people: row.people, programmes: row.programmes },
  };
}

export async function listNetworkAudit(deps: Deps, actor: Actor, networkId: string) {
  const nid = policyAuthorize(actor, networkId, 'audit:read');
  return (await listAudit(deps.db, nid)).map((r) => ({ ...r, at: r.at.toISOString() }));
}
