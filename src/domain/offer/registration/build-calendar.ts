import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarEntry } from '../../area-module.ts';

// Calendar files for registrations (RFC 5545): one event per registration with a stable UID;
// a change raises SEQUENCE, a cancellation stays as STATUS:CANCELLED (METHOD:CANCEL by e-mail).

export function buildRegistrationCalendar(entries: readonly CalendarEntry[], options: { name: string; method?: 'REQUEST' | 'CANCEL' | 'PUBLISH'; organizer: { name: string; email: string } }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kruispunt', product: 'Kruispunt', language: 'NL' },
    ...(options.method ? { method: ICalCalendarMethod[options.method] } : {}),
  });
  for (const e of entries) {
    calendar.createEvent({
      id: e.uid, sequence: e.sequence, stamp: e.stamp, start: e.start, end: e.end,
      summary: e.summary, description: e.description, location: e.location,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer,
    });
  }
  return calendar.toString();
}
