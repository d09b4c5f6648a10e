import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { exampleAttachments } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function insertExampleAttachment(tx: Tx, networkId: AuthorizedNetworkId, values: { exampleId: string; name: string; type: string; bytes: Buffer; createdBy: string }, at: Date) {
  const [row] = await tx.insert(exampleAttachments).values({ networkId, ...values, size: values.bytes.length, createdAt: at })
    .returning({ id: exampleAttachments.id, name: exampleAttachments.name, type: exampleAttachments.type, size: exampleAttachments.size, createdAt: exampleAttachments.createdAt });
  return { ...row!, createdAt: row!.createdAt.toISOString() };
}

/** Removes one file of an example in the network; whether there was one. */
export async function deleteExampleAttachment(tx: Tx, networkId: AuthorizedNetworkId, exampleId: string, attachmentId: string): Promise<boolean> {
  const rows = await tx.delete(exampleAttachments)
    .where(and(eq(exampleAttachments.networkId, networkId), eq(exampleAttachments.exampleId, exampleId), eq(exampleAttachments.id, attachmentId)))
    .returning({ id: exampleAttachments.id });
  return rows.length > 0;
}
