import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { practiceEvaluations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function getEvaluationAnswer(tx: Tx, networkId: AuthorizedNetworkId, source: string, itemId: string, personId: string) {
  const [row] = await tx.select({ score: practiceEvaluations.score, takeaway: practiceEvaluations.takeaway, updatedAt: practiceEvaluations.updatedAt })
    .from(practiceEvaluations)
    .where(and(eq(practiceEvaluations.networkId, networkId), eq(practiceEvaluations.source, source), eq(practiceEvaluations.itemId, itemId), eq(practiceEvaluations.personId, personId)));
  return row ?? null;
}

/** An item's answers without their authors. */
export async function listEvaluationAnswers(tx: Tx, networkId: AuthorizedNetworkId, source: string, itemId: string) {
  return tx.select({ score: practiceEvaluations.score, takeaway: practiceEvaluations.takeaway })
    .from(practiceEvaluations)
    .where(and(eq(practiceEvaluations.networkId, networkId), eq(practiceEvaluations.source, source), eq(practiceEvaluations.itemId, itemId)));
}
