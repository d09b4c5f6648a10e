import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offerRegistrations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

/** Queued at the database's clock while the session is locked, so the waitlist's order is the order places were asked for. */
export async function createRegistration(
  tx: Tx, networkId: AuthorizedNetworkId,
  values: { offerId: string; sessionId: string; personId: string; institutionId: string | null; status: 'confirmed' | 'waitlisted'; uid: string }, now: Date,
) {
  const [row] = await tx.insert(offerRegistrations).values({ ...values, networkId, queuedAt: sql`clock_timestamp()`, createdAt: now, updatedAt: now }).returning();
  return row!;
}

/** Cancels one registration; the calendar event keeps its UID with a higher SEQUENCE. */
export async function cancelRegistration(tx: Tx, networkId: AuthorizedNetworkId, id: string, now: Date) {
  await tx.update(offerRegistrations)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now, sequence: sql`${offerRegistrations.sequence} + 1` })
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.id, id)));
}

/** Moves a waitlisted registration up to a place. */
export async function promoteRegistration(tx: Tx, networkId: AuthorizedNetworkId, id: string, now: Date) {
  await tx.update(offerRegistrations)
    .set({ status: 'confirmed', promotedAt: now, promotionSeenAt: null, updatedAt: now, sequence: sql`${offerRegistrations.sequence} + 1` })
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.id, id), eq(offerRegistrations.status, 'waitlisted')));
}

export async function markPromotionsSeen(tx: Tx, networkId: AuthorizedNetworkId, personId: string, now: Date) {
  const rows = await tx.update(offerRegistrations)
    .set({ promotionSeenAt: now })
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.personId, personId), sql`${offerRegistrations.promotedAt} is not null`, isNull(offerRegistrations.promotionSeenAt)))
    .returning({ id: offerRegistrations.id });
  return rows.length;
}

export async function updateOwnSandwich(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: { learningQuestions?: string | undefined; notes?: string | undefined }, now: Date) {
  const set: Partial<typeof offerRegistrations.$inferInsert> = { updatedAt: now };
  if (values.learningQuestions !== undefined) set.learningQuestions = values.learningQuestions;
  if (values.notes !== undefined) set.notes = values.notes;
  await tx.update(offerRegistrations).set(set).where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.id, id)));
}
