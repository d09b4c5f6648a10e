import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/client.ts';
import { visits, people, locations, editions, exchangePairs, reflections, evaluations, calendarFeeds } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

const observer = alias(people, 'observer');
const host = alias(people, 'host');

function selectVisits(tx: Tx) {
  return tx
    .select({
      visit: visits,
      observerName: observer.name, observerEmail: observer.email,
      hostName: host.name, hostEmail: host.email,
      locationName: locations.name,
      address: sql<string | null>`${locations.address} || ', ' || ${locations.postcode} || ' ' || ${locations.city}`,
      editionName: editions.name,
      editionHours: editions.creditedHours,
    })
    .from(visits)
    .innerJoin(observer, eq(observer.id, visits.observerId))
    .innerJoin(host, eq(host.id, visits.hostId))
    .innerJoin(editions, eq(editions.id, visits.editionId))
    .leftJoin(locations, eq(locations.id, visits.locationId));
}

export type VisitRow = Awaited<ReturnType<typeof listEditionVisits>>[number];

export async function listEditionVisits(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  return selectVisits(tx).where(and(eq(visits.networkId, networkId), eq(visits.editionId, editionId))).orderBy(asc(visits.lessonStart));
}

export async function listPersonVisits(tx: Tx, networkId: AuthorizedNetworkId, personId: string, editionId?: string) {
  return selectVisits(tx)
    .where(and(eq(visits.networkId, networkId), or(eq(visits.observerId, personId), eq(visits.hostId, personId)), editionId ? eq(visits.editionId, editionId) : undefined))
    .orderBy(asc(visits.lessonStart));
}

export async function getVisit(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await selectVisits(tx).where(and(eq(visits.networkId, networkId), eq(visits.id, id)));
  return row;
}

export async function listEditionPairs(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  return tx.select().from(exchangePairs).where(and(eq(exchangePairs.networkId, networkId), eq(exchangePairs.editionId, editionId)));
}

export async function listReflections(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx.select().from(reflections).where(and(eq(reflections.networkId, networkId), eq(reflections.personId, personId)));
}

export async function getEvaluation(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, personId: string) {
  const [row] = await tx.select().from(evaluations).where(and(eq(evaluations.networkId, networkId), eq(evaluations.editionId, editionId), eq(evaluations.personId, personId)));
  return row;
}

export async function listEvaluations(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  return tx.select().from(evaluations).where(and(eq(evaluations.networkId, networkId), eq(evaluations.editionId, editionId)));
}

export async function getActiveFeed(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  const [row] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.networkId, networkId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return row;
}

/** The feed URL carries the only key: look the feed up by the hash of its token. */
export async function getFeedByTokenHash(tx: Tx, tokenHash: string) {
  const [row] = await tx.select().from(calendarFeeds).where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt))).limit(1);
  return row;
}
