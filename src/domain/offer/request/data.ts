import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offerRequests, offers, people, memberships, institutions } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function getRequestOffer(tx: Tx, networkId: AuthorizedNetworkId, offerId: string) {
  const [row] = await tx.select().from(offers).where(and(eq(offers.networkId, networkId), eq(offers.id, offerId))).limit(1);
  return row;
}

export async function listRequests(tx: Tx, networkId: AuthorizedNetworkId, filter: { offerId?: string; id?: string }) {
  const rows = await tx
    .select({ request: offerRequests, personName: people.name, institutionName: institutions.name, institutionId: memberships.institutionId })
    .from(offerRequests)
    .innerJoin(people, eq(people.id, offerRequests.personId))
    .leftJoin(memberships, and(eq(memberships.personId, offerRequests.personId), eq(memberships.networkId, offerRequests.networkId)))
    .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(and(
      eq(offerRequests.networkId, networkId),
      filter.offerId ? eq(offerRequests.offerId, filter.offerId) : undefined,
      filter.id ? eq(offerRequests.id, filter.id) : undefined,
    ))
    .orderBy(asc(offerRequests.createdAt));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.request.id) ? false : (seen.add(r.request.id), true)));
}
