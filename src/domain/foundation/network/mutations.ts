import { policyRowNetwork } from '../auth/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { auditLog, networks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function createNetwork(tx: Tx, values: { name: string; slug: string; isDemo?: boolean }) {
  const [row] = await tx.insert(networks).values(values).returning({ id: networks.id });
  return policyRowNetwork(row!.id, 'created');
}

export async function recordAudit(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  actorId: string | null,
  action: string,
  entity: string,
  entityId: string | null,
  data: unknown,
) {
  await tx.insert(auditLog).values({ networkId, actorId, action, entity, entityId, data: data ?? null });
}
