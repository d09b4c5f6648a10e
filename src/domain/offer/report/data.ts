import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offers, offerSessions, offerRegistrations, institutions } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listReportOffers(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select({ offer: offers, hostName: institutions.name }).from(offers)
    .innerJoin(institutions, eq(institutions.id, offers.hostInstitutionId))
    .where(and(eq(offers.networkId, networkId), eq(offers.status, 'published')));
}

export async function listReportSessions(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select().from(offerSessions).where(eq(offerSessions.networkId, networkId));
}

export async function listReportRegistrations(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select({ registration: offerRegistrations, institutionName: institutions.name }).from(offerRegistrations)
    .leftJoin(institutions, eq(institutions.id, offerRegistrations.institutionId))
    .where(eq(offerRegistrations.networkId, networkId));
}
