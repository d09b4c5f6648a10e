// CSV timetables → busy blocks in an import range. Pure: text in, result out.
//
// Accepted shapes (Dutch or English headers, any order, case and accents ignored):
//  - dated rows:   datum/date, begin/start, eind/end [, einddatum/end date] …
//  - weekly grids: dag/day (ma, di, wo, do, vr, za, zo; maandag…; Mon…, Monday…; 1–7) with
//                  begin/end times; each row repeats every week inside the range.
//  optional:       omschrijving/summary/vak/onderwerp, klas/groep/class (joined into the
//                  summary), lokaal/locatie/location, soort/kind (les/vergadering/anders,
//                  lesson/meeting/other), categorie/categories (Outlook; a hint for the
//                  lesson/meeting rule), docent/teacher/e-mail (bulk per institution).
// Outlook's CSV export (Onderwerp/Subject, Begindatum/Start Date, Begintijd/Start Time,
// Einddatum/End Date, Eindtijd/End Time, Locatie/Location) is read too; its other columns
// are ignored and listed in `ignoredColumns`.
// Separator comma, semicolon or tab (detected from the header, or an Excel "sep=;" line);
// UTF-8 with or without BOM; times HH:MM, H:MM, H.MM (a trailing "u"/"uur" is allowed);
// dates YYYY-MM-DD, DD-MM-YYYY or D-M-YYYY (also with dots).
// A file without a usable header yields { ok: false } and nothing; bad rows are rejected one
// by one with their line number and a reason code, the other rows are accepted. Valid rows
// outside the range are accepted but produce no blocks.
import { parse } from 'csv-parse/sync';
import {
  TIMETABLE_DEFAULT_ZONE,
  timetableClassifyKind,
  timetableDateFromParts,
  timetableExpandWeekly,
  timetableFormatIso,
  timetableFormatWall,
  timetableLocalToUtcMs,
  timetableResolveRange,
  type ResolvedRange,
  type TimetableKind,
  type TimetableRange,
} from './rules.ts';
import type {
  CsvBlock,
  CsvColumn,
  CsvFailureReason,
  CsvRejected,
  CsvRequiredColumn,
  CsvRow,
  CsvRowReason,
} from './schema.ts';

export interface CsvParseOptions {
  range: TimetableRange;
  /** Zone of the times in the file, the range and output offsets. Default Europe/Amsterdam. */
  zone?: string;
  /** Kind for rows without a kind that match no lesson/meeting rule. Default 'other'. */
  defaultKind?: TimetableKind;
  /** Longest accepted range in days. Default 731. */
  maxRangeDays?: number;
  /** Most data rows read; the first row beyond is rejected as CSV_ROW_LIMIT and the rest are not read. Default 50 000. */
  maxRows?: number;
  /**
   * Most busy blocks made (weekday rows repeat weekly, so a few rows make many blocks): the row
   * that would pass it is rejected as CSV_BLOCK_LIMIT and the rest are not read. Default 200 000.
   */
  maxBlocks?: number;
}

/** The bounds on the work one CSV file may cause (see CsvParseOptions). */
export const TIMETABLE_CSV_LIMITS = { maxRows: 50_000, maxBlocks: 200_000 } as const;

export type CsvParseSuccess = {
  ok: true;
  rows: CsvRow[];
  blocks: CsvBlock[];
  rejected: CsvRejected[];
  ignoredColumns: string[];
};
export type CsvParseFailure = {
  ok: false;
  reason: CsvFailureReason;
  missing?: CsvRequiredColumn[];
  columns?: string[];
  line?: number;
};

/** Columns that, when repeated, are joined rather than refused. */
type HeaderTarget = CsvColumn | 'group' | 'categories';

const HEADER_SYNONYMS: Readonly<Record<HeaderTarget, readonly string[]>> = {
  date: ['datum', 'date', 'lesdatum', 'begindatum', 'startdatum', 'startdate', 'begindate', 'dag datum'],
  endDate: ['einddatum', 'enddate', 'einde datum', 'tot datum'],
  day: ['dag', 'day', 'weekdag', 'weekday', 'werkdag', 'dag van de week', 'dayofweek'],
  start: ['begin', 'start', 'starttijd', 'begintijd', 'aanvang', 'van', 'vanaf', 'from', 'starttime', 'begintime', 'tijd van', 'tijdvan', 'time from'],
  end: ['eind', 'einde', 'end', 'eindtijd', 'endtime', 'tot', 'to', 'until', 'tijd tot', 'tijdtot', 'time to', 'finish'],
  summary: ['omschrijving', 'summary', 'onderwerp', 'subject', 'titel', 'title', 'vak', 'activiteit', 'activity', 'les', 'lesson'],
  location: ['lokaal', 'locatie', 'location', 'ruimte', 'room', 'plaats', 'place', 'zaal'],
  kind: ['soort', 'kind', 'type', 'aard'],
  categories: ['categorie', 'categorieen', 'category', 'categories'],
  teacher: ['docent', 'teacher', 'email', 'e-mail', 'emailadres', 'e-mailadres', 'mail', 'leraar', 'medewerker', 'employee', 'afkorting', 'code docent'],
  group: ['klas', 'groep', 'klasgroep', 'lesgroep', 'class', 'group'],
};

const headerLookup = new Map<string, HeaderTarget>();
for (const [target, names] of Object.entries(HEADER_SYNONYMS) as [HeaderTarget, readonly string[]][]) {
  for (const name of names) headerLookup.set(normaliseHeader(name), target);
}

function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const DAY_NAMES: Readonly<Record<string, number>> = {};
for (const [day, names] of [
  [1, ['ma', 'maa', 'maan', 'maandag', 'mo', 'mon', 'monday']],
  [2, ['di', 'din', 'dins', 'dinsdag', 'tu', 'tue', 'tues', 'tuesday']],
  [3, ['wo', 'woe', 'woens', 'woensdag', 'we', 'wed', 'wednesday']],
  [4, ['do', 'don', 'dond', 'donderdag', 'th', 'thu', 'thur', 'thurs', 'thursday']],
  [5, ['vr', 'vri', 'vrij', 'vrijdag', 'fr', 'fri', 'friday']],
  [6, ['za', 'zat', 'zaterdag', 'sa', 'sat', 'saturday']],
  [7, ['zo', 'zon', 'zondag', 'su', 'sun', 'sunday']],
] as const) {
  for (const name of names) (DAY_NAMES as Record<string, number>)[name] = day;
  (DAY_NAMES as Record<string, number>)[String(day)] = day;
}

const KIND_VALUES: Readonly<Record<string, TimetableKind>> = {
  les: 'lesson', lessen: 'lesson', lesson: 'lesson', lessons: 'lesson', lesuur: 'lesson', class: 'lesson', onderwijs: 'lesson', teaching: 'lesson',
  vergadering: 'meeting', overleg: 'meeting', meeting: 'meeting', bespreking: 'meeting', afspraak: 'meeting', gesprek: 'meeting',
  anders: 'other', overig: 'other', overige: 'other', other: 'other', bezet: 'other', busy: 'other', taak: 'other', duty: 'other', studiedag: 'other',
};

function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Parses a date cell (YYYY-MM-DD, DD-MM-YYYY, D-M-YYYY, with - or .) to wall ms of midnight. */
function parseDateCell(cell: string): number | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell);
  if (iso) return timetableDateFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$/.exec(cell);
  if (dmy) return timetableDateFromParts(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));
  return null;
}

/** Parses a time cell to minutes after midnight; 24:00 only when `allowMidnightEnd`. */
function parseTimeCell(cell: string, allowMidnightEnd: boolean): number | null {
  const m = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(u|uur|h)?$/i.exec(cell);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (minute > 59 || second !== 0) return null;
  if (hour === 24 && minute === 0 && allowMidnightEnd) return 24 * 60;
  if (hour > 23) return null;
  return hour * 60 + minute;
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

interface HeaderMap {
  single: Partial<Record<CsvColumn, number>>;
  /** Outlook-style category columns: hints for the classification, never a reason to reject. */
  categories: number[];
  summary: number[];
  location: number[];
  teacher: number[];
  ignored: string[];
}

function mapHeader(header: string[]): HeaderMap | CsvParseFailure {
  const map: HeaderMap = { single: {}, categories: [], summary: [], location: [], teacher: [], ignored: [] };
  const duplicates: string[] = [];
  const group: number[] = [];
  header.forEach((cell, index) => {
    const target = headerLookup.get(normaliseHeader(cell));
    if (!target) {
      if (cell.trim() !== '') map.ignored.push(cell.trim());
      return;
    }
    if (target === 'summary') map.summary.push(index);
    else if (target === 'group') group.push(index);
    else if (target === 'categories') map.categories.push(index);
    else if (target === 'location') map.location.push(index);
    else if (target === 'teacher') map.teacher.push(index);
    else if (map.single[target] !== undefined) duplicates.push(cell.trim());
    else map.single[target] = index;
  });
  map.summary.push(...group);
  if (duplicates.length > 0) return { ok: false, reason: 'CSV_DUPLICATE_COLUMN', columns: duplicates };
  return map;
}

function requiredMissing(map: HeaderMap): CsvRequiredColumn[] {
  const missing: CsvRequiredColumn[] = [];
  if (map.single.date === undefined && map.single.day === undefined) missing.push('dateOrDay');
  if (map.single.start === undefined) missing.push('start');
  if (map.single.end === undefined) missing.push('end');
  return missing;
}

class RowError extends Error {
  constructor(
    readonly reason: CsvRowReason,
    readonly column?: CsvColumn,
    readonly value?: string,
  ) {
    super(reason);
  }
}

/**
 * Parses a CSV timetable. See the file comment for the accepted shapes. Returns the accepted
 * rows, their busy blocks inside the range (weekday rows repeat weekly), and the rejected rows
 * with line numbers and reason codes; or `{ ok: false }` when the file as a whole is unusable.
 */
export function timetableParseCsv(text: string, options: CsvParseOptions): CsvParseSuccess | CsvParseFailure {
  const zone = options.zone ?? TIMETABLE_DEFAULT_ZONE;
  const resolved = timetableResolveRange(options.range, zone, options.maxRangeDays);
  if (!resolved.ok) return { ok: false, reason: resolved.reason };
  const range = resolved.range;

  let body = text.replace(/^\uFEFF/, '');
  let lineOffset = 0;
  let delimiter: string | null = null;
  const sep = /^"?sep=(.)"?[^\S\n]*\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1] ?? ',';
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }
  if (body.trim() === '') return { ok: false, reason: 'CSV_EMPTY' };
  const firstLine = body.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  delimiter ??= detectDelimiter(firstLine);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return typeof line === 'number' && line > 0
      ? { ok: false, reason: 'CSV_MALFORMED', line: line + lineOffset }
      : { ok: false, reason: 'CSV_MALFORMED' };
  }
  const headerRecord = records[0];
  if (!headerRecord) return { ok: false, reason: 'CSV_EMPTY' };

  const header = headerRecord.record;
  const mapped = mapHeader(header);
  if ('ok' in mapped) return mapped;
  const missing = requiredMissing(mapped);
  const recognised =
    Object.keys(mapped.single).length + mapped.summary.length + mapped.location.length + mapped.teacher.length + mapped.categories.length;
  const looksLikeData = header.some((cell) => parseDateCell(cell) !== null || parseTimeCell(cell, true) !== null);
  if (recognised === 0 || looksLikeData) return { ok: false, reason: 'CSV_NO_HEADER', missing: requiredMissing({ single: {}, categories: [], summary: [], location: [], teacher: [], ignored: [] }) };
  if (missing.length > 0) return { ok: false, reason: 'CSV_MISSING_COLUMN', missing };

  const dataRecords = records.slice(1).filter((r) => r.record.some((c) => c !== ''));
  if (dataRecords.length === 0) return { ok: false, reason: 'CSV_EMPTY' };

  const rows: CsvRow[] = [];
  const blocks: CsvBlock[] = [];
  const rejected: CsvRejected[] = [];
  const maxRows = options.maxRows ?? TIMETABLE_CSV_LIMITS.maxRows;
  const maxBlocks = options.maxBlocks ?? TIMETABLE_CSV_LIMITS.maxBlocks;
  for (const [index, { record, info }] of dataRecords.entries()) {
    const embeddedNewlines = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const rowNumber = info.lines - embeddedNewlines + lineOffset;
    if (index >= maxRows) {
      rejected.push({ row: rowNumber, reason: 'CSV_ROW_LIMIT' });
      break;
    }
    try {
      const row = readRow(record, header.length, mapped, rowNumber, options.defaultKind ?? 'other');
      const made = blocksOfRow(row, range, zone);
      if (blocks.length + made.length > maxBlocks) {
        rejected.push({ row: rowNumber, reason: 'CSV_BLOCK_LIMIT' });
        break;
      }
      rows.push(row);
      for (const block of made) blocks.push(block);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      const entry: CsvRejected = { row: rowNumber, reason: error.reason };
      if (error.column !== undefined) entry.column = error.column;
      if (error.value !== undefined) entry.value = error.value;
      rejected.push(entry);
    }
  }
  blocks.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.row - b.row);
  return { ok: true, rows, blocks, rejected, ignoredColumns: mapped.ignored };
}

function readRow(record: string[], headerLength: number, map: HeaderMap, row: number, defaultKind: TimetableKind): CsvRow {
  if (record.slice(headerLength).some((c) => c !== '')) throw new RowError('CSV_COLUMN_COUNT');
  const cell = (column: CsvColumn): string | undefined => {
    const index = map.single[column];
    if (index === undefined) return undefined;
    if (index >= record.length) throw new RowError('CSV_MISSING_COLUMN', column);
    return record[index] ?? '';
  };
  const required = (column: CsvColumn): string => {
    const value = cell(column) ?? '';
    if (value === '') throw new RowError('CSV_MISSING_VALUE', column);
    return value;
  };
  const joined = (indices: number[], separator: string): string =>
    indices
      .map((i) => record[i] ?? '')
      .filter((v) => v !== '')
      .join(separator);

  const dateCell = cell('date');
  const dayCell = cell('day');
  let date: number | null = null;
  let day: number | null = null;
  if (dateCell) {
    date = parseDateCell(dateCell);
    if (date === null) throw new RowError('CSV_BAD_DATE', 'date', dateCell);
  } else if (dayCell) {
    day = DAY_NAMES[dayCell.toLowerCase().replace(/\.$/, '')] ?? null;
    if (day === null) throw new RowError('CSV_BAD_DAY', 'day', dayCell);
  } else {
    throw new RowError('CSV_MISSING_VALUE', map.single.date !== undefined ? 'date' : 'day');
  }

  const startCell = required('start');
  const endCell = required('end');
  const start = parseTimeCell(startCell, false);
  if (start === null) throw new RowError('CSV_BAD_TIME', 'start', startCell);
  const end = parseTimeCell(endCell, true);
  if (end === null) throw new RowError('CSV_BAD_TIME', 'end', endCell);

  let endDate: number | null = null;
  const endDateCell = cell('endDate');
  if (endDateCell && date !== null) {
    endDate = parseDateCell(endDateCell);
    if (endDate === null) throw new RowError('CSV_BAD_DATE', 'endDate', endDateCell);
    if (endDate < date) throw new RowError('CSV_END_BEFORE_START', 'endDate', endDateCell);
  }
  const multiDay = endDate !== null && date !== null && endDate > date;
  if (!multiDay && end <= start) throw new RowError('CSV_END_BEFORE_START', 'end', endCell);

  const summary = joined(map.summary, ' - ');
  const location = joined(map.location, ', ');
  const kindCell = cell('kind') ?? '';
  let kind: TimetableKind;
  if (kindCell === '') {
    const categories = map.categories.flatMap((i) => (record[i] ?? '').split(/[;,]/)).map((c) => c.trim()).filter((c) => c !== '');
    kind = timetableClassifyKind({ summary, categories }, defaultKind);
  } else {
    const k = KIND_VALUES[kindCell.toLowerCase()];
    if (!k) throw new RowError('CSV_BAD_KIND', 'kind', kindCell);
    kind = k;
  }
  let teacher: string | undefined;
  if (map.teacher.length > 0) {
    // Prefer an e-mail address (it identifies the person) over a name or abbreviation.
    const values = map.teacher.map((i) => record[i] ?? '').filter((v) => v !== '');
    teacher = values.find((v) => v.includes('@')) ?? values[0];
    if (teacher === undefined) throw new RowError('CSV_MISSING_VALUE', 'teacher');
  }

  const out: CsvRow = { row, start: formatMinutes(start), end: formatMinutes(end), summary, location, kind };
  if (date !== null) out.date = timetableFormatWall(date).slice(0, 10);
  if (multiDay && endDate !== null) out.endDate = timetableFormatWall(endDate).slice(0, 10);
  if (day !== null) out.day = day;
  if (teacher !== undefined) out.teacher = teacher;
  return out;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function blocksOfRow(row: CsvRow, range: ResolvedRange, zone: string): CsvBlock[] {
  const startMinute = minutesOf(row.start);
  const endMinute = minutesOf(row.end);
  const occurrences: { startMs: number; endMs: number }[] = [];
  if (row.day !== undefined) {
    occurrences.push(...timetableExpandWeekly({ weekday: row.day, startMinute, endMinute }, range, zone));
  } else if (row.date !== undefined) {
    const dayWall = Date.parse(`${row.date}T00:00:00Z`);
    const endDayWall = row.endDate ? Date.parse(`${row.endDate}T00:00:00Z`) : dayWall;
    const startMs = timetableLocalToUtcMs(zone, dayWall + startMinute * 60_000);
    const endMs = timetableLocalToUtcMs(zone, endDayWall + endMinute * 60_000);
    if (startMs < range.endMs && endMs > range.startMs) occurrences.push({ startMs, endMs });
  }
  const uid = `csv-row-${row.row}`;
  return occurrences.map((o) => {
    const block: CsvBlock = {
      uid,
      start: timetableFormatIso(o.startMs, zone),
      end: timetableFormatIso(o.endMs, zone),
      startMs: o.startMs,
      endMs: o.endMs,
      summary: row.summary,
      location: row.location,
      kind: row.kind,
      allDay: false,
      row: row.row,
    };
    if (row.teacher !== undefined) block.teacher = row.teacher;
    return block;
  });
}
