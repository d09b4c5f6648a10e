import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { invitations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';
import type { Role } from '../person/schema.ts';

export async function createInvitation(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  values: { email: string; name: string; role: Role; institutionId: string | null; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  const [row] = await tx.insert(invitations).values({ networkId, ...values }).returning({ id: invitations.id });
  return row!.id;
}

export async function markInvitationAccepted(tx: Tx, id: string, at: Date) {
  await tx.update(invitations).set({ acceptedAt: at }).where(eq(invitations.id, id));
}

export async function markInvitationRevoked(tx: Tx, networkId: AuthorizedNetworkId, id: string, at: Date) {
  await tx.update(invitations).set({ revokedAt: at }).where(and(eq(invitations.networkId, networkId), eq(invitations.id, id)));
}
