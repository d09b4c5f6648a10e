import { eq } from 'drizzle-orm';
import { policyRowNetwork } from '../auth/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { auditLog, memberships, networks } from '../../../db/schema/index.ts';
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

/**
 * An event of a person's account (login, failed login, lock-out, logout, password reset, profile
 * change): recorded in every network the person belongs to, so each network's managers see their
 * members' account history; without a known person or membership once without a network.
 */
export async function recordAccountAudit(tx: Tx, personId: string | null, action: string, data: Record<string, unknown> | null) {
  const networkIds = personId
    ? (await tx.selectDistinct({ networkId: memberships.networkId }).from(memberships).where(eq(memberships.personId, personId))).map((r) => r.networkId)
    : [];
  const rows = (networkIds.length ? networkIds : [null]).map((networkId) => ({
    networkId, actorId: personId, action, entity: 'account', entityId: personId, data,
  }));
  await tx.insert(auditLog).values(rows);
}
