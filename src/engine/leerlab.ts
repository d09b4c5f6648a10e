// Leerlab planning: weekly slot patterns for a school year in which a vo-class and mbo teachers
// meet across the school wall, in two directions — the pupils go to the ROC ('pupils_to_mbo')
// or an mbo teacher gives a guest lesson at the vo-school ('teachers_to_vo'). The side that
// travels must be free for the session plus the travel there and back; the other side for the
// session itself. Holidays and study days drop a week without counting as a conflict; a week
// in which someone is busy is skipped (up to `maxSkippedWeeks`), beyond that the pattern is
// rejected with the constraint that removed it. Forbidden weekly windows (Monday 15–16 h) are
// never used; the remaining patterns are scored by time-of-day rules (earlier is better, the
// first and last hour of the day cost points). Pure: times are UTC milliseconds, the zone is
// data, ids decide ties, and the input order never changes the result.
import { intervalsNormalize, intervalsOverlap, type IntervalSet } from './intervals.ts';
import { MS_PER_MINUTE, type Interval, type UtcMillis } from './types.ts';
import { dayFromIsoDate, dayToIsoDate, dayWeekday, zoneLocalToUtc, zoneToLocal, type LocalDay, type ZoneRules } from './zone.ts';

export type LeerlabDirection = 'pupils_to_mbo' | 'teachers_to_vo';
export const LEERLAB_DIRECTIONS: readonly LeerlabDirection[] = ['pupils_to_mbo', 'teachers_to_vo'];
export type LeerlabSide = 'vo' | 'mbo';

/** A weekly local-time window, e.g. Monday 15:00–16:00 = { weekday: 1, startMinute: 900, endMinute: 960 }. */
export interface LeerlabWindow {
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface LeerlabParty {
  readonly id: string;
  /** Classes are always on the vo side. */
  readonly kind: 'class' | 'teacher';
  readonly side: LeerlabSide;
  /** Busy time (lessons, meetings) as UTC instants. */
  readonly busy: readonly { readonly start: number; readonly end: number }[];
}

export interface LeerlabDirectionInput {
  readonly direction: LeerlabDirection;
  /** Ids of the parties that take part (classes and teachers); all must be free. */
  readonly partyIds: readonly string[];
  readonly sessionMinutes: number;
  /** 1 = weekly, 2 = every other week, … */
  readonly everyWeeks?: number;
}

export interface LeerlabRulesInput {
  /** The school day in local minutes (default 08:30–16:30). */
  readonly dayStartMinute?: number;
  readonly dayEndMinute?: number;
  /** ISO weekdays on which sessions may happen (default Monday–Friday). */
  readonly weekdays?: readonly number[];
  /** Candidate start times every so many minutes (default 15). */
  readonly stepMinutes?: number;
  /** Never used, e.g. Monday 15–16 h. */
  readonly forbidden?: readonly LeerlabWindow[];
  /** Points lost per hour after the start of the day (default 2). */
  readonly earlyWeightPerHour?: number;
  /** Points lost when a session touches the first or the last hour of the day (default 10 each). */
  readonly edgePenalty?: number;
  /** Length of the "edge" at each end of the day (default 60). */
  readonly edgeMinutes?: number;
  /** Weeks that may be skipped because somebody is busy (default 2). */
  readonly maxSkippedWeeks?: number;
  /** Points lost per skipped week (default 5). */
  readonly skippedWeekPenalty?: number;
  /** How many options to return per direction (default 3). */
  readonly maxOptions?: number;
}

export interface LeerlabPlanInput {
  readonly zone: ZoneRules;
  /** The school year (local dates, inclusive). */
  readonly firstDate: string;
  readonly lastDate: string;
  /** Local dates of holidays and study days. */
  readonly closedDates: readonly string[];
  /** One-way travel between the two locations, minutes. */
  readonly travelMinutes: number;
  readonly parties: readonly LeerlabParty[];
  readonly directions: readonly LeerlabDirectionInput[];
  readonly rules?: LeerlabRulesInput;
}

/** Why a slot (or one week of it) cannot be used. */
export type LeerlabReason =
  | 'OUTSIDE_SCHOOL_DAY'
  | 'TRAVEL_OUTSIDE_SCHOOL_DAY'
  | 'FORBIDDEN_WINDOW'
  | 'NO_SCHOOL_WEEKS'
  | 'CLASS_BUSY'
  | 'TEACHER_BUSY';

/** The constraints in the order the planner applies them; the last one to leave options standing is reported. */
export type LeerlabConstraint = 'SCHOOL_DAY' | 'TRAVEL' | 'FORBIDDEN_WINDOW' | 'HOLIDAYS' | 'CLASS_TIMETABLE' | 'TEACHER_TIMETABLE';
export const LEERLAB_CONSTRAINTS: readonly LeerlabConstraint[] = ['SCHOOL_DAY', 'TRAVEL', 'FORBIDDEN_WINDOW', 'HOLIDAYS', 'CLASS_TIMETABLE', 'TEACHER_TIMETABLE'];

export interface LeerlabSession {
  readonly date: string;
  readonly start: UtcMillis;
  readonly end: UtcMillis;
  /** The travelling side leaves / is back (session ± travel). */
  readonly leaveAt: UtcMillis;
  readonly returnBy: UtcMillis;
}

export interface LeerlabSkippedWeek {
  readonly date: string;
  readonly reason: 'HOLIDAY' | 'CLASS_BUSY' | 'TEACHER_BUSY';
  /** The class or teacher that is busy. */
  readonly partyId: string | null;
}

export interface LeerlabOption {
  readonly direction: LeerlabDirection;
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
  readonly score: number;
  /** Score components, for the side-by-side view. */
  readonly penalties: { readonly late: number; readonly edge: number; readonly skipped: number };
  readonly sessions: readonly LeerlabSession[];
  readonly skipped: readonly LeerlabSkippedWeek[];
}

export interface LeerlabRejection {
  readonly direction: LeerlabDirection;
  readonly weekday: number;
  readonly startMinute: number;
  readonly reason: LeerlabReason;
  /** The party that is busy (CLASS_BUSY, TEACHER_BUSY), the first by id. */
  readonly partyId: string | null;
  /** Weeks in which the reason applies (busy reasons). */
  readonly weeks: number;
}

export interface LeerlabDirectionResult {
  readonly direction: LeerlabDirection;
  readonly options: readonly LeerlabOption[];
  /** How many feasible patterns there were in all (options holds the best). */
  readonly feasible: number;
  readonly rejected: readonly LeerlabRejection[];
  /** Candidates left after each constraint, in order. */
  readonly funnel: readonly { readonly constraint: LeerlabConstraint; readonly remaining: number }[];
  /** When nothing is left: the constraint that removed the last options. */
  readonly emptiedBy: LeerlabConstraint | null;
}

export interface LeerlabPlanOutput {
  readonly directions: readonly LeerlabDirectionResult[];
  readonly codes: readonly string[];
}

interface Rules {
  readonly dayStartMinute: number;
  readonly dayEndMinute: number;
  readonly weekdays: readonly number[];
  readonly stepMinutes: number;
  readonly forbidden: readonly LeerlabWindow[];
  readonly earlyWeightPerHour: number;
  readonly edgePenalty: number;
  readonly edgeMinutes: number;
  readonly maxSkippedWeeks: number;
  readonly skippedWeekPenalty: number;
  readonly maxOptions: number;
}

export function leerlabRulesResolve(rules: LeerlabRulesInput | undefined): Rules {
  return {
    dayStartMinute: rules?.dayStartMinute ?? 510,
    dayEndMinute: rules?.dayEndMinute ?? 990,
    weekdays: [...new Set(rules?.weekdays ?? [1, 2, 3, 4, 5])].sort((a, b) => a - b),
    stepMinutes: Math.max(5, rules?.stepMinutes ?? 15),
    forbidden: rules?.forbidden ?? [],
    earlyWeightPerHour: rules?.earlyWeightPerHour ?? 2,
    edgePenalty: rules?.edgePenalty ?? 10,
    edgeMinutes: rules?.edgeMinutes ?? 60,
    maxSkippedWeeks: rules?.maxSkippedWeeks ?? 2,
    skippedWeekPenalty: rules?.skippedWeekPenalty ?? 5,
    maxOptions: Math.max(1, rules?.maxOptions ?? 3),
  };
}

/** Whether [startMinute, endMinute) on the weekday overlaps one of the windows. */
export function leerlabWindowHit(windows: readonly LeerlabWindow[], weekday: number, startMinute: number, endMinute: number): boolean {
  return windows.some((w) => w.weekday === weekday && w.startMinute < endMinute && startMinute < w.endMinute);
}

/** The travelling side of a direction. */
export function leerlabTravellingSide(direction: LeerlabDirection): LeerlabSide {
  return direction === 'pupils_to_mbo' ? 'vo' : 'mbo';
}

interface PreparedParty {
  readonly id: string;
  readonly kind: 'class' | 'teacher';
  readonly travels: boolean;
  readonly busy: IntervalSet;
}

function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first busy party (by id) for one session, or null when all are free. */
function busyParty(parties: readonly PreparedParty[], start: number, end: number, travelMs: number): PreparedParty | null {
  for (const p of parties) {
    const margin = p.travels ? travelMs : 0;
    if (intervalsOverlap(p.busy, start - margin, end + margin)) return p;
  }
  return null;
}

function prepareParties(input: LeerlabPlanInput, direction: LeerlabDirectionInput): PreparedParty[] {
  const wanted = new Set(direction.partyIds);
  const travelling = leerlabTravellingSide(direction.direction);
  return [...input.parties]
    .filter((p) => wanted.has(p.id))
    .sort(byId)
    .map((p) => ({
      id: p.id,
      kind: p.kind,
      travels: (p.kind === 'class' ? 'vo' : p.side) === travelling,
      busy: intervalsNormalize(p.busy.map((b) => ({ start: b.start as UtcMillis, end: b.end as UtcMillis }) satisfies Interval)),
    }));
}

function scoreOf(rules: Rules, startMinute: number, endMinute: number, skipped: number): LeerlabOption['penalties'] & { score: number } {
  const late = Math.round(((startMinute - rules.dayStartMinute) / 60) * rules.earlyWeightPerHour * 10) / 10;
  let edge = 0;
  if (startMinute < rules.dayStartMinute + rules.edgeMinutes) edge += rules.edgePenalty;
  if (endMinute > rules.dayEndMinute - rules.edgeMinutes) edge += rules.edgePenalty;
  const skip = skipped * rules.skippedWeekPenalty;
  return { late, edge, skipped: skip, score: Math.round((100 - late - edge - skip) * 10) / 10 };
}

function planDirection(input: LeerlabPlanInput, rules: Rules, direction: LeerlabDirectionInput, closed: ReadonlySet<LocalDay>): LeerlabDirectionResult {
  const dir = direction.direction;
  const parties = prepareParties(input, direction);
  const travel = Math.max(0, Math.ceil(input.travelMinutes));
  const travelMs = travel * MS_PER_MINUTE;
  const length = Math.max(1, Math.round(direction.sessionMinutes));
  const every = Math.max(1, Math.round(direction.everyWeeks ?? 1));
  const first = dayFromIsoDate(input.firstDate);
  const last = dayFromIsoDate(input.lastDate);
  // The week of the first school day anchors "every other week".
  const anchorMonday = first - (dayWeekday(first) - 1);
  const travellers = parties.some((p) => p.travels);
  const classes = parties.filter((p) => p.kind === 'class');
  const teachers = parties.filter((p) => p.kind === 'teacher');

  const rejected: LeerlabRejection[] = [];
  const options: LeerlabOption[] = [];
  const counts = new Map<LeerlabConstraint, number>(LEERLAB_CONSTRAINTS.map((c) => [c, 0]));
  const survive = (c: LeerlabConstraint): void => void counts.set(c, (counts.get(c) ?? 0) + 1);
  const reject = (weekday: number, startMinute: number, reason: LeerlabReason, partyId: string | null = null, weeks = 0): void => {
    rejected.push({ direction: dir, weekday, startMinute, reason, partyId, weeks });
  };

  for (const weekday of rules.weekdays) {
    // The weeks of the year on this weekday (every n-th week), holidays apart.
    const days: LocalDay[] = [];
    for (let d = first + ((weekday - dayWeekday(first) + 7) % 7); d <= last; d += 7) {
      if (Math.floor((d - anchorMonday) / 7) % every === 0) days.push(d);
    }
    const open = days.filter((d) => !closed.has(d));
    for (let startMinute = 0; startMinute + length <= 24 * 60; startMinute += rules.stepMinutes) {
      const endMinute = startMinute + length;
      // Candidates are the start times on the step grid; those outside the school day are the first to go.
      if (startMinute < rules.dayStartMinute || endMinute > rules.dayEndMinute) {
        if (startMinute + rules.stepMinutes > rules.dayStartMinute && startMinute < rules.dayEndMinute) reject(weekday, startMinute, 'OUTSIDE_SCHOOL_DAY');
        continue;
      }
      survive('SCHOOL_DAY');
      if (travellers && (startMinute - travel < rules.dayStartMinute - 60 || endMinute + travel > rules.dayEndMinute + 60)) {
        reject(weekday, startMinute, 'TRAVEL_OUTSIDE_SCHOOL_DAY');
        continue;
      }
      survive('TRAVEL');
      if (leerlabWindowHit(rules.forbidden, weekday, startMinute, endMinute)) {
        reject(weekday, startMinute, 'FORBIDDEN_WINDOW');
        continue;
      }
      survive('FORBIDDEN_WINDOW');
      if (open.length === 0) {
        reject(weekday, startMinute, 'NO_SCHOOL_WEEKS');
        continue;
      }
      survive('HOLIDAYS');
      const sessions: LeerlabSession[] = [];
      const skipped: LeerlabSkippedWeek[] = days
        .filter((d) => closed.has(d))
        .map((d) => ({ date: dayToIsoDate(d), reason: 'HOLIDAY' as const, partyId: null }));
      const classBusy = new Map<string, number>();
      const teacherBusy = new Map<string, number>();
      let classWeeks = 0;
      let busyWeeks = 0;
      for (const d of open) {
        const start = zoneLocalToUtc(input.zone, d, startMinute);
        const end = zoneLocalToUtc(input.zone, d, endMinute);
        // A lesson of the class is the more telling answer, so classes are asked first.
        const who = busyParty(classes, start, end, travelMs) ?? busyParty(teachers, start, end, travelMs);
        if (who) {
          busyWeeks++;
          if (who.kind === 'class') classWeeks++;
          const tally = who.kind === 'class' ? classBusy : teacherBusy;
          tally.set(who.id, (tally.get(who.id) ?? 0) + 1);
          skipped.push({ date: dayToIsoDate(d), reason: who.kind === 'class' ? 'CLASS_BUSY' : 'TEACHER_BUSY', partyId: who.id });
          continue;
        }
        sessions.push({ date: dayToIsoDate(d), start, end, leaveAt: (start - travelMs) as UtcMillis, returnBy: (end + travelMs) as UtcMillis });
      }
      const most = (tally: Map<string, number>): [string | null, number] =>
        [...tally.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [null, 0];
      if (classWeeks > rules.maxSkippedWeeks || classWeeks === open.length) {
        const [partyId, weeks] = most(classBusy);
        reject(weekday, startMinute, 'CLASS_BUSY', partyId, weeks);
        continue;
      }
      survive('CLASS_TIMETABLE');
      if (busyWeeks > rules.maxSkippedWeeks || sessions.length === 0) {
        const [partyId, weeks] = most(teacherBusy);
        reject(weekday, startMinute, 'TEACHER_BUSY', partyId, weeks);
        continue;
      }
      survive('TEACHER_TIMETABLE');
      skipped.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const s = scoreOf(rules, startMinute, endMinute, busyWeeks);
      options.push({ direction: dir, weekday, startMinute, endMinute, score: s.score, penalties: { late: s.late, edge: s.edge, skipped: s.skipped }, sessions, skipped });
    }
  }

  options.sort((a, b) => b.score - a.score || b.sessions.length - a.sessions.length || a.weekday - b.weekday || a.startMinute - b.startMinute);
  const funnel = LEERLAB_CONSTRAINTS.map((constraint) => ({ constraint, remaining: counts.get(constraint) ?? 0 }));
  const emptied = funnel.find((f) => f.remaining === 0);
  return {
    direction: dir,
    options: options.slice(0, rules.maxOptions),
    feasible: options.length,
    rejected,
    funnel,
    emptiedBy: options.length === 0 ? (emptied?.constraint ?? 'TEACHER_TIMETABLE') : null,
  };
}

/** Weekly slot patterns for the school year, per direction: the best few, every rejection with its reason. */
export function leerlabPlan(input: LeerlabPlanInput): LeerlabPlanOutput {
  const rules = leerlabRulesResolve(input.rules);
  const closed = new Set(input.closedDates.map(dayFromIsoDate));
  const codes: string[] = [];
  const known = new Set(input.parties.map((p) => p.id));
  const directions = [...input.directions].sort((a, b) => LEERLAB_DIRECTIONS.indexOf(a.direction) - LEERLAB_DIRECTIONS.indexOf(b.direction));
  for (const d of directions) if (d.partyIds.some((id) => !known.has(id))) codes.push('PARTY_UNKNOWN');
  if (dayFromIsoDate(input.lastDate) < dayFromIsoDate(input.firstDate)) codes.push('YEAR_EMPTY');
  const results = directions.map((d) => planDirection(input, rules, d, closed));
  for (const r of results) if (r.options.length === 0) codes.push('NO_COMMON_SLOT');
  return { directions: results, codes: [...new Set(codes)].sort() };
}

export interface LeerlabSessionCheckInput {
  readonly zone: ZoneRules;
  readonly direction: LeerlabDirection;
  readonly start: number;
  readonly end: number;
  readonly travelMinutes: number;
  readonly closedDates: readonly string[];
  readonly parties: readonly LeerlabParty[];
  readonly forbidden?: readonly LeerlabWindow[];
}

export type LeerlabSessionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'HOLIDAY' | 'FORBIDDEN_WINDOW' | 'CLASS_BUSY' | 'TEACHER_BUSY'; readonly partyId: string | null };

/** Whether one session (moved by hand) is free for everybody, with the reason when it is not. */
export function leerlabSessionCheck(input: LeerlabSessionCheckInput): LeerlabSessionCheck {
  const travelling = leerlabTravellingSide(input.direction);
  const local = zoneToLocal(input.zone, input.start as UtcMillis);
  const localEnd = local.minuteOfDay + Math.round((input.end - input.start) / MS_PER_MINUTE);
  if (input.closedDates.includes(dayToIsoDate(local.day))) return { ok: false, reason: 'HOLIDAY', partyId: null };
  if (leerlabWindowHit(input.forbidden ?? [], local.weekday, local.minuteOfDay, localEnd)) return { ok: false, reason: 'FORBIDDEN_WINDOW', partyId: null };
  const parties: PreparedParty[] = [...input.parties].sort(byId).map((p) => ({
    id: p.id,
    kind: p.kind,
    travels: (p.kind === 'class' ? 'vo' : p.side) === travelling,
    busy: intervalsNormalize(p.busy.map((b) => ({ start: b.start as UtcMillis, end: b.end as UtcMillis }))),
  }));
  // Classes first: a lesson of the class is the more telling answer.
  const travelMs = Math.max(0, input.travelMinutes) * MS_PER_MINUTE;
  const who = busyParty(parties.filter((p) => p.kind === 'class'), input.start, input.end, travelMs) ?? busyParty(parties.filter((p) => p.kind === 'teacher'), input.start, input.end, travelMs);
  if (who) return { ok: false, reason: who.kind === 'class' ? 'CLASS_BUSY' : 'TEACHER_BUSY', partyId: who.id };
  return { ok: true };
}
