// The task a worker thread of the timetable pool runs (see parse-timetable.ts): the pure
// parsers, called with the text of one file. Loaded only inside worker threads.
import { timetableParseCsv, type CsvParseFailure, type CsvParseOptions, type CsvParseSuccess } from './parse-csv.ts';
import { timetableParseIcal, type IcalParseFailure, type IcalParseOptions, type IcalParseSuccess } from './parse-ical.ts';
import type { TimetableRange } from './rules.ts';

export type TimetableParseTask =
  | { format: 'ical'; text: string; range: TimetableRange; options: IcalParseOptions }
  | { format: 'csv'; text: string; options: CsvParseOptions };

export type TimetableParseOutput =
  | { format: 'ical'; result: IcalParseSuccess | IcalParseFailure }
  | { format: 'csv'; result: CsvParseSuccess | CsvParseFailure };

export default function parseTimetableTask(task: TimetableParseTask): TimetableParseOutput {
  if (task.format === 'ical') return { format: 'ical', result: timetableParseIcal(task.text, task.range, task.options) };
  return { format: 'csv', result: timetableParseCsv(task.text, task.options) };
}
