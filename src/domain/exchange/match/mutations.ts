import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { matchingRuns, pairRules } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createRun(tx: Tx, networkId: AuthorizedNetworkId, values: { editionId: string; number: number; createdBy: string }) {
  const [row] = await tx.insert(matchingRuns).values({ networkId, ...values }).returning({ id: matchingRuns.id });
  return row!.id;
}

export async function updateRunProgress(tx: Tx, id: string, values: { status?: string; progress: number; phase: string }) {
  await tx.update(matchingRuns).set(values).where(eq(matchingRuns.id, id));
}

export async function updateRunInput(tx: Tx, id: string, input: unknown) {
  await tx.update(matchingRuns).set({ input }).where(eq(matchingRuns.id, id));
}

export async function finishRun(tx: Tx, id: string, values: { output?: unknown; summary?: unknown; error?: string | null; status: 'done' | 'failed'; at: Date }) {
  await tx
    .update(matchingRuns)
    .set({ status: values.status, progress: 100, phase: values.status === 'done' ? 'DONE' : 'FAILED', output: values.output ?? null, summary: values.summary ?? null, error: values.error ?? null, finishedAt: values.at })
    .where(eq(matchingRuns.id, id));
}

export async function updateRunOutput(tx: Tx, networkId: AuthorizedNetworkId, id: string, output: unknown) {
  await tx.update(matchingRuns).set({ output }).where(and(eq(matchingRuns.networkId, networkId), eq(matchingRuns.id, id)));
}

export async function upsertPairRule(tx: Tx, networkId: AuthorizedNetworkId, values: { editionId: string; aPersonId: string; bPersonId: string; kind: 'pin' | 'forbid' }) {
  const [row] = await tx
    .insert(pairRules)
    .values({ networkId, ...values })
    .onConflictDoUpdate({ target: [pairRules.editionId, pairRules.aPersonId, pairRules.bPersonId], set: { kind: values.kind } })
    .returning({ id: pairRules.id });
  return row!.id;
}

export async function deletePairRule(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, id: string) {
  const rows = await tx
    .delete(pairRules)
    .where(and(eq(pairRules.networkId, networkId), eq(pairRules.editionId, editionId), eq(pairRules.id, id)))
    .returning({ id: pairRules.id });
  return rows.length > 0;
}
