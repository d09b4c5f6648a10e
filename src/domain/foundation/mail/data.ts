import { desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { mailOutbox } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function listOutbox(tx: Tx, networkId: AuthorizedNetworkId, limit = 200) {
  return tx.select().from(mailOutbox).where(eq(mailOutbox.networkId, networkId)).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

export async function getOutboxMessages(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
}
