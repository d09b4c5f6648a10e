import { translate } from '../messages.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { LearnerReportCandidateSource } from '../../learner-report/public.ts';
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
