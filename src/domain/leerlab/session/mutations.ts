import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabSessions, leerlabPatterns, leerlabAttendance } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function upsertPattern(tx: Tx, networkId: AuthorizedNetworkId, values: { leerlabId: string; direction: string; weekday: number; startMinute: number; endMinute: number; score: number; chosenBy: string }) {
  await tx.insert(leerlabPatterns).values({ ...values, networkId })
    .onConflictDoUpdate({ target: [leerlabPatterns.leerlabId, leerlabPatterns.direction], set: { weekday: values.weekday, startMinute: values.startMinute, endMinute: values.endMinute, score: values.score, chosenBy: values.chosenBy } });
}

/** Cancels the planned sessions of a direction that have not started (a new pattern replaces them); returns their ids. */
export async function cancelFutureSessions(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, direction: string, now: Date) {
  const rows = await tx.update(leerlabSessions).set({ status: 'cancelled', sequence: sql`${leerlabSessions.sequence} + 1`, updatedAt: now })
    .where(and(eq(leerlabSessions.networkId, networkId), eq(leerlabSessions.leerlabId, leerlabId), eq(leerlabSessions.direction, direction), eq(leerlabSessions.status, 'planned'), gt(leerlabSessions.startAt, now)))
    .returning({ id: leerlabSessions.id });
  return rows.map((r) => r.id);
}

export async function createSessions(tx: Tx, networkId: AuthorizedNetworkId, rows: { leerlabId: string; direction: string; startAt: Date; endAt: Date; leaveAt: Date; returnBy: Date; uid: string }[]) {
  if (rows.length === 0) return [];
  return (await tx.insert(leerlabSessions).values(rows.map((r) => ({ ...r, networkId }))).returning({ id: leerlabSessions.id })).map((r) => r.id);
}

export async function updateSessionTime(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: { startAt: Date; endAt: Date; leaveAt: Date; returnBy: Date }, now: Date) {
  await tx.update(leerlabSessions).set({ ...values, sequence: sql`${leerlabSessions.sequence} + 1`, updatedAt: now })
    .where(and(eq(leerlabSessions.networkId, networkId), eq(leerlabSessions.id, id)));
}

export async function updateSessionStatus(tx: Tx, networkId: AuthorizedNetworkId, id: string, status: 'cancelled', now: Date) {
  await tx.update(leerlabSessions).set({ status, sequence: sql`${leerlabSessions.sequence} + 1`, updatedAt: now })
    .where(and(eq(leerlabSessions.networkId, networkId), eq(leerlabSessions.id, id)));
}

export async function upsertAttendance(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, marks: { pupilId: string; status: string }[], by: string, now: Date) {
  for (const m of marks) {
    await tx.insert(leerlabAttendance).values({ networkId, sessionId, pupilId: m.pupilId, status: m.status, markedBy: by, markedAt: now })
      .onConflictDoUpdate({ target: [leerlabAttendance.sessionId, leerlabAttendance.pupilId], set: { status: m.status, markedBy: by, markedAt: now } });
  }
}
