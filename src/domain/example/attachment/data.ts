import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { exampleAttachments } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { ExampleAttachment } from './schema.ts';

// Reads of an example's files: the list (without the bytes) and one file with its bytes.

const listed = {
  id: exampleAttachments.id, exampleId: exampleAttachments.exampleId, name: exampleAttachments.name, type: exampleAttachments.type,
  size: exampleAttachments.size, createdAt: exampleAttachments.createdAt,
};

/** The files of these examples (oldest first), by example id; never their bytes. */
export async function listExampleAttachments(tx: Tx, exampleIds: readonly string[]): Promise<Map<string, ExampleAttachment[]>> {
  const byExample = new Map<string, ExampleAttachment[]>();
  if (!exampleIds.length) return byExample;
  const rows = await tx.select(listed).from(exampleAttachments).where(inArray(exampleAttachments.exampleId, [...exampleIds]))
    .orderBy(asc(exampleAttachments.createdAt), asc(exampleAttachments.id));
  for (const { exampleId, createdAt, ...r } of rows) {
    const list = byExample.get(exampleId) ?? [];
    list.push({ ...r, createdAt: createdAt.toISOString() });
    byExample.set(exampleId, list);
  }
  return byExample;
}

/** How many files an example has. */
export async function countExampleAttachments(tx: Tx, exampleId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(exampleAttachments).where(eq(exampleAttachments.exampleId, exampleId));
  return row?.n ?? 0;
}

/** One file of an example with its bytes, only within the example (and, for the network's routes, within the network). */
export async function getExampleAttachment(tx: Tx, exampleId: string, attachmentId: string, networkId?: AuthorizedNetworkId) {
  const [row] = await tx.select({ ...listed, bytes: exampleAttachments.bytes }).from(exampleAttachments)
    .where(and(eq(exampleAttachments.id, attachmentId), eq(exampleAttachments.exampleId, exampleId), ...(networkId ? [eq(exampleAttachments.networkId, networkId)] : []))).limit(1);
  return row;
}
