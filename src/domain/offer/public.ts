import type { Tx } from '../../db/client.ts';
import type { AuthorizedNetworkId } from '../foundation/auth/types.ts';
import { listOfferRows, listSessionsWithCounts } from './offer/data.ts';

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
  /** Where the offer takes place (city), '' when unknown. */
  place: string;
  /** The offer's planned dates, earliest first (an internship on request may have none yet). */
  sessions: { id: string; startAt: Date; endAt: Date }[];
  /** Professional-development hours the offer credits. */
  creditedHours: number;
}

/** The network's offers (every kind; the caller filters), with their number of places and host. */
export async function offerListForPlacement(tx: Tx, nid: AuthorizedNetworkId): Promise<OfferForPlacement[]> {
  const rows = await listOfferRows(tx, nid);
  const sessions = (await listSessionsWithCounts(tx, nid, rows.map((r) => r.offer.id))).map((s) => s.session).filter((s) => s.status !== 'cancelled');
  return rows.map((r) => ({
    id: r.offer.id, kind: r.offer.kind, title: r.offer.title, capacity: r.offer.capacity, status: r.offer.status,
    hostInstitutionId: r.offer.hostInstitutionId, hostName: r.hostName, place: r.city ?? '', creditedHours: Number(r.offer.creditedHours),
    sessions: sessions.filter((s) => s.offerId === r.offer.id).sort((a, b) => a.startAt.getTime() - b.startAt.getTime()).map((s) => ({ id: s.id, startAt: s.startAt, endAt: s.endAt })),
  }));
}
