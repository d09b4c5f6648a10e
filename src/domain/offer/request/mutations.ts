import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offerRequests } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { RequestInput } from './schema.ts';

export async function createRequest(tx: Tx, networkId: AuthorizedNetworkId, values: RequestInput & { offerId: string; personId: string }, now: Date) {
  const [row] = await tx.insert(offerRequests).values({ ...values, networkId, createdAt: now }).returning({ id: offerRequests.id });
  return row!.id;
}

/** Decides a pending request; false when it was decided already (by someone else in parallel). */
export async function decideRequest(tx: Tx, networkId: AuthorizedNetworkId, id: string, status: 'accepted' | 'declined', sessionId: string | null, now: Date) {
  const rows = await tx.update(offerRequests)
    .set({ status, sessionId, decidedAt: now })
    .where(and(eq(offerRequests.networkId, networkId), eq(offerRequests.id, id), eq(offerRequests.status, 'pending')))
    .returning({ id: offerRequests.id });
  return rows.length === 1;
}
