import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { visits, exchangePairs, reflections, evaluations, calendarFeeds } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { EvaluationInput } from './schema.ts';

export async function createPair(tx: Tx, networkId: AuthorizedNetworkId, values: { editionId: string; runId: string; aPersonId: string; bPersonId: string; score: number; trio: boolean; reasons: string[] }) {
  const [row] = await tx.insert(exchangePairs).values({ networkId, ...values }).returning({ id: exchangePairs.id });
  return row!.id;
}

export async function createVisit(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  values: { editionId: string; pairId: string; observerId: string; hostId: string; lessonStart: Date; lessonEnd: Date; leaveAt: Date; returnBy: Date; locationId: string; travelMinutes: number; uid: string },
) {
  const [row] = await tx.insert(visits).values({ networkId, ...values }).returning({ id: visits.id });
  return row!.id;
}

/** Moves a visit: same UID, SEQUENCE + 1. */
export async function updateVisitTime(
  tx: Tx, networkId: AuthorizedNetworkId, id: string,
  values: { lessonStart: Date; lessonEnd: Date; leaveAt: Date; returnBy: Date; locationId: string; travelMinutes: number }, now: Date,
) {
  await tx.update(visits).set({ ...values, sequence: sql`${visits.sequence} + 1`, updatedAt: now }).where(and(eq(visits.networkId, networkId), eq(visits.id, id)));
}

export async function updateVisitStatus(tx: Tx, networkId: AuthorizedNetworkId, id: string, status: 'cancelled' | 'done', now: Date, by?: string) {
  await tx
    .update(visits)
    .set({
      status,
      updatedAt: now,
      ...(status === 'cancelled' ? { sequence: sql`${visits.sequence} + 1` } : { checkedInAt: now, checkedInBy: by ?? null }),
    })
    .where(and(eq(visits.networkId, networkId), eq(visits.id, id)));
}

export async function upsertReflection(tx: Tx, networkId: AuthorizedNetworkId, values: { visitId: string; personId: string; observed: string; learned: string; apply: string }, now: Date) {
  await tx
    .insert(reflections)
    .values({ networkId, ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [reflections.visitId, reflections.personId], set: { observed: values.observed, learned: values.learned, apply: values.apply, updatedAt: now } });
}

export async function upsertEvaluation(tx: Tx, networkId: AuthorizedNetworkId, values: EvaluationInput & { editionId: string; personId: string }) {
  await tx
    .insert(evaluations)
    .values({ networkId, ...values })
    .onConflictDoUpdate({ target: [evaluations.editionId, evaluations.personId], set: { ...values } });
}

export async function createFeed(tx: Tx, networkId: AuthorizedNetworkId, personId: string, tokenHash: string, now: Date) {
  await tx.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.networkId, networkId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
  await tx.insert(calendarFeeds).values({ networkId, personId, tokenHash, createdAt: now });
}

export async function revokeFeeds(tx: Tx, networkId: AuthorizedNetworkId, personId: string, now: Date) {
  await tx.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.networkId, networkId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
}
