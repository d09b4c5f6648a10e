import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../auth/types.ts';
import { policyAuthorize } from '../auth/policy.ts';
import { getNetwork, listAudit } from './data.ts';
import type { Network } from './schema.ts';
import { demoExists, DEMO_LOGINS } from '../../../db/seed/demo.ts';

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

/** Whether this installation runs the demo, and its logins (shown on the login page only then). */
export async function getDemoInfo(deps: Deps) {
  const demo = deps.config.KRUISPUNT_DEMO && (await demoExists(deps.db));
  return { demo, logins: demo ? DEMO_LOGINS.map((l) => ({ ...l })) : [] };
}
