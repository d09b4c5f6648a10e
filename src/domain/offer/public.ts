import type { Tx } from '../../db/client.ts';
import type { AuthorizedNetworkId } from '../foundation/auth/types.ts';
import { listOfferRows } from './offer/data.ts';

// What other areas may use of the offers: a read of the network's offers with their places, for
// the placement of teacher internships.

export interface OfferForPlacement {
  id: string;
  kind: string;
  title: string;
  capacity: number;
  status: string;
  hostInstitutionId: string;
  hostName: string;
}

/** The network's offers (every kind; the caller filters), with their number of places and host. */
export async function offerListForPlacement(tx: Tx, nid: AuthorizedNetworkId): Promise<OfferForPlacement[]> {
  return (await listOfferRows(tx, nid)).map((r) => ({
    id: r.offer.id, kind: r.offer.kind, title: r.offer.title, capacity: r.offer.capacity, status: r.offer.status,
    hostInstitutionId: r.offer.hostInstitutionId, hostName: r.hostName,
  }));
}
