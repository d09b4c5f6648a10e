import { csvMapColumns, csvRead } from '../../foundation/csv-import/rules.ts';

// Reading a roster CSV: only the name and the class are read. Every other column (date of birth,
// BSN, address, e-mail …) is dropped before anything is stored, and reported by its header.

export const PUPIL_COLUMNS = {
  name: ['naam', 'leerling', 'leerlingnaam', 'roepnaam en achternaam', 'volledige naam', 'name', 'pupil', 'student', 'full name'],
  firstName: ['roepnaam', 'voornaam', 'first name', 'firstname', 'given name'],
  infix: ['tussenvoegsel', 'tussenvoegsels', 'infix'],
  lastName: ['achternaam', 'last name', 'lastname', 'surname', 'family name'],
  className: ['klas', 'stamgroep', 'groep', 'class', 'group', 'form'],
} as const;

export type PupilCsvRow = { row: number; ok: true; name: string; className: string } | { row: number; ok: false; name: string; code: string };

export type PupilCsvResult =
  | { ok: true; rows: PupilCsvRow[]; dropped: string[] }
  | { ok: false; code: string };

export function pupilCsvParse(text: string): PupilCsvResult {
  const read = csvRead(text);
  if (!read.ok) return { ok: false, code: read.reason };
  const { columns } = csvMapColumns(read.header, PUPIL_COLUMNS, []);
  const hasName = columns.name !== undefined || (columns.firstName !== undefined && columns.lastName !== undefined);
  if (!hasName || columns.className === undefined) return { ok: false, code: 'PUPIL_CSV_COLUMNS_MISSING' };
  const used = new Set(Object.values(columns));
  const dropped = read.header.filter((h, i) => !used.has(i) && h.trim() !== '');
  const rows: PupilCsvRow[] = read.rows.map(({ row, cells }) => {
    const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    const name = (columns.name !== undefined ? cell(columns.name) : [cell(columns.firstName), cell(columns.infix), cell(columns.lastName)].filter(Boolean).join(' ')).replace(/\s+/g, ' ');
    const className = cell(columns.className).toUpperCase();
    if (!name) return { row, ok: false, name, code: 'PUPIL_NAME_MISSING' };
    if (name.length > 80) return { row, ok: false, name: name.slice(0, 80), code: 'PUPIL_NAME_TOO_LONG' };
    if (!className) return { row, ok: false, name, code: 'PUPIL_CLASS_MISSING' };
    return { row, ok: true, name, className };
  });
  return { ok: true, rows, dropped };
}

/** Grades for the vo-school's administration: one row per pupil per part, semicolon-separated, decimal comma. */
export const GRADE_CSV_COLUMNS = ['leerling', 'klas', 'keuzedeel_code', 'keuzedeel', 'onderdeel', 'uren', 'cijfer', 'behaald', 'datum'] as const;

function csvCell(v: string | number): string {
  const s = String(v);
  return /[;"\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s;
}

export function gradeCsvBuild(
  keuzedeel: { name: string; code: string },
  parts: readonly { id: string; name: string; hours: number }[],
  pupils: readonly { name: string; className: string; results: readonly { partId: string; grade: number | null; completed: boolean; assessedOn: string | null }[] }[],
): string {
  const lines = [GRADE_CSV_COLUMNS.join(';')];
  const num = (n: number) => String(n).replace('.', ',');
  for (const p of pupils) {
    for (const part of parts) {
      const r = p.results.find((x) => x.partId === part.id);
      lines.push([p.name, p.className, keuzedeel.code, keuzedeel.name, part.name, num(part.hours), r?.grade != null ? num(r.grade) : '', r?.completed ? 'ja' : 'nee', r?.assessedOn ?? '']
        .map(csvCell).join(';'));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
