import { AppError } from '../../../lib/errors.ts';
import type { EvaluationItem } from '../../area-module.ts';
import { policyAuthorize } from '../auth/policy.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../auth/types.ts';
import { getEvaluationAnswer, listEvaluationAnswers } from './data.ts';
import { upsertEvaluationAnswer } from './mutations.ts';
import { evaluationSummarize } from './rules.ts';
import type { EvaluationAnswer, EvaluationAnswerInput, EvaluationMine, EvaluationSummary } from './schema.ts';

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
