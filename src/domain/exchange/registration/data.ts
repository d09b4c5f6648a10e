import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { registrations, people, institutions, timetableBlocks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// The registration list is the page a coordinator and every school coordinator keep open while
// an edition fills up: its two queries are named prepared statements (PostgreSQL plans them once
// per connection) and read through the index registrations_network_edition.

const registrationColumns = { registration: registrations, personName: people.name, email: people.email, institutionName: institutions.name };
type RegistrationJoinRow = { registration: typeof registrations.$inferSelect; personName: string; email: string; institutionName: string };
const flatten = (rows: RegistrationJoinRow[]) => rows.map((r) => ({ ...r.registration, personName: r.personName, email: r.email, institutionName: r.institutionName }));

function registrationsFrom(tx: Tx) {
  return tx.select(registrationColumns).from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .innerJoin(institutions, eq(institutions.id, registrations.institutionId));
}

function listPrepare(tx: Tx, includeWithdrawn: boolean) {
  return registrationsFrom(tx)
    .where(and(
      eq(registrations.networkId, sql.placeholder('networkId')), eq(registrations.editionId, sql.placeholder('editionId')),
      includeWithdrawn ? undefined : isNull(registrations.withdrawnAt),
    ))
    .orderBy(people.name)
    .prepare(includeWithdrawn ? 'kp_registrations_all_v1' : 'kp_registrations_v1');
}
const listQueries = new WeakMap<object, { active?: ReturnType<typeof listPrepare>; all?: ReturnType<typeof listPrepare> }>();

/** An edition's registrations, by name. */
export async function listRegistrations(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, options: { includeWithdrawn?: boolean } = {}) {
  let prepared = listQueries.get(tx);
  if (!prepared) listQueries.set(tx, (prepared = {}));
  const query = options.includeWithdrawn
    ? (prepared.all ??= listPrepare(tx, true))
    : (prepared.active ??= listPrepare(tx, false));
  return flatten(await query.execute({ networkId, editionId }) as RegistrationJoinRow[]);
}

/** One person's registration for an edition, also when withdrawn (index registrations_edition_person). */
export async function getRegistration(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, personId: string) {
  const rows = await registrationsFrom(tx)
    .where(and(eq(registrations.networkId, networkId), eq(registrations.editionId, editionId), eq(registrations.personId, personId)))
    .limit(1);
  return flatten(rows)[0];
}

function lessonsPrepare(tx: Tx) {
  return tx
    .select({ personId: timetableBlocks.personId, n: sql<number>`count(*)::int` })
    .from(timetableBlocks)
    .where(and(
      eq(timetableBlocks.networkId, sql.placeholder('networkId')), eq(timetableBlocks.kind, 'lesson'),
      gte(timetableBlocks.endAt, sql.placeholder('from')), lt(timetableBlocks.startAt, sql.placeholder('to')),
      sql`${timetableBlocks.personId} = any(${sql.placeholder('personIds')}::uuid[])`,
    ))
    .groupBy(timetableBlocks.personId)
    .prepare('kp_registration_lessons_v1');
}
const lessonQueries = new WeakMap<object, ReturnType<typeof lessonsPrepare>>();

/** Number of lesson blocks per person inside a window (to flag registrations without a timetable). */
export async function countLessonsInWindow(tx: Tx, networkId: AuthorizedNetworkId, personIds: string[], from: Date, to: Date) {
  if (personIds.length === 0) return new Map<string, number>();
  let query = lessonQueries.get(tx);
  if (!query) lessonQueries.set(tx, (query = lessonsPrepare(tx)));
  const rows = await query.execute({ networkId, personIds, from: from.toISOString(), to: to.toISOString() });
  return new Map(rows.map((r) => [r.personId, r.n]));
}
