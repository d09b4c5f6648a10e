// Small pure rules of a leerlab: clock times, travel from coordinates, the retention date,
// the class timetable as busy time, the zone rules for the engine and the holiday CSV.
import {
  dayFromIsoDate, dayToIsoDate, dayWeekday, travelMinutesByMode, zoneLocalToUtc,
  type LeerlabRulesInput, type ZoneRules, type ZoneTransition, type UtcMillis, type Minutes,
} from '../../../engine/index.ts';
import type { LeerlabLesson, LeerlabRules } from './schema.ts';

export function clockToMinute(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function minuteToClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** One-way travel minutes between the two locations by the chosen mode, null without coordinates. */
export function leerlabTravelComputed(
  vo: { id: string; latitude: number | null; longitude: number | null } | null,
  mbo: { id: string; latitude: number | null; longitude: number | null } | null,
  mode: 'walk' | 'bike',
): number | null {
  if (!vo || !mbo || vo.latitude === null || vo.longitude === null || mbo.latitude === null || mbo.longitude === null) return null;
  return travelMinutesByMode({ id: vo.id, lat: vo.latitude, lon: vo.longitude }, { id: mbo.id, lat: mbo.latitude, lon: mbo.longitude }, mode);
}

/** The day the pupils' data is removed: the configured months after the last day of the cohort's year. */
export function leerlabPupilsRemoveOn(lastDate: string, retentionMonths: number): string {
  const [y, m, d] = lastDate.split('-').map(Number) as [number, number, number];
  const total = (y * 12 + (m - 1)) + retentionMonths;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/** The engine's rules from the coordinators' settings. */
export function leerlabEngineRules(rules: LeerlabRules, maxOptions = 3): LeerlabRulesInput {
  return {
    dayStartMinute: clockToMinute(rules.dayStart),
    dayEndMinute: clockToMinute(rules.dayEnd),
    forbidden: rules.forbidden.map((w) => ({ weekday: w.weekday, startMinute: clockToMinute(w.start), endMinute: clockToMinute(w.end) })),
    earlyWeightPerHour: rules.preferEarly ? 2 : 0,
    edgePenalty: rules.avoidEdges ? 10 : 0,
    maxSkippedWeeks: rules.maxSkippedWeeks,
    maxOptions,
  };
}

/** A class's weekly lessons as busy instants over the school year. */
export function leerlabLessonsExpand(zone: ZoneRules, firstDate: string, lastDate: string, lessons: readonly LeerlabLesson[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const last = dayFromIsoDate(lastDate);
  for (let day = dayFromIsoDate(firstDate); day <= last; day++) {
    const weekday = dayWeekday(day);
    for (const l of lessons) {
      if (l.weekday !== weekday) continue;
      const s = clockToMinute(l.start);
      const e = clockToMinute(l.end);
      if (e > s) out.push({ start: zoneLocalToUtc(zone, day, s), end: zoneLocalToUtc(zone, day, e) });
    }
  }
  return out;
}

function offsetAt(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
  return Math.round((local - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** The zone's offset transitions between two instants, from Intl (hourly samples, bisected to the minute). */
export function leerlabZoneRules(timeZone: string, start: number, end: number): ZoneRules {
  const transitions: ZoneTransition[] = [{ atUtc: start as UtcMillis, offsetMinutes: offsetAt(timeZone, start) as Minutes }];
  let prev = transitions[0]!.offsetMinutes as number;
  for (let t = start + 3_600_000; t <= end + 3_600_000; t += 3_600_000) {
    const o = offsetAt(timeZone, t);
    if (o !== prev) {
      let lo = t - 3_600_000;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
        if (offsetAt(timeZone, mid) === prev) lo = mid;
        else hi = mid;
      }
      transitions.push({ atUtc: hi as UtcMillis, offsetMinutes: o as Minutes });
      prev = o;
    }
  }
  return { name: timeZone, transitions };
}

export type ClosedDayRow =
  | { row: number; ok: true; date: string; kind: 'holiday' | 'study_day'; label: string }
  | { row: number; ok: false; code: string };

/**
 * Holidays and study days from a CSV: a date per line (YYYY-MM-DD or DD-MM-YYYY), optionally a
 * second column with a description ("studiedag" makes it a study day) or a range "from;to;label".
 */
export function leerlabClosedDaysParse(csv: string): ClosedDayRow[] {
  const toIso = (s: string): string | null => {
    const t = s.trim();
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (m) return valid(`${m[1]}-${m[2]}-${m[3]}`);
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (m) return valid(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
    return null;
  };
  const valid = (iso: string): string | null => (new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : null);
  const out: ClosedDayRow[] = [];
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const row = i + 1;
    if (line.trim() === '') return;
    const cells = line.split(/[;,\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const from = toIso(cells[0] ?? '');
    if (!from) {
      // A header line is skipped quietly.
      if (row === 1 && !/\d/.test(cells[0] ?? '')) return;
      out.push({ row, ok: false, code: 'CLOSED_DAY_DATE_INVALID' });
      return;
    }
    const to = cells[1] ? toIso(cells[1]) : null;
    const label = (to ? cells[2] : cells[1]) ?? '';
    const kind = /studie|study/i.test(label) ? 'study_day' : 'holiday';
    if (to && to < from) {
      out.push({ row, ok: false, code: 'CLOSED_DAY_RANGE_INVALID' });
      return;
    }
    const end = to ? dayFromIsoDate(to) : dayFromIsoDate(from);
    if (end - dayFromIsoDate(from) > 60) {
      out.push({ row, ok: false, code: 'CLOSED_DAY_RANGE_INVALID' });
      return;
    }
    for (let d = dayFromIsoDate(from); d <= end; d++) {
      if (dayWeekday(d) <= 5) out.push({ row, ok: true, date: dayToIsoDate(d), kind, label: label.slice(0, 80) });
    }
  });
  return out;
}

export const CHECKLIST_KINDS = ['badges', 'grade_accounts', 'financing', 'evaluation', 'transport', 'custom'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/**
 * The article's preconditions as the starting checklist: access badges for the pupils at the ROC,
 * accounts for grade entry in the other school's system, financing and subsidy, transport, and an
 * evaluation moment after each period. Due dates count back from the first school day.
 */
export function leerlabChecklistTemplate(firstDate: string, periods: readonly { name: string; endDate: string }[]): { kind: ChecklistKind; titleCode: string; dueDate: string; params?: Record<string, string> }[] {
  const before = (days: number) => dayToIsoDate(dayFromIsoDate(firstDate) - days);
  return [
    { kind: 'financing', titleCode: 'CHECKLIST_FINANCING', dueDate: before(42) },
    { kind: 'badges', titleCode: 'CHECKLIST_BADGES', dueDate: before(14) },
    { kind: 'grade_accounts', titleCode: 'CHECKLIST_GRADE_ACCOUNTS', dueDate: before(14) },
    { kind: 'transport', titleCode: 'CHECKLIST_TRANSPORT', dueDate: before(7) },
    ...periods.map((p) => ({ kind: 'evaluation' as const, titleCode: 'CHECKLIST_EVALUATION', dueDate: p.endDate, params: { period: p.name } })),
  ];
}
