import { randomBytes } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { loadLeerlabFor } from '../leerlab/actions.ts';
import { listPeriods } from '../leerlab/data.ts';
import { listEvaluations, getEvaluation, listAnswers, getEvaluationByCode } from './data.ts';
import { createEvaluation, updateEvaluation, createAnswer } from './mutations.ts';
import { evaluationCode, evaluationEffectItems, evaluationSummarise } from './rules.ts';
import { effectCountFor } from '../../record/public.ts';
import { EVALUATION_QUESTIONS, type Evaluation, type EvaluationAnswer, type LeerlabLastingEffect } from './schema.ts';

export async function readEvaluations(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Evaluation[]> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const rows = await listEvaluations(deps.db, nid, id);
  const answers = await listAnswers(deps.db, nid, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, name: r.name, periodId: r.periodId, code: r.code, open: r.open, notes: r.notes,
    ...evaluationSummarise(answers.filter((a) => a.evaluationId === r.id)),
  }));
}

/** What changed for the leerlab's teachers months later (counts only, for the leerlab's staff). */
export async function readLastingEffect(deps: Deps, actor: Actor, networkId: string, id: string): Promise<LeerlabLastingEffect> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  return effectCountFor(deps.db, nid, evaluationEffectItems(id));
}

export async function startEvaluation(deps: Deps, actor: Actor, networkId: string, id: string, input: { name: string; periodId: string | null }): Promise<Evaluation[]> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  if (input.periodId && !(await listPeriods(deps.db, nid, id)).some((p) => p.id === input.periodId)) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    const evaluationId = await createEvaluation(tx, nid, { leerlabId: id, name: input.name, periodId: input.periodId, code: evaluationCode(randomBytes(6)) });
    await recordAudit(tx, nid, actor.personId, 'create', 'leerlab_evaluation', evaluationId, null);
  });
  return readEvaluations(deps, actor, networkId, id);
}

/** The coordinators' notes on what they change, and closing or reopening the round. */
export async function changeEvaluation(deps: Deps, actor: Actor, networkId: string, id: string, evaluationId: string, input: { notes?: string | undefined; open?: boolean | undefined }): Promise<Evaluation[]> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  if (!(await getEvaluation(deps.db, nid, id, evaluationId))) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await updateEvaluation(tx, nid, evaluationId, input);
    await recordAudit(tx, nid, actor.personId, 'update', 'leerlab_evaluation', evaluationId, { fields: Object.keys(input) });
  });
  return readEvaluations(deps, actor, networkId, id);
}

async function byCode(deps: Deps, code: string) {
  const row = await getEvaluationByCode(deps.db, code);
  if (!row) throw new AppError('EVALUATION_CODE_UNKNOWN');
  return row;
}

/** What a pupil sees after typing the code: no account, no personal data asked. */
export async function readPublicEvaluation(deps: Deps, code: string) {
  const row = await byCode(deps, code);
  return { name: row.evaluation.name, leerlabName: row.leerlabName, open: row.evaluation.open, questions: [...EVALUATION_QUESTIONS] };
}

export async function answerEvaluation(deps: Deps, code: string, input: EvaluationAnswer) {
  const row = await byCode(deps, code);
  if (!row.evaluation.open) throw new AppError('EVALUATION_ROUND_CLOSED');
  const nid = policyRowNetwork(row.evaluation.networkId, 'token');
  await deps.db.transaction(async (tx) => {
    await createAnswer(tx, nid, { evaluationId: row.evaluation.id, respondent: input.respondent, ratings: input.ratings, comment: input.comment });
  });
  return { ok: true as const };
}
