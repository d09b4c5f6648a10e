import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordEffectCounts, recordFollowUps } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { FollowUpEffect } from './schema.ts';

/** Records that the question about an activity is asked; returns the id, or null when it was asked before. */
export async function createFollowUpOnce(tx: Tx, networkId: AuthorizedNetworkId, personId: string, a: { source: string; sourceId: string; title: string; activityDate: string }, at: Date) {
  const rows = await tx.insert(recordFollowUps).values({ networkId, personId, ...a, askedAt: at }).onConflictDoNothing().returning({ id: recordFollowUps.id });
  return rows[0]?.id ?? null;
}

/** Marks the question answered; false when it already was (an answer counts once). */
export async function updateFollowUpAnswered(tx: Tx, networkId: AuthorizedNetworkId, id: string, at: Date) {
  const rows = await tx.update(recordFollowUps).set({ answeredAt: at })
    .where(and(eq(recordFollowUps.networkId, networkId), eq(recordFollowUps.id, id), isNull(recordFollowUps.answeredAt))).returning({ id: recordFollowUps.id });
  return rows.length > 0;
}

/** Adds one anonymous answer to the practice item's counts (no person is stored). */
export async function incrementEffectCount(tx: Tx, networkId: AuthorizedNetworkId, key: { source: string; sourceId: string }, effect: FollowUpEffect) {
  const column = { changed: recordEffectCounts.changed, partly: recordEffectCounts.partly, unchanged: recordEffectCounts.unchanged }[effect];
  await tx.insert(recordEffectCounts).values({ networkId, ...key, [effect]: 1 })
    .onConflictDoUpdate({ target: [recordEffectCounts.networkId, recordEffectCounts.source, recordEffectCounts.sourceId], set: { [effect]: sql`${column} + 1` } });
}
