import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/leerlab.ts';
import { leerlabMessages } from './messages.ts';
import { sendChecklistReminders } from './checklist/actions.ts';
import { removeExpiredPupils } from './pupil/actions.ts';
import { leerlabRecordActivities, leerlabGuestLessonCandidates, leerlabSessionCandidates } from './session/list-teacher-activities.ts';
import { leerlabCalendarEntries } from './session/list-calendar-entries.ts';
import { leerlabExampleDraftSource } from './leerlab/build-example-draft.ts';

// Leerlabs vmbo–mbo: planning the weekly sessions on both schools' timetables, the checklist,
// roster, attendance, results, exemptions and evaluation rounds.
export const leerlabModule: AreaModule = {
  name: 'leerlab',
  errors: {
    LEERLAB_NEEDS_BOTH_SCHOOLS: 422,
    LEERLAB_CLASS_EXISTS: 409,
    LEERLAB_SLOT_NOT_FEASIBLE: 422,
    LEERLAB_SESSION_CANCELLED: 409,
    LEERLAB_MOVE_HOLIDAY: 422,
    LEERLAB_MOVE_FORBIDDEN_WINDOW: 422,
    LEERLAB_MOVE_CLASS_BUSY: 422,
    LEERLAB_MOVE_TEACHER_BUSY: 422,
    PUPIL_IN_TWO_CLASSES: 409,
    PUPIL_CLASS_UNKNOWN: 422,
    PUPIL_CSV_COLUMNS_MISSING: 422,
    PUPIL_NAME_MISSING: 422,
    PUPIL_NAME_TOO_LONG: 422,
    PUPIL_CLASS_MISSING: 422,
    CSV_EMPTY: 422,
    CSV_NO_HEADER: 422,
    CSV_MALFORMED: 422,
    CSV_TOO_MANY_ROWS: 422,
    EXEMPTION_NOTHING_COMPLETED: 409,
    EVALUATION_CODE_UNKNOWN: 404,
    EVALUATION_ROUND_CLOSED: 409,
  },
  messages: leerlabMessages,
  tables,
  hourly: [sendChecklistReminders, removeExpiredPupils],
  ports: {
    learnerActivitySources: [leerlabSessionCandidates, leerlabGuestLessonCandidates],
    recordActivitySources: [leerlabRecordActivities],
    calendarEntrySources: [leerlabCalendarEntries],
    exampleDraftSources: [leerlabExampleDraftSource],
  },
  privacy: {
    tables: {
      leerlab_staff: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s role in a leerlab is removed.' },
      leerlab_patterns: { personColumns: ['chosen_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'Who chose a weekly pattern becomes anonymous.' },
      leerlab_checklist_items: { personColumns: ['owner_id'], erase: 'anonymise', anonymise: { owner_id: null }, export: true, note: 'Checklist items stay; the person stops being their owner.' },
      leerlab_attendance: { personColumns: ['marked_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'Attendance stays; who marked it becomes anonymous.' },
      leerlab_exemptions: { personColumns: ['issued_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'An exemption statement stays traceable; its issuer becomes anonymous.' },
    },
  },
  retention: {
    leerlab_pupils: { appliedByArea: true, note: 'Pupils (with their attendance, results and exemptions) are removed a number of months after the leerlab\'s last date, set per leerlab by its coordinators (12 by default).' },
  },
};
