import type { Locale } from '../../../lib/i18n.ts';
import type { CalendarEntry } from '../../area-module.ts';
import { translate } from '../messages.ts';
import type { MeetingRow } from './data.ts';

// Calendar entries of twin meetings: one stable UID per meeting, SEQUENCE raised at every change.

export function meetingCalendarEntry(m: MeetingRow, otherName: string, locale: Locale): CalendarEntry {
  const form = translate(locale, `TWIN_FORM_${m.form.toUpperCase()}`);
  return {
    uid: `twin-meeting-${m.id}@kruispunt`, sequence: m.sequence, cancelled: m.status === 'cancelled', start: m.startAt, end: m.endAt,
    summary: translate(locale, 'ICS_TWIN_MEETING_SUMMARY', { form, other: otherName }), description: m.title, location: m.location, stamp: m.updatedAt,
  };
}
