import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timetableParseCsv, type CsvParseSuccess } from './parse-csv.ts';
import { timetableFormatWall, timetableUtcToWallMs } from './rules.ts';
import { csvParseResultSchema } from './schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixture = (name: string): string => readFileSync(path.join(root, 'tests/fixtures/timetable-csv', name), 'utf8');
const week = { from: '2026-11-23', to: '2026-11-27' };

function ok(result: ReturnType<typeof timetableParseCsv>): CsvParseSuccess {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason} ${JSON.stringify(result)}`);
  expect(csvParseResultSchema.safeParse(result).success).toBe(true);
  return result;
}

describe('timetableParseCsv — dated rows, Dutch headers, semicolons, BOM, CRLF', () => {
  const text = fixture('dated-nl-semicolon.csv');

  it('accepts good rows with exact local times and kinds', () => {
    const r = ok(timetableParseCsv(text, { range: week }));
    expect(r.blocks.map((b) => [b.row, b.start, b.end, b.summary, b.location, b.kind])).toEqual([
      [2, '2026-11-23T08:30:00+01:00', '2026-11-23T09:20:00+01:00', 'WIS - 3HA', '108', 'lesson'],
      [3, '2026-11-23T15:30:00+01:00', '2026-11-23T17:00:00+01:00', 'Teamoverleg bovenbouw', 'Teamkamer', 'meeting'],
      [4, '2026-11-24T08:30:00+01:00', '2026-11-24T09:20:00+01:00', 'Mentoruur 3HA; let op: toets', '108', 'lesson'],
      [5, '2026-11-24T12:30:00+01:00', '2026-11-24T13:00:00+01:00', 'Pauzedienst', 'Aula', 'other'],
    ]);
    expect(r.blocks[0]?.startMs).toBe(Date.UTC(2026, 10, 23, 7, 30));
  });

  it('rejects bad rows one by one with their line number and reason', () => {
    const r = ok(timetableParseCsv(text, { range: week }));
    expect(r.rejected).toEqual([
      { row: 6, reason: 'CSV_BAD_DATE', column: 'date', value: '31-02-2026' },
      { row: 7, reason: 'CSV_BAD_TIME', column: 'start', value: '25:00' },
      { row: 8, reason: 'CSV_END_BEFORE_START', column: 'end', value: '9.00' },
      { row: 9, reason: 'CSV_MISSING_VALUE', column: 'start' },
      { row: 10, reason: 'CSV_BAD_KIND', column: 'kind', value: 'pauze' },
    ]);
    // Valid rows outside the range are accepted but give no blocks.
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4, 5, 11, 12]);
    expect(r.rows[4]).toMatchObject({ date: '2026-10-23', start: '08:30', end: '09:20' });
  });

  it('reads dates on both sides of the October switch in local time', () => {
    const r = ok(timetableParseCsv(text, { range: { from: '2026-10-19', to: '2026-10-30' } }));
    expect(r.blocks.map((b) => [b.start, b.end])).toEqual([
      ['2026-10-23T08:30:00+02:00', '2026-10-23T09:20:00+02:00'],
      ['2026-10-26T08:30:00+01:00', '2026-10-26T09:20:00+01:00'],
    ]);
  });

  it('gives the same result with LF and without BOM', () => {
    const plain = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    expect(timetableParseCsv(plain, { range: week })).toEqual(timetableParseCsv(text, { range: week }));
  });
});

describe('timetableParseCsv — weekly grid with English headers', () => {
  it('repeats weekday rows every week in the range at the same local time', () => {
    const r = ok(timetableParseCsv(fixture('weekly-en-comma.csv'), { range: { from: '2026-10-19', to: '2026-11-01' } }));
    expect(r.rejected).toEqual([{ row: 6, reason: 'CSV_BAD_DAY', column: 'day', value: 'Sunday-ish' }]);
    expect(r.rows.map((x) => [x.day, x.start, x.end, x.kind])).toEqual([
      [1, '08:30', '09:20', 'lesson'],
      [2, '10:20', '11:10', 'lesson'],
      [3, '13:00', '14:30', 'meeting'],
      [5, '08:30', '09:20', 'lesson'],
    ]);
    expect(r.blocks.map((b) => b.start)).toEqual([
      '2026-10-19T08:30:00+02:00',
      '2026-10-20T10:20:00+02:00',
      '2026-10-21T13:00:00+02:00',
      '2026-10-23T08:30:00+02:00',
      '2026-10-26T08:30:00+01:00',
      '2026-10-27T10:20:00+01:00',
      '2026-10-28T13:00:00+01:00',
      '2026-10-30T08:30:00+01:00',
    ]);
  });
});

describe('timetableParseCsv — bulk per institution', () => {
  it('carries the teacher (preferring the e-mail address) and joins subject and class into the summary', () => {
    const r = ok(timetableParseCsv(fixture('bulk-teachers.csv'), { range: week }));
    expect(r.blocks.map((b) => [b.teacher, b.start, b.summary, b.kind])).toEqual([
      ['j.devries@school.nl', '2026-11-23T08:30:00+01:00', 'wis - 3ha', 'lesson'],
      ['a.bakker@school.nl', '2026-11-23T08:30:00+01:00', 'ne - 2b', 'lesson'],
      ['j.devries@school.nl', '2026-11-23T09:20:00+01:00', 'wis - 4vb', 'lesson'],
      ['a.bakker@school.nl', '2026-11-24T13:00:00+01:00', 'Sectievergadering', 'meeting'],
    ]);
    expect(r.rejected).toEqual([{ row: 5, reason: 'CSV_MISSING_VALUE', column: 'teacher' }]);
  });

  it("reads Outlook's CSV export, using categories only as a hint", () => {
    const text = [
      '"Onderwerp","Begindatum","Begintijd","Einddatum","Eindtijd","Hele dag","Beschrijving","Locatie","Categorieën"',
      '"Bovenbouw","23-11-2026","15:30:00","23-11-2026","17:00:00","Onwaar","Agenda volgt","Teamkamer","Vergadering"',
      '"Cursus","24-11-2026","13:00:00","25-11-2026","12:00:00","Onwaar","","Utrecht","Rode categorie"',
    ].join('\r\n');
    const r = ok(timetableParseCsv(text, { range: week }));
    expect(r.ignoredColumns).toEqual(['Hele dag', 'Beschrijving']);
    expect(r.rejected).toEqual([]);
    expect(r.blocks.map((b) => [b.summary, b.start, b.end, b.location, b.kind])).toEqual([
      ['Bovenbouw', '2026-11-23T15:30:00+01:00', '2026-11-23T17:00:00+01:00', 'Teamkamer', 'meeting'],
      ['Cursus', '2026-11-24T13:00:00+01:00', '2026-11-25T12:00:00+01:00', 'Utrecht', 'other'],
    ]);
  });

  it('honours an Excel sep= line and counts it as line 1', () => {
    const r = ok(timetableParseCsv(fixture('excel-sep-line.csv'), { range: week }));
    expect(r.blocks.map((b) => [b.row, b.start, b.summary])).toEqual([[3, '2026-11-23T08:30:00+01:00', 'WIS - 3HA']]);
  });
});

describe('timetableParseCsv — unusable files return nothing', () => {
  it.each([
    ['wrong-columns.csv', { ok: false, reason: 'CSV_NO_HEADER', missing: ['dateOrDay', 'start', 'end'] }],
    ['missing-end.csv', { ok: false, reason: 'CSV_MISSING_COLUMN', missing: ['end'] }],
    ['header-only.csv', { ok: false, reason: 'CSV_EMPTY' }],
  ])('%s', (name, expected) => {
    expect(timetableParseCsv(fixture(name), { range: week })).toEqual(expected);
  });

  it('refuses data without a header, duplicate columns, broken quoting, empty text and a bad range', () => {
    expect(timetableParseCsv('2026-11-23,08:30,09:20,WIS\n', { range: week })).toMatchObject({ ok: false, reason: 'CSV_NO_HEADER' });
    expect(timetableParseCsv('datum,begin,start,eind\n2026-11-23,08:30,08:30,09:20\n', { range: week })).toEqual({
      ok: false,
      reason: 'CSV_DUPLICATE_COLUMN',
      columns: ['start'],
    });
    expect(timetableParseCsv('datum,begin,eind,omschrijving\n2026-11-23,08:30,09:20,"WIS\n', { range: week })).toEqual({
      ok: false,
      reason: 'CSV_MALFORMED',
      line: 2,
    });
    expect(timetableParseCsv('\uFEFF\n', { range: week })).toEqual({ ok: false, reason: 'CSV_EMPTY' });
    expect(timetableParseCsv(fixture('bulk-teachers.csv'), { range: { from: '2026-11-27', to: '2026-11-23' } })).toEqual({ ok: false, reason: 'RANGE_INVALID' });
  });

  it('rejects rows with stray extra cells and short rows that lack a required cell', () => {
    const r = ok(timetableParseCsv('datum,begin,eind,omschrijving\n2026-11-23,08:30,09:20,WIS, 3HA\n2026-11-23,08:30\n2026-11-24,8:30u,9:20 uur,NE\n', { range: week }));
    expect(r.rejected).toEqual([
      { row: 2, reason: 'CSV_COLUMN_COUNT' },
      { row: 3, reason: 'CSV_MISSING_COLUMN', column: 'end' },
    ]);
    expect(r.blocks.map((b) => [b.start, b.end])).toEqual([['2026-11-24T08:30:00+01:00', '2026-11-24T09:20:00+01:00']]);
  });
});

describe('timetableParseCsv — properties', () => {
  const dayNames = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

  it('weekday rows give one block per matching day in the range, at the same local time, inside the range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 6 * 4, max: 21 * 4 }),
        fc.integer({ min: 1, max: 8 }),
        (offset, length, weekdayIndex, quarter, quarters) => {
          const from = timetableFormatWall(Date.UTC(2025, 0, 1) + offset * 86_400_000).slice(0, 10);
          const to = timetableFormatWall(Date.UTC(2025, 0, 1) + (offset + length) * 86_400_000).slice(0, 10);
          const fmt = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
          const start = fmt(quarter);
          const end = fmt(quarter + quarters);
          const r = ok(timetableParseCsv(`dag;begin;eind\n${dayNames[weekdayIndex]};${start};${end}\n`, { range: { from, to } }));
          let expected = 0;
          for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
            if ((new Date(d).getUTCDay() + 6) % 7 === weekdayIndex) expected++;
          }
          expect(r.blocks).toHaveLength(expected);
          for (const b of r.blocks) {
            expect(b.start.slice(11, 16)).toBe(start);
            expect(b.end.slice(11, 16)).toBe(end);
            const local = timetableFormatWall(timetableUtcToWallMs('Europe/Amsterdam', b.startMs)).slice(0, 10);
            expect(local >= from && local <= to).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('kruispunt timetable parse FILE.csv (child process)', () => {
  it('prints CSV blocks and rejected rows in the same JSON shape', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'timetable', 'parse', 'tests/fixtures/timetable-csv/dated-nl-semicolon.csv', '--from', '2026-11-23', '--to', '2026-11-27'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { blocks: unknown[]; skipped: { uid: string; reason: string }[] };
    expect(out.blocks).toHaveLength(4);
    expect(out.skipped[0]).toEqual({ uid: 'row-6', reason: 'CSV_BAD_DATE' });
  }, 30_000);
});

describe('timetableParseCsv — caps', () => {
  const range = { from: '2026-11-02', to: '2026-12-27' };

  it('stops at the row limit and reports the first row it did not read', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2026-11-${String(2 + (i % 20)).padStart(2, '0')};08:30;09:20;Les ${i}`);
    const r = timetableParseCsv(`datum;begin;eind;omschrijving\n${rows.join('\n')}\n`, { range, maxRows: 25 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.blocks).toHaveLength(25);
    expect(r.rejected).toEqual([{ row: 27, reason: 'CSV_ROW_LIMIT' }]);
  });

  it('stops when weekly rows would make more blocks than one import takes', () => {
    // Each weekday row repeats in 8 weeks of the range.
    const rows = ['ma', 'di', 'wo', 'do', 'vr'].map((d) => `${d};08:30;09:20;Les`);
    const r = timetableParseCsv(`dag;begin;eind;omschrijving\n${rows.join('\n')}\n`, { range, maxBlocks: 20 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.blocks).toHaveLength(16);
    expect(r.rejected).toEqual([{ row: 4, reason: 'CSV_BLOCK_LIMIT' }]);
  });
});
