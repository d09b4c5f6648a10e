import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/twinning.ts';
import { twinningMessages } from './messages.ts';
import { twinningCalendarEntries, twinningLearningCandidates, twinningRecordActivities } from './twin/list-activities.ts';

// Job Twinning: teacher and professional paired 1:1 on their own development goals; suggestions
// over all candidates at once; meetings of six forms planned, logged and credited in hours.
export const twinningModule: AreaModule = {
  name: 'twinning',
  errors: {
    TWINNING_ALREADY_TWINNED: 409,
    TWINNING_NOT_A_PAIR: 422,
    TWINNING_NOT_PROPOSED: 409,
    TWINNING_NOT_ACTIVE: 409,
    TWINNING_MEETING_NOT_YET: 409,
    TWINNING_MEETING_NOT_PLANNED: 409,
  },
  messages: twinningMessages,
  tables,
  ports: {
    learnerActivitySources: twinningLearningCandidates,
    recordActivitySources: [twinningRecordActivities],
    calendarEntrySources: [twinningCalendarEntries],
  },
  privacy: {
    tables: {
      twinning_profiles: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s Job Twinning profile (fields, about, availability).' },
      twinning_goals: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s development goals and progress notes are removed.' },
      twinning_twins: {
        personColumns: ['teacher_id', 'professional_id', 'confirmed_by'], erase: 'keep-anonymous-placeholder', eraseBy: { teacher_id: 'anonymise', professional_id: 'anonymise' },
        anonymiseBy: { teacher_id: { teacher_evaluation: null }, professional_id: { professional_evaluation: null } }, export: true,
        note: 'A twin is in the partner\'s history: it stays with an anonymous placeholder; the person\'s own evaluation is removed.',
      },
      twinning_meetings: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: true, note: 'Meetings belong to the twin (both partners); who planned one becomes anonymous.' },
    },
  },
};
