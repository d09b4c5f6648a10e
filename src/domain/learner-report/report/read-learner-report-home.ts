import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { zonedDate } from '../../../lib/time.ts';
import { policyLearnerReportMember } from './policy.ts';
import { getTeacherSince, listOwnReportPeriods } from './data.ts';
import { learnerReportRemindersDue } from './rules.ts';
import type { LearnerReportHome } from './schema.ts';

// Learner reports on a person's home page: what the reminders are about, on the server's clock.
// A draft whose period has ended is overdue (that is the day its reminder is sent), other drafts
// are open; without any draft, a new report is due on the same seven-week rhythm as the reminder.
// Only the person's own reports, and no text.

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
  return { open, newReportDue };
}
