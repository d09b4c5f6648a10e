import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offerTeams, offerTeamMembers, offerTeamMeetings, offerTeamProducts, people, institutions, locations, memberships } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listTeams(tx: Tx, networkId: AuthorizedNetworkId, teamId?: string) {
  return tx.select().from(offerTeams).where(and(eq(offerTeams.networkId, networkId), teamId ? eq(offerTeams.id, teamId) : undefined)).orderBy(asc(offerTeams.name));
}

export async function listMembers(tx: Tx, networkId: AuthorizedNetworkId, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return tx.select({ member: offerTeamMembers, name: people.name, institutionName: institutions.name })
    .from(offerTeamMembers).innerJoin(people, eq(people.id, offerTeamMembers.personId))
    .leftJoin(institutions, eq(institutions.id, offerTeamMembers.institutionId))
    .where(and(eq(offerTeamMembers.networkId, networkId), sql`${offerTeamMembers.teamId} in ${teamIds}`))
    .orderBy(asc(people.name));
}

export async function listMeetings(tx: Tx, networkId: AuthorizedNetworkId, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return tx.select({ meeting: offerTeamMeetings, locationName: locations.name, teamName: offerTeams.name })
    .from(offerTeamMeetings).innerJoin(offerTeams, eq(offerTeams.id, offerTeamMeetings.teamId))
    .leftJoin(locations, eq(locations.id, offerTeamMeetings.locationId))
    .where(and(eq(offerTeamMeetings.networkId, networkId), sql`${offerTeamMeetings.teamId} in ${teamIds}`))
    .orderBy(asc(offerTeamMeetings.startAt));
}

export async function listProducts(tx: Tx, networkId: AuthorizedNetworkId, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return tx.select().from(offerTeamProducts).where(and(eq(offerTeamProducts.networkId, networkId), sql`${offerTeamProducts.teamId} in ${teamIds}`)).orderBy(asc(offerTeamProducts.createdAt));
}

export async function getMeeting(tx: Tx, networkId: AuthorizedNetworkId, meetingId: string) {
  const [row] = await tx.select().from(offerTeamMeetings).where(and(eq(offerTeamMeetings.networkId, networkId), eq(offerTeamMeetings.id, meetingId))).limit(1);
  return row;
}

/** Teams a person belongs to. */
export async function listPersonTeamIds(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  const rows = await tx.select({ teamId: offerTeamMembers.teamId }).from(offerTeamMembers).where(and(eq(offerTeamMembers.networkId, networkId), eq(offerTeamMembers.personId, personId)));
  return rows.map((r) => r.teamId);
}

/** A member's institution in the network (their first one), for the team list and travel. */
export async function listMemberInstitutions(tx: Tx, networkId: AuthorizedNetworkId, personIds: string[]) {
  if (personIds.length === 0) return [];
  return tx.select({ personId: memberships.personId, institutionId: memberships.institutionId }).from(memberships)
    .where(and(eq(memberships.networkId, networkId), sql`${memberships.personId} in ${personIds}`));
}
