import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabSessions, leerlabAttendance, leerlabPupils, leerlabClasses, leerlabs, leerlabStaff, locations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listSessions(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select({
    session: leerlabSessions,
    marked: sql<number>`(select count(*)::int from leerlab_attendance a where a.session_id = ${leerlabSessions.id})`,
  }).from(leerlabSessions).where(and(eq(leerlabSessions.networkId, networkId), eq(leerlabSessions.leerlabId, leerlabId))).orderBy(asc(leerlabSessions.startAt));
}

export async function getSession(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, id: string) {
  const [row] = await tx.select({
    session: leerlabSessions,
    marked: sql<number>`(select count(*)::int from leerlab_attendance a where a.session_id = ${leerlabSessions.id})`,
  }).from(leerlabSessions).where(and(eq(leerlabSessions.networkId, networkId), eq(leerlabSessions.leerlabId, leerlabId), eq(leerlabSessions.id, id))).limit(1);
  return row;
}

export async function listAttendance(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx.select().from(leerlabAttendance).where(and(eq(leerlabAttendance.networkId, networkId), eq(leerlabAttendance.sessionId, sessionId)));
}

export async function listPupilsWithClass(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select({ id: leerlabPupils.id, name: leerlabPupils.name, className: leerlabClasses.name })
    .from(leerlabPupils).innerJoin(leerlabClasses, eq(leerlabClasses.id, leerlabPupils.classId))
    .where(and(eq(leerlabPupils.networkId, networkId), eq(leerlabPupils.leerlabId, leerlabId)))
    .orderBy(asc(leerlabClasses.name), asc(leerlabPupils.name));
}

/** A teacher's leerlab sessions in the network (for the record and the learner report). */
export async function listPersonSessions(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx.select({ session: leerlabSessions, role: leerlabStaff.role, leerlabName: leerlabs.name, keuzedeelName: leerlabs.keuzedeelName })
    .from(leerlabSessions)
    .innerJoin(leerlabs, eq(leerlabs.id, leerlabSessions.leerlabId))
    .innerJoin(leerlabStaff, and(eq(leerlabStaff.leerlabId, leerlabSessions.leerlabId), eq(leerlabStaff.personId, personId)))
    .where(and(eq(leerlabSessions.networkId, networkId), inArray(leerlabStaff.role, ['mbo_teacher', 'vo_teacher'])))
    .orderBy(asc(leerlabSessions.startAt));
}

/** Every session of the leerlabs the person works in (any role), for their calendar feed. */
export async function listStaffSessions(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx.selectDistinctOn([leerlabSessions.id], {
    session: leerlabSessions, leerlabName: leerlabs.name, keuzedeelName: leerlabs.keuzedeelName,
    voLocationId: leerlabs.voLocationId, mboLocationId: leerlabs.mboLocationId,
  })
    .from(leerlabSessions)
    .innerJoin(leerlabs, eq(leerlabs.id, leerlabSessions.leerlabId))
    .innerJoin(leerlabStaff, and(eq(leerlabStaff.leerlabId, leerlabSessions.leerlabId), eq(leerlabStaff.personId, personId)))
    .where(eq(leerlabSessions.networkId, networkId))
    .orderBy(asc(leerlabSessions.id));
}

export async function listLocationTexts(tx: Tx, networkId: AuthorizedNetworkId, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: locations.id, text: sql<string>`${locations.name} || ', ' || ${locations.address} || ', ' || ${locations.postcode} || ' ' || ${locations.city}` })
    .from(locations).where(and(eq(locations.networkId, networkId), inArray(locations.id, ids)));
}
