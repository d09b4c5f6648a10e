// Zod schemas for timetables: busy blocks, parse results, CSV rows and the hand-edited week
// grid. Shared by the HTTP layer and the UI forms.
import { z } from 'zod';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const timetableKindSchema = z.enum(['lesson', 'meeting', 'other']);
export type TimetableKindValue = z.infer<typeof timetableKindSchema>;

export const timetableRangeSchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from <= r.to, { message: 'RANGE_INVALID', path: ['to'] });
export type TimetableRangeInput = z.infer<typeof timetableRangeSchema>;

/** One busy interval. `start`/`end` are ISO 8601 with the offset of the import zone. */
export const busyBlockSchema = z
  .object({
    uid: z.string(),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    startMs: z.number().int(),
    endMs: z.number().int(),
    summary: z.string(),
    location: z.string(),
    kind: timetableKindSchema,
    allDay: z.boolean(),
  })
  .refine((b) => b.endMs > b.startMs, { message: 'END_BEFORE_START', path: ['end'] });
export type BusyBlock = z.infer<typeof busyBlockSchema>;

/** Reasons a single calendar item (or one occurrence of it) was not imported. */
export const icalSkipReasonSchema = z.enum([
  'ICAL_CANCELLED',
  'ICAL_TRANSPARENT',
  'ICAL_HOLIDAY',
  'ICAL_END_BEFORE_START',
  'ICAL_ZERO_DURATION',
  'ICAL_NO_START',
  'ICAL_INVALID_VALUE',
  'ICAL_UNKNOWN_TIMEZONE',
  'ICAL_INVALID_RECURRENCE',
  'ICAL_RECURRENCE_LIMIT',
  /** The file as a whole asked for too much work; this and later items were not read. */
  'ICAL_WORK_LIMIT',
  /** The file holds more items than one import takes. */
  'ICAL_EVENT_LIMIT',
  /** The file gives more blocks than one import takes; `count` blocks from `start` on were left out. */
  'ICAL_BLOCK_LIMIT',
  /** `count` further skips, not listed one by one. */
  'ICAL_MORE_SKIPPED',
]);
export type IcalSkipReason = z.infer<typeof icalSkipReasonSchema>;

/** Reasons a whole calendar file is refused (nothing is imported). */
export const icalFailureReasonSchema = z.enum([
  'ICAL_EMPTY',
  'ICAL_NOT_CALENDAR',
  'ICAL_MALFORMED',
  'RANGE_INVALID',
  'RANGE_TOO_LONG',
]);
export type IcalFailureReason = z.infer<typeof icalFailureReasonSchema>;

export const icalSkippedSchema = z.object({
  uid: z.string(),
  reason: icalSkipReasonSchema,
  /** Start of the skipped occurrence, when known. */
  start: z.iso.datetime({ offset: true }).optional(),
  /** Line of the item's BEGIN:VEVENT in the file. */
  line: z.number().int().positive().optional(),
  /** For ICAL_BLOCK_LIMIT and ICAL_MORE_SKIPPED: how many were left out. */
  count: z.number().int().positive().optional(),
});
export type IcalSkipped = z.infer<typeof icalSkippedSchema>;

export const icalParseResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), blocks: z.array(busyBlockSchema), skipped: z.array(icalSkippedSchema) }),
  z.object({
    ok: z.literal(false),
    reason: icalFailureReasonSchema,
    line: z.number().int().positive().optional(),
  }),
]);
export type IcalParseResult = z.infer<typeof icalParseResultSchema>;

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** Canonical CSV columns; `date` may be replaced by `day` (a weekday that repeats weekly). */
export const csvColumnSchema = z.enum(['date', 'endDate', 'day', 'start', 'end', 'summary', 'location', 'kind', 'teacher']);
export type CsvColumn = z.infer<typeof csvColumnSchema>;

/** Required columns reported as missing; `dateOrDay` means "a date column or a weekday column". */
export const csvRequiredColumnSchema = z.enum(['dateOrDay', 'start', 'end']);
export type CsvRequiredColumn = z.infer<typeof csvRequiredColumnSchema>;

export const csvFailureReasonSchema = z.enum([
  'CSV_EMPTY',
  'CSV_MALFORMED',
  'CSV_NO_HEADER',
  'CSV_MISSING_COLUMN',
  'CSV_DUPLICATE_COLUMN',
  'RANGE_INVALID',
  'RANGE_TOO_LONG',
]);
export type CsvFailureReason = z.infer<typeof csvFailureReasonSchema>;

export const csvRowReasonSchema = z.enum([
  'CSV_MISSING_COLUMN',
  'CSV_MISSING_VALUE',
  'CSV_COLUMN_COUNT',
  'CSV_BAD_DATE',
  'CSV_BAD_DAY',
  'CSV_BAD_TIME',
  'CSV_BAD_KIND',
  'CSV_END_BEFORE_START',
  'CSV_OUTSIDE_RANGE',
  /** The file has more rows than one import reads; this row and the rest were not read. */
  'CSV_ROW_LIMIT',
  /** The rows so far already make as many blocks as one import takes; this row and the rest were not read. */
  'CSV_BLOCK_LIMIT',
]);
export type CsvRowReason = z.infer<typeof csvRowReasonSchema>;

/** An accepted CSV row, normalised. Exactly one of `date` and `day` is set. */
export const csvRowSchema = z
  .object({
    /** 1-based line number in the file (the header is line 1 in a file without preamble). */
    row: z.number().int().positive(),
    date: z.iso.date().optional(),
    endDate: z.iso.date().optional(),
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    day: z.number().int().min(1).max(7).optional(),
    /** HH:MM, local time. */
    start: z.string().regex(HH_MM),
    /** HH:MM, or 24:00 for midnight at the end of the day. */
    end: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/),
    summary: z.string(),
    location: z.string(),
    kind: timetableKindSchema,
    teacher: z.string().optional(),
  })
  .refine((r) => (r.date === undefined) !== (r.day === undefined), { message: 'CSV_MISSING_VALUE', path: ['date'] });
export type CsvRow = z.infer<typeof csvRowSchema>;

export const csvRejectedSchema = z.object({
  row: z.number().int().positive(),
  reason: csvRowReasonSchema,
  column: csvColumnSchema.optional(),
  value: z.string().optional(),
});
export type CsvRejected = z.infer<typeof csvRejectedSchema>;

export const csvBlockSchema = busyBlockSchema.and(
  z.object({ row: z.number().int().positive(), teacher: z.string().optional() }),
);
export type CsvBlock = z.infer<typeof csvBlockSchema>;

export const csvParseResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    rows: z.array(csvRowSchema),
    blocks: z.array(csvBlockSchema),
    rejected: z.array(csvRejectedSchema),
    /** Header cells that were not recognised and were ignored. */
    ignoredColumns: z.array(z.string()),
  }),
  z.object({
    ok: z.literal(false),
    reason: csvFailureReasonSchema,
    missing: z.array(csvRequiredColumnSchema).optional(),
    columns: z.array(z.string()).optional(),
    line: z.number().int().positive().optional(),
  }),
]);
export type CsvParseResult = z.infer<typeof csvParseResultSchema>;

// ---------------------------------------------------------------------------------------------
// Week grid (entered by hand)
// ---------------------------------------------------------------------------------------------

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export const WEEK_GRID_EARLIEST = '06:00';
export const WEEK_GRID_LATEST = '23:00';

/** One weekly recurring busy slot in the hand-edited week grid. */
export const weekGridSchema = z
  .object({
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    start: z.string().regex(HH_MM, 'TIME_INVALID'),
    end: z.string().regex(HH_MM, 'TIME_INVALID'),
    kind: timetableKindSchema,
    summary: z.string().trim().max(200),
    location: z.string().trim().max(200),
  })
  .superRefine((e, ctx) => {
    if (!HH_MM.test(e.start) || !HH_MM.test(e.end)) return;
    const earliest = minutesOf(WEEK_GRID_EARLIEST);
    const latest = minutesOf(WEEK_GRID_LATEST);
    if (minutesOf(e.start) < earliest || minutesOf(e.start) > latest) {
      ctx.addIssue({ code: 'custom', message: 'TIME_OUTSIDE_DAY', path: ['start'] });
    }
    if (minutesOf(e.end) < earliest || minutesOf(e.end) > latest) {
      ctx.addIssue({ code: 'custom', message: 'TIME_OUTSIDE_DAY', path: ['end'] });
    }
    if (minutesOf(e.end) <= minutesOf(e.start)) {
      ctx.addIssue({ code: 'custom', message: 'END_BEFORE_START', path: ['end'] });
    }
  });
export type WeekGrid = z.infer<typeof weekGridSchema>;

/** All slots of one person's hand-edited week grid. */
export const weekGridListSchema = z.array(weekGridSchema).max(300);
export type WeekGridList = z.infer<typeof weekGridListSchema>;

// ---- Import requests and results (stored timetables) ----

const isoDay = z.iso.date();

export const timetableImportRangeSchema = z.object({ from: isoDay.optional(), to: isoDay.optional() });

export const timetableIcalImportSchema = timetableImportRangeSchema.extend({
  /** The .ics file's text (the browser reads the file). */
  ics: z.string().min(1).max(10_000_000),
  fileName: z.string().trim().max(200).optional(),
});

export const timetableUrlImportSchema = timetableImportRangeSchema.extend({
  url: z.string().trim().max(2000).regex(/^(https?|webcal):\/\/[^\s]+$/i, 'FEED_URL'),
});

export const timetableCsvImportSchema = timetableImportRangeSchema.extend({
  csv: z.string().min(1).max(10_000_000),
  fileName: z.string().trim().max(200).optional(),
});

export const timetableGridSaveSchema = timetableImportRangeSchema.extend({ entries: weekGridListSchema });

export const timetableImportReportSchema = z.object({
  sourceId: z.string(),
  kind: z.enum(['ical-file', 'ical-url', 'csv', 'grid', 'csv-bulk', 'ical-bulk']),
  from: z.string(),
  to: z.string(),
  imported: z.number().int(),
  lessons: z.number().int(),
  other: z.number().int(),
  replaced: z.number().int(),
  /** `when`: the start of the skipped occurrence (ISO 8601), when the file gave one. */
  /** `count`: how many a limit left out (…_LIMIT, MORE_SKIPPED). */
  skipped: z.array(z.object({ ref: z.string(), reason: z.string(), message: z.string(), when: z.string().optional(), count: z.number().int().optional() })),
});
export type TimetableImportReport = z.infer<typeof timetableImportReportSchema>;

export const storedBlockSchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  kind: timetableKindSchema,
  summary: z.string(),
  location: z.string(),
  sourceId: z.string(),
});

export const timetableSourceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  lastImportAt: z.string().nullable(),
  blocks: z.number().int(),
});

export const timetableViewSchema = z.object({
  personId: z.string(),
  from: z.string(),
  to: z.string(),
  blocks: z.array(storedBlockSchema),
  sources: z.array(timetableSourceSchema),
});

export const timetableIcalBulkImportSchema = timetableImportRangeSchema.extend({
  files: z.array(z.object({ fileName: z.string().trim().min(1).max(300), ics: z.string().min(1).max(10_000_000) })).min(1).max(500),
});

export const timetableBulkReportSchema = z.object({
  teachers: z.array(z.object({ personId: z.string(), name: z.string(), fileName: z.string().optional(), imported: z.number().int(), lessons: z.number().int(), replaced: z.number().int() })),
  imported: z.number().int(),
  skipped: z.array(z.object({ ref: z.string(), reason: z.string(), message: z.string(), when: z.string().optional(), count: z.number().int().optional() })),
});
