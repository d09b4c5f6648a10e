import ical, { ICalCalendarMethod, ICalEventStatus, ICalAttendeeRole, ICalAttendeeStatus } from 'ical-generator';

// Calendar files for leerlab sessions (RFC 5545): one event per session with a stable UID; a move
// keeps the UID and raises SEQUENCE; a cancelled session stays as STATUS:CANCELLED.

export interface CalendarSession {
  uid: string;
  sequence: number;
  status: 'planned' | 'cancelled';
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  stamp: Date;
}

export function sessionCalendarBuild(
  sessions: CalendarSession[],
  options: { name: string; method?: 'REQUEST' | 'CANCEL' | 'PUBLISH'; organizer: { name: string; email: string }; attendees: { name: string; email: string }[] },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kruispunt', product: 'Kruispunt', language: 'NL' },
    ...(options.method ? { method: ICalCalendarMethod[options.method] } : {}),
  });
  for (const s of sessions) {
    calendar.createEvent({
      id: s.uid, sequence: s.sequence, stamp: s.stamp, start: s.start, end: s.end, summary: s.summary, description: s.description, location: s.location,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer,
      attendees: options.attendees.map((p) => ({ name: p.name, email: p.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false })),
    });
  }
  return calendar.toString();
}

/** Credited hours for a session that took place: its length, in quarter hours. */
export function sessionHours(start: Date, end: Date): number {
  return Math.round(((end.getTime() - start.getTime()) / 3_600_000) * 4) / 4;
}
