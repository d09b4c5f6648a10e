import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationStatements } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function getStatement(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, id: string) {
  const [row] = await tx.select().from(cocreationStatements)
    .where(and(eq(cocreationStatements.networkId, networkId), eq(cocreationStatements.sessionId, sessionId), eq(cocreationStatements.id, id))).limit(1);
  return row;
}
