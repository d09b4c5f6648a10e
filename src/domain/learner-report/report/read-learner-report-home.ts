import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { zonedDate } from '../../../lib/time.ts';
import { policyLearnerReportInsight, policyLearnerReportMember } from './policy.ts';
import { getTeacherSince, listActivityFacts, listOwnReportPeriods } from './data.ts';
import { learnerReportAggregate, learnerReportRemindersDue } from './rules.ts';
import { LEARNER_REPORT_MIN_GROUP } from './schema.ts';
import type { LearnerReportHome } from './schema.ts';

// Learner reports on a person's home page: what the reminders are about, on the server's clock.
// A draft whose period has ended is overdue (that is the day its reminder is sent), other drafts
// are open; without any draft, a new report is due on the same seven-week rhythm as the reminder.
// Only the person's own reports, and no text. Team leads and coordinators also see whether team
// insight has figures (the same counts and minimum group as the insight page).

export async function readLearnerReportHome(deps: Deps, actor: Actor, networkId: string): Promise<LearnerReportHome> {
  const nid = policyLearnerReportMember(actor, networkId);
  const today = zonedDate(deps.now());
  const reports = await listOwnReportPeriods(deps.db, nid, actor.personId);
  const open = reports
    .filter((r) => r.status === 'draft')
    .map((r) => ({ id: r.id, periodStart: r.periodStart, periodEnd: r.periodEnd, activityCount: r.activityCount, state: r.periodEnd < today ? 'overdue' as const : 'open' as const }))
    .sort((a, b) => (a.state === b.state ? a.periodEnd.localeCompare(b.periodEnd) : a.state === 'overdue' ? -1 : 1));
  const since = await getTeacherSince(deps.db, nid, actor.personId);
  const newReportDue = since !== null || reports.length > 0
    ? learnerReportRemindersDue(reports, since ?? today, today).some((d) => d.kind === 'LEARNER_REPORT_DUE')
    : false;
  const leads = actor.memberships.some((m) => m.networkId === networkId && ((m.role === 'team_lead' && m.institutionId) || m.role === 'network_coordinator'));
  let insight: LearnerReportHome['insight'] = null;
  if (leads) {
    const scope = policyLearnerReportInsight(actor, networkId);
    const aggregate = learnerReportAggregate(await listActivityFacts(deps.db, scope.nid, scope.institutionIds));
    insight = aggregate ? { ready: true, teachers: aggregate.teachers, reports: aggregate.reports } : { ready: false, minimumGroup: LEARNER_REPORT_MIN_GROUP };
  }
  return { open, newReportDue, insight };
}
