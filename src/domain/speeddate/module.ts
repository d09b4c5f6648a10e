import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/speeddate.ts';
import { speeddateMessages } from './messages.ts';
import { speeddateCalendarEntries, speeddateRecordActivities } from './event/list-activities.ts';
import { speeddateExampleDraftSource } from './event/build-example-draft.ts';
import { speeddateEvaluationSource } from './event/read-evaluation-item.ts';

// Speeddates: events with tables and rounds, the rotation (recomputed from the first round that
// has not begun at every arrival or no-show), route cards, the room clock and "meet again" choices.
export const speeddateModule: AreaModule = {
  name: 'speeddate',
  errors: {
    SPEEDDATE_ROUND_LENGTH_ZERO: 422,
    SPEEDDATE_TOO_MANY_PROFESSIONALS: 422,
    SPEEDDATE_TOO_MANY_ROUNDS: 422,
    SPEEDDATE_AFTER_LAST_ROUND: 409,
    SPEEDDATE_NOT_PARTICIPANT: 409,
    SPEEDDATE_NOT_MET: 422,
  },
  messages: speeddateMessages,
  tables,
  ports: {
    recordActivitySources: [speeddateRecordActivities],
    calendarEntrySources: [speeddateCalendarEntries],
    exampleDraftSources: [speeddateExampleDraftSource],
    evaluationSources: [speeddateEvaluationSource],
  },
  privacy: {
    tables: {
      speeddate_events: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'An event belongs to the network; its organiser becomes anonymous.' },
      speeddate_participants: { personColumns: ['person_id'], erase: 'keep-anonymous-placeholder', export: true, note: 'The place in an event stays for the others\' rotation, anonymous.' },
      speeddate_seats: { personColumns: ['teacher_id', 'professional_id'], erase: 'keep-anonymous-placeholder', export: true, note: 'The rotation is on the others\' route cards: it stays with an anonymous placeholder.' },
      speeddate_choices: { personColumns: ['chooser_id', 'chosen_id'], erase: 'delete', export: true, note: 'Whom the person wants to meet again, and others\' choices of the person, are removed.' },
    },
  },
};
