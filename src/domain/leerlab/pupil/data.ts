import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabPupils, leerlabClasses, leerlabResults } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listPupils(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select({
    id: leerlabPupils.id, name: leerlabPupils.name, classId: leerlabPupils.classId, className: leerlabClasses.name,
    attended: sql<number>`(select count(*)::int from leerlab_attendance a where a.pupil_id = ${leerlabPupils.id} and a.status in ('present', 'late'))`,
    absent: sql<number>`(select count(*)::int from leerlab_attendance a where a.pupil_id = ${leerlabPupils.id} and a.status in ('absent', 'excused'))`,
    exemptions: sql<number>`(select count(*)::int from leerlab_exemptions e where e.pupil_id = ${leerlabPupils.id})`,
  }).from(leerlabPupils).innerJoin(leerlabClasses, eq(leerlabClasses.id, leerlabPupils.classId))
    .where(and(eq(leerlabPupils.networkId, networkId), eq(leerlabPupils.leerlabId, leerlabId)))
    .orderBy(asc(leerlabClasses.name), asc(leerlabPupils.name));
}

export async function listResults(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select({ pupilId: leerlabResults.pupilId, partId: leerlabResults.partId, grade: leerlabResults.grade, completed: leerlabResults.completed, assessedOn: leerlabResults.assessedOn })
    .from(leerlabResults).innerJoin(leerlabPupils, eq(leerlabPupils.id, leerlabResults.pupilId))
    .where(and(eq(leerlabResults.networkId, networkId), eq(leerlabPupils.leerlabId, leerlabId)));
}
