import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabChecklistItems, people, leerlabs } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listItems(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select({ item: leerlabChecklistItems, ownerName: people.name })
    .from(leerlabChecklistItems).leftJoin(people, eq(people.id, leerlabChecklistItems.ownerId))
    .where(and(eq(leerlabChecklistItems.networkId, networkId), eq(leerlabChecklistItems.leerlabId, leerlabId)))
    .orderBy(asc(leerlabChecklistItems.dueDate), asc(leerlabChecklistItems.createdAt));
}

export async function getItem(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, id: string) {
  const [row] = await tx.select().from(leerlabChecklistItems)
    .where(and(eq(leerlabChecklistItems.networkId, networkId), eq(leerlabChecklistItems.leerlabId, leerlabId), eq(leerlabChecklistItems.id, id))).limit(1);
  return row;
}

/** Open items not reminded yet, with their owner, in every network (for the hourly reminders). */
export async function listUnremindedItems(tx: Tx) {
  return tx.select({ item: leerlabChecklistItems, ownerName: people.name, ownerEmail: people.email, ownerLocale: people.locale, leerlabName: leerlabs.name })
    .from(leerlabChecklistItems)
    .innerJoin(people, eq(people.id, leerlabChecklistItems.ownerId))
    .innerJoin(leerlabs, eq(leerlabs.id, leerlabChecklistItems.leerlabId))
    .where(and(isNull(leerlabChecklistItems.remindedAt), ne(leerlabChecklistItems.status, 'done')));
}
