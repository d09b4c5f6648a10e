import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/speeddate.ts';
import { speeddateMessages } from './messages.ts';
import { speeddateCalendarEntries, speeddateRecordActivities } from './event/list-activities.ts';

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
  },
};
