import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabChecklistItems } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createItem(tx: Tx, networkId: AuthorizedNetworkId, values: { leerlabId: string; title: string; ownerId: string | null; dueDate: string | null }) {
  const [row] = await tx.insert(leerlabChecklistItems).values({ ...values, kind: 'custom', networkId }).returning({ id: leerlabChecklistItems.id });
  return row!.id;
}

export async function updateItem(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: Partial<typeof leerlabChecklistItems.$inferInsert>) {
  await tx.update(leerlabChecklistItems).set(values).where(and(eq(leerlabChecklistItems.networkId, networkId), eq(leerlabChecklistItems.id, id)));
}
