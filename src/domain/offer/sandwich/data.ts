import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offers, offerSessions, offerRegistrations, offerReminders, institutions, people } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function getSandwichSession(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const [row] = await tx
    .select({ session: offerSessions, offer: offers, hostName: institutions.name })
    .from(offerSessions)
    .innerJoin(offers, eq(offers.id, offerSessions.offerId))
    .innerJoin(institutions, eq(institutions.id, offers.hostInstitutionId))
    .where(and(eq(offerSessions.networkId, networkId), eq(offerSessions.id, sessionId)))
    .limit(1);
  return row;
}

/** Participants with a place in the session. */
export async function listParticipants(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx
    .select({ registration: offerRegistrations, personName: people.name, email: people.email, locale: people.locale, institutionName: institutions.name })
    .from(offerRegistrations)
    .innerJoin(people, eq(people.id, offerRegistrations.personId))
    .leftJoin(institutions, eq(institutions.id, offerRegistrations.institutionId))
    .where(and(eq(offerRegistrations.networkId, networkId), eq(offerRegistrations.sessionId, sessionId), eq(offerRegistrations.status, 'confirmed')))
    .orderBy(asc(people.name));
}

/** Sessions of sandwich offers around now, over all networks (for the hourly reminders). */
export async function listSandwichSessionsBetween(tx: Tx, from: Date, to: Date) {
  return tx
    .select({ session: offerSessions, offer: offers })
    .from(offerSessions)
    .innerJoin(offers, eq(offers.id, offerSessions.offerId))
    .where(and(
      eq(offerSessions.status, 'planned'), eq(offers.status, 'published'), sql`${offers.kind} in ('company_visit', 'masterclass')`,
      lt(offerSessions.startAt, to), gt(offerSessions.endAt, from),
    ));
}

export async function listRemindersSent(tx: Tx, networkId: AuthorizedNetworkId, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return tx.select().from(offerReminders).where(and(eq(offerReminders.networkId, networkId), sql`${offerReminders.registrationId} in ${registrationIds}`));
}
