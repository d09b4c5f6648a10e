import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offers, offerSessions, offerRegistrations, institutions, locations, people } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export type OfferRow = typeof offers.$inferSelect;
export type SessionRow = typeof offerSessions.$inferSelect;

export async function listOfferRows(tx: Tx, networkId: AuthorizedNetworkId, filter: { hostInstitutionId?: string; offerId?: string } = {}) {
  return tx
    .select({ offer: offers, hostName: institutions.name, city: locations.city })
    .from(offers)
    .innerJoin(institutions, eq(institutions.id, offers.hostInstitutionId))
    .leftJoin(locations, eq(locations.id, offers.locationId))
    .where(and(
      eq(offers.networkId, networkId),
      filter.hostInstitutionId ? eq(offers.hostInstitutionId, filter.hostInstitutionId) : undefined,
      filter.offerId ? eq(offers.id, filter.offerId) : undefined,
    ))
    .orderBy(asc(offers.title));
}

export async function getOfferRow(tx: Tx, networkId: AuthorizedNetworkId, offerId: string) {
  const [row] = await listOfferRows(tx, networkId, { offerId });
  return row;
}

/** Sessions with their number of confirmed and waitlisted registrations. */
export async function listSessionsWithCounts(tx: Tx, networkId: AuthorizedNetworkId, offerIds: string[]) {
  if (offerIds.length === 0) return [];
  return tx
    .select({
      session: offerSessions,
      confirmed: sql<number>`(select count(*)::int from offer_registrations r where r.session_id = "offer_sessions"."id" and r.status = 'confirmed')`,
      waitlisted: sql<number>`(select count(*)::int from offer_registrations r where r.session_id = "offer_sessions"."id" and r.status = 'waitlisted')`,
    })
    .from(offerSessions)
    .where(and(eq(offerSessions.networkId, networkId), sql`${offerSessions.offerId} in ${offerIds}`))
    .orderBy(asc(offerSessions.startAt));
}

export async function getSession(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const [row] = await tx.select().from(offerSessions).where(and(eq(offerSessions.networkId, networkId), eq(offerSessions.id, sessionId))).limit(1);
  return row;
}

/** Locks every session of an offer (in id order, so two lockers never wait on each other). */
export async function lockOfferSessions(tx: Tx, networkId: AuthorizedNetworkId, offerId: string) {
  return tx.select().from(offerSessions).where(and(eq(offerSessions.networkId, networkId), eq(offerSessions.offerId, offerId))).orderBy(asc(offerSessions.id)).for('update');
}

/** The person's own registrations (not cancelled) for sessions of these offers. */
export async function listOwnRegistrations(tx: Tx, networkId: AuthorizedNetworkId, personId: string, offerIds: string[]) {
  if (offerIds.length === 0) return [];
  return tx
    .select()
    .from(offerRegistrations)
    .where(and(
      eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.personId, personId),
      sql`${offerRegistrations.offerId} in ${offerIds}`, sql`${offerRegistrations.status} <> 'cancelled'`,
    ));
}

export async function getPersonName(tx: Tx, personId: string) {
  const [row] = await tx.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.id, personId)).limit(1);
  return row;
}
