import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordEvidenceFiles } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { RecordEvidenceFile } from './schema.ts';

// Writes of the evidence files.

/** Locks an activity's row for the rest of the transaction: one upload at a time per activity, so the count holds. */
export async function lockEvidenceActivity(tx: Tx, activityId: string): Promise<void> {
  await tx.execute(sql`select 1 from record_manual_activities where id = ${activityId} for update`);
}

export async function insertEvidenceFile(
  tx: Tx, networkId: AuthorizedNetworkId, values: { activityId: string; personId: string; name: string; type: string; bytes: Buffer }, at: Date,
): Promise<RecordEvidenceFile> {
  const [row] = await tx.insert(recordEvidenceFiles).values({ networkId, ...values, size: values.bytes.length, createdAt: at })
    .returning({ id: recordEvidenceFiles.id, name: recordEvidenceFiles.name, type: recordEvidenceFiles.type, size: recordEvidenceFiles.size, createdAt: recordEvidenceFiles.createdAt });
  return { ...row!, createdAt: row!.createdAt.toISOString() };
}

/** Removes one file of an activity in the network; whether there was one. */
export async function deleteEvidenceFile(tx: Tx, networkId: AuthorizedNetworkId, activityId: string, fileId: string): Promise<boolean> {
  const rows = await tx.delete(recordEvidenceFiles)
    .where(and(eq(recordEvidenceFiles.networkId, networkId), eq(recordEvidenceFiles.activityId, activityId), eq(recordEvidenceFiles.id, fileId)))
    .returning({ id: recordEvidenceFiles.id });
  return rows.length > 0;
}
