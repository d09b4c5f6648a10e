import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offers, offerSessions } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { OfferInput, OfferUpdate } from './schema.ts';

export async function createOffer(
  tx: Tx, networkId: AuthorizedNetworkId,
  values: Omit<OfferInput, 'sessions' | 'hostInstitutionId'> & { hostInstitutionId: string; createdBy: string }, now: Date,
) {
  const [row] = await tx.insert(offers).values({
    ...values, networkId, creditedHours: String(values.creditedHours), locationId: values.locationId ?? null, deadline: values.deadline ?? null,
    hostContactId: values.hostContactId ?? null, internshipForm: values.internshipForm ?? null, createdAt: now, updatedAt: now,
  }).returning({ id: offers.id });
  return row!.id;
}

export async function updateOffer(tx: Tx, networkId: AuthorizedNetworkId, offerId: string, values: OfferUpdate, now: Date) {
  const { creditedHours, ...rest } = values;
  await tx.update(offers)
    .set({ ...rest, ...(creditedHours !== undefined ? { creditedHours: String(creditedHours) } : {}), updatedAt: now })
    .where(and(eq(offers.networkId, networkId), eq(offers.id, offerId)));
}

export async function createSession(tx: Tx, networkId: AuthorizedNetworkId, offerId: string, startAt: Date, endAt: Date, now: Date) {
  const [row] = await tx.insert(offerSessions).values({ networkId, offerId, startAt, endAt, createdAt: now }).returning({ id: offerSessions.id });
  return row!.id;
}

export async function updateSessionStatus(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, status: 'planned' | 'cancelled') {
  await tx.update(offerSessions).set({ status }).where(and(eq(offerSessions.networkId, networkId), eq(offerSessions.id, sessionId)));
}
