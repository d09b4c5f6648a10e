import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabEvaluations, leerlabEvaluationAnswers, leerlabs } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listEvaluations(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string) {
  return tx.select().from(leerlabEvaluations).where(and(eq(leerlabEvaluations.networkId, networkId), eq(leerlabEvaluations.leerlabId, leerlabId))).orderBy(asc(leerlabEvaluations.createdAt));
}

export async function getEvaluation(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, id: string) {
  const [row] = await tx.select().from(leerlabEvaluations)
    .where(and(eq(leerlabEvaluations.networkId, networkId), eq(leerlabEvaluations.leerlabId, leerlabId), eq(leerlabEvaluations.id, id))).limit(1);
  return row;
}

export async function listAnswers(tx: Tx, networkId: AuthorizedNetworkId, evaluationIds: string[]) {
  if (evaluationIds.length === 0) return [];
  return tx.select().from(leerlabEvaluationAnswers)
    .where(and(eq(leerlabEvaluationAnswers.networkId, networkId), inArray(leerlabEvaluationAnswers.evaluationId, evaluationIds)))
    .orderBy(asc(leerlabEvaluationAnswers.createdAt));
}

/** The evaluation a code opens (any network: the code is the secret). */
export async function getEvaluationByCode(tx: Tx, code: string) {
  const [row] = await tx.select({ evaluation: leerlabEvaluations, leerlabName: leerlabs.name })
    .from(leerlabEvaluations).innerJoin(leerlabs, eq(leerlabs.id, leerlabEvaluations.leerlabId))
    .where(eq(leerlabEvaluations.code, code)).limit(1);
  return row;
}
