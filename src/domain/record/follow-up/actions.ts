import { AppError } from '../../../lib/errors.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { learnerReportAddImpact } from '../../learner-report/public.ts';
import { policyRecordOwner } from '../entry/policy.ts';
import { getFollowUp, listEffectCounts, listFollowUps } from './data.ts';
import { incrementEffectCount, updateFollowUpAnswered } from './mutations.ts';
import { effectFigureShown } from './rules.ts';
import type { EffectFigure, FollowUp, FollowUpAnswer } from './schema.ts';

const present = (r: Awaited<ReturnType<typeof listFollowUps>>[number]): FollowUp => ({
  id: r.id, source: r.source, sourceId: r.sourceId, title: r.title, activityDate: r.activityDate, askedAt: r.askedAt.toISOString(), answeredAt: r.answeredAt?.toISOString() ?? null,
});

export async function listMyFollowUps(deps: Deps, actor: Actor, networkId: string): Promise<FollowUp[]> {
  const nid = policyRecordOwner(actor, networkId);
  return (await listFollowUps(deps.db, nid, actor.personId)).map(present);
}

/**
 * The teacher's answer: the text goes into their current learner report (private, as all report
 * text); the practice item's figure counts it without the person.
 */
export async function answerFollowUp(deps: Deps, actor: Actor, networkId: string, id: string, input: FollowUpAnswer): Promise<{ learnerReportId: string }> {
  const nid = policyRecordOwner(actor, networkId);
  const row = await getFollowUp(deps.db, nid, id);
  if (!row || row.personId !== actor.personId) throw new AppError('NOT_FOUND');
  return deps.db.transaction(async (tx) => {
    if (!(await updateFollowUpAnswered(tx, nid, id, deps.now()))) throw new AppError('FOLLOW_UP_ANSWERED');
    await incrementEffectCount(tx, nid, { source: row.source, sourceId: row.sourceId }, input.effect);
    const learnerReportId = await learnerReportAddImpact(tx, nid, actor.personId, { title: row.title, impact: input.impact, origin: null, today: zonedDate(deps.now()) }, deps.now());
    return { learnerReportId };
  });
}

/** What changed, per practice item (edition, offer, leerlab …): counts only, for coordinators. */
export async function listEffectFigures(deps: Deps, actor: Actor, networkId: string): Promise<EffectFigure[]> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  return (await listEffectCounts(deps.db, nid)).map(effectFigureShown);
}
