import { translate } from '../messages.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { LearnerReportCandidateSource } from '../../learner-report/public.ts';
import type { RecordActivity, RecordActivitySource } from '../../area-module.ts';
import { visitCreditedHours } from './rules.ts';
import { listPersonVisits, listReflections } from './data.ts';

/**
 * Exchange visits as learner-report candidates: "you visited X's lesson on … — add it?". A visit
 * counts once it took place (checked in) or its lesson is over and it was not cancelled; the
 * reflection written after it pre-fills "what did you learn".
 */
export const visitLearningCandidates: LearnerReportCandidateSource = {
  source: 'exchange_visit',
  async list(deps, networkId, personId) {
    const now = deps.now();
    const reflections = await listReflections(deps.db, networkId, personId);
    return (await listPersonVisits(deps.db, networkId, personId))
      .filter((row) => row.visit.status === 'done' || (row.visit.status === 'planned' && row.visit.lessonEnd <= now))
      .map((row) => {
        const observer = row.visit.observerId === personId;
        const partner = observer ? row.hostName : row.observerName;
        const reflection = reflections.find((r) => r.visitId === row.visit.id);
        return {
          sourceId: row.visit.id,
          date: zonedDate(row.visit.lessonStart),
          title: translate('nl', observer ? 'CANDIDATE_VISIT_OBSERVER_TITLE' : 'CANDIDATE_VISIT_HOST_TITLE', { partner }),
          prefill: {
            description: {
              goal: translate('nl', 'CANDIDATE_VISIT_GOAL', { edition: row.editionName }),
              involved: partner,
              role: translate('nl', observer ? 'CANDIDATE_VISIT_ROLE_OBSERVER' : 'CANDIDATE_VISIT_ROLE_HOST'),
              setting: [row.locationName, row.address].filter(Boolean).join(', '),
            },
            ...(reflection?.learned ? { learningOutcomes: reflection.learned } : {}),
          },
        };
      });
  },
};

/**
 * The exchange week in the professional record: one activity per edition a person took part in,
 * with the hours credited as on the certificate (the edition's hours once their own observation
 * took place, half when they only hosted), dated on their last visit that took place.
 */
export const visitRecordActivities: RecordActivitySource = {
  source: 'exchange_edition',
  async list(deps, networkId, personId) {
    const byEdition = new Map<string, Awaited<ReturnType<typeof listPersonVisits>>>();
    for (const row of await listPersonVisits(deps.db, networkId, personId)) {
      const list = byEdition.get(row.visit.editionId) ?? [];
      list.push(row);
      byEdition.set(row.visit.editionId, list);
    }
    const out: RecordActivity[] = [];
    for (const [editionId, rows] of byEdition) {
      const own = rows.map((r) => ({ role: (r.visit.observerId === personId ? 'observer' : 'host') as 'observer' | 'host', status: r.visit.status, at: r.visit.lessonStart }));
      const hours = visitCreditedHours(Number(rows[0]!.editionHours ?? 0), own);
      const done = own.filter((v) => v.status === 'done');
      if (hours <= 0 || done.length === 0) continue;
      out.push({
        source: 'exchange_edition', sourceId: editionId, title: rows[0]!.editionName, date: zonedDate(done.at(-1)!.at), hours,
        contactHours: hours, primaryProcess: true, link: `/uitwisseling/mijn/${editionId}`,
      });
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
  },
};
