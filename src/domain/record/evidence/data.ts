import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordEvidenceFiles } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { RecordEvidenceFile } from './schema.ts';

// Reads of the evidence files: the list (without the bytes) and one file with its bytes.

const listed = {
  id: recordEvidenceFiles.id, activityId: recordEvidenceFiles.activityId, name: recordEvidenceFiles.name, type: recordEvidenceFiles.type,
  size: recordEvidenceFiles.size, createdAt: recordEvidenceFiles.createdAt,
};

/** The files of these activities of the network (oldest first), by activity id; never their bytes. */
export async function listEvidenceFiles(tx: Tx, networkId: AuthorizedNetworkId, activityIds: readonly string[]): Promise<Map<string, RecordEvidenceFile[]>> {
  const byActivity = new Map<string, RecordEvidenceFile[]>();
  if (!activityIds.length) return byActivity;
  const rows = await tx.select(listed).from(recordEvidenceFiles)
    .where(and(eq(recordEvidenceFiles.networkId, networkId), inArray(recordEvidenceFiles.activityId, [...activityIds])))
    .orderBy(asc(recordEvidenceFiles.createdAt), asc(recordEvidenceFiles.id));
  for (const { activityId, createdAt, ...r } of rows) {
    const list = byActivity.get(activityId) ?? [];
    list.push({ ...r, createdAt: createdAt.toISOString() });
    byActivity.set(activityId, list);
  }
  return byActivity;
}

/** How many files an activity has. */
export async function countEvidenceFiles(tx: Tx, activityId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(recordEvidenceFiles).where(eq(recordEvidenceFiles.activityId, activityId));
  return row?.n ?? 0;
}

/** One file of an activity in the network, with its bytes. */
export async function getEvidenceFile(tx: Tx, networkId: AuthorizedNetworkId, activityId: string, fileId: string) {
  const [row] = await tx.select({ ...listed, bytes: recordEvidenceFiles.bytes }).from(recordEvidenceFiles)
    .where(and(eq(recordEvidenceFiles.networkId, networkId), eq(recordEvidenceFiles.activityId, activityId), eq(recordEvidenceFiles.id, fileId))).limit(1);
  return row;
}
