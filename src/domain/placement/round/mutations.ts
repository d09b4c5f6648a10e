import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { placementRankings, placementResponses, placementResults, placementRounds } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Writes of placement rounds; every statement is scoped by the authorised network.

export async function createRound(tx: Tx, nid: AuthorizedNetworkId, values: { title: string; maxRanks: number; offerIds: string[]; createdBy: string }, at: Date): Promise<string> {
  const [row] = await tx.insert(placementRounds).values({ ...values, networkId: nid, createdAt: at }).returning({ id: placementRounds.id });
  return row!.id;
}

export async function saveRanking(tx: Tx, nid: AuthorizedNetworkId, roundId: string, teacherId: string, offerIds: string[], at: Date) {
  await tx.insert(placementRankings).values({ networkId: nid, roundId, teacherId, offerIds, updatedAt: at })
    .onConflictDoUpdate({ target: [placementRankings.roundId, placementRankings.teacherId], set: { offerIds, updatedAt: at } });
}

export async function saveResponse(tx: Tx, nid: AuthorizedNetworkId, roundId: string, offerId: string, teacherId: string, decision: string, rank: number | null) {
  await tx.insert(placementResponses).values({ networkId: nid, roundId, offerId, teacherId, decision, rank })
    .onConflictDoUpdate({ target: [placementResponses.roundId, placementResponses.offerId, placementResponses.teacherId], set: { decision, rank } });
}

export async function publishResults(tx: Tx, nid: AuthorizedNetworkId, roundId: string, mode: string, rows: { teacherId: string; offerId: string | null; rank: number | null; waitlist: boolean; manual: boolean }[], at: Date) {
  if (rows.length) await tx.insert(placementResults).values(rows.map((r) => ({ ...r, networkId: nid, roundId, updatedAt: at })));
  await tx.update(placementRounds).set({ status: 'published', mode, publishedAt: at }).where(and(eq(placementRounds.networkId, nid), eq(placementRounds.id, roundId)));
}

/** Moves a published result by hand; the calendar SEQUENCE goes up by one. */
export async function moveResult(tx: Tx, nid: AuthorizedNetworkId, roundId: string, teacherId: string, values: { offerId: string | null; rank: number | null; waitlist: boolean }, at: Date) {
  await tx.update(placementResults).set({ ...values, manual: true, sequence: sql`${placementResults.sequence} + 1`, updatedAt: at })
    .where(and(eq(placementResults.networkId, nid), eq(placementResults.roundId, roundId), eq(placementResults.teacherId, teacherId)));
}
