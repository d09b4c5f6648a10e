import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { matchingRuns, pairRules, people } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listRuns(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  return tx
    .select({
      id: matchingRuns.id, editionId: matchingRuns.editionId, number: matchingRuns.number, status: matchingRuns.status,
      progress: matchingRuns.progress, phase: matchingRuns.phase, error: matchingRuns.error, summary: matchingRuns.summary,
      createdAt: matchingRuns.createdAt, finishedAt: matchingRuns.finishedAt,
    })
    .from(matchingRuns)
    .where(and(eq(matchingRuns.networkId, networkId), eq(matchingRuns.editionId, editionId)))
    .orderBy(desc(matchingRuns.number));
}

export async function getRun(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(matchingRuns).where(and(eq(matchingRuns.networkId, networkId), eq(matchingRuns.id, id))).limit(1);
  return row;
}

/** For the background job, which only knows the run id. */
export async function getRunForJob(tx: Tx, id: string) {
  const [row] = await tx.select().from(matchingRuns).where(eq(matchingRuns.id, id)).limit(1);
  return row;
}

export async function nextRunNumber(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${matchingRuns.number}), 0)::int + 1` })
    .from(matchingRuns)
    .where(and(eq(matchingRuns.networkId, networkId), eq(matchingRuns.editionId, editionId)));
  return row?.n ?? 1;
}

export async function listPairRules(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  const a = people;
  return tx
    .select({ rule: pairRules, aName: a.name, bName: sql<string>`(select name from people p where p.id = "pair_rules"."b_person_id")` })
    .from(pairRules)
    .innerJoin(a, eq(a.id, pairRules.aPersonId))
    .where(and(eq(pairRules.networkId, networkId), eq(pairRules.editionId, editionId)))
    .orderBy(asc(pairRules.createdAt));
}
