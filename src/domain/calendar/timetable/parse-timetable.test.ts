import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { timetableParseCsv } from './parse-csv.ts';
import { timetableParseIcal } from './parse-ical.ts';
import { calendarMessages } from '../messages.ts';
import { csvFailureReasonSchema, csvRowReasonSchema, icalFailureReasonSchema, icalSkipReasonSchema } from './schema.ts';
import { timetableIsPoolFailure, timetableParseCsvInWorker, timetableParseIcalInWorker, timetableParsePoolClose } from './parse-timetable.ts';

// The worker pool runs the same pure parsers on a thread (loaded through tsx), with a time limit.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixture = (name: string): string => readFileSync(path.join(root, 'tests/fixtures/ics', name), 'utf8');
const week = { from: '2026-11-23', to: '2026-11-27' };

afterAll(async () => {
  await timetableParsePoolClose();
});

describe('timetable parsing on the worker pool', () => {
  it('gives what the parsers give when called directly', async () => {
    const text = fixture('outlook-w-europe.ics');
    expect(await timetableParseIcalInWorker(text, week)).toEqual(timetableParseIcal(text, week));
    const csv = 'datum;begin;eind;omschrijving\n2026-11-24;08:30;09:20;NE 2C\n2026-11-31;08:30;09:20;fout\n';
    expect(await timetableParseCsvInWorker(csv, { range: week })).toEqual(timetableParseCsv(csv, { range: week }));
    expect(await timetableParseIcalInWorker('geen agenda', week)).toEqual({ ok: false, reason: 'ICAL_NOT_CALENDAR' });
  });

  it('answers PARSE_TIME_LIMIT when a file takes longer than its limit, and keeps serving afterwards', async () => {
    const slow = await timetableParseIcalInWorker(fixture('hostile-secondly.ics'), { from: '2026-11-01', to: '2026-11-30' }, {}, { timeLimitMs: 20 });
    expect(slow).toEqual({ ok: false, reason: 'PARSE_TIME_LIMIT' });
    expect(timetableIsPoolFailure(slow)).toBe(true);
    const next = await timetableParseIcalInWorker(fixture('zermelo-utc.ics'), week);
    expect(timetableIsPoolFailure(next)).toBe(false);
    expect(next.ok).toBe(true);
  });

  it('keeps the event loop free while a hostile file is parsed', async () => {
    let ticks = 0;
    let maxGapMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGapMs = Math.max(maxGapMs, now - last);
      last = now;
      ticks++;
    }, 5);
    const r = await timetableParseIcalInWorker(fixture('hostile-secondly.ics'), { from: '2026-11-01', to: '2026-11-30' }, { maxOccurrences: 1e9, maxWork: 1e9 }, { timeLimitMs: 1_500 });
    clearInterval(timer);
    expect(r).toEqual({ ok: false, reason: 'PARSE_TIME_LIMIT' });
    expect(ticks).toBeGreaterThan(10);
    // Generous for a loaded machine: proves "not blocked", not a benchmark.
    expect(maxGapMs).toBeLessThan(500);
  });
});

describe('import reports', () => {
  it('translate every reason a file, a row, an item, a cap or the pool can give, in Dutch and English', () => {
    const reasons = [
      ...icalSkipReasonSchema.options, ...icalFailureReasonSchema.options, ...csvRowReasonSchema.options, ...csvFailureReasonSchema.options,
      'PARSE_TIME_LIMIT', 'PARSE_MEMORY_LIMIT', 'PARSE_BUSY', 'PERSON_BLOCK_LIMIT', 'IMPORT_BLOCK_LIMIT', 'MORE_SKIPPED', 'UNKNOWN_TEACHER',
    ];
    for (const locale of ['nl', 'en'] as const) {
      const missing = reasons.filter((r) => !calendarMessages[locale][`TIMETABLE_${r}`]);
      expect(missing, locale).toEqual([]);
    }
  });
});
