import { AppError } from '../../../lib/errors.ts';
import { buildNetworkTypologyModel } from './build-typology-model.ts';
import { typologySuggest } from '../../../engine/typology/index.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyLearnerReportMember } from './policy.ts';
import { listOwnReportsWithText } from './data.ts';
import { learnerReportActivityText, PERIOD_DEFAULT_DAYS } from './rules.ts';
import { dateAddDays, zonedDate } from '../../../lib/time.ts';
import type { CandidateSource, LearnerReportCandidate, LearnerReportContent } from './schema.ts';

// Activities a teacher did in Kruispunt (exchange visits, company visits, internships,
// job-twinning meetings) are offered as pre-filled learner-report activities. Each area offers
// its source through the `learnerActivitySources` port of its module; this file knows none of them.

export interface LearnerReportCandidateEntry {
  sourceId: string;
  title: string;
  /** YYYY-MM-DD; entries outside the period are left out. */
  date: string;
  prefill: LearnerReportCandidate['prefill'];
}

export interface LearnerReportCandidateSource {
  source: CandidateSource;
  /** The person's entries of this source in the network (the period is a hint; it is filtered again here). */
  list(deps: Deps, networkId: AuthorizedNetworkId, personId: string, period: { periodStart: string; periodEnd: string }): Promise<LearnerReportCandidateEntry[]>;
}

/**
 * Pre-filled activity proposals for the actor's period, newest first, without the ones the
 * actor already used in one of their reports. Each has the typology engine's suggested type.
 */
export async function listLearnerReportCandidates(
  deps: Deps,
  actor: Actor,
  networkId: string,
  requested: { periodStart?: string | undefined; periodEnd?: string | undefined },
): Promise<LearnerReportCandidate[]> {
  const nid = policyLearnerReportMember(actor, networkId);
  const periodEnd = requested.periodEnd ?? zonedDate(deps.now());
  const period = { periodStart: requested.periodStart ?? dateAddDays(periodEnd, -(PERIOD_DEFAULT_DAYS - 1)), periodEnd };
  if (period.periodEnd < period.periodStart) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'periodEnd', code: 'FIELD_PERIOD_END_BEFORE_START' }] });
  }
  const sources = deps.ports.learnerActivitySources;
  if (sources.length === 0) return [];
  const used = new Set(
    (await listOwnReportsWithText(deps.db, nid, actor.personId))
      .flatMap((r) => (r.content as LearnerReportContent).activities)
      .flatMap((a) => (a.origin ? [`${a.origin.source}:${a.origin.sourceId}`] : [])),
  );
  const candidates: LearnerReportCandidate[] = [];
  const model = await buildNetworkTypologyModel(deps, nid);
  for (const source of sources) {
    for (const entry of await source.list(deps, nid, actor.personId, period)) {
      if (entry.date < period.periodStart || entry.date > period.periodEnd || used.has(`${source.source}:${entry.sourceId}`)) continue;
      const text = learnerReportActivityText({
        title: entry.title,
        description: { goal: '', involved: '', role: '', setting: '', ...entry.prefill.description },
        learningOutcomes: entry.prefill.learningOutcomes ?? '',
        impact: '',
        explanation: '',
      });
      candidates.push({ source: source.source, sourceId: entry.sourceId, title: entry.title, date: entry.date, suggestedType: typologySuggest(text, model).type, prefill: entry.prefill });
    }
  }
  return candidates.sort((a, b) => (a.date === b.date ? a.sourceId.localeCompare(b.sourceId) : a.date < b.date ? 1 : -1));
}
