import { AppError } from '../../../lib/errors.ts';
import type { EvaluationItem } from '../../area-module.ts';
import { policyAuthorize } from '../auth/policy.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../auth/types.ts';
import { getEvaluationAnswer, listAnsweredItemIds, listEvaluationAnswers, listEvaluationScores } from './data.ts';
import { upsertEvaluationAnswer } from './mutations.ts';
import { evaluationSummarize } from './rules.ts';
import { EVALUATION_OPEN_DAYS, type EvaluationAnswer, type EvaluationAnswerInput, type EvaluationMine, type EvaluationOpenItem, type EvaluationSummary } from './schema.ts';

// A participant evaluates a finished practice item once (and may change the answer); its organiser
// reads the answers together. The practices say through the evaluationSources port what an item
// is, who took part and whether it is over; this noun never reads their tables.

async function itemRead(deps: Deps, actor: Actor, nid: AuthorizedNetworkId, source: string, itemId: string): Promise<EvaluationItem> {
  const from = deps.ports.evaluationSources.find((s) => s.source === source);
  const item = from ? await from.read(deps, actor, nid, itemId) : null;
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

const statusOf = (item: EvaluationItem): EvaluationMine['status'] => (!item.participant ? 'not_participant' : !item.ended ? 'not_ended' : 'open');
const present = (row: { score: number; takeaway: string; updatedAt: Date }): EvaluationAnswer => ({ score: row.score, takeaway: row.takeaway, updatedAt: row.updatedAt.toISOString() });

/** The actor's own answer for the item, and whether they may give one. */
export async function readMyEvaluation(deps: Deps, actor: Actor, networkId: string, source: string, itemId: string): Promise<EvaluationMine> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const item = await itemRead(deps, actor, nid, source, itemId);
  const row = item.participant ? await getEvaluationAnswer(deps.db, nid, source, itemId, actor.personId) : null;
  return { source, itemId, title: item.title, status: statusOf(item), answer: row ? present(row) : null };
}

/** Writes (or replaces) the actor's answer: only a participant, only once it is over for them. */
export async function saveMyEvaluation(deps: Deps, actor: Actor, networkId: string, source: string, itemId: string, input: EvaluationAnswerInput): Promise<EvaluationMine> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const item = await itemRead(deps, actor, nid, source, itemId);
  const status = statusOf(item);
  if (status === 'not_participant') throw new AppError('EVALUATION_NOT_PARTICIPANT');
  if (status === 'not_ended') throw new AppError('EVALUATION_NOT_ENDED');
  const row = await upsertEvaluationAnswer(deps.db, nid, source, itemId, actor.personId, { score: input.score, takeaway: input.takeaway ?? '' }, deps.now());
  return { source, itemId, title: item.title, status, answer: present(row) };
}

/** What the actor took part in lately and has not evaluated yet, newest first (for the home page). */
export async function listMyOpenEvaluations(deps: Deps, actor: Actor, networkId: string): Promise<EvaluationOpenItem[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const since = new Date(deps.now().getTime() - EVALUATION_OPEN_DAYS * 86_400_000);
  const open: EvaluationOpenItem[] = [];
  for (const from of deps.ports.evaluationSources) {
    const ended = await from.listEnded(deps, nid, actor.personId, since);
    const answered = await listAnsweredItemIds(deps.db, nid, actor.personId, from.source, ended.map((e) => e.id));
    for (const e of ended) if (!answered.has(e.id)) open.push({ source: from.source, itemId: e.id, title: e.title, endedAt: e.endedAt.toISOString() });
  }
  return open.sort((a, b) => b.endedAt.localeCompare(a.endedAt));
}

/** The item's answers together, for its organiser (host, coordinator, facilitator). */
export async function readEvaluationSummary(deps: Deps, actor: Actor, networkId: string, source: string, itemId: string): Promise<EvaluationSummary> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const item = await itemRead(deps, actor, nid, source, itemId);
  if (!item.manager) throw new AppError('FORBIDDEN');
  return getEvaluationSummary(deps, nid, source, itemId);
}

/** The summary of an item whose network the caller already holds (draft examples, practice reports). */
export async function getEvaluationSummary(deps: Deps, networkId: AuthorizedNetworkId, source: string, itemId: string): Promise<EvaluationSummary> {
  return evaluationSummarize(await listEvaluationAnswers(deps.db, networkId, source, itemId));
}

/**
 * Summaries over groups of items of one source (a practice report's rows: per host, in total),
 * in one query. Scores only: the takeaways stay on each item's own page.
 */
export async function getEvaluationSummaries(deps: Deps, networkId: AuthorizedNetworkId, source: string, groups: Record<string, readonly string[]>): Promise<Record<string, EvaluationSummary>> {
  const scores = await listEvaluationScores(deps.db, networkId, source, [...new Set(Object.values(groups).flat())]);
  const byItem = new Map<string, number[]>();
  for (const s of scores) byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s.score]);
  return Object.fromEntries(Object.entries(groups).map(([key, ids]) => [
    key,
    evaluationSummarize([...new Set(ids)].flatMap((id) => (byItem.get(id) ?? []).map((score) => ({ score, takeaway: '' })))),
  ]));
}
