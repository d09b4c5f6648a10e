import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { practiceEvaluations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

/** The person's one answer for the item: written, or replaced when they answered before. */
export async function upsertEvaluationAnswer(tx: Tx, networkId: AuthorizedNetworkId, source: string, itemId: string, personId: string, answer: { score: number; takeaway: string }, now: Date) {
  const [row] = await tx.insert(practiceEvaluations)
    .values({ networkId, source, itemId, personId, score: answer.score, takeaway: answer.takeaway, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [practiceEvaluations.networkId, practiceEvaluations.source, practiceEvaluations.itemId, practiceEvaluations.personId],
      set: { score: sql`excluded.score`, takeaway: sql`excluded.takeaway`, updatedAt: now },
    })
    .returning({ score: practiceEvaluations.score, takeaway: practiceEvaluations.takeaway, updatedAt: practiceEvaluations.updatedAt });
  return row!;
}
