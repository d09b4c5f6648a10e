// `kruispunt timetable parse FILE --from YYYY-MM-DD --to YYYY-MM-DD [--zone ZONE]`
// Prints the busy blocks of an iCalendar (.ics) or CSV file that overlap the range, and what
// was skipped and why, as one JSON object on stdout.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { timetableParseCsv } from '../domain/calendar/timetable/parse-csv.ts';
import { timetableParseIcal } from '../domain/calendar/timetable/parse-ical.ts';
import { TIMETABLE_DEFAULT_ZONE, timetableIsKnownZone } from '../domain/calendar/timetable/rules.ts';

const usage = `kruispunt timetable parse FILE --from YYYY-MM-DD --to YYYY-MM-DD [--zone ZONE]

  Parses an iCalendar (.ics) or CSV timetable and prints, as JSON, every busy block that
  overlaps the range (00:00 of --from to 24:00 of --to, in ZONE, default Europe/Amsterdam):
  {"blocks":[{"start","end","summary","location"}],"skipped":[{"uid","reason"}]}
`;

// Prose for the terminal; the codes themselves are what the UI translates.
const explanations: Record<string, string> = {
  ICAL_EMPTY: 'the calendar contains no events',
  ICAL_NOT_CALENDAR: 'the file is not an iCalendar file (no BEGIN:VCALENDAR)',
  ICAL_MALFORMED: 'the iCalendar file is malformed',
  CSV_EMPTY: 'the CSV file has no data rows',
  CSV_MALFORMED: 'the CSV file cannot be read (unbalanced quotes?)',
  CSV_NO_HEADER: 'the CSV file has no recognisable header row',
  CSV_MISSING_COLUMN: 'the CSV file lacks required columns',
  CSV_DUPLICATE_COLUMN: 'the CSV file names the same column twice',
  RANGE_INVALID: '--from and --to must be real dates (YYYY-MM-DD) with --from not after --to',
  RANGE_TOO_LONG: 'the range is too long',
};

interface Args {
  file: string;
  from: string;
  to: string;
  zone: string;
}

function parseArgs(args: string[]): Args | string {
  const [sub, ...rest] = args;
  if (sub !== 'parse') return sub === undefined ? 'missing sub-command' : `unknown sub-command "${sub}"`;
  let file: string | undefined;
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const eq = /^--(from|to|zone)=(.*)$/.exec(arg);
    if (eq) {
      flags[eq[1] ?? ''] = eq[2] ?? '';
    } else if (/^--(from|to|zone)$/.test(arg)) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      flags[arg.slice(2)] = value;
      i++;
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return `unexpected argument "${arg}"`;
    }
  }
  if (file === undefined) return 'missing FILE';
  const { from, to } = flags;
  if (!from || !to) return '--from and --to are required';
  const zone = flags.zone ?? TIMETABLE_DEFAULT_ZONE;
  if (!timetableIsKnownZone(zone)) return `unknown time zone "${zone}"`;
  return { file, from, to, zone };
}

function fail(message: string, showUsage = false): number {
  process.stderr.write(`kruispunt timetable: ${message}\n${showUsage ? `\n${usage}` : ''}`);
  return 2;
}

export async function runTimetableCommand(args: string[]): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return fail(parsed, true);

  let text: string;
  try {
    text = await readFile(parsed.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return fail(`cannot read ${parsed.file} (${code})`);
  }

  const range = { from: parsed.from, to: parsed.to };
  const isCsv = path.extname(parsed.file).toLowerCase() === '.csv' || (!/BEGIN:VCALENDAR/i.test(text) && /[,;\t]/.test(text.split(/\r?\n/, 1)[0] ?? ''));
  let output: { blocks: { start: string; end: string; summary: string; location: string }[]; skipped: { uid: string; reason: string }[] };
  if (isCsv) {
    const result = timetableParseCsv(text, { range, zone: parsed.zone });
    if (!result.ok) {
      const details = [result.missing?.length ? `missing: ${result.missing.join(', ')}` : '', result.columns?.length ? `columns: ${result.columns.join(', ')}` : '', result.line ? `line ${result.line}` : '']
        .filter(Boolean)
        .join('; ');
      return fail(`${result.reason}: ${explanations[result.reason] ?? result.reason}${details ? ` (${details})` : ''}`);
    }
    output = {
      blocks: result.blocks.map((b) => ({ start: b.start, end: b.end, summary: b.summary, location: b.location })),
      skipped: result.rejected.map((r) => ({ uid: `row-${r.row}`, reason: r.reason })),
    };
  } else {
    const result = timetableParseIcal(text, range, { zone: parsed.zone });
    if (!result.ok) {
      const at = result.line ? ` (line ${result.line})` : '';
      return fail(`${result.reason}: ${explanations[result.reason] ?? result.reason}${at}`);
    }
    output = {
      blocks: result.blocks.map((b) => ({ start: b.start, end: b.end, summary: b.summary, location: b.location })),
      skipped: result.skipped.map((s) => ({ uid: s.uid, reason: s.reason })),
    };
  }
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}
