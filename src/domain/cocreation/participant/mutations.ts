import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationParticipants } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createParticipant(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  values: { sessionId: string; tokenHash: string; displayName: string; personId: string | null; institutionId: string | null; subgroupId: string | null },
  at: Date,
) {
  const [row] = await tx.insert(cocreationParticipants).values({ networkId, ...values, createdAt: at, rateWindowStart: at }).returning();
  return row!;
}

export async function updateParticipantToken(tx: Tx, networkId: AuthorizedNetworkId, id: string, tokenHash: string) {
  await tx.update(cocreationParticipants).set({ tokenHash }).where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.id, id)));
}

/**
 * Counts one write of the participant in the current window (atomic, so it holds across app
 * servers); returns the count in the window after this write.
 */
export async function updateParticipantRate(tx: Tx, networkId: AuthorizedNetworkId, id: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const [row] = await tx
    .update(cocreationParticipants)
    .set({
      rateCount: sql`case when ${cocreationParticipants.rateWindowStart} > ${windowStart}::timestamptz then ${cocreationParticipants.rateCount} + 1 else 1 end`,
      rateWindowStart: sql`case when ${cocreationParticipants.rateWindowStart} > ${windowStart}::timestamptz then ${cocreationParticipants.rateWindowStart} else ${now.toISOString()}::timestamptz end`,
    })
    .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.id, id)))
    .returning({ rateCount: cocreationParticipants.rateCount });
  return row?.rateCount ?? 0;
}

/** Locks one participant's row: their own changes (dots within the budget) are applied one at a time. */
export async function lockParticipant(tx: Tx, networkId: AuthorizedNetworkId, id: string): Promise<void> {
  await tx.select({ id: cocreationParticipants.id }).from(cocreationParticipants)
    .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.id, id))).for('update');
}
