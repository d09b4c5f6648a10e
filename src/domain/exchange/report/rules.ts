import type { FunnelRow } from '../edition/schema.ts';

export interface FunnelPerson {
  personId: string;
  institutionId: string;
  institutionName: string;
  programmes: { id: string; name: string }[];
  invited: boolean;
  registered: boolean;
  matched: boolean;
  visited: boolean;
  evaluated: boolean;
}

type Stage = 'invited' | 'registered' | 'matched' | 'visited' | 'evaluated';
const stages: Stage[] = ['invited', 'registered', 'matched', 'visited', 'evaluated'];

/**
 * The recruitment funnel per institution (programmeId null) and per institution × programme.
 * Every later stage counts only people who also reached the earlier ones would be stricter;
 * here each stage counts what happened, so a coordinator can see e.g. registrations without an invitation.
 */
export function reportFunnel(people: FunnelPerson[]): { perInstitution: FunnelRow[]; perProgramme: FunnelRow[] } {
  const rows = new Map<string, FunnelRow>();
  const add = (key: string, base: Omit<FunnelRow, Stage>, p: FunnelPerson) => {
    const row = rows.get(key) ?? { ...base, invited: 0, registered: 0, matched: 0, visited: 0, evaluated: 0 };
    for (const s of stages) if (p[s]) row[s]++;
    rows.set(key, row);
  };
  for (const p of people) {
    add(`i:${p.institutionId}`, { institutionId: p.institutionId, institutionName: p.institutionName, programmeId: null, programmeName: null }, p);
    for (const prog of p.programmes) {
      add(`p:${p.institutionId}:${prog.id}`, { institutionId: p.institutionId, institutionName: p.institutionName, programmeId: prog.id, programmeName: prog.name }, p);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.institutionName.localeCompare(b.institutionName) || (a.programmeName ?? '').localeCompare(b.programmeName ?? ''));
  return { perInstitution: sorted.filter((r) => r.programmeId === null), perProgramme: sorted.filter((r) => r.programmeId !== null) };
}

export function reportAverage(values: number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
}

/** Semicolon CSV with a BOM, as Dutch Excel opens it. */
export function reportCsv(header: string[], rows: (string | number | boolean)[][]): string {
  const cell = (v: string | number | boolean) => {
    const s = typeof v === 'number' ? String(v).replace('.', ',') : String(v);
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
