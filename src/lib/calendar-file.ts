import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

// Calendar files (RFC 5545) for invitations by e-mail and the personal feed: one VEVENT per
// entry with a stable UID; a change raises SEQUENCE, a cancelled entry keeps its UID with
// STATUS:CANCELLED (sent with METHOD:CANCEL). Attendees, when given, are asked without RSVP.

export interface CalendarFileEntry {
  uid: string;
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  stamp: Date;
}

export type CalendarFileMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export function calendarFileBuild(entries: readonly CalendarFileEntry[], options: { name: string; method?: CalendarFileMethod; organizer: { name: string; email: string }; attendees?: readonly { name: string; email: string }[] }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kruispunt', product: 'Kruispunt', language: 'NL' },
    ...(options.method ? { method: ICalCalendarMethod[options.method] } : {}),
  });
  for (const e of entries) {
    calendar.createEvent({
      id: e.uid, sequence: e.sequence, stamp: e.stamp, start: e.start, end: e.end, summary: e.summary, description: e.description, location: e.location,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED, organizer: options.organizer,
      attendees: (options.attendees ?? []).map((p) => ({ name: p.name, email: p.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false })),
    });
  }
  return calendar.toString();
}
