import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { speeddateChoices, speeddateEvents, speeddateParticipants, speeddateSeats } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { ParticipantStatus } from './schema.ts';

// Writes of speeddate events; every statement is scoped by the authorised network.

export async function createEvent(tx: Tx, nid: AuthorizedNetworkId, values: Omit<typeof speeddateEvents.$inferInsert, 'networkId' | 'id'>): Promise<string> {
  const [row] = await tx.insert(speeddateEvents).values({ ...values, networkId: nid }).returning({ id: speeddateEvents.id });
  return row!.id;
}

export async function raiseEventSequence(tx: Tx, nid: AuthorizedNetworkId, eventId: string, at: Date) {
  await tx.update(speeddateEvents).set({ sequence: sql`${speeddateEvents.sequence} + 1`, updatedAt: at }).where(and(eq(speeddateEvents.networkId, nid), eq(speeddateEvents.id, eventId)));
}

export async function addParticipants(tx: Tx, nid: AuthorizedNetworkId, eventId: string, rows: { personId: string; role: 'teacher' | 'professional'; tableNo: number | null; status: ParticipantStatus }[]) {
  if (rows.length === 0) return;
  await tx.insert(speeddateParticipants).values(rows.map((r) => ({ ...r, networkId: nid, eventId }))).onConflictDoNothing();
}

export async function setParticipantStatus(tx: Tx, nid: AuthorizedNetworkId, eventId: string, personId: string, status: ParticipantStatus, at: Date) {
  await tx.update(speeddateParticipants).set({ status, checkedAt: at })
    .where(and(eq(speeddateParticipants.networkId, nid), eq(speeddateParticipants.eventId, eventId), eq(speeddateParticipants.personId, personId)));
}

/** Replaces the seats from `fromRound` on; earlier rounds stay as they are. */
export async function replaceSeatsFrom(tx: Tx, nid: AuthorizedNetworkId, eventId: string, fromRound: number, seats: { round: number; teacherId: string; professionalId: string; tableNo: number }[]) {
  await tx.delete(speeddateSeats).where(and(eq(speeddateSeats.networkId, nid), eq(speeddateSeats.eventId, eventId), gte(speeddateSeats.round, fromRound)));
  const fresh = seats.filter((s) => s.round >= fromRound);
  for (let i = 0; i < fresh.length; i += 1000) {
    await tx.insert(speeddateSeats).values(fresh.slice(i, i + 1000).map((s) => ({ ...s, networkId: nid, eventId })));
  }
}

export async function replaceChoices(tx: Tx, nid: AuthorizedNetworkId, eventId: string, chooserId: string, chosenIds: string[], at: Date) {
  await tx.delete(speeddateChoices).where(and(eq(speeddateChoices.networkId, nid), eq(speeddateChoices.eventId, eventId), eq(speeddateChoices.chooserId, chooserId)));
  if (chosenIds.length) await tx.insert(speeddateChoices).values(chosenIds.map((chosenId) => ({ networkId: nid, eventId, chooserId, chosenId, createdAt: at })));
}

export async function deleteParticipants(tx: Tx, nid: AuthorizedNetworkId, eventId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  await tx.delete(speeddateParticipants).where(and(eq(speeddateParticipants.networkId, nid), eq(speeddateParticipants.eventId, eventId), inArray(speeddateParticipants.personId, personIds)));
}

/** The channel on which every change of an event's room clock is announced (to every app server). */
export const SPEEDDATE_CLOCK_CHANNEL = 'kp_speeddate_clock';

/** Announces (on commit) that the room clock of an event changed: who sits where, a pause or a resume. */
export async function announceClockChange(tx: Tx, eventId: string) {
  await tx.execute(sql`select pg_notify(${SPEEDDATE_CLOCK_CHANNEL}, ${eventId})`);
}

export async function setEventPause(tx: Tx, nid: AuthorizedNetworkId, eventId: string, values: { pausedAt: Date | null; pausedMs: number }, at: Date) {
  await tx.update(speeddateEvents).set({ ...values, updatedAt: at }).where(and(eq(speeddateEvents.networkId, nid), eq(speeddateEvents.id, eventId)));
}
