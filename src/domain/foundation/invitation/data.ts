import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { invitations, institutions, networks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function listInvitations(tx: Tx, networkId: AuthorizedNetworkId, institutionIds?: string[]) {
  return tx
    .select({ invitation: invitations, institutionName: institutions.name })
    .from(invitations)
    .leftJoin(institutions, eq(institutions.id, invitations.institutionId))
    .where(and(
      eq(invitations.networkId, networkId),
      institutionIds ? inArray(invitations.institutionId, institutionIds.length ? institutionIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
    ))
    .orderBy(desc(invitations.createdAt));
}

export async function getInvitation(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(invitations).where(and(eq(invitations.networkId, networkId), eq(invitations.id, id))).limit(1);
  return row;
}

/** Looks an invitation up by the hash of its secret link token (no tenant known yet). */
export async function getInvitationByTokenHash(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ invitation: invitations, networkName: networks.name, institutionName: institutions.name })
    .from(invitations)
    .innerJoin(networks, eq(networks.id, invitations.networkId))
    .leftJoin(institutions, eq(institutions.id, invitations.institutionId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}
