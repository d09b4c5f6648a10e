import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { timetableBlocks, timetableSources } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { TimetableKind } from './rules.ts';

export async function createSource(tx: Tx, networkId: AuthorizedNetworkId, values: { personId: string; kind: string; url?: string | null; fileName?: string | null }) {
  const [row] = await tx.insert(timetableSources).values({ networkId, ...values }).returning({ id: timetableSources.id });
  return row!.id;
}

export async function updateSourceImported(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: { at: Date; report: unknown; fileName?: string | null }) {
  await tx
    .update(timetableSources)
    .set({ lastImportAt: values.at, lastReport: values.report, ...(values.fileName !== undefined ? { fileName: values.fileName } : {}) })
    .where(and(eq(timetableSources.networkId, networkId), eq(timetableSources.id, id)));
}

/** Replaces every block of a source: the previous import of the same file, feed or grid. Returns how many were removed. */
export async function replaceSourceBlocks(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  personId: string,
  sourceId: string,
  blocks: { startMs: number; endMs: number; kind: TimetableKind; summary: string; location: string; uid: string }[],
) {
  const removed = await tx
    .delete(timetableBlocks)
    .where(and(eq(timetableBlocks.networkId, networkId), eq(timetableBlocks.personId, personId), eq(timetableBlocks.source, sourceId)))
    .returning({ id: timetableBlocks.id });
  for (let i = 0; i < blocks.length; i += 1000) {
    await tx.insert(timetableBlocks).values(blocks.slice(i, i + 1000).map((b) => ({
      networkId, personId, startAt: new Date(b.startMs), endAt: new Date(b.endMs), kind: b.kind,
      summary: b.summary.slice(0, 500), locationText: b.location.slice(0, 200) || null, source: sourceId, uid: b.uid.slice(0, 300),
    })));
  }
  return removed.length;
}

export async function deleteSource(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(timetableBlocks).where(and(eq(timetableBlocks.networkId, networkId), eq(timetableBlocks.source, id)));
  await tx.delete(timetableSources).where(and(eq(timetableSources.networkId, networkId), eq(timetableSources.id, id)));
}
