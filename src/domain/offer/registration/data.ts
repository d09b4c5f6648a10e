import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offers, offerSessions, offerRegistrations, institutions, locations, people, timetableBlocks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export type RegistrationRow = typeof offerRegistrations.$inferSelect;

/** A session with its offer, host and place (for registering, mails and calendars). */
export async function getSessionWithOffer(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const [row] = await tx
    .select({ session: offerSessions, offer: offers, hostName: institutions.name, location: locations })
    .from(offerSessions)
    .innerJoin(offers, eq(offers.id, offerSessions.offerId))
    .innerJoin(institutions, eq(institutions.id, offers.hostInstitutionId))
    .leftJoin(locations, eq(locations.id, offers.locationId))
    .where(and(eq(offerSessions.networkId, networkId), eq(offerSessions.id, sessionId)))
    .limit(1);
  return row;
}

export async function countConfirmed(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(offerRegistrations)
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.sessionId, sessionId), eq(offerRegistrations.status, 'confirmed')));
  return row?.n ?? 0;
}

/** The waitlist of a session, first in line first. */
export async function listWaitlist(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx
    .select()
    .from(offerRegistrations)
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.sessionId, sessionId), eq(offerRegistrations.status, 'waitlisted')))
    .orderBy(asc(offerRegistrations.queuedAt), asc(offerRegistrations.id));
}

export async function getActiveRegistration(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, personId: string) {
  const [row] = await tx
    .select()
    .from(offerRegistrations)
    .where(and(
      eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.sessionId, sessionId), eq(offerRegistrations.personId, personId),
      sql`${offerRegistrations.status} <> 'cancelled'`,
    ))
    .limit(1);
  return row;
}

export async function getRegistrationById(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(offerRegistrations).where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.id, id))).limit(1);
  return row;
}

/** Registrations of the sessions of an offer, with names (for the host). */
export async function listOfferRegistrations(tx: Tx, networkId: AuthorizedNetworkId, offerId: string) {
  return tx
    .select({ registration: offerRegistrations, sessionStartAt: offerSessions.startAt, personName: people.name, email: people.email, institutionName: institutions.name })
    .from(offerRegistrations)
    .innerJoin(offerSessions, eq(offerSessions.id, offerRegistrations.sessionId))
    .innerJoin(people, eq(people.id, offerRegistrations.personId))
    .leftJoin(institutions, eq(institutions.id, offerRegistrations.institutionId))
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.offerId, offerId), sql`${offerRegistrations.status} <> 'cancelled'`))
    .orderBy(asc(offerSessions.startAt), asc(offerRegistrations.queuedAt), asc(offerRegistrations.id));
}

/** Every registration of a person (cancelled ones too: the calendar feed keeps them as cancelled). */
export async function listPersonRegistrations(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx
    .select({ registration: offerRegistrations, session: offerSessions, offer: offers, hostName: institutions.name, location: locations })
    .from(offerRegistrations)
    .innerJoin(offerSessions, eq(offerSessions.id, offerRegistrations.sessionId))
    .innerJoin(offers, eq(offers.id, offerRegistrations.offerId))
    .innerJoin(institutions, eq(institutions.id, offers.hostInstitutionId))
    .leftJoin(locations, eq(locations.id, offers.locationId))
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.personId, personId)))
    .orderBy(asc(offerSessions.startAt));
}

/** Position (1-based) of each waitlisted registration in its session's line. */
export async function listWaitlistPositions(tx: Tx, networkId: AuthorizedNetworkId, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({
      id: offerRegistrations.id,
      position: sql<number>`(row_number() over (partition by ${offerRegistrations.sessionId} order by ${offerRegistrations.queuedAt}, ${offerRegistrations.id}))::int`,
    })
    .from(offerRegistrations)
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.status, 'waitlisted'), sql`${offerRegistrations.sessionId} in ${sessionIds}`));
  return new Map(rows.map((r) => [r.id, r.position]));
}

export async function listPersonBlocks(tx: Tx, networkId: AuthorizedNetworkId, personId: string, from: Date, to: Date) {
  return tx
    .select()
    .from(timetableBlocks)
    .where(and(eq(timetableBlocks.networkId, networkId), eq(timetableBlocks.personId, personId), sql`${timetableBlocks.startAt} < ${to}`, sql`${timetableBlocks.endAt} > ${from}`))
    .orderBy(asc(timetableBlocks.startAt));
}

export async function countPersonBlocks(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(timetableBlocks).where(and(eq(timetableBlocks.networkId, networkId), eq(timetableBlocks.personId, personId)));
  return row?.n ?? 0;
}

/** Reads a session and holds its row lock until the transaction ends: places are given out one at a time. */
export async function lockSession(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const [row] = await tx.select().from(offerSessions).where(and(eq(offerSessions.networkId, networkId), eq(offerSessions.id, sessionId))).for('update');
  return row;
}

export async function getOfferHost(tx: Tx, networkId: AuthorizedNetworkId, offerId: string) {
  const [row] = await tx.select({ host: offers.hostInstitutionId }).from(offers).where(and(eq(offers.networkId, networkId), eq(offers.id, offerId))).limit(1);
  return row?.host;
}
