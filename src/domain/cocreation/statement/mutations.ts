import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationStatements, cocreationMarks, cocreationAttachments } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { Mark } from '../session/schema.ts';

export async function createStatement(tx: Tx, networkId: AuthorizedNetworkId, values: { id: string; sessionId: string; participantId: string; domainKey: string; text: string }, at: Date) {
  const [row] = await tx.insert(cocreationStatements).values({ networkId, ...values, createdAt: at }).returning({ id: cocreationStatements.id });
  return row!.id;
}

export async function upsertMark(tx: Tx, networkId: AuthorizedNetworkId, statementId: string, participantId: string, mark: Mark | null) {
  if (mark === null) {
    await tx.delete(cocreationMarks).where(and(eq(cocreationMarks.networkId, networkId), eq(cocreationMarks.statementId, statementId), eq(cocreationMarks.participantId, participantId)));
    return;
  }
  await tx.insert(cocreationMarks).values({ networkId, statementId, participantId, mark })
    .onConflictDoUpdate({ target: [cocreationMarks.statementId, cocreationMarks.participantId], set: { mark } });
}

export async function replaceAttachments(tx: Tx, networkId: AuthorizedNetworkId, statementId: string, participantId: string, domainKeys: string[]) {
  await tx.delete(cocreationAttachments)
    .where(and(eq(cocreationAttachments.networkId, networkId), eq(cocreationAttachments.statementId, statementId), eq(cocreationAttachments.participantId, participantId)));
  if (domainKeys.length) await tx.insert(cocreationAttachments).values(domainKeys.map((domainKey) => ({ networkId, statementId, participantId, domainKey })));
}
