import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { institutions, memberships, people, speeddateChoices, speeddateEvents, speeddateParticipants, speeddateSeats } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Reads of speeddate events; every query is scoped by the authorised network.

export type EventRow = typeof speeddateEvents.$inferSelect;

export async function listEventRows(tx: Tx, nid: AuthorizedNetworkId): Promise<EventRow[]> {
  return tx.select().from(speeddateEvents).where(eq(speeddateEvents.networkId, nid)).orderBy(desc(speeddateEvents.startAt));
}

export async function getEventRow(tx: Tx, nid: AuthorizedNetworkId, eventId: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(speeddateEvents).where(and(eq(speeddateEvents.networkId, nid), eq(speeddateEvents.id, eventId)));
  return row;
}

/** Locks the event's row while its rotation changes (parallel check-ins wait for each other). */
export async function lockEventRow(tx: Tx, nid: AuthorizedNetworkId, eventId: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(speeddateEvents).where(and(eq(speeddateEvents.networkId, nid), eq(speeddateEvents.id, eventId))).for('update');
  return row;
}

export async function listParticipants(tx: Tx, nid: AuthorizedNetworkId, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return tx
    .select({ participant: speeddateParticipants, name: people.name, email: people.email, locale: people.locale })
    .from(speeddateParticipants)
    .innerJoin(people, eq(people.id, speeddateParticipants.personId))
    .where(and(eq(speeddateParticipants.networkId, nid), inArray(speeddateParticipants.eventId, eventIds)))
    .orderBy(asc(speeddateParticipants.tableNo), asc(people.name));
}

export async function listSeats(tx: Tx, nid: AuthorizedNetworkId, eventId: string) {
  return tx.select().from(speeddateSeats).where(and(eq(speeddateSeats.networkId, nid), eq(speeddateSeats.eventId, eventId))).orderBy(asc(speeddateSeats.round), asc(speeddateSeats.tableNo));
}

export async function listChoices(tx: Tx, nid: AuthorizedNetworkId, eventIds?: string[]) {
  return tx.select().from(speeddateChoices).where(and(eq(speeddateChoices.networkId, nid), eventIds ? inArray(speeddateChoices.eventId, eventIds) : undefined));
}

/** The network's people with the given role, with their institution's name. */
export async function listMembersWithRole(tx: Tx, nid: AuthorizedNetworkId, role: 'teacher' | 'professional', personIds: string[]) {
  if (personIds.length === 0) return [];
  return tx
    .select({ personId: memberships.personId, institutionName: institutions.name })
    .from(memberships)
    .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(and(eq(memberships.networkId, nid), eq(memberships.role, role), inArray(memberships.personId, personIds)));
}

export async function listInstitutionNames(tx: Tx, nid: AuthorizedNetworkId, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ personId: memberships.personId, name: institutions.name })
    .from(memberships)
    .innerJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(and(eq(memberships.networkId, nid), inArray(memberships.personId, personIds)));
  return new Map(rows.map((r) => [r.personId, r.name]));
}

/** A person's participations in the network (for hours, the calendar feed and the learner report). */
export async function listPersonParticipations(tx: Tx, nid: AuthorizedNetworkId, personId: string) {
  return tx
    .select({ participant: speeddateParticipants, event: speeddateEvents })
    .from(speeddateParticipants)
    .innerJoin(speeddateEvents, eq(speeddateEvents.id, speeddateParticipants.eventId))
    .where(and(eq(speeddateParticipants.networkId, nid), eq(speeddateParticipants.personId, personId)))
    .orderBy(asc(speeddateEvents.startAt));
}

/** The network an event belongs to, for the room clock's stream (the viewer is authorised for that network after). */
export async function getEventNetworkId(tx: Tx, eventId: string): Promise<string | undefined> {
  const [row] = await tx.select({ networkId: speeddateEvents.networkId }).from(speeddateEvents).where(eq(speeddateEvents.id, eventId));
  return row?.networkId;
}
