import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { institutions, memberships, people, twinningGoals, twinningMeetings, twinningProfiles, twinningTwins } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Reads of Job Twinning; every query is scoped by the authorised network.

export type TwinRow = typeof twinningTwins.$inferSelect;
export type MeetingRow = typeof twinningMeetings.$inferSelect;

export async function getProfile(tx: Tx, nid: AuthorizedNetworkId, personId: string) {
  const [row] = await tx.select().from(twinningProfiles).where(and(eq(twinningProfiles.networkId, nid), eq(twinningProfiles.personId, personId)));
  return row;
}

export async function listProfiles(tx: Tx, nid: AuthorizedNetworkId) {
  return tx.select().from(twinningProfiles).where(eq(twinningProfiles.networkId, nid));
}

export async function listGoals(tx: Tx, nid: AuthorizedNetworkId, personIds?: string[]) {
  if (personIds && personIds.length === 0) return [];
  return tx.select().from(twinningGoals)
    .where(and(eq(twinningGoals.networkId, nid), personIds ? inArray(twinningGoals.personId, personIds) : undefined))
    .orderBy(asc(twinningGoals.createdAt));
}

export async function getGoal(tx: Tx, nid: AuthorizedNetworkId, goalId: string) {
  const [row] = await tx.select().from(twinningGoals).where(and(eq(twinningGoals.networkId, nid), eq(twinningGoals.id, goalId)));
  return row;
}

export async function listTwins(tx: Tx, nid: AuthorizedNetworkId, personId?: string): Promise<TwinRow[]> {
  return tx.select().from(twinningTwins)
    .where(and(eq(twinningTwins.networkId, nid), personId ? or(eq(twinningTwins.teacherId, personId), eq(twinningTwins.professionalId, personId)) : undefined))
    .orderBy(asc(twinningTwins.createdAt));
}

export async function getTwin(tx: Tx, nid: AuthorizedNetworkId, twinId: string): Promise<TwinRow | undefined> {
  const [row] = await tx.select().from(twinningTwins).where(and(eq(twinningTwins.networkId, nid), eq(twinningTwins.id, twinId)));
  return row;
}

export async function listMeetings(tx: Tx, nid: AuthorizedNetworkId, twinIds: string[]): Promise<MeetingRow[]> {
  if (twinIds.length === 0) return [];
  return tx.select().from(twinningMeetings).where(and(eq(twinningMeetings.networkId, nid), inArray(twinningMeetings.twinId, twinIds))).orderBy(asc(twinningMeetings.startAt));
}

export async function getMeeting(tx: Tx, nid: AuthorizedNetworkId, meetingId: string): Promise<MeetingRow | undefined> {
  const [row] = await tx.select().from(twinningMeetings).where(and(eq(twinningMeetings.networkId, nid), eq(twinningMeetings.id, meetingId)));
  return row;
}

/** The network's teachers and professionals with name, e-mail, locale and institution. */
export async function listMembers(tx: Tx, nid: AuthorizedNetworkId) {
  return tx
    .select({ personId: memberships.personId, role: memberships.role, name: people.name, email: people.email, locale: people.locale, institutionName: institutions.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(and(eq(memberships.networkId, nid), inArray(memberships.role, ['teacher', 'professional'])));
}
