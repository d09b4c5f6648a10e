import { zonedDate } from '../../../lib/time.ts';
import type { RecordActivitySource } from '../../area-module.ts';
import type { LearnerReportCandidateSource } from '../../learner-report/public.ts';
import { translate } from '../messages.ts';
import { listMeetings, listPersonTeamIds } from './data.ts';
import { teamMeetingHours } from './rules.ts';

// A design team's meetings that took place credit their length to every member, and are
// offered as learner-report activities (experimenting and innovating, formal collaboration).

async function heldMeetings(deps: Parameters<RecordActivitySource['list']>[0], networkId: Parameters<RecordActivitySource['list']>[1], personId: string) {
  const now = deps.now();
  return (await listMeetings(deps.db, networkId, await listPersonTeamIds(deps.db, networkId, personId))).filter((m) => m.meeting.endAt <= now);
}

export const teamRecordActivities: RecordActivitySource = {
  source: 'offer_team_meeting',
  async list(deps, networkId, personId) {
    return (await heldMeetings(deps, networkId, personId)).map((m) => {
      const hours = teamMeetingHours(m.meeting.startAt, m.meeting.endAt);
      return {
        source: 'offer_team_meeting', sourceId: m.meeting.id, title: translate('nl', 'RECORD_TEAM_TITLE', { team: m.teamName }), date: zonedDate(m.meeting.startAt),
        hours, contactHours: hours, primaryProcess: false, link: `/ontwikkelteams/${m.meeting.teamId}`,
      };
    });
  },
};

export const teamLearningCandidates: LearnerReportCandidateSource = {
  source: 'design_team',
  async list(deps, networkId, personId) {
    return (await heldMeetings(deps, networkId, personId)).map((m) => ({
      sourceId: m.meeting.id, date: zonedDate(m.meeting.startAt), title: m.teamName,
      prefill: { description: { goal: translate('nl', 'CANDIDATE_TEAM_GOAL', { team: m.teamName }), involved: '', role: translate('nl', 'CANDIDATE_TEAM_ROLE'), setting: m.locationName ?? '' }, ...(m.meeting.log ? { learningOutcomes: m.meeting.log } : {}) },
    }));
  },
};
