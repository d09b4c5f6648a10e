// Timetable import speed: a school year of one teacher's lessons (25 lessons a week, ~40
// school weeks) as 25 weekly RRULEs (Outlook style, Windows zone, EXDATEs for holidays and a
// few moved/cancelled instances) and as ~1000 single VEVENTs in UTC (Zermelo style), plus the
// same year as a CSV. Peers measured in the same run on the same text: ical.js's raw parse
// (a lower bound for any ical.js-based importer) and ical.js's own expansion with
// ICAL.Event.iterator (what a plain ical.js importer would do, without zone conversion or skip
// reporting). Prints one JSON line per case; times are medians over several runs.
import ICAL from 'ical.js';
import { timetableParseCsv } from '../../src/domain/calendar/timetable/parse-csv.ts';
import { timetableParseIcal } from '../../src/domain/calendar/timetable/parse-ical.ts';

const RUNS = 15;
const range = { from: '2026-08-24', to: '2027-07-09' };
const line = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify({ suite: 'timetable', ...o })}\n`);

function measure(fn: () => unknown): { median: number; min: number; first: number } {
  const t = performance.now();
  fn(); // the first call in the process (cold: JIT, Intl formatters, zone caches), then warm runs
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: round(times[Math.floor(times.length / 2)] ?? 0), min: round(times[0] ?? 0), first: round(first) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

const slots = [
  ['083000', '092000'],
  ['092000', '101000'],
  ['103000', '112000'],
  ['112000', '121000'],
  ['130000', '135000'],
];
const days = ['MO', 'TU', 'WE', 'TH', 'FR'];
const groups = ['3HA', '4VB', '5VA', '2HB', '1G1'];
const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
};
const DAY = 86_400_000;
const firstMonday = Date.UTC(2026, 7, 24);
// Holiday weeks (Monday dates): herfst, kerst ×2, voorjaar, mei ×2 — 6 weeks off in 46.
const holidayWeeks = new Set(['20261019', '20261221', '20261228', '20270222', '20270426', '20270503']);

function rruleCalendar(): string {
  const out = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
    'BEGIN:VTIMEZONE',
    'TZID:W. Europe Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16011028T030000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010325T020000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
  days.forEach((day, d) => {
    slots.forEach(([start, end], s) => {
      const first = ymd(firstMonday + d * DAY);
      const exdates = [...holidayWeeks].map((monday) => `${ymd(Date.parse(`${monday.slice(0, 4)}-${monday.slice(4, 6)}-${monday.slice(6)}T00:00:00Z`) + d * DAY)}T${start}`);
      const uid = `lesson-${day}-${s}`;
      out.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        'DTSTAMP:20260820T080000Z',
        `DTSTART;TZID="W. Europe Standard Time":${first}T${start}`,
        `DTEND;TZID="W. Europe Standard Time":${first}T${end}`,
        `RRULE:FREQ=WEEKLY;UNTIL=20270709T215959Z;BYDAY=${day}`,
        `EXDATE;TZID="W. Europe Standard Time":${exdates.join(',')}`,
        `SUMMARY:WIS - ${groups[(d + s) % 5]} - 108`,
        'LOCATION:108',
        'END:VEVENT',
      );
      // One moved and one cancelled instance per series.
      const moved = ymd(firstMonday + (7 * 10 + d) * DAY);
      const cancelled = ymd(firstMonday + (7 * 20 + d) * DAY);
      out.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `RECURRENCE-ID;TZID="W. Europe Standard Time":${moved}T${start}`,
        `DTSTART;TZID="W. Europe Standard Time":${moved}T150000`,
        `DTEND;TZID="W. Europe Standard Time":${moved}T155000`,
        'END:VEVENT',
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `RECURRENCE-ID;TZID="W. Europe Standard Time":${cancelled}T${start}`,
        `DTSTART;TZID="W. Europe Standard Time":${cancelled}T${start}`,
        `DTEND;TZID="W. Europe Standard Time":${cancelled}T${end}`,
        'STATUS:CANCELLED',
        'END:VEVENT',
      );
    });
  });
  out.push('END:VCALENDAR');
  return out.join('\r\n');
}

/** Amsterdam offset in hours for the bench's own generator (last Sunday of March/October). */
function amsterdamOffset(ms: number): number {
  const y = new Date(ms).getUTCFullYear();
  const lastSunday = (month: number): number => {
    const last = Date.UTC(y, month + 1, 0);
    return last - new Date(last).getUTCDay() * DAY;
  };
  return ms >= lastSunday(2) + 3_600_000 && ms < lastSunday(9) + 3_600_000 ? 2 : 1;
}

function singleEventsCalendar(): { ics: string; csv: string; lessons: number } {
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Zermelo//Portal//NL'];
  const csv = ['datum;begin;eind;omschrijving;lokaal'];
  let lessons = 0;
  for (let week = 0; week < 46; week++) {
    const monday = firstMonday + week * 7 * DAY;
    if (holidayWeeks.has(ymd(monday))) continue;
    for (let d = 0; d < 5; d++) {
      const day = monday + d * DAY;
      slots.forEach(([start, end], s) => {
        const wall = (hhmmss: string): number => day + Number(hhmmss.slice(0, 2)) * 3_600_000 + Number(hhmmss.slice(2, 4)) * 60_000;
        const utc = (hhmmss: string): string => {
          const ms = wall(hhmmss) - amsterdamOffset(wall(hhmmss)) * 3_600_000;
          const dt = new Date(ms);
          return `${ymd(ms)}T${pad(dt.getUTCHours())}${pad(dt.getUTCMinutes())}00Z`;
        };
        lessons++;
        out.push(
          'BEGIN:VEVENT',
          `UID:zermelo-${ymd(day)}-${s}@school.zportal.nl`,
          'DTSTAMP:20260820T080000Z',
          `DTSTART:${utc(start ?? '')}`,
          `DTEND:${utc(end ?? '')}`,
          `SUMMARY:wis - ${groups[(d + s) % 5]?.toLowerCase()} - 108`,
          'LOCATION:108',
          'END:VEVENT',
        );
        const date = ymd(day);
        csv.push(`${date.slice(6)}-${date.slice(4, 6)}-${date.slice(0, 4)};${start?.slice(0, 2)}:${start?.slice(2, 4)};${end?.slice(0, 2)}:${end?.slice(2, 4)};WIS - ${groups[(d + s) % 5]};108`);
      });
    }
  }
  out.push('END:VCALENDAR');
  return { ics: out.join('\r\n'), csv: csv.join('\r\n'), lessons };
}

function icalJsExpandAll(text: string): number {
  const cal = new ICAL.Component(ICAL.parse(text) as never);
  let n = 0;
  const until = ICAL.Time.fromDateString('2027-07-10');
  for (const vevent of cal.getAllSubcomponents('vevent')) {
    if (vevent.getFirstProperty('recurrence-id')) continue;
    const event = new ICAL.Event(vevent);
    if (!event.isRecurring()) {
      n++;
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next && next.compare(until) < 0; next = it.next()) n++;
  }
  return n;
}

function report(name: string, text: string, expectedBlocks: number): void {
  const t0 = performance.now();
  const result = timetableParseIcal(text, range);
  const firstCall = round(performance.now() - t0);
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  if (result.blocks.length !== expectedBlocks) throw new Error(`${name}: ${result.blocks.length} blocks, expected ${expectedBlocks}`);
  const ours = measure(() => timetableParseIcal(text, range));
  const rawParse = measure(() => ICAL.parse(text));
  const icalJs = measure(() => icalJsExpandAll(text));
  line({
    case: name,
    bytes: text.length,
    vevents: (text.match(/BEGIN:VEVENT/g) ?? []).length,
    blocks: result.blocks.length,
    skipped: result.skipped.length,
    ms_first_call: firstCall,
    ms_median: ours.median,
    ms_min: ours.min,
    peer_icaljs_parse_ms: rawParse.median,
    peer_icaljs_expand_ms: icalJs.median,
    under_one_second: ours.median < 1000,
  });
}

const singles = singleEventsCalendar();
// 40 school weeks × 25 lessons; in the RRULE file one instance per series is moved (still a
// block) and one is cancelled (skipped).
report('year-rrule-25-series', rruleCalendar(), singles.lessons - 25);
report('year-single-vevents', singles.ics, singles.lessons);

const tCsv = performance.now();
const csvResult = timetableParseCsv(singles.csv, { range });
const csvFirst = round(performance.now() - tCsv);
if (!csvResult.ok || csvResult.blocks.length !== singles.lessons) throw new Error('csv: unexpected result');
const csvTime = measure(() => timetableParseCsv(singles.csv, { range }));
line({ case: 'year-csv-rows', bytes: singles.csv.length, rows: singles.lessons, blocks: csvResult.blocks.length, ms_first_call: csvFirst, ms_median: csvTime.median, ms_min: csvTime.min, under_one_second: csvTime.median < 1000 });
