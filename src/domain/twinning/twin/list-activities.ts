import { zonedDate } from '../../../lib/time.ts';
import type { CalendarEntrySource, RecordActivitySource } from '../../area-module.ts';
import type { LearnerReportCandidateSource } from '../../learner-report/public.ts';
import type { AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { translate } from '../messages.ts';
import { listMeetings, listMembers, listTwins } from './data.ts';
import { meetingCalendarEntry } from './build-calendar.ts';

// What Job Twinning gives the rest of Kruispunt: logged meetings credit both people hours and are
// offered as learner-report activities (source job_twinning); every meeting is in both calendars.

async function personMeetings(deps: Deps, nid: AuthorizedNetworkId, personId: string) {
  const twins = await listTwins(deps.db, nid, personId);
  if (twins.length === 0) return [];
  const names = new Map((await listMembers(deps.db, nid)).map((m) => [m.personId, m]));
  const meetings = await listMeetings(deps.db, nid, twins.map((t) => t.id));
  return meetings.map((m) => {
    const twin = twins.find((t) => t.id === m.twinId)!;
    const otherId = twin.teacherId === personId ? twin.professionalId : twin.teacherId;
    return { meeting: m, twin, other: names.get(otherId) };
  });
}

export const twinningRecordActivities: RecordActivitySource = {
  source: 'twin_meeting',
  async list(deps, networkId, personId) {
    return (await personMeetings(deps, networkId, personId)).filter((r) => r.meeting.status === 'logged').map((r) => ({
      source: 'twin_meeting', sourceId: r.meeting.id,
      title: translate('nl', 'RECORD_TWIN_TITLE', { form: translate('nl', `TWIN_FORM_${r.meeting.form.toUpperCase()}`), other: r.other?.name ?? '' }),
      date: zonedDate(r.meeting.startAt), hours: Number(r.meeting.hours), contactHours: Number(r.meeting.hours),
      primaryProcess: r.meeting.form === 'guest_lesson' || r.meeting.form === 'attend', link: `/twinning/${r.twin.id}`,
    }));
  },
};

export const twinningLearningCandidates: readonly LearnerReportCandidateSource[] = [{
  source: 'job_twinning',
  async list(deps, networkId, personId) {
    return (await personMeetings(deps, networkId, personId)).filter((r) => r.meeting.status === 'logged').map((r) => ({
      sourceId: r.meeting.id,
      date: zonedDate(r.meeting.startAt),
      title: translate('nl', 'RECORD_TWIN_TITLE', { form: translate('nl', `TWIN_FORM_${r.meeting.form.toUpperCase()}`), other: r.other?.name ?? '' }),
      prefill: {
        description: {
          goal: r.meeting.title || translate('nl', 'CANDIDATE_TWIN_GOAL'),
          involved: [r.other?.name, r.other?.institutionName].filter(Boolean).join(', '),
          role: translate('nl', 'CANDIDATE_TWIN_ROLE'),
          setting: r.meeting.location || translate('nl', `TWIN_FORM_${r.meeting.form.toUpperCase()}`),
        },
        ...(r.meeting.learned ? { learningOutcomes: r.meeting.learned } : {}),
      },
    }));
  },
}];

export const twinningCalendarEntries: CalendarEntrySource = {
  source: 'twin_meeting',
  async list(deps, networkId, personId, locale) {
    return (await personMeetings(deps, networkId, personId)).map((r) => meetingCalendarEntry(r.meeting, r.other?.name ?? '', locale));
  },
};
