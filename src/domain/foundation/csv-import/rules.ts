import { parse } from 'csv-parse/sync';
import { peopleColumnNames, programmeColumnNames, type CsvColumnNames } from './schema.ts';

// Reading a CSV file as people export it from Excel or a school's administration: comma or
// semicolon, UTF-8 with or without BOM, Dutch or English column names, any column order.

export const CSV_MAX_ROWS = 10_000;

export type CsvReadResult =
  | { ok: true; delimiter: ',' | ';' | '\t'; header: string[]; rows: { row: number; cells: string[] }[] }
  | { ok: false; reason: 'CSV_EMPTY' | 'CSV_NO_HEADER' | 'CSV_MALFORMED' | 'CSV_TOO_MANY_ROWS'; params?: Record<string, string | number> };

function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 } as Record<',' | ';' | '\t', number>;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as ',' | ';' | '\t']++;
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0]) as ',' | ';' | '\t';
}

export function csvRead(text: string): CsvReadResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, reason: 'CSV_EMPTY' };
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  let records: string[][];
  try {
    records = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    const detail = (error as { code?: string; lines?: number }).lines !== undefined
      ? `line ${(error as { lines: number }).lines}` : String((error as Error).message).slice(0, 80);
    return { ok: false, reason: 'CSV_MALFORMED', params: { detail } };
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h === '')) return { ok: false, reason: 'CSV_NO_HEADER' };
  if (body.length > CSV_MAX_ROWS) return { ok: false, reason: 'CSV_TOO_MANY_ROWS', params: { max: CSV_MAX_ROWS } };
  return { ok: true, delimiter, header, rows: body.map((cells, i) => ({ row: i + 2, cells })) };
}

/** Lower-case, without accents, spaces, dashes or underscores: "E-mailadres" → "emailadres". */
export function csvNormaliseHeader(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\-_.]/g, '');
}

/**
 * Maps each wanted field to a column index using its Dutch and English synonyms.
 * Returns the indexes and the required fields that are missing.
 */
export function csvMapColumns<S extends Record<string, readonly string[]>, F extends keyof S & string = keyof S & string>(
  header: string[],
  synonyms: S,
  required: readonly F[],
): { columns: Partial<Record<keyof S, number>>; missing: F[] } {
  const normalised = header.map(csvNormaliseHeader);
  const columns: Partial<Record<keyof S, number>> = {};
  for (const field of Object.keys(synonyms) as (keyof S)[]) {
    const index = normalised.findIndex((h) => synonyms[field]!.map(csvNormaliseHeader).includes(h));
    if (index >= 0) columns[field] = index;
  }
  return { columns, missing: required.filter((f) => columns[f] === undefined) };
}

/** Every accepted name of each field (Dutch and English together), as csvMapColumns wants them. */
function synonymsOf<K extends string>(names: Record<K, CsvColumnNames>): Record<K, readonly string[]> {
  return Object.fromEntries(Object.entries<CsvColumnNames>(names).map(([field, n]) => [field, [...n.nl, ...n.en]])) as unknown as Record<K, readonly string[]>;
}

export const peopleColumns = synonymsOf(peopleColumnNames);
export const programmeColumns = synonymsOf(programmeColumnNames);

const roleWords: Record<string, string> = {
  docent: 'teacher', teacher: 'teacher', leraar: 'teacher', lerares: 'teacher',
  schoolcoordinator: 'school_coordinator', coordinator: 'school_coordinator',
  netwerkcoordinator: 'network_coordinator', networkcoordinator: 'network_coordinator',
  teamleider: 'team_lead', teamlead: 'team_lead', leidinggevende: 'team_lead',
  professional: 'professional', bedrijf: 'professional',
  beheerder: 'admin', admin: 'admin', administrator: 'admin',
};

export function csvParseRole(value: string): string | undefined {
  if (value.trim() === '') return 'teacher';
  return roleWords[csvNormaliseHeader(value)];
}

const levelWords: Record<string, string> = {
  vmbo: 'vmbo', havo: 'havo', vwo: 'vwo',
  mbo1: 'mbo-1', mbo2: 'mbo-2', mbo3: 'mbo-3', mbo4: 'mbo-4', niveau1: 'mbo-1', niveau2: 'mbo-2', niveau3: 'mbo-3', niveau4: 'mbo-4',
  '1': 'mbo-1', '2': 'mbo-2', '3': 'mbo-3', '4': 'mbo-4',
  ad: 'associate-degree', associatedegree: 'associate-degree',
  bachelor: 'bachelor', hbobachelor: 'bachelor', hbo: 'bachelor', ba: 'bachelor', bsc: 'bachelor',
  master: 'master', ma: 'master', msc: 'master', overig: 'other', other: 'other',
};

export function csvParseLevel(value: string): string | undefined {
  return levelWords[csvNormaliseHeader(value)];
}
