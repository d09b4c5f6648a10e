import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  timetableClassifyKind,
  timetableExpandWeekGrid,
  timetableExpandWeekly,
  timetableFormatIso,
  timetableIsHoliday,
  timetableLocalToUtcMs,
  timetableResolveRange,
  timetableResolveZoneName,
  timetableUtcToWallMs,
  timetableZoneOffsetMs,
} from './rules.ts';
import { busyBlockSchema, weekGridListSchema, weekGridSchema } from './schema.ts';

const H = 3_600_000;

describe('timetableResolveZoneName', () => {
  it.each([
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
    ['W. Europe Standard Time', 'Europe/Amsterdam'],
    ['"W. Europe Standard Time"', 'Europe/Amsterdam'],
    ['w. europe standard time', 'Europe/Amsterdam'],
    ['Romance Standard Time', 'Europe/Brussels'],
    ['GMT Standard Time', 'Europe/London'],
    ['Central Europe Standard Time', 'Europe/Budapest'],
    ['Eastern Standard Time', 'America/New_York'],
    ['SA Eastern Standard Time', 'America/Paramaribo'],
    ['UTC', 'UTC'],
    ['/mozilla.org/20050126_1/Europe/Amsterdam', 'Europe/Amsterdam'],
    ['/citadel.org/20190914_1/America/Curacao', 'America/Curacao'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Amsterdam'],
    ['(UTC+01:00) Brussel, Kopenhagen, Madrid, Parijs', 'Europe/Madrid'],
    ['(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', 'Europe/Brussels'],
    ['Olympus Mons Time', null],
    ['', null],
  ])('%s → %s', (tzid, expected) => {
    expect(timetableResolveZoneName(tzid)).toBe(expected);
  });
});

describe('zone arithmetic', () => {
  const zone = 'Europe/Amsterdam';

  it('knows the Amsterdam offsets on both sides of the switches', () => {
    expect(timetableZoneOffsetMs(zone, Date.UTC(2026, 9, 25, 0, 59))).toBe(2 * H);
    expect(timetableZoneOffsetMs(zone, Date.UTC(2026, 9, 25, 1, 0))).toBe(1 * H);
    expect(timetableZoneOffsetMs(zone, Date.UTC(2027, 2, 28, 0, 59))).toBe(1 * H);
    expect(timetableZoneOffsetMs(zone, Date.UTC(2027, 2, 28, 1, 0))).toBe(2 * H);
  });

  it('reads a repeated hour as its first occurrence and a missing hour with the offset before the gap', () => {
    expect(timetableLocalToUtcMs(zone, Date.UTC(2026, 9, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(timetableLocalToUtcMs(zone, Date.UTC(2027, 2, 28, 2, 30))).toBe(Date.UTC(2027, 2, 28, 1, 30));
    expect(timetableFormatIso(Date.UTC(2027, 2, 28, 1, 30), zone)).toBe('2027-03-28T03:30:00+02:00');
  });

  it('formats with the offset of the instant, Z for UTC, and negative and half-hour offsets', () => {
    expect(timetableFormatIso(Date.UTC(2026, 10, 23, 7, 30), zone)).toBe('2026-11-23T08:30:00+01:00');
    expect(timetableFormatIso(Date.UTC(2026, 5, 1, 6, 30), zone)).toBe('2026-06-01T08:30:00+02:00');
    expect(timetableFormatIso(Date.UTC(2026, 5, 1, 6, 30), 'UTC')).toBe('2026-06-01T06:30:00Z');
    expect(timetableFormatIso(Date.UTC(2026, 5, 1, 12, 0), 'America/Paramaribo')).toBe('2026-06-01T09:00:00-03:00');
    expect(timetableFormatIso(Date.UTC(2026, 5, 1, 12, 0), 'Asia/Kathmandu')).toBe('2026-06-01T17:45:00+05:45');
  });

  it('wall clock → UTC → wall clock is the identity outside the spring gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }), fc.constantFrom('Europe/Amsterdam', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC'), (minute, z) => {
        const wall = minute * 60_000;
        const utc = timetableLocalToUtcMs(z, wall);
        const back = timetableUtcToWallMs(z, utc);
        // Either exact, or the wall time fell in a gap and moved forward by the gap's size.
        expect(back === wall || (back > wall && back - wall <= H)).toBe(true);
        expect(new Date(timetableFormatIso(utc, z)).getTime()).toBe(utc);
      }),
      { numRuns: 500 },
    );
  });

  it('resolves a range from 00:00 of the first day to 24:00 of the last, and refuses bad ones', () => {
    expect(timetableResolveRange({ from: '2026-10-25', to: '2026-10-25' }, zone)).toEqual({
      ok: true,
      range: {
        fromWall: Date.UTC(2026, 9, 25),
        toWall: Date.UTC(2026, 9, 26),
        startMs: Date.UTC(2026, 9, 24, 22),
        endMs: Date.UTC(2026, 9, 25, 23),
      },
    });
    expect(timetableResolveRange({ from: '2026-13-01', to: '2026-12-01' }, zone)).toEqual({ ok: false, reason: 'RANGE_INVALID' });
    expect(timetableResolveRange({ from: '23-11-2026', to: '2026-12-01' }, zone)).toEqual({ ok: false, reason: 'RANGE_INVALID' });
    expect(timetableResolveRange({ from: '2026-01-01', to: '2026-12-31' }, zone, 100)).toEqual({ ok: false, reason: 'RANGE_TOO_LONG' });
  });

  it('expands a weekly slot on the right weekdays at the same wall-clock time', () => {
    const r = timetableResolveRange({ from: '2026-10-21', to: '2026-11-03' }, zone);
    if (!r.ok) throw new Error(r.reason);
    const occ = timetableExpandWeekly({ weekday: 1, startMinute: 8 * 60 + 30, endMinute: 9 * 60 + 20 }, r.range, zone);
    expect(occ.map((o) => timetableFormatIso(o.startMs, zone))).toEqual(['2026-10-26T08:30:00+01:00', '2026-11-02T08:30:00+01:00']);
  });
});

describe('timetableExpandWeekGrid', () => {
  it('turns validated grid entries into weekly blocks across the October switch', () => {
    const entries = [
      weekGridSchema.parse({ weekday: 3, start: '13:00', end: '14:30', kind: 'meeting', summary: 'Sectieoverleg', location: 'Teamkamer' }),
      weekGridSchema.parse({ weekday: 1, start: '08:30', end: '09:20', kind: 'lesson', summary: 'WIS - 3HA', location: '108' }),
    ];
    const r = timetableExpandWeekGrid(entries, { from: '2026-10-19', to: '2026-10-30' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.blocks.map((b) => [b.uid, b.start, b.end, b.kind])).toEqual([
      ['grid-1', '2026-10-19T08:30:00+02:00', '2026-10-19T09:20:00+02:00', 'lesson'],
      ['grid-0', '2026-10-21T13:00:00+02:00', '2026-10-21T14:30:00+02:00', 'meeting'],
      ['grid-1', '2026-10-26T08:30:00+01:00', '2026-10-26T09:20:00+01:00', 'lesson'],
      ['grid-0', '2026-10-28T13:00:00+01:00', '2026-10-28T14:30:00+01:00', 'meeting'],
    ]);
    for (const b of r.blocks) expect(busyBlockSchema.safeParse(b).success).toBe(true);
    expect(timetableExpandWeekGrid(entries, { from: '2026-10-30', to: '2026-10-19' })).toEqual({ ok: false, reason: 'RANGE_INVALID' });
  });
});

describe('timetableClassifyKind', () => {
  it.each([
    ['WIS - 3HA - 108', 'lesson'],
    ['wis - 3ha1 - 108', 'lesson'],
    ['ne - h4a - 012', 'lesson'],
    ['1 ne - h4a', 'lesson'],
    ['EN 2B', 'lesson'],
    ['BIO - 2HA - 301', 'lesson'],
    ['5VWO wisB', 'lesson'],
    ['Mentoruur', 'lesson'],
    ['KWT', 'lesson'],
    ['Toets hoofdstuk 4', 'lesson'],
    ['3e uur', 'lesson'],
    ['Vergadering', 'meeting'],
    ['Teamoverleg bovenbouw', 'meeting'],
    ['Overleg 3HA', 'meeting'],
    ['MR', 'meeting'],
    ['GMR-vergadering', 'meeting'],
    ['Oudergesprekken', 'meeting'],
    ['Leerlingbespreking 4V', 'meeting'],
    ['Studiedag', 'other'],
    ['Nascholing ICT', 'other'],
    ['Pauzedienst', 'other'],
    ['Lunch', 'other'],
    ['Tandarts', 'other'],
    ['Jan en Piet', 'other'],
    ['Afspraak huisarts', 'other'],
    ['Boodschappen doen', 'other'],
  ] as const)('%s → %s', (summary, kind) => {
    expect(timetableClassifyKind({ summary })).toBe(kind);
  });

  it('follows CATEGORIES first, never calls an all-day item a lesson, and uses the fallback', () => {
    expect(timetableClassifyKind({ summary: 'Bovenbouw', categories: ['Vergadering'] })).toBe('meeting');
    expect(timetableClassifyKind({ summary: 'Bovenbouw', categories: ['Lessen'] })).toBe('lesson');
    expect(timetableClassifyKind({ summary: 'WIS - 3HA', allDay: true })).toBe('other');
    expect(timetableClassifyKind({ summary: 'Blok 4' }, 'lesson')).toBe('lesson');
    expect(timetableClassifyKind({ summary: 'Blok 4' })).toBe('other');
  });
});

describe('timetableIsHoliday', () => {
  it.each([
    ['Kerstvakantie', true],
    ['Herfstvakantie regio Midden', true],
    ['Koningsdag', true],
    ['Tweede Kerstdag', true],
    ['Vrije dag', true],
    ['Hemelvaartsdag', true],
    ['Studiedag', false],
    ['Werkweek 4V', false],
    ['Vrijdagmiddagborrel', false],
  ] as const)('%s → %s', (summary, holiday) => {
    expect(timetableIsHoliday(summary)).toBe(holiday);
  });
});

describe('schemas', () => {
  it('validates a week-grid entry: times between 06:00 and 23:00, end after start', () => {
    const entry = { weekday: 1, start: '08:30', end: '09:20', kind: 'lesson', summary: 'WIS - 3HA', location: '108' };
    expect(weekGridSchema.safeParse(entry).success).toBe(true);
    const messages = (value: object): string[] => {
      const r = weekGridSchema.safeParse({ ...entry, ...value });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(messages({ end: '08:00' })).toEqual(['end:END_BEFORE_START']);
    expect(messages({ end: '08:30' })).toEqual(['end:END_BEFORE_START']);
    expect(messages({ start: '05:30' })).toEqual(['start:TIME_OUTSIDE_DAY']);
    expect(messages({ end: '23:30' })).toEqual(['end:TIME_OUTSIDE_DAY']);
    expect(messages({ start: '8:30' })).toEqual(['start:TIME_INVALID']);
    expect(weekGridSchema.safeParse({ ...entry, weekday: 8 }).success).toBe(false);
    expect(weekGridSchema.safeParse({ ...entry, kind: 'holiday' }).success).toBe(false);
    expect(weekGridListSchema.safeParse([entry, { ...entry, weekday: 2 }]).success).toBe(true);
  });

  it('requires a busy block to end after it starts and to carry offsets', () => {
    const block = {
      uid: 'x',
      start: '2026-11-23T08:30:00+01:00',
      end: '2026-11-23T09:20:00+01:00',
      startMs: Date.UTC(2026, 10, 23, 7, 30),
      endMs: Date.UTC(2026, 10, 23, 8, 20),
      summary: '',
      location: '',
      kind: 'lesson',
      allDay: false,
    };
    expect(busyBlockSchema.safeParse(block).success).toBe(true);
    expect(busyBlockSchema.safeParse({ ...block, endMs: block.startMs }).success).toBe(false);
    expect(busyBlockSchema.safeParse({ ...block, start: '2026-11-23T08:30:00' }).success).toBe(false);
  });
});

describe('mbo and hbo timetables', () => {
  it('recognises group codes with rooms, and college words', async () => {
    const { timetableClassifyKind } = await import('./rules.ts');
    expect(timetableClassifyKind({ summary: 'SD2A - Programmeren - B2.14' })).toBe('lesson');
    expect(timetableClassifyKind({ summary: 'VP4B verpleegtechnische handelingen 0.12' })).toBe('lesson');
    expect(timetableClassifyKind({ summary: 'Hoorcollege Databases' })).toBe('lesson');
    expect(timetableClassifyKind({ summary: 'Werkcollege ICT 2A' })).toBe('lesson');
    expect(timetableClassifyKind({ summary: 'Bespreking 2.14' })).toBe('meeting');
    expect(timetableClassifyKind({ summary: 'Afspraak tandarts' })).toBe('other');
  });

  it('counts unrecognised items of school timetable systems as lessons, of other calendars as other', async () => {
    const { timetableDefaultKind } = await import('./rules.ts');
    expect(timetableDefaultKind('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Zermelo Software//Zermelo Portal//NL\r\n')).toBe('lesson');
    expect(timetableDefaultKind('BEGIN:VCALENDAR\nPRODID:-//Untis//WebUntis//DE\n')).toBe('lesson');
    expect(timetableDefaultKind('BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n')).toBe('other');
    expect(timetableDefaultKind('BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n')).toBe('other');
  });
});
