import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationAgreements } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function getAgreement(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, id: string) {
  const [row] = await tx.select().from(cocreationAgreements)
    .where(and(eq(cocreationAgreements.networkId, networkId), eq(cocreationAgreements.sessionId, sessionId), eq(cocreationAgreements.id, id))).limit(1);
  return row;
}

/** Agreements (all networks: the hourly job) with an owner's address whose reminder may be due by `latestDue`. */
export async function listAgreementsToRemind(tx: Tx, latestDue: string) {
  return tx.select().from(cocreationAgreements)
    .where(and(lte(cocreationAgreements.dueDate, latestDue), or(isNull(cocreationAgreements.remindedBeforeAt), isNull(cocreationAgreements.remindedDueAt))));
}
