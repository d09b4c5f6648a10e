import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { leerlabEvaluations, leerlabEvaluationAnswers } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createEvaluation(tx: Tx, networkId: AuthorizedNetworkId, values: { leerlabId: string; name: string; periodId: string | null; code: string }) {
  const [row] = await tx.insert(leerlabEvaluations).values({ ...values, networkId }).returning({ id: leerlabEvaluations.id });
  return row!.id;
}

export async function updateEvaluation(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: { notes?: string | undefined; open?: boolean | undefined }) {
  await tx.update(leerlabEvaluations).set(values).where(and(eq(leerlabEvaluations.networkId, networkId), eq(leerlabEvaluations.id, id)));
}

export async function createAnswer(tx: Tx, networkId: AuthorizedNetworkId, values: { evaluationId: string; respondent: string; ratings: Record<string, number>; comment: string }) {
  await tx.insert(leerlabEvaluationAnswers).values({ ...values, networkId });
}
