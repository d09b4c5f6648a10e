import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import type { AuthorizedNetworkId } from '../foundation/auth/types.ts';
import { getNetworkSettings, listOwnReportsWithText } from './report/data.ts';
import { createNotification, createReport, updateReportIfRevision } from './report/mutations.ts';
import { learnerReportDefaultPeriod } from './report/rules.ts';
import type { LearnerReportContent } from './report/schema.ts';

// What other areas may use of the learner-report area: the port through which an area offers
// its activities as pre-filled learner-report activities (declared in that area's module).
export type { LearnerReportCandidateEntry, LearnerReportCandidateSource } from './report/list-candidates.ts';
export type { CandidateSource } from './report/schema.ts';

// For the professional record: which reports reflect which activities (no text), the in-app
// notification of the lasting-effect question, and its answer added to the current report.

export { createNotification as learnerReportNotify };

/** The person's reports with the origins of their activities (ids and dates only, never text). */
export async function learnerReportOrigins(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return (await listOwnReportsWithText(tx, networkId, personId)).map((r) => ({
    id: r.id, periodStart: r.periodStart, periodEnd: r.periodEnd, status: r.status,
    origins: (r.content as LearnerReportContent).activities.flatMap((a) => (a.origin ? [a.origin] : [])),
  }));
}

/**
 * Adds a lasting-effect answer ("doorwerking") to the person's current draft report: into the
 * activity it came from when that is in the report, else as a new activity, else (a full report)
 * as a line of the inventory. Without a draft, a report of the default period is started.
 * Returns the report's id.
 */
export async function learnerReportAddImpact(
  tx: Tx, networkId: AuthorizedNetworkId, personId: string,
  entry: { title: string; impact: string; origin: { source: 'exchange_visit' | 'company_visit' | 'internship' | 'job_twinning'; sourceId: string } | null; today: string }, at: Date,
): Promise<string> {
  const draft = (await listOwnReportsWithText(tx, networkId, personId)).find((r) => r.status === 'draft');
  const max = (await getNetworkSettings(tx, networkId))?.learnerReportMaxActivities ?? 5;
  const activity = {
    id: randomUUID(), title: entry.title.slice(0, 200), description: { goal: '', involved: '', role: '', setting: '' },
    learningOutcomes: '', impact: entry.impact, explanation: '', type: null, typeSource: null, suggestion: null, origin: entry.origin,
  };
  if (!draft) {
    const period = learnerReportDefaultPeriod(entry.today);
    return createReport(tx, networkId, personId, { ...period, status: 'draft', content: { inventory: [], activities: [activity] } }, at);
  }
  const content = draft.content as LearnerReportContent;
  const same = entry.origin ? content.activities.find((a) => a.origin?.source === entry.origin!.source && a.origin.sourceId === entry.origin!.sourceId) : undefined;
  const next: LearnerReportContent = same
    ? { ...content, activities: content.activities.map((a) => (a === same ? { ...a, impact: [a.impact, entry.impact].filter(Boolean).join('\n\n').slice(0, 4000) } : a)) }
    : content.activities.length < max
      ? { ...content, activities: [...content.activities, activity] }
      : { ...content, inventory: [...content.inventory, `${entry.title}: ${entry.impact}`.slice(0, 500)].slice(-50) };
  await updateReportIfRevision(tx, networkId, draft.id, draft.revision, { periodStart: draft.periodStart, periodEnd: draft.periodEnd, status: 'draft', content: next }, at);
  return draft.id;
}
