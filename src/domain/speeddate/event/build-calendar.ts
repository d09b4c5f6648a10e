import type { Locale } from '../../../lib/i18n.ts';
import type { CalendarEntry } from '../../area-module.ts';
import { translate } from '../messages.ts';
import type { EventRow } from './data.ts';
import { speeddateRoundTimes } from './rules.ts';

// The calendar entry of a speeddate for one participant: one stable UID per (event, person);
// a change raises SEQUENCE; declining or a no-show keeps it as cancelled.

export function speeddateEndAt(event: EventRow): Date {
  const times = speeddateRoundTimes(event);
  return times.at(-1)?.endAt ?? event.startAt;
}

export function buildSpeeddateEntry(event: EventRow, personId: string, status: string, locale: Locale): CalendarEntry {
  return {
    uid: `speeddate-${event.id}-${personId}@kruispunt`,
    sequence: event.sequence,
    cancelled: status === 'declined' || status === 'no_show',
    start: event.startAt,
    end: speeddateEndAt(event),
    summary: translate(locale, 'ICS_SPEEDDATE_SUMMARY', { title: event.title }),
    description: '',
    location: event.place,
    stamp: event.updatedAt,
  };
}
