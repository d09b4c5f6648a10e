import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { institutions, offerCompanies, offers } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

/** Every company institution of the network with its directory profile (when it has one). */
export async function listCompanyRows(tx: Tx, networkId: AuthorizedNetworkId, institutionId?: string) {
  return tx
    .select({ institution: institutions, profile: offerCompanies })
    .from(institutions)
    .leftJoin(offerCompanies, eq(offerCompanies.institutionId, institutions.id))
    .where(and(eq(institutions.networkId, networkId), eq(institutions.kind, 'company'), institutionId ? eq(institutions.id, institutionId) : undefined))
    .orderBy(asc(institutions.name));
}

export async function listOfferKindsByHost(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select({ host: offers.hostInstitutionId, kind: offers.kind }).from(offers).where(and(eq(offers.networkId, networkId), eq(offers.status, 'published')));
}
