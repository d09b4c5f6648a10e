import { and, asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { memberships, people, placementRankings, placementResponses, placementResults, placementRounds } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Reads of placement rounds; every query is scoped by the authorised network.

export type RoundRow = typeof placementRounds.$inferSelect;

export async function listRoundRows(tx: Tx, nid: AuthorizedNetworkId) {
  return tx.select().from(placementRounds).where(eq(placementRounds.networkId, nid)).orderBy(desc(placementRounds.createdAt));
}

export async function getRoundRow(tx: Tx, nid: AuthorizedNetworkId, roundId: string, lock = false): Promise<RoundRow | undefined> {
  const q = tx.select().from(placementRounds).where(and(eq(placementRounds.networkId, nid), eq(placementRounds.id, roundId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function listRankings(tx: Tx, nid: AuthorizedNetworkId, roundId?: string) {
  return tx.select({ ranking: placementRankings, name: people.name }).from(placementRankings).innerJoin(people, eq(people.id, placementRankings.teacherId))
    .where(and(eq(placementRankings.networkId, nid), roundId ? eq(placementRankings.roundId, roundId) : undefined)).orderBy(asc(people.name));
}

export async function listResponses(tx: Tx, nid: AuthorizedNetworkId, roundId: string) {
  return tx.select().from(placementResponses).where(and(eq(placementResponses.networkId, nid), eq(placementResponses.roundId, roundId)));
}

export async function listResults(tx: Tx, nid: AuthorizedNetworkId, roundId: string) {
  return tx.select({ result: placementResults, name: people.name, email: people.email, locale: people.locale }).from(placementResults).innerJoin(people, eq(people.id, placementResults.teacherId))
    .where(and(eq(placementResults.networkId, nid), eq(placementResults.roundId, roundId))).orderBy(asc(people.name));
}

export async function isTeacher(tx: Tx, nid: AuthorizedNetworkId, personId: string): Promise<boolean> {
  const rows = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.networkId, nid), eq(memberships.personId, personId), eq(memberships.role, 'teacher')));
  return rows.length > 0;
}

export async function getResultRow(tx: Tx, nid: AuthorizedNetworkId, roundId: string, teacherId: string) {
  const [row] = await tx.select().from(placementResults).where(and(eq(placementResults.networkId, nid), eq(placementResults.roundId, roundId), eq(placementResults.teacherId, teacherId)));
  return row;
}

/** A person's results in the network's published rounds. */
export async function listPersonResults(tx: Tx, nid: AuthorizedNetworkId, personId: string) {
  return tx.select().from(placementResults).where(and(eq(placementResults.networkId, nid), eq(placementResults.teacherId, personId)));
}
