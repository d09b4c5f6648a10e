import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { practiceEvaluations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function getEvaluationAnswer(tx: Tx, networkId: AuthorizedNetworkId, source: string, itemId: string, personId: string) {
  const [row] = await tx.select({ score: practiceEvaluations.score, takeaway: practiceEvaluations.takeaway, updatedAt: practiceEvaluations.updatedAt })
    .from(practiceEvaluations)
    .where(and(eq(practiceEvaluations.networkId, networkId), eq(practiceEvaluations.source, source), eq(practiceEvaluations.itemId, itemId), eq(practiceEvaluations.personId, personId)));
  return row ?? null;
}

/** Which of the items of a source the person has answered. */
export async function listAnsweredItemIds(tx: Tx, networkId: AuthorizedNetworkId, personId: string, source: string, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await tx.select({ itemId: practiceEvaluations.itemId }).from(practiceEvaluations)
    .where(and(eq(practiceEvaluations.networkId, networkId), eq(practiceEvaluations.personId, personId), eq(practiceEvaluations.source, source), inArray(practiceEvaluations.itemId, itemIds)));
  return new Set(rows.map((r) => r.itemId));
}

/** An item's answers without their authors. */
export async function listEvaluationAnswers(tx: Tx, networkId: AuthorizedNetworkId, source: string, itemId: string) {
  return tx.select({ score: practiceEvaluations.score, takeaway: practiceEvaluations.takeaway })
    .from(practiceEvaluations)
    .where(and(eq(practiceEvaluations.networkId, networkId), eq(practiceEvaluations.source, source), eq(practiceEvaluations.itemId, itemId)));
}

/** The scores (no takeaways, no authors) of several items of a source, for summaries over groups of items. */
export async function listEvaluationScores(tx: Tx, networkId: AuthorizedNetworkId, source: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return tx.select({ itemId: practiceEvaluations.itemId, score: practiceEvaluations.score })
    .from(practiceEvaluations)
    .where(and(eq(practiceEvaluations.networkId, networkId), eq(practiceEvaluations.source, source), inArray(practiceEvaluations.itemId, itemIds)));
}
