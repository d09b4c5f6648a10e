import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { registrations, people, institutions, timetableBlocks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

function registrationsQuery(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, options: { includeWithdrawn?: boolean; personId?: string }) {
  return tx
    .select({ registration: registrations, personName: people.name, email: people.email, institutionName: institutions.name })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .innerJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(and(
      eq(registrations.networkId, networkId), eq(registrations.editionId, editionId),
      options.personId ? eq(registrations.personId, options.personId) : undefined,
      options.includeWithdrawn ? undefined : isNull(registrations.withdrawnAt),
    ))
    .orderBy(people.name)
    .then((rows) => rows.map((r) => ({ ...r.registration, personName: r.personName, email: r.email, institutionName: r.institutionName })));
}

/** An edition's registrations, by name (index registrations_network_edition). */
export async function listRegistrations(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, options: { includeWithdrawn?: boolean } = {}) {
  return registrationsQuery(tx, networkId, editionId, options);
}

/** One person's registration for an edition, also when withdrawn (index registrations_edition_person). */
export async function getRegistration(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, personId: string) {
  const [row] = await registrationsQuery(tx, networkId, editionId, { includeWithdrawn: true, personId });
  return row;
}

/** Number of lesson blocks per person inside a window (to flag registrations without a timetable). */
export async function countLessonsInWindow(tx: Tx, networkId: AuthorizedNetworkId, personIds: string[], from: Date, to: Date) {
  if (personIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ personId: timetableBlocks.personId, n: sql<number>`count(*)::int` })
    .from(timetableBlocks)
    .where(and(
      eq(timetableBlocks.networkId, networkId), eq(timetableBlocks.kind, 'lesson'),
      gte(timetableBlocks.endAt, from), lt(timetableBlocks.startAt, to),
      sql`${timetableBlocks.personId} in ${personIds}`,
    ))
    .groupBy(timetableBlocks.personId);
  return new Map(rows.map((r) => [r.personId, r.n]));
}
