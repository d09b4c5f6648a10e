import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  leerlabs, leerlabPartners, leerlabStaff, leerlabPeriods, leerlabParts, leerlabClasses, leerlabClosedDays, leerlabPatterns,
  institutions, people, locations, leerlabSessions, leerlabPupils,
} from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listLeerlabRows(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select().from(leerlabs).where(eq(leerlabs.networkId, networkId)).orderBy(asc(leerlabs.name));
}

export async function getLeerlabRow(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(leerlabs).where(and(eq(leerlabs.networkId, networkId), eq(leerlabs.id, id))).limit(1);
  return row;
}

export async function listPartners(tx: Tx, networkId: AuthorizedNetworkId, leerlabIds: string[]) {
  if (leerlabIds.length === 0) return [];
  return tx.select({ leerlabId: leerlabPartners.leerlabId, institutionId: leerlabPartners.institutionId, side: leerlabPartners.side, name: institutions.name })
    .from(leerlabPartners).innerJoin(institutions, eq(institutions.id, leerlabPartners.institutionId))
    .where(and(eq(leerlabPartners.networkId, networkId), inArray(leerlabPartners.leerlabId, leerlabIds)))
    .orderBy(asc(leerlabPartners.side), asc(institutions.name));
}

export async function listStaff(tx: Tx, networkId: AuthorizedNetworkId, leerlabIds: string[]) {
  if (leerlabIds.length === 0) return [];
  return tx.select({ leerlabId: leerlabStaff.leerlabId, personId: leerlabStaff.personId, role: leerlabStaff.role, name: people.name, email: people.email, locale: people.locale })
    .from(leerlabStaff).innerJoin(people, eq(people.id, leerlabStaff.personId))
    .where(and(eq(leerlabStaff.networkId, networkId), inArray(leerlabStaff.leerlabId, leerlabIds)))
    .orderBy(asc(leerlabStaff.role), asc(people.name));
}

export async function countSessions(tx: Tx, networkId: AuthorizedNetworkId, leerlabIds: string[]) {
  if (leerlabIds.length === 0) return [];
  return tx.select({ leerlabId: leerlabSessions.leerlabId, n: sql<number>`count(*)::int` }).from(leerlabSessions)
    .where(and(eq(leerlabSessions.networkId, networkId), inArray(leerlabSessions.leerlabId, leerlabIds), eq(leerlabSessions.status, 'planned')))
    .groupBy(leerlabSessions.leerlabId);
}

export async function listPeriods(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select().from(leerlabPeriods).where(and(eq(leerlabPeriods.networkId, networkId), eq(leerlabPeriods.leerlabId, leerlabId))).orderBy(asc(leerlabPeriods.startDate));
}

export async function listParts(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select().from(leerlabParts).where(and(eq(leerlabParts.networkId, networkId), eq(leerlabParts.leerlabId, leerlabId))).orderBy(asc(leerlabParts.position));
}

export async function listClasses(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select({
    cls: leerlabClasses,
    pupils: sql<number>`(select count(*)::int from leerlab_pupils p where p.class_id = ${leerlabClasses.id})`,
  }).from(leerlabClasses).where(and(eq(leerlabClasses.networkId, networkId), eq(leerlabClasses.leerlabId, leerlabId))).orderBy(asc(leerlabClasses.name));
}

export async function getClass(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, classId: string) {
  const [row] = await tx.select().from(leerlabClasses)
    .where(and(eq(leerlabClasses.networkId, networkId), eq(leerlabClasses.leerlabId, leerlabId), eq(leerlabClasses.id, classId))).limit(1);
  return row;
}

export async function listClosedDays(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select().from(leerlabClosedDays).where(and(eq(leerlabClosedDays.networkId, networkId), eq(leerlabClosedDays.leerlabId, leerlabId))).orderBy(asc(leerlabClosedDays.date));
}

export async function listPatterns(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select().from(leerlabPatterns).where(and(eq(leerlabPatterns.networkId, networkId), eq(leerlabPatterns.leerlabId, leerlabId))).orderBy(asc(leerlabPatterns.direction));
}

export async function getLocations(tx: Tx, networkId: AuthorizedNetworkId, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(locations).where(and(eq(locations.networkId, networkId), inArray(locations.id, ids)));
}

export async function listInstitutionsById(tx: Tx, networkId: AuthorizedNetworkId, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(institutions).where(and(eq(institutions.networkId, networkId), inArray(institutions.id, ids)));
}

/** People of the network among the ids (a staff list may only name members). */
export async function listNetworkPeople(tx: Tx, networkId: AuthorizedNetworkId, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.selectDistinct({ id: people.id }).from(people)
    .where(and(inArray(people.id, ids), sql`exists (select 1 from memberships m where m.person_id = ${people.id} and m.network_id = ${networkId})`));
}

/** Leerlabs in any network whose pupils are due for removal (for the retention job). */
export async function listLeerlabsWithPupils(tx: Tx) {
  return tx.select({ id: leerlabs.id, networkId: leerlabs.networkId, lastDate: leerlabs.lastDate, retentionMonths: leerlabs.retentionMonths }).from(leerlabs)
    .where(sql`${leerlabs.pupilsRemovedAt} is null and exists (select 1 from ${leerlabPupils} p where p.leerlab_id = ${leerlabs.id})`);
}
