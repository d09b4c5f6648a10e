import ical, { ICalCalendarMethod, ICalEventStatus, ICalAttendeeRole, ICalAttendeeStatus } from 'ical-generator';
import type { CalendarEntry } from '../../area-module.ts';

// Calendar files for visits (RFC 5545): one event per visit with a stable UID; a change keeps
// the UID and raises SEQUENCE, so calendars update the event instead of adding a second one;
// a cancelled visit is sent with STATUS:CANCELLED (METHOD:CANCEL in e-mail invitations).

export interface CalendarVisit {
  uid: string;
  sequence: number;
  status: 'planned' | 'cancelled' | 'done' | 'missed';
  lessonStart: Date;
  lessonEnd: Date;
  leaveAt: Date;
  returnBy: Date;
  observer: { name: string; email: string };
  host: { name: string; email: string };
  location: string;
  editionName: string;
  stamp: Date;
}

export interface CalendarTexts {
  summary: (v: CalendarVisit) => string;
  description: (v: CalendarVisit) => string;
}

export function visitCalendarBuild(
  visits: CalendarVisit[],
  options: { name: string; method?: 'REQUEST' | 'CANCEL' | 'PUBLISH'; organizer: { name: string; email: string }; texts: CalendarTexts; entries?: readonly CalendarEntry[] },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kruispunt', product: 'Kruispunt', language: 'NL' },
    ...(options.method ? { method: ICalCalendarMethod[options.method] } : {}),
  });
  for (const v of visits) {
    calendar.createEvent({
      id: v.uid,
      sequence: v.sequence,
      stamp: v.stamp,
      start: v.lessonStart,
      end: v.lessonEnd,
      summary: options.texts.summary(v),
      description: options.texts.description(v),
      location: v.location,
      status: v.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer,
      attendees: [v.observer, v.host].map((p) => ({
        name: p.name, email: p.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false,
      })),
    });
  }
  for (const e of options.entries ?? []) {
    calendar.createEvent({
      id: e.uid, sequence: e.sequence, stamp: e.stamp, start: e.start, end: e.end, summary: e.summary, description: e.description, location: e.location,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED, organizer: options.organizer,
    });
  }
  return calendar.toString();
}

/** Credited hours: the edition's hours when the participant's own observation took place, half when only hosted. */
export function visitCreditedHours(hours: number, visits: { role: 'observer' | 'host'; status: string }[]): number {
  const observed = visits.some((v) => v.role === 'observer' && v.status === 'done');
  const hosted = visits.some((v) => v.role === 'host' && v.status === 'done');
  if (observed) return hours;
  if (hosted) return Math.round(hours * 5) / 10;
  return 0;
}
