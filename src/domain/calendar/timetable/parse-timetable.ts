// Timetable files are untrusted input: they are parsed on worker threads, never on the event
// loop that serves requests, with a time limit per file (ARCHITECTURE.md, "Work that must never
// block"). The parsers themselves bound their work (parse-ical.ts, parse-csv.ts); the time limit
// is the second wall. The pure parsers stay callable directly (CLI, unit tests).
import { workerPoolCreate, type WorkerPool, type WorkerPoolFailure } from '../../../lib/worker-pool.ts';
import type { CsvParseFailure, CsvParseOptions, CsvParseSuccess } from './parse-csv.ts';
import type { IcalParseFailure, IcalParseOptions, IcalParseSuccess } from './parse-ical.ts';
import type { TimetableParseOutput, TimetableParseTask } from './parse-timetable-worker.ts';
import type { TimetableRange } from './rules.ts';

/** Longest time one file may take to parse. */
export const TIMETABLE_PARSE_TIME_LIMIT_MS = 10_000;

/** Why a file could not be parsed at all on the pool: too slow, too big, or the pool is full. */
export type TimetableParsePoolFailure = { ok: false; reason: `PARSE_${WorkerPoolFailure}` };

/** Whether a parse result is the pool's failure rather than the parser's own. */
export function timetableIsPoolFailure(result: { ok: boolean; reason?: string }): result is TimetableParsePoolFailure {
  return !result.ok && typeof result.reason === 'string' && result.reason.startsWith('PARSE_');
}

let pool: WorkerPool<TimetableParseTask, TimetableParseOutput> | null = null;

function poolOf(): WorkerPool<TimetableParseTask, TimetableParseOutput> {
  pool ??= workerPoolCreate<TimetableParseTask, TimetableParseOutput>({
    module: new URL('./parse-timetable-worker.ts', import.meta.url),
    timeLimitMs: TIMETABLE_PARSE_TIME_LIMIT_MS,
  });
  return pool;
}

interface RunOptions {
  /** Overrides the time limit (tests). */
  timeLimitMs?: number;
}

async function run(task: TimetableParseTask, runOptions: RunOptions): Promise<TimetableParseOutput | TimetableParsePoolFailure> {
  const outcome = await poolOf().run(task, runOptions.timeLimitMs === undefined ? {} : { timeLimitMs: runOptions.timeLimitMs });
  return outcome.ok ? outcome.value : { ok: false, reason: `PARSE_${outcome.reason}` };
}

/** timetableParseIcal on a worker thread. */
export async function timetableParseIcalInWorker(
  text: string, range: TimetableRange, options: IcalParseOptions = {}, runOptions: RunOptions = {},
): Promise<IcalParseSuccess | IcalParseFailure | TimetableParsePoolFailure> {
  const out = await run({ format: 'ical', text, range, options }, runOptions);
  if ('ok' in out) return out;
  if (out.format !== 'ical') throw new Error('timetable worker answered with the wrong format');
  return out.result;
}

/** timetableParseCsv on a worker thread. */
export async function timetableParseCsvInWorker(
  text: string, options: CsvParseOptions, runOptions: RunOptions = {},
): Promise<CsvParseSuccess | CsvParseFailure | TimetableParsePoolFailure> {
  const out = await run({ format: 'csv', text, options }, runOptions);
  if ('ok' in out) return out;
  if (out.format !== 'csv') throw new Error('timetable worker answered with the wrong format');
  return out.result;
}

/** Stops the pool's threads (at shutdown; idle threads never keep the process alive). */
export async function timetableParsePoolClose(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.close();
}
