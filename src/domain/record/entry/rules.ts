import type { RecordEntry, RecordSums, RecordTotals } from './schema.ts';

// Pure rules of the record (importable by the browser): school years, the register of teachers'
// re-registration norm and the totals, and the CSV for task allocation.

/** The register of teachers' norm for re-registration over four years. */
export const RECORD_NORM = { hours: 160, primaryProcessHours: 100, subjectSpecificHours: 40 } as const;

/** The Dutch school year (1 August – 31 July) of a date: "2026-2027". */
export function recordSchoolYear(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

function recordSchoolYearShift(schoolYear: string, years: number): string {
  const start = Number(schoolYear.slice(0, 4)) + years;
  return `${start}-${start + 1}`;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function recordSums(entries: readonly Pick<RecordEntry, 'hours' | 'contactHours' | 'primaryProcess' | 'subjectSpecific'>[]): RecordSums {
  const s = { hours: 0, contactHours: 0, selfStudyHours: 0, primaryProcessHours: 0, otherHours: 0, subjectSpecificHours: 0 };
  for (const e of entries) {
    s.hours += e.hours;
    s.contactHours += e.contactHours;
    s.selfStudyHours += e.hours - e.contactHours;
    if (e.primaryProcess) s.primaryProcessHours += e.hours;
    else s.otherHours += e.hours;
    if (e.subjectSpecific) s.subjectSpecificHours += e.hours;
  }
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v)])) as RecordSums;
}

/**
 * Totals per school year, and over the four-year period that ends with the current school year
 * (the register's re-registration window) against its norm: at least 160 hours, of which at
 * least 100 related to the primary process, and for secondary-school teachers at least 40
 * subject-specific.
 */
export function recordTotals(entries: readonly Pick<RecordEntry, 'date' | 'hours' | 'contactHours' | 'primaryProcess' | 'subjectSpecific'>[], today: string, secondary: boolean): RecordTotals {
  const years = [...new Set(entries.map((e) => recordSchoolYear(e.date)))].sort();
  const lastSchoolYear = recordSchoolYear(today);
  const firstSchoolYear = recordSchoolYearShift(lastSchoolYear, -3);
  const inPeriod = entries.filter((e) => {
    const y = recordSchoolYear(e.date);
    return y >= firstSchoolYear && y <= lastSchoolYear;
  });
  const period = recordSums(inPeriod);
  const norm = { hours: RECORD_NORM.hours, primaryProcessHours: RECORD_NORM.primaryProcessHours, subjectSpecificHours: secondary ? RECORD_NORM.subjectSpecificHours : null };
  const met = period.hours >= norm.hours && period.primaryProcessHours >= norm.primaryProcessHours
    && (norm.subjectSpecificHours === null || period.subjectSpecificHours >= norm.subjectSpecificHours);
  return {
    schoolYears: years.map((schoolYear) => ({ schoolYear, ...recordSums(entries.filter((e) => recordSchoolYear(e.date) === schoolYear)) })),
    period: { ...period, firstSchoolYear, lastSchoolYear, norm, met },
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The record as CSV for the school's task allocation (semicolons, decimal comma: Dutch spreadsheets). */
export function recordCsv(headers: readonly string[], entries: readonly RecordEntry[], yes: string, no: string): string {
  const num = (n: number) => String(n).replace('.', ',');
  const rows = entries.map((e) => [e.date, e.schoolYear, e.title, num(e.hours), num(e.contactHours), num(e.selfStudyHours), e.primaryProcess ? yes : no, e.subjectSpecific ? yes : no, e.source]);
  return [headers, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** "exchange_edition:…" — the key of an activity in the record. */
export function recordEntryKey(e: { source: string; sourceId: string }): string {
  return `${e.source}:${e.sourceId}`;
}
