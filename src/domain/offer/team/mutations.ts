import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offerTeams, offerTeamMembers, offerTeamMeetings, offerTeamProducts } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createTeam(tx: Tx, networkId: AuthorizedNetworkId, values: { name: string; goal: string; createdBy: string }, now: Date) {
  const [row] = await tx.insert(offerTeams).values({ ...values, networkId, createdAt: now }).returning({ id: offerTeams.id });
  return row!.id;
}

/** Replaces the team's members. */
export async function replaceMembers(tx: Tx, networkId: AuthorizedNetworkId, teamId: string, members: { personId: string; institutionId: string | null }[]) {
  await tx.delete(offerTeamMembers).where(and(eq(offerTeamMembers.networkId, networkId), eq(offerTeamMembers.teamId, teamId)));
  if (members.length) await tx.insert(offerTeamMembers).values(members.map((m) => ({ ...m, networkId, teamId })));
}

export async function createMeeting(tx: Tx, networkId: AuthorizedNetworkId, values: { teamId: string; startAt: Date; endAt: Date; locationId: string | null }, now: Date) {
  const [row] = await tx.insert(offerTeamMeetings).values({ ...values, networkId, createdAt: now }).returning({ id: offerTeamMeetings.id });
  return row!.id;
}

export async function updateMeetingLog(tx: Tx, networkId: AuthorizedNetworkId, meetingId: string, log: string) {
  await tx.update(offerTeamMeetings).set({ log }).where(and(eq(offerTeamMeetings.networkId, networkId), eq(offerTeamMeetings.id, meetingId)));
}

export async function createProduct(tx: Tx, networkId: AuthorizedNetworkId, values: { teamId: string; title: string; url: string; createdBy: string }, now: Date) {
  const [row] = await tx.insert(offerTeamProducts).values({ ...values, networkId, createdAt: now }).returning({ id: offerTeamProducts.id });
  return row!.id;
}
