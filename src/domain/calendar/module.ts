import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/calendar.ts';
import { calendarMessages } from './messages.ts';
import { refreshTimetableFeeds } from './timetable/actions.ts';

// Timetables and free time, shared by every area that schedules.
export const calendarModule: AreaModule = {
  name: 'calendar',
  errors: {
    TIMETABLE_UNUSABLE: 422,
    TIMETABLE_URL_UNREACHABLE: 422,
    TIMETABLE_BUSY: 503,
  },
  messages: calendarMessages,
  tables,
  hourly: [refreshTimetableFeeds],
  privacy: {
    tables: {
      timetable_blocks: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s busy blocks (lessons, meetings), only for planning visits and sessions.' },
    },
  },
};
