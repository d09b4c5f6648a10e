import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabPupils, leerlabResults, leerlabExemptions, leerlabs } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createPupil(tx: Tx, networkId: AuthorizedNetworkId, values: { leerlabId: string; classId: string; name: string }) {
  const [row] = await tx.insert(leerlabPupils).values({ ...values, networkId }).returning({ id: leerlabPupils.id });
  return row!.id;
}

export async function deletePupil(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, id: string) {
  const rows = await tx.delete(leerlabPupils).where(and(eq(leerlabPupils.networkId, networkId), eq(leerlabPupils.leerlabId, leerlabId), eq(leerlabPupils.id, id))).returning({ id: leerlabPupils.id });
  return rows.length;
}

/** Removes every pupil of the leerlab (attendance, results and exemption records go with them). */
export async function deleteLeerlabPupils(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, now: Date) {
  const rows = await tx.delete(leerlabPupils).where(and(eq(leerlabPupils.networkId, networkId), eq(leerlabPupils.leerlabId, leerlabId))).returning({ id: leerlabPupils.id });
  await tx.update(leerlabs).set({ pupilsRemovedAt: now }).where(and(eq(leerlabs.networkId, networkId), eq(leerlabs.id, leerlabId)));
  return rows.length;
}

export async function upsertResult(tx: Tx, networkId: AuthorizedNetworkId, values: { pupilId: string; partId: string; grade: number | null; completed: boolean; assessedOn: string | null }, now: Date) {
  await tx.insert(leerlabResults).values({ ...values, networkId, updatedAt: now })
    .onConflictDoUpdate({ target: [leerlabResults.pupilId, leerlabResults.partId], set: { grade: values.grade, completed: values.completed, assessedOn: values.assessedOn, updatedAt: now } });
}

export async function createExemption(tx: Tx, networkId: AuthorizedNetworkId, values: { pupilId: string; partIds: string[]; issuedBy: string }) {
  await tx.insert(leerlabExemptions).values({ ...values, networkId });
}
