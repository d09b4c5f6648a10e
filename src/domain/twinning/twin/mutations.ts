import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { twinningGoals, twinningMeetings, twinningProfiles, twinningTwins } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { GoalUpdate, MeetingInput, MeetingLog, ProfileInput } from './schema.ts';

// Writes of Job Twinning; every statement is scoped by the authorised network.

export async function upsertProfile(tx: Tx, nid: AuthorizedNetworkId, personId: string, role: string, input: ProfileInput, at: Date) {
  await tx.insert(twinningProfiles).values({ networkId: nid, personId, role, ...input, updatedAt: at })
    .onConflictDoUpdate({ target: [twinningProfiles.networkId, twinningProfiles.personId], set: { ...input, role, updatedAt: at } });
}

export async function createGoal(tx: Tx, nid: AuthorizedNetworkId, personId: string, text: string, at: Date): Promise<string> {
  const [row] = await tx.insert(twinningGoals).values({ networkId: nid, personId, text, createdAt: at, updatedAt: at }).returning({ id: twinningGoals.id });
  return row!.id;
}

export async function updateGoal(tx: Tx, nid: AuthorizedNetworkId, goalId: string, input: GoalUpdate, at: Date) {
  await tx.update(twinningGoals).set({ ...input, updatedAt: at }).where(and(eq(twinningGoals.networkId, nid), eq(twinningGoals.id, goalId)));
}

export async function createTwin(tx: Tx, nid: AuthorizedNetworkId, values: Omit<typeof twinningTwins.$inferInsert, 'networkId' | 'id'>): Promise<string> {
  const [row] = await tx.insert(twinningTwins).values({ ...values, networkId: nid }).returning({ id: twinningTwins.id });
  return row!.id;
}

export async function updateTwin(tx: Tx, nid: AuthorizedNetworkId, twinId: string, values: Partial<typeof twinningTwins.$inferInsert>) {
  await tx.update(twinningTwins).set(values).where(and(eq(twinningTwins.networkId, nid), eq(twinningTwins.id, twinId)));
}

export async function createMeeting(tx: Tx, nid: AuthorizedNetworkId, twinId: string, input: MeetingInput, createdBy: string, at: Date): Promise<string> {
  const [row] = await tx.insert(twinningMeetings).values({
    networkId: nid, twinId, form: input.form, title: input.title, startAt: new Date(input.startAt), endAt: new Date(input.endAt), location: input.location,
    createdBy, createdAt: at, updatedAt: at,
  }).returning({ id: twinningMeetings.id });
  return row!.id;
}

export async function logMeeting(tx: Tx, nid: AuthorizedNetworkId, meetingId: string, input: MeetingLog, at: Date) {
  await tx.update(twinningMeetings).set({ status: 'logged', notes: input.notes, learned: input.learned, hours: String(input.hours), sequence: sql`${twinningMeetings.sequence} + 1`, updatedAt: at })
    .where(and(eq(twinningMeetings.networkId, nid), eq(twinningMeetings.id, meetingId)));
}

/** A planned meeting is called off: it stays (cancelled) with a raised SEQUENCE for the calendars. */
export async function cancelMeeting(tx: Tx, nid: AuthorizedNetworkId, meetingId: string, at: Date) {
  await tx.update(twinningMeetings).set({ status: 'cancelled', sequence: sql`${twinningMeetings.sequence} + 1`, updatedAt: at })
    .where(and(eq(twinningMeetings.networkId, nid), eq(twinningMeetings.id, meetingId)));
}
