import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timetableParseIcal, type IcalParseSuccess } from './parse-ical.ts';
import { timetableFormatWall, timetableUtcToWallMs } from './rules.ts';
import { busyBlockSchema, icalParseResultSchema } from './schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixture = (name: string): string => readFileSync(path.join(root, 'tests/fixtures/ics', name), 'utf8');
const week = { from: '2026-11-23', to: '2026-11-27' };

function ok(result: ReturnType<typeof timetableParseIcal>): IcalParseSuccess {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason} at line ${result.line}`);
  expect(icalParseResultSchema.safeParse(result).success).toBe(true);
  return result;
}

function times(result: IcalParseSuccess): [string, string][] {
  return result.blocks.map((b) => [b.start, b.end]);
}

function calendar(...events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//NL', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

function vevent(lines: string[]): string {
  return ['BEGIN:VEVENT', 'DTSTAMP:20261120T080000Z', ...lines, 'END:VEVENT'].join('\r\n');
}

describe('timetableParseIcal — Outlook export with W. Europe Standard Time', () => {
  const text = fixture('outlook-w-europe.ics');
  const lessonUid = '040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A601000000000000000010000000A1B2C3D4E5F6';

  it('applies RECURRENCE-ID overrides (moved and cancelled) and reports skips in the week', () => {
    const r = ok(timetableParseIcal(text, week));
    expect(r.blocks.map((b) => [b.start, b.end, b.summary, b.location, b.kind])).toEqual([
      ['2026-11-23T08:30:00+01:00', '2026-11-23T09:20:00+01:00', 'WIS - 3HA - 108', 'Lokaal 108', 'lesson'],
      ['2026-11-24T15:30:00+01:00', '2026-11-24T17:00:00+01:00', 'Bovenbouw', 'Teamkamer', 'meeting'],
      ['2026-11-25T10:00:00+01:00', '2026-11-25T10:50:00+01:00', 'WIS - 3HA - 214', 'Lokaal 214', 'lesson'],
    ]);
    expect(r.skipped.map((s) => [s.uid, s.reason, s.start])).toEqual([
      [lessonUid, 'ICAL_CANCELLED', '2026-11-27T08:30:00+01:00'],
      ['outlook-lunch-2026-11-26', 'ICAL_TRANSPARENT', '2026-11-26T12:30:00+01:00'],
      ['outlook-backwards-2026-11-26', 'ICAL_END_BEFORE_START', '2026-11-26T15:00:00+01:00'],
    ]);
    expect(r.blocks[0]?.startMs).toBe(Date.UTC(2026, 10, 23, 7, 30));
    expect(r.blocks.every((b) => !b.allDay)).toBe(true);
  });

  it('removes every EXDATE value (several on one line, several lines)', () => {
    const r = ok(timetableParseIcal(text, { from: '2026-10-19', to: '2026-10-23' }));
    expect(r.blocks).toEqual([]);
    const nov30 = ok(timetableParseIcal(text, { from: '2026-11-30', to: '2026-12-04' }));
    expect(times(nov30)).toEqual([
      ['2026-12-02T08:30:00+01:00', '2026-12-02T09:20:00+01:00'],
      ['2026-12-04T08:30:00+01:00', '2026-12-04T09:20:00+01:00'],
    ]);
  });

  it('keeps 08:30 local across the October switch and ends on UNTIL inclusively', () => {
    const before = ok(timetableParseIcal(text, { from: '2026-10-12', to: '2026-10-16' }));
    expect(before.blocks.map((b) => b.start)).toEqual([
      '2026-10-12T08:30:00+02:00',
      '2026-10-14T08:30:00+02:00',
      '2026-10-16T08:30:00+02:00',
    ]);
    const after = ok(timetableParseIcal(text, { from: '2026-10-26', to: '2026-10-30' }));
    expect(after.blocks.map((b) => b.start)).toEqual([
      '2026-10-26T08:30:00+01:00',
      '2026-10-28T08:30:00+01:00',
      '2026-10-30T08:30:00+01:00',
    ]);
    const last = ok(timetableParseIcal(text, { from: '2026-12-14', to: '2026-12-25' }));
    expect(last.blocks.map((b) => b.start)).toEqual([
      '2026-12-14T08:30:00+01:00',
      '2026-12-16T08:30:00+01:00',
      '2026-12-18T08:30:00+01:00',
    ]);
  });

  it('counts the whole series: 3 lessons a week from 7 Sep to 18 Dec minus 4 EXDATEs', () => {
    const r = ok(timetableParseIcal(text, { from: '2026-09-01', to: '2026-12-31' }));
    const lessons = r.blocks.filter((b) => b.uid === lessonUid);
    // 15 weeks × 3 = 45 occurrences, 4 excluded, 1 cancelled, 1 moved (still a block).
    expect(lessons).toHaveLength(45 - 4 - 1);
  });
});

describe('timetableParseIcal — Zermelo-like export in UTC', () => {
  const text = fixture('zermelo-utc.ics');

  it('imports every single event of the week at local time, skipping the cancelled lesson', () => {
    const r = ok(timetableParseIcal(text, week));
    expect(r.blocks).toHaveLength(24);
    expect(r.skipped).toEqual([
      { uid: 'zermelo-20261125-2@school.zportal.nl', reason: 'ICAL_CANCELLED', start: '2026-11-25T09:20:00+01:00', line: expect.any(Number) },
    ]);
    expect(r.blocks[0]).toMatchObject({
      uid: 'zermelo-20261123-1@school.zportal.nl',
      start: '2026-11-23T08:30:00+01:00',
      end: '2026-11-23T09:20:00+01:00',
      summary: 'wis - 3ha - 108',
      location: '108',
      kind: 'lesson',
    });
    expect(r.blocks.every((b) => b.kind === 'lesson')).toBe(true);
    expect(r.blocks.every((b) => b.start.endsWith('+01:00'))).toBe(true);
  });

  it('shows a UTC time in summer time with +02:00', () => {
    const r = ok(timetableParseIcal(text, { from: '2026-10-23', to: '2026-10-23' }));
    expect(times(r)).toEqual([['2026-10-23T08:30:00+02:00', '2026-10-23T09:20:00+02:00']]);
  });
});

describe('timetableParseIcal — Google export with BOM, CRLF, folded lines and all-day events', () => {
  const text = fixture('google-bom-crlf.ics');

  it('unfolds and unescapes text, keeps a study day as an all-day busy block, skips transparent items', () => {
    const r = ok(timetableParseIcal(text, week));
    expect(r.blocks.map((b) => [b.start, b.end, b.allDay, b.kind])).toEqual([
      ['2026-11-23T13:15:00+01:00', '2026-11-23T14:05:00+01:00', false, 'lesson'],
      ['2026-11-25T00:00:00+01:00', '2026-11-26T00:00:00+01:00', true, 'other'],
      ['2026-11-26T13:15:00+01:00', '2026-11-26T14:05:00+01:00', false, 'lesson'],
    ]);
    expect(r.blocks[0]?.summary).toBe('NA - 5VWO - Practicum elektriciteit');
    expect(r.blocks[0]?.location).toBe('Practicumlokaal N1.05, Gebouw Noord, Schoolstraat 12, 3511 AB Utrecht');
    expect(r.blocks[1]?.summary).toBe('Studiedag');
    expect(r.skipped.map((s) => [s.uid, s.reason])).toEqual([['verjaardag-piet@google.com', 'ICAL_TRANSPARENT']]);
  });

  it('skips holidays such as Kerstvakantie', () => {
    const r = ok(timetableParseIcal(text, { from: '2026-12-21', to: '2026-12-23' }));
    expect(r.blocks.map((b) => [b.start, b.allDay])).toEqual([['2026-12-21T13:15:00+01:00', false]]);
    expect(r.skipped.map((s) => [s.uid, s.reason, s.start])).toEqual([
      ['kerstvakantie-2026@google.com', 'ICAL_HOLIDAY', '2026-12-19T00:00:00+01:00'],
    ]);
  });

  it('stops a COUNT rule after COUNT occurrences', () => {
    const r = ok(timetableParseIcal(text, { from: '2026-11-01', to: '2027-03-01' }));
    const practicum = r.blocks.filter((b) => b.uid === '3k9f0a1b2c3d4e5f6g7h8i9j0k@google.com');
    expect(practicum).toHaveLength(10);
    expect(practicum.at(-1)?.start).toBe('2026-12-24T13:15:00+01:00');
  });

  it('gives the same result for LF line endings without a BOM, and with stray spaces after BEGIN/END', () => {
    const lf = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    expect(timetableParseIcal(lf, week)).toEqual(timetableParseIcal(text, week));
    const spaced = lf.replace(/^(BEGIN|END):VEVENT$/gm, '$1:VEVENT  ');
    expect(spaced.match(/VEVENT {2}$/gm)).toHaveLength(8);
    expect(ok(timetableParseIcal(spaced, week)).blocks).toHaveLength(3);
  });
});

describe('timetableParseIcal — time zones', () => {
  it('reads floating times in Europe/Amsterdam, uses DURATION, and a default length without DTEND', () => {
    const r = ok(timetableParseIcal(fixture('floating.ics'), week));
    expect(r.blocks.map((b) => [b.uid, b.start, b.end])).toEqual([
      ['magister-4711', '2026-11-24T08:30:00+01:00', '2026-11-24T09:20:00+01:00'],
      ['magister-4713', '2026-11-24T15:00:00+01:00', '2026-11-24T16:00:00+01:00'],
    ]);
    expect(r.skipped.map((s) => [s.uid, s.reason])).toEqual([['magister-4714', 'ICAL_ZERO_DURATION']]);
    const june = ok(timetableParseIcal(fixture('floating.ics'), { from: '2026-06-02', to: '2026-06-02' }));
    expect(times(june)).toEqual([['2026-06-02T08:30:00+02:00', '2026-06-02T09:20:00+02:00']]);
    const shorter = ok(timetableParseIcal(fixture('floating.ics'), week, { defaultDurationMinutes: 15 }));
    expect(shorter.blocks[1]?.end).toBe('2026-11-24T15:15:00+01:00');
  });

  it('resolves TZIDs without a VTIMEZONE: IANA, Windows, Mozilla-prefixed and Outlook display names', () => {
    const r = ok(timetableParseIcal(fixture('tzid-without-vtimezone.ics'), week));
    expect(r.blocks.map((b) => [b.uid, b.start, b.end])).toEqual([
      ['untis-1', '2026-11-23T08:15:00+01:00', '2026-11-23T09:00:00+01:00'],
      ['untis-2', '2026-11-23T10:00:00+01:00', '2026-11-23T10:45:00+01:00'],
      ['untis-3', '2026-11-23T14:00:00+01:00', '2026-11-23T15:00:00+01:00'],
      ['untis-4', '2026-11-24T08:15:00+01:00', '2026-11-24T09:00:00+01:00'],
      ['untis-6', '2026-11-25T08:15:00+01:00', '2026-11-25T09:00:00+01:00'],
    ]);
    expect(r.skipped.map((s) => [s.uid, s.reason])).toEqual([['untis-5', 'ICAL_UNKNOWN_TIMEZONE']]);
  });

  it("uses the file's own VTIMEZONE for a TZID that names no known zone", () => {
    const r = ok(timetableParseIcal(fixture('custom-vtimezone.ics'), { from: '2026-10-01', to: '2026-11-30' }));
    expect(times(r)).toEqual([
      ['2026-10-14T08:30:00+02:00', '2026-10-14T09:20:00+02:00'],
      ['2026-10-21T08:30:00+02:00', '2026-10-21T09:20:00+02:00'],
      ['2026-10-28T08:30:00+01:00', '2026-10-28T09:20:00+01:00'],
      ['2026-11-04T08:30:00+01:00', '2026-11-04T09:20:00+01:00'],
    ]);
  });

  it('handles both DST switches: same wall clock weekly, first instance of a repeated hour, a time in the gap moves forward', () => {
    const text = fixture('dst-switch.ics');
    const r = ok(timetableParseIcal(text, { from: '2026-10-19', to: '2027-04-04' }));
    const weekly = r.blocks.filter((b) => b.uid === 'dst-weekly');
    expect(weekly).toHaveLength(24);
    expect(new Set(weekly.map((b) => b.start.slice(11, 19)))).toEqual(new Set(['08:30:00']));
    expect(weekly[0]?.start).toBe('2026-10-19T08:30:00+02:00');
    expect(weekly[1]?.start).toBe('2026-10-26T08:30:00+01:00');
    expect(weekly.at(-2)?.start).toBe('2027-03-22T08:30:00+01:00');
    expect(weekly.at(-1)?.start).toBe('2027-03-29T08:30:00+02:00');
    const night = r.blocks.filter((b) => b.uid === 'dst-sunday-night');
    expect(night.map((b) => [b.start, b.end])).toEqual([
      ['2026-10-24T02:30:00+02:00', '2026-10-24T03:30:00+02:00'],
      ['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00'],
    ]);
    expect(night[1]?.startMs).toBe(Date.UTC(2026, 9, 25, 0, 30));
    const gap = r.blocks.find((b) => b.uid === 'dst-spring-gap');
    expect([gap?.start, gap?.end]).toEqual(['2027-03-28T03:30:00+02:00', '2027-03-28T04:00:00+02:00']);
  });

  it('maps GMT Standard Time to Europe/London', () => {
    const text = calendar(
      vevent(['UID:london', 'DTSTART;TZID=GMT Standard Time:20260615T090000', 'DTEND;TZID=GMT Standard Time:20260615T100000', 'SUMMARY:Call']),
    );
    const r = ok(timetableParseIcal(text, { from: '2026-06-15', to: '2026-06-15' }));
    expect(times(r)).toEqual([['2026-06-15T10:00:00+02:00', '2026-06-15T11:00:00+02:00']]);
  });
});

describe('timetableParseIcal — recurrence details', () => {
  const master = (extra: string[]): string =>
    vevent([
      'UID:series',
      'DTSTART;TZID=Europe/Amsterdam:20261102T083000',
      'DTEND;TZID=Europe/Amsterdam:20261102T092000',
      'SUMMARY:NE - 2B',
      ...extra,
    ]);

  it('expands BYDAY with COUNT', () => {
    const r = ok(timetableParseIcal(calendar(master(['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,TH;COUNT=5'])), { from: '2026-11-01', to: '2026-12-31' }));
    expect(r.blocks.map((b) => b.start.slice(0, 10))).toEqual(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-09', '2026-11-10']);
  });

  it('accepts EXDATE as a DATE and as UTC, and RECURRENCE-ID in UTC for a zoned series', () => {
    const text = calendar(
      master(['RRULE:FREQ=DAILY;COUNT=5', 'EXDATE;VALUE=DATE:20261103', 'EXDATE:20261104T073000Z']),
      vevent(['UID:series', 'RECURRENCE-ID:20261105T073000Z', 'DTSTART;TZID=Europe/Amsterdam:20261105T140000', 'DTEND;TZID=Europe/Amsterdam:20261105T145000']),
    );
    const r = ok(timetableParseIcal(text, { from: '2026-11-01', to: '2026-11-30' }));
    expect(r.blocks.map((b) => [b.start, b.summary])).toEqual([
      ['2026-11-02T08:30:00+01:00', 'NE - 2B'],
      ['2026-11-05T14:00:00+01:00', 'NE - 2B'],
      ['2026-11-06T08:30:00+01:00', 'NE - 2B'],
    ]);
  });

  it('places a moved instance where it moved to, even from outside the range', () => {
    const text = calendar(
      master(['RRULE:FREQ=WEEKLY;COUNT=3']),
      vevent(['UID:series', 'RECURRENCE-ID;TZID=Europe/Amsterdam:20261116T083000', 'DTSTART;TZID=Europe/Amsterdam:20261110T100000', 'DTEND;TZID=Europe/Amsterdam:20261110T105000', 'SUMMARY:NE - 2B (verplaatst)']),
    );
    const r = ok(timetableParseIcal(text, { from: '2026-11-09', to: '2026-11-13' }));
    expect(r.blocks.map((b) => [b.start, b.summary])).toEqual([
      ['2026-11-09T08:30:00+01:00', 'NE - 2B'],
      ['2026-11-10T10:00:00+01:00', 'NE - 2B (verplaatst)'],
    ]);
    const later = ok(timetableParseIcal(text, { from: '2026-11-16', to: '2026-11-20' }));
    expect(later.blocks).toEqual([]);
  });

  it('skips every occurrence of a cancelled series in the range', () => {
    const r = ok(timetableParseIcal(calendar(master(['RRULE:FREQ=DAILY;COUNT=10', 'STATUS:CANCELLED'])), { from: '2026-11-02', to: '2026-11-04' }));
    expect(r.blocks).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['ICAL_CANCELLED', 'ICAL_CANCELLED', 'ICAL_CANCELLED']);
  });

  it('adds RDATE occurrences and spans multi-day all-day events', () => {
    const text = calendar(
      master(['RDATE;TZID=Europe/Amsterdam:20261104T120000,20261106T120000']),
      vevent(['UID:trip', 'DTSTART;VALUE=DATE:20261103', 'DTEND;VALUE=DATE:20261105', 'SUMMARY:Werkweek 4V']),
    );
    const r = ok(timetableParseIcal(text, { from: '2026-11-02', to: '2026-11-06' }));
    expect(r.blocks.map((b) => [b.uid, b.start, b.end])).toEqual([
      ['series', '2026-11-02T08:30:00+01:00', '2026-11-02T09:20:00+01:00'],
      ['trip', '2026-11-03T00:00:00+01:00', '2026-11-05T00:00:00+01:00'],
      ['series', '2026-11-04T12:00:00+01:00', '2026-11-04T12:50:00+01:00'],
      ['series', '2026-11-06T12:00:00+01:00', '2026-11-06T12:50:00+01:00'],
    ]);
  });

  it('reports items that cannot be placed in time', () => {
    const text = calendar(
      vevent(['UID:no-start', 'SUMMARY:Zonder begin']),
      vevent(['UID:bad-value', 'DTSTART:2026112X', 'SUMMARY:Kapot']),
      vevent(['UID:bad-rule', 'DTSTART:20261102T083000Z', 'DTEND:20261102T090000Z', 'RRULE:COUNT=3']),
      vevent(['UID:fine', 'DTSTART:20261102T083000Z', 'DTEND:20261102T090000Z']),
    );
    const r = ok(timetableParseIcal(text, { from: '2026-11-02', to: '2026-11-02' }));
    expect(r.blocks.map((b) => b.uid)).toEqual(['fine']);
    expect(r.skipped.map((s) => [s.uid, s.reason])).toEqual([
      ['no-start', 'ICAL_NO_START'],
      ['bad-value', 'ICAL_INVALID_VALUE'],
      ['bad-rule', 'ICAL_INVALID_RECURRENCE'],
    ]);
    expect(r.skipped[0]?.line).toBe(4);
  });

  it('keeps the override with the highest SEQUENCE, drops duplicate items, and treats BUSYSTATUS:FREE as free', () => {
    const moved = (sequence: number, hour: string) =>
      vevent(['UID:series', `SEQUENCE:${sequence}`, 'RECURRENCE-ID;TZID=Europe/Amsterdam:20261109T083000', `DTSTART;TZID=Europe/Amsterdam:20261109T${hour}0000`, `DTEND;TZID=Europe/Amsterdam:20261109T${hour}5000`]);
    const single = vevent(['UID:single', 'DTSTART:20261110T120000Z', 'DTEND:20261110T130000Z', 'SUMMARY:Overleg']);
    const free = vevent(['UID:free', 'DTSTART:20261111T120000Z', 'DTEND:20261111T130000Z', 'X-MICROSOFT-CDO-BUSYSTATUS:FREE']);
    const text = calendar(master(['RRULE:FREQ=WEEKLY;COUNT=3']), moved(2, '14'), moved(5, '11'), moved(3, '15'), single, single, free);
    const r = ok(timetableParseIcal(text, { from: '2026-11-09', to: '2026-11-13' }));
    expect(r.blocks.map((b) => [b.uid, b.start])).toEqual([
      ['series', '2026-11-09T11:00:00+01:00'],
      ['single', '2026-11-10T13:00:00+01:00'],
    ]);
    expect(r.skipped.map((s) => [s.uid, s.reason])).toEqual([['free', 'ICAL_TRANSPARENT']]);
  });

  it('reports a runaway rule instead of generating without end', () => {
    const text = calendar(vevent(['UID:minutely', 'DTSTART:20200101T000000Z', 'DTEND:20200101T000100Z', 'RRULE:FREQ=MINUTELY']));
    const r = ok(timetableParseIcal(text, { from: '2026-11-02', to: '2026-11-02' }, { maxOccurrences: 1000 }));
    expect(r.skipped.map((s) => s.reason)).toEqual(['ICAL_RECURRENCE_LIMIT']);
  });
});

describe('timetableParseIcal — refused files', () => {
  it.each([
    ['malformed-unclosed.ics', 'ICAL_MALFORMED', 10],
    ['malformed-garbage.ics', 'ICAL_MALFORMED', 13],
    ['malformed-mismatched.ics', 'ICAL_MALFORMED', 7],
    ['empty.ics', 'ICAL_EMPTY', undefined],
    ['not-a-calendar.ics', 'ICAL_NOT_CALENDAR', undefined],
  ])('%s → %s', (name, reason, line) => {
    const r = timetableParseIcal(fixture(name), week);
    expect(r).toEqual(line === undefined ? { ok: false, reason } : { ok: false, reason, line });
  });

  it('refuses empty text, a bad range and a too long range', () => {
    expect(timetableParseIcal('\uFEFF \r\n', week)).toEqual({ ok: false, reason: 'ICAL_EMPTY' });
    const text = fixture('zermelo-utc.ics');
    expect(timetableParseIcal(text, { from: '2026-11-27', to: '2026-11-23' })).toEqual({ ok: false, reason: 'RANGE_INVALID' });
    expect(timetableParseIcal(text, { from: '2026-02-30', to: '2026-03-01' })).toEqual({ ok: false, reason: 'RANGE_INVALID' });
    expect(timetableParseIcal(text, { from: '2026-01-01', to: '2029-01-01' })).toEqual({ ok: false, reason: 'RANGE_TOO_LONG' });
  });
});

describe('timetableParseIcal — properties', () => {
  const days = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;

  it('a weekly rule keeps its local wall-clock time every week, and every block overlaps the range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 6 * 12, max: 20 * 12 }),
        fc.integer({ min: 1, max: 24 }),
        fc.subarray([...days], { minLength: 1 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        (startDay, fiveMinutes, lengthSteps, byday, rangeOffset, rangeDays) => {
          const start = new Date(Date.UTC(2025, 0, 1) + startDay * 86_400_000);
          const ymd = timetableFormatWall(start.getTime()).slice(0, 10).replace(/-/g, '');
          const hh = String(Math.floor(fiveMinutes / 12)).padStart(2, '0');
          const mm = String((fiveMinutes % 12) * 5).padStart(2, '0');
          const text = calendar(
            vevent([
              'UID:prop',
              `DTSTART;TZID=W. Europe Standard Time:${ymd}T${hh}${mm}00`,
              `DURATION:PT${lengthSteps * 5}M`,
              `RRULE:FREQ=WEEKLY;BYDAY=${byday.join(',')}`,
            ]),
          );
          const from = timetableFormatWall(start.getTime() + rangeOffset * 86_400_000).slice(0, 10);
          const to = timetableFormatWall(start.getTime() + (rangeOffset + rangeDays) * 86_400_000).slice(0, 10);
          const r = ok(timetableParseIcal(text, { from, to }));
          const rangeStart = Date.parse(`${from}T00:00:00Z`) - 2 * 3_600_000;
          const rangeEnd = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
          for (const b of r.blocks) {
            expect(busyBlockSchema.safeParse(b).success).toBe(true);
            expect(b.start.slice(11, 16)).toBe(`${hh}:${mm}`);
            expect(b.endMs - b.startMs).toBe(lengthSteps * 5 * 60_000);
            expect(b.startMs).toBe(Date.parse(b.start));
            expect(b.startMs).toBeLessThan(rangeEnd);
            expect(b.endMs).toBeGreaterThan(rangeStart);
            const local = new Date(timetableUtcToWallMs('Europe/Amsterdam', b.startMs));
            // DTSTART always counts as the first occurrence (RFC 5545), even off the BYDAY days.
            if (local.getUTCDate() !== start.getUTCDate() || b.startMs > start.getTime() + 86_400_000) {
              expect(byday.map((d) => days.indexOf(d) + 1)).toContain(local.getUTCDay());
            }
          }
          // No occurrence missing: count the matching weekdays in the range on or after DTSTART.
          let expected = 0;
          for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
            const weekday = new Date(d).getUTCDay();
            if (d === start.getTime() || (d > start.getTime() && byday.some((x) => days.indexOf(x) + 1 === weekday))) expected++;
          }
          const startsInRange = r.blocks.filter((b) => b.start.slice(0, 10) >= from).length;
          expect(startsInRange).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every block of the fixtures overlaps any range, blocks are sorted, and event order does not matter', () => {
    const text = fixture('outlook-w-europe.ics');
    const head = text.slice(0, text.indexOf('BEGIN:VEVENT'));
    const events = text
      .slice(text.indexOf('BEGIN:VEVENT'), text.lastIndexOf('END:VCALENDAR'))
      .split(/(?=BEGIN:VEVENT)/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(...events.map((_, i) => i)), (offset, length, rotate) => {
        const from = timetableFormatWall(Date.UTC(2026, 8, 1) + offset * 86_400_000).slice(0, 10);
        const to = timetableFormatWall(Date.UTC(2026, 8, 1) + (offset + length) * 86_400_000).slice(0, 10);
        const r = ok(timetableParseIcal(text, { from, to }));
        const rangeStart = Date.parse(`${from}T00:00:00+02:00`) - 3_600_000;
        const rangeEnd = Date.parse(`${to}T24:00:00+01:00`) + 3_600_000;
        for (const b of r.blocks) {
          expect(b.startMs).toBeLessThan(rangeEnd);
          expect(b.endMs).toBeGreaterThan(rangeStart);
        }
        for (let i = 1; i < r.blocks.length; i++) {
          expect(r.blocks[i]!.startMs).toBeGreaterThanOrEqual(r.blocks[i - 1]!.startMs);
        }
        const shuffled = head + [...events.slice(rotate), ...events.slice(0, rotate)].join('') + 'END:VCALENDAR\r\n';
        const again = ok(timetableParseIcal(shuffled, { from, to }));
        expect(again.blocks).toEqual(r.blocks);
        expect(new Set(again.skipped.map((s) => `${s.uid}|${s.reason}|${s.start}`))).toEqual(new Set(r.skipped.map((s) => `${s.uid}|${s.reason}|${s.start}`)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('kruispunt timetable parse (child process)', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'timetable', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Kathmandu' },
    });

  it('prints exactly {blocks:[{start,end,summary,location}], skipped:[{uid,reason}]}', () => {
    const r = run('parse', 'tests/fixtures/ics/outlook-w-europe.ics', '--from', '2026-11-23', '--to', '2026-11-27');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { blocks: Record<string, string>[]; skipped: Record<string, string>[] };
    expect(Object.keys(out)).toEqual(['blocks', 'skipped']);
    expect(out.blocks).toHaveLength(3);
    for (const b of out.blocks) expect(Object.keys(b)).toEqual(['start', 'end', 'summary', 'location']);
    for (const s of out.skipped) expect(Object.keys(s)).toEqual(['uid', 'reason']);
    expect(out.blocks[0]).toEqual({ start: '2026-11-23T08:30:00+01:00', end: '2026-11-23T09:20:00+01:00', summary: 'WIS - 3HA - 108', location: 'Lokaal 108' });
    expect(out.skipped.map((s) => s.reason)).toEqual(['ICAL_CANCELLED', 'ICAL_TRANSPARENT', 'ICAL_END_BEFORE_START']);
  }, 30_000);

  it('exits 2 with a readable message on bad arguments or a bad file', () => {
    const missing = run('parse', 'tests/fixtures/ics/outlook-w-europe.ics', '--from', '2026-11-23');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--from and --to are required');
    const malformed = run('parse', 'tests/fixtures/ics/malformed-garbage.ics', '--from', '2026-11-23', '--to', '2026-11-27');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('ICAL_MALFORMED');
    expect(malformed.stderr).toContain('line 13');
    expect(malformed.stdout).toBe('');
    const absent = run('parse', 'tests/fixtures/ics/does-not-exist.ics', '--from', '2026-11-23', '--to', '2026-11-27');
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('ENOENT');
  }, 30_000);
});

describe('timetableParseIcal — bounded work (a file cannot make the parser run for long)', () => {
  // Generous: a bound that proves "not stuck", not a benchmark.
  const QUICK_MS = 5_000;
  const timed = <T>(fn: () => T): { value: T; ms: number } => {
    const started = performance.now();
    const value = fn();
    return { value, ms: performance.now() - started };
  };
  const starts = (r: IcalParseSuccess) => r.blocks.map((b) => b.start);

  it('starts expanding near a range far after DTSTART, with the occurrences of the rule there', () => {
    const old = calendar(vevent(['UID:hourly', 'DTSTART:20000101T000000Z', 'DURATION:PT30M', 'RRULE:FREQ=HOURLY']));
    const { value, ms } = timed(() => ok(timetableParseIcal(old, { from: '2030-06-12', to: '2030-06-12' })));
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value.skipped).toEqual([]);
    // 00:00–24:00 in Amsterdam (+02:00 in June): 22:00Z the day before up to 21:00Z.
    expect(value.blocks).toHaveLength(24);
    expect(value.blocks[0]?.start).toBe('2030-06-12T00:00:00+02:00');
    expect(value.blocks.at(-1)?.start).toBe('2030-06-12T23:00:00+02:00');
  });

  it('gives the same blocks for a weekly lesson whether its series began 25 years ago or last month', () => {
    const lesson = (dtstart: string) => calendar(vevent(['UID:wis', `DTSTART;TZID=Europe/Amsterdam:${dtstart}`, 'DURATION:PT50M', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2', 'SUMMARY:WIS']));
    const range = { from: '2026-11-01', to: '2026-12-31' };
    // 2001-10-01 and 2026-10-12 are Mondays 1306 weeks apart (an even number, as INTERVAL=2 needs).
    const far = ok(timetableParseIcal(lesson('20011001T083000'), range));
    const near = ok(timetableParseIcal(lesson('20261012T083000'), range));
    expect(starts(far)).toEqual(starts(near));
    expect(starts(far).slice(0, 4)).toEqual(['2026-11-09T08:30:00+01:00', '2026-11-11T08:30:00+01:00', '2026-11-23T08:30:00+01:00', '2026-11-25T08:30:00+01:00']);
  });

  it('keeps COUNT exact when it skips ahead, and finds monthly and yearly rules decades on', () => {
    const hours = (Date.UTC(2026, 10, 2, 5) - Date.UTC(2020, 0, 1)) / 3_600_000 + 1;
    const counted = calendar(vevent(['UID:count', 'DTSTART:20200101T000000Z', 'DURATION:PT30M', `RRULE:FREQ=SECONDLY;INTERVAL=3600;COUNT=${hours}`]));
    const r = ok(timetableParseIcal(counted, { from: '2026-11-02', to: '2026-11-02' }));
    // Amsterdam's 2026-11-02 starts at 23:00Z on 11-01; the last occurrence is 05:00Z.
    expect(starts(r)).toEqual(['00:00', '01:00', '02:00', '03:00', '04:00', '05:00', '06:00'].map((t) => `2026-11-02T${t}:00+01:00`));
    const monthly = calendar(vevent(['UID:m', 'DTSTART;TZID=Europe/Amsterdam:19500110T150000', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;BYDAY=2TU']));
    expect(starts(ok(timetableParseIcal(monthly, { from: '2040-03-01', to: '2040-04-30' })))).toEqual(['2040-03-13T15:00:00+01:00', '2040-04-10T15:00:00+02:00']);
    const yearly = calendar(vevent(['UID:y', 'DTSTART;VALUE=DATE:19000312', 'RRULE:FREQ=YEARLY', 'SUMMARY:Studiedag']));
    expect(starts(ok(timetableParseIcal(yearly, { from: '2030-01-01', to: '2031-12-31' })))).toEqual(['2030-03-12T00:00:00+01:00', '2031-03-12T00:00:00+01:00']);
    const ended = calendar(vevent(['UID:e', 'DTSTART:20000101T080000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;UNTIL=20251231T235959Z']));
    expect(ok(timetableParseIcal(ended, { from: '2026-01-01', to: '2026-12-31' }))).toMatchObject({ blocks: [], skipped: [] });
  });

  it('stops a rule that filters out almost every instant inside one step of ical.js', () => {
    // Every second of the year is a candidate, and only December matches.
    const text = calendar(vevent(['UID:dec', 'DTSTART:20260101T000000Z', 'DURATION:PT1S', 'RRULE:FREQ=SECONDLY;BYMONTH=12']));
    const { value, ms } = timed(() => ok(timetableParseIcal(text, { from: '2026-11-01', to: '2026-11-30' })));
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value.skipped.map((s) => s.reason)).toEqual(['ICAL_RECURRENCE_LIMIT']);
  });

  it('bounds the work of a whole file: 60 events recurring every second are all skipped, quickly', () => {
    const { value, ms } = timed(() => ok(timetableParseIcal(fixture('hostile-secondly.ics'), { from: '2026-11-01', to: '2026-11-30' })));
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value.blocks).toEqual([]);
    expect(value.skipped).toHaveLength(60);
    const reasons = value.skipped.map((s) => s.reason);
    expect(reasons[0]).toBe('ICAL_RECURRENCE_LIMIT');
    expect(reasons).toContain('ICAL_WORK_LIMIT');
    expect(new Set(reasons)).toEqual(new Set(['ICAL_RECURRENCE_LIMIT', 'ICAL_WORK_LIMIT']));
  });

  it('caps blocks, items and listed skips per file, and says how many were left out', () => {
    const daily = calendar(vevent(['UID:daily', 'DTSTART;TZID=Europe/Amsterdam:20260105T090000', 'DURATION:PT1H', 'RRULE:FREQ=DAILY']));
    const r = ok(timetableParseIcal(daily, { from: '2026-11-01', to: '2026-12-31' }, { maxBlocks: 40 }));
    expect(r.blocks).toHaveLength(40);
    expect(r.skipped).toEqual([{ uid: 'daily', reason: 'ICAL_BLOCK_LIMIT', start: '2026-12-11T09:00:00+01:00', count: 21 }]);

    const many = calendar(...Array.from({ length: 30 }, (_, i) => vevent([`UID:e${i}`, `DTSTART:202611${String(2 + (i % 20)).padStart(2, '0')}T080000Z`, 'DURATION:PT1H', 'STATUS:CANCELLED'])));
    const capped = ok(timetableParseIcal(many, { from: '2026-11-01', to: '2026-11-30' }, { maxEvents: 25, maxSkipped: 10 }));
    expect(capped.skipped).toHaveLength(10);
    expect(capped.skipped.at(-1)).toEqual({ uid: '', reason: 'ICAL_MORE_SKIPPED', count: 21 });
    const all = ok(timetableParseIcal(many, { from: '2026-11-01', to: '2026-11-30' }, { maxEvents: 25 }));
    expect(all.skipped.filter((s) => s.reason === 'ICAL_EVENT_LIMIT')).toHaveLength(5);
    expect(all.skipped.filter((s) => s.reason === 'ICAL_CANCELLED')).toHaveLength(25);
  });
});
