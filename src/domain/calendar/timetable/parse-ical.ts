// iCalendar (RFC 5545) → busy blocks in an import range. Pure: text in, result out.
//
// ical.js parses the text and expands RRULEs; time-zone arithmetic is done here so that files
// from real exporters work without a global time-zone registry:
//  - a TZID is resolved to an IANA zone when possible (IANA names, Outlook's Windows names such
//    as "W. Europe Standard Time", Outlook display names, Mozilla-prefixed names, or the
//    VTIMEZONE's X-LIC-LOCATION) and converted with the runtime's tz database (Intl), which is
//    more reliable than the often truncated VTIMEZONE definitions in exports; only a TZID that
//    names no known zone falls back to the file's own VTIMEZONE (read by ical.js); a TZID with
//    neither is skipped with ICAL_UNKNOWN_TIMEZONE.
//  - recurrences are expanded in local wall-clock time and every occurrence is converted on its
//    own, so a weekly 08:30 lesson stays 08:30 across the DST switch.
//  - floating times and all-day (DATE) values are read in the import zone (Europe/Amsterdam).
//
// All-day events: kept as busy blocks (allDay: true, local midnight to midnight, usually kind
// 'other' — a study day or school trip means no visits) except holidays and free days
// ("Kerstvakantie", "Koningsdag", "Vrije dag" …), which are skipped as ICAL_HOLIDAY because
// they do not make anyone busy. All-day events marked TRANSP:TRANSPARENT (Google's default for
// all-day items) are skipped as ICAL_TRANSPARENT like any other free-time item.
//
// Skips are reported per occurrence that would have overlapped the range; items that cannot be
// placed in time at all (no DTSTART, unreadable value, unknown zone, broken RRULE) are always
// reported.
//
// The work a file can cause is bounded (TIMETABLE_ICAL_LIMITS): a recurrence is expanded from a
// start moved by whole periods to just before the range (so a weekly lesson that began in 2001
// costs as much as one that began last month) and stops after it; every instant ical.js
// examines, also those a BY… part rejects, counts against the item's and the file's budget;
// items, blocks and listed skips per file are capped. What a cap leaves out is reported as a skip.
// The callers in the server run this on a worker thread (parse-timetable.ts) as well.
import ICAL from 'ical.js';
import {
  DAY_MS,
  TIMETABLE_DEFAULT_ZONE,
  timetableClassifyKind,
  timetableFormatIso,
  timetableFormatWall,
  timetableIsHoliday,
  timetableLocalToUtcMs,
  timetableResolveRange,
  timetableResolveZoneName,
  timetableUtcToWallMs,
  type ResolvedRange,
  type TimetableKind,
  type TimetableRange,
} from './rules.ts';
import type { BusyBlock, IcalFailureReason, IcalSkipReason, IcalSkipped } from './schema.ts';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

export interface IcalParseOptions {
  /** Zone of the range, floating times, all-day events and output offsets. Default Europe/Amsterdam. */
  zone?: string;
  /** Length of a timed event that has neither DTEND nor DURATION. Default 60 minutes. */
  defaultDurationMinutes?: number;
  /** Kind given to items that match no lesson/meeting rule. Default 'other'. */
  defaultKind?: TimetableKind;
  /**
   * Upper bound on the instants examined per recurring item, counting those a rule filters out
   * (FREQ=SECONDLY;BYMONTH=12 examines every second until December). Beyond it the item is
   * skipped as ICAL_RECURRENCE_LIMIT. Default 20 000.
   */
  maxOccurrences?: number;
  /** Upper bound on the instants examined in the whole file; later items are skipped as ICAL_WORK_LIMIT. Default 200 000. */
  maxWork?: number;
  /** Most calendar items (VEVENTs) read from one file; the rest are skipped as ICAL_EVENT_LIMIT. Default 10 000. */
  maxEvents?: number;
  /** Most busy blocks taken from one file: the earliest are kept, the rest reported as ICAL_BLOCK_LIMIT. Default 5 000. */
  maxBlocks?: number;
  /** Most skip entries listed; the rest are counted in one ICAL_MORE_SKIPPED entry. Default 500. */
  maxSkipped?: number;
  /** Longest accepted range in days. Default 731. */
  maxRangeDays?: number;
}

/** The bounds on the work one iCalendar file may cause (see IcalParseOptions). */
export const TIMETABLE_ICAL_LIMITS = {
  maxOccurrences: 20_000,
  maxWork: 200_000,
  maxEvents: 10_000,
  maxBlocks: 5_000,
  maxSkipped: 500,
} as const;

export type IcalParseSuccess = { ok: true; blocks: BusyBlock[]; skipped: IcalSkipped[] };
export type IcalParseFailure = { ok: false; reason: IcalFailureReason; line?: number };

// ---------------------------------------------------------------------------------------------
// Structure check with line numbers (ical.js reports no line numbers and accepts mismatched END)
// ---------------------------------------------------------------------------------------------

interface Prescan {
  /** Unfolded content lines joined with LF. */
  text: string;
  /** BEGIN:VEVENT line numbers, in file order. */
  eventLines: number[];
  /** Physical line number of each unfolded line. */
  lineNumbers: number[];
  lines: string[];
}

function prescan(raw: string): Prescan | IcalParseFailure {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'ICAL_EMPTY' };
  const physical = text.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i] ?? '';
    if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length > 0) {
      lines[lines.length - 1] += line.slice(1);
    } else if (line.trim() !== '') {
      lines.push(line);
      lineNumbers.push(i + 1);
    }
  }
  if (!/^BEGIN:VCALENDAR\s*$/im.test(lines.join('\n'))) return { ok: false, reason: 'ICAL_NOT_CALENDAR' };
  const stack: { name: string; line: number }[] = [];
  const eventLines: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = lineNumbers[i] ?? 0;
    if (!/^[A-Za-z0-9_.-]+[;:]/.test(line) || !line.includes(':')) return { ok: false, reason: 'ICAL_MALFORMED', line: lineNo };
    const m = /^(BEGIN|END):(.*)$/i.exec(line.trimEnd());
    if (m) {
      const name = (m[2] ?? '').trim().toUpperCase();
      if (name === '') return { ok: false, reason: 'ICAL_MALFORMED', line: lineNo };
      lines[i] = `${(m[1] ?? '').toUpperCase()}:${name}`; // ical.js keeps stray spaces in names
      if ((m[1] ?? '').toUpperCase() === 'BEGIN') {
        if (stack.length === 0 && name !== 'VCALENDAR') return { ok: false, reason: 'ICAL_MALFORMED', line: lineNo };
        if (name === 'VEVENT') eventLines.push(lineNo);
        stack.push({ name, line: lineNo });
      } else {
        const top = stack.pop();
        if (!top || top.name !== name) return { ok: false, reason: 'ICAL_MALFORMED', line: lineNo };
      }
    } else if (stack.length === 0) {
      return { ok: false, reason: 'ICAL_MALFORMED', line: lineNo };
    }
  }
  const open = stack[stack.length - 1];
  if (open) return { ok: false, reason: 'ICAL_MALFORMED', line: open.line };
  if (eventLines.length === 0) return { ok: false, reason: 'ICAL_EMPTY' };
  return { text: lines.join('\n'), eventLines, lineNumbers, lines };
}

function lineOfParserError(error: unknown, scan: Prescan): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const quoted = /['"](.+)['"]\s*$/.exec(message)?.[1];
  if (!quoted) return undefined;
  const index = scan.lines.findIndex((l) => l.includes(quoted));
  return index >= 0 ? scan.lineNumbers[index] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Zones
// ---------------------------------------------------------------------------------------------

type ZoneRef = { type: 'iana'; name: string } | { type: 'vtimezone'; tz: IcalTimezone };

class ZoneResolver {
  private readonly vtimezones = new Map<string, IcalComponent>();
  private readonly built = new Map<string, ZoneRef | null>();

  constructor(
    calendars: IcalComponent[],
    readonly defaultZone: string,
  ) {
    for (const cal of calendars) {
      for (const vtz of cal.getAllSubcomponents('vtimezone')) {
        const tzid = vtz.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string' && !this.vtimezones.has(tzid)) this.vtimezones.set(tzid, vtz);
      }
    }
  }

  /** Zone of a DATE-TIME property: UTC, its TZID, or the default zone when floating. */
  zoneOf(prop: IcalProperty, value: IcalTime): ZoneRef | null {
    if (value.zone === ICAL.Timezone.utcTimezone) return { type: 'iana', name: 'UTC' };
    const tzid = prop.getParameter('tzid');
    const id = Array.isArray(tzid) ? tzid[0] : tzid;
    if (typeof id !== 'string' || id.trim() === '') return { type: 'iana', name: this.defaultZone };
    return this.resolve(id);
  }

  resolve(tzid: string): ZoneRef | null {
    const cached = this.built.get(tzid);
    if (cached !== undefined) return cached;
    let ref: ZoneRef | null = null;
    const direct = timetableResolveZoneName(tzid);
    const vtz = this.vtimezones.get(tzid) ?? this.vtimezones.get(tzid.replace(/^"(.*)"$/, '$1'));
    if (direct) {
      ref = { type: 'iana', name: direct };
    } else if (vtz) {
      const location = vtz.getFirstPropertyValue('x-lic-location');
      const fromLocation = typeof location === 'string' ? timetableResolveZoneName(location) : null;
      if (fromLocation) {
        ref = { type: 'iana', name: fromLocation };
      } else if (vtz.getFirstSubcomponent('standard') || vtz.getFirstSubcomponent('daylight')) {
        ref = { type: 'vtimezone', tz: new ICAL.Timezone(vtz) };
      }
    }
    this.built.set(tzid, ref);
    return ref;
  }
}

function wallOf(t: IcalTime): number {
  const ms = Date.UTC(t.year, t.month - 1, t.day, t.isDate ? 0 : t.hour, t.isDate ? 0 : t.minute, t.isDate ? 0 : t.second);
  if (!Number.isFinite(ms) || t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) {
    throw new Error('invalid time value');
  }
  return ms;
}

function floatingTime(wallMs: number, isDate: boolean): IcalTime {
  const d = new Date(wallMs);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

function toUtc(zone: ZoneRef, wallMs: number): number {
  if (zone.type === 'iana') return timetableLocalToUtcMs(zone.name, wallMs);
  return wallMs - zone.tz.utcOffset(floatingTime(wallMs, false)) * 1000;
}

function toWall(zone: ZoneRef, utcMs: number): number {
  if (zone.type === 'iana') return timetableUtcToWallMs(zone.name, utcMs);
  // A VTIMEZONE's offset is looked up by local time; one refinement step suffices for offsets
  // that differ by at most a few hours.
  const guess = utcMs + zone.tz.utcOffset(floatingTime(utcMs, false)) * 1000;
  return utcMs + zone.tz.utcOffset(floatingTime(guess, false)) * 1000;
}

function dateKey(wallMs: number): string {
  return timetableFormatWall(wallMs).slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

class SkipError extends Error {
  constructor(readonly reason: IcalSkipReason) {
    super(reason);
  }
}

interface EventSpec {
  uid: string;
  line: number | undefined;
  summary: string;
  location: string;
  kind: TimetableKind;
  allDay: boolean;
  zone: ZoneRef;
  startWall: number;
  /** Timed events: exact length in ms (may be ≤ 0, then `problem` is set). */
  durationMs: number;
  /** All-day events: length in days. */
  durationDays: number;
  /** Why the occurrences of this item are not imported, if they are not. */
  problem: IcalSkipReason | null;
}

function textOf(event: IcalComponent, name: string): string | null {
  const v = event.getFirstPropertyValue(name);
  return typeof v === 'string' ? v.trim() : null;
}

function timeValue(prop: IcalProperty): IcalTime {
  const v = prop.getFirstValue();
  if (!(v instanceof ICAL.Time)) throw new SkipError('ICAL_INVALID_VALUE');
  wallOf(v);
  return v;
}

interface ReadContext {
  zones: ZoneResolver;
  defaultDurationMs: number;
  defaultKind: TimetableKind;
}

function readEvent(event: IcalComponent, line: number | undefined, ctx: ReadContext, master: EventSpec | null): EventSpec {
  const uid = textOf(event, 'uid') || `line-${line ?? 0}`;
  const startProp = event.getFirstProperty('dtstart');
  if (!startProp) throw new SkipError('ICAL_NO_START');
  let start: IcalTime;
  try {
    start = timeValue(startProp);
  } catch {
    throw new SkipError('ICAL_INVALID_VALUE');
  }
  const allDay = start.isDate;
  const zone: ZoneRef | null = allDay ? { type: 'iana', name: ctx.zones.defaultZone } : ctx.zones.zoneOf(startProp, start);
  if (!zone) throw new SkipError('ICAL_UNKNOWN_TIMEZONE');
  const startWall = wallOf(start);
  const startMs = toUtc(zone, startWall);

  let durationMs = ctx.defaultDurationMs;
  let durationDays = 1;
  const endProp = event.getFirstProperty('dtend');
  const durationProp = event.getFirstProperty('duration');
  try {
    if (endProp) {
      const end = timeValue(endProp);
      if (allDay) {
        const endDay = Date.UTC(end.year, end.month - 1, end.day);
        durationDays = Math.round((endDay - startWall) / DAY_MS);
        if (durationDays === 0) durationDays = 1; // DTEND equal to DTSTART: read as one day
        durationMs = durationDays * DAY_MS;
      } else {
        const endZone = end.isDate ? zone : ctx.zones.zoneOf(endProp, end);
        if (!endZone) throw new SkipError('ICAL_UNKNOWN_TIMEZONE');
        const endTzid = endProp.getParameter('tzid');
        // A floating DTEND beside a zoned DTSTART is read in the DTSTART's zone.
        const effective = end.zone !== ICAL.Timezone.utcTimezone && !endTzid ? zone : endZone;
        durationMs = toUtc(effective, wallOf(end)) - startMs;
      }
    } else if (durationProp) {
      const d = durationProp.getFirstValue();
      if (!(d instanceof ICAL.Duration)) throw new SkipError('ICAL_INVALID_VALUE');
      const seconds = d.toSeconds();
      if (allDay) {
        durationDays = Math.max(1, Math.ceil(seconds / 86_400));
        if (seconds < 0) durationDays = -1;
      }
      durationMs = seconds * 1000;
    } else if (master) {
      durationMs = master.durationMs;
      durationDays = master.durationDays;
    }
  } catch (e) {
    throw e instanceof SkipError ? e : new SkipError('ICAL_INVALID_VALUE');
  }

  const summary = textOf(event, 'summary') ?? master?.summary ?? '';
  const location = textOf(event, 'location') ?? master?.location ?? '';
  const description = textOf(event, 'description') ?? '';
  const categories = event
    .getAllProperties('categories')
    .flatMap((p) => p.getValues())
    .filter((v): v is string => typeof v === 'string');
  const kind = timetableClassifyKind({ summary, description, categories, allDay }, ctx.defaultKind);

  const status = (textOf(event, 'status') ?? '').toUpperCase();
  // Outlook writes free time as TRANSP:TRANSPARENT and/or X-MICROSOFT-CDO-BUSYSTATUS:FREE.
  const transp = (textOf(event, 'transp') ?? '').toUpperCase();
  const busyStatus = (textOf(event, 'x-microsoft-cdo-busystatus') ?? '').toUpperCase();
  let problem: IcalSkipReason | null = null;
  if (status === 'CANCELLED') problem = 'ICAL_CANCELLED';
  else if (allDay ? durationDays < 0 : durationMs < 0) problem = 'ICAL_END_BEFORE_START';
  else if (!allDay && durationMs === 0) problem = 'ICAL_ZERO_DURATION';
  else if (transp === 'TRANSPARENT' || busyStatus === 'FREE') problem = 'ICAL_TRANSPARENT';
  else if (allDay && timetableIsHoliday(summary)) problem = 'ICAL_HOLIDAY';

  return { uid, line, summary, location, kind, allDay, zone, startWall, durationMs, durationDays, problem };
}

/** Instants and dates removed from (or replaced in) a recurrence set. */
interface ExclusionSet {
  instants: Set<number>;
  dates: Set<string>;
}

function addExclusion(set: ExclusionSet, prop: IcalProperty, value: unknown, spec: EventSpec, zones: ZoneResolver): void {
  if (!(value instanceof ICAL.Time)) throw new SkipError('ICAL_INVALID_VALUE');
  const wall = wallOf(value);
  if (value.isDate) {
    set.dates.add(dateKey(wall));
    return;
  }
  const tzid = prop.getParameter('tzid');
  // A floating EXDATE/RECURRENCE-ID beside a zoned DTSTART is read in the DTSTART's zone.
  const zone = value.zone === ICAL.Timezone.utcTimezone || tzid ? zones.zoneOf(prop, value) : spec.zone;
  if (!zone) throw new SkipError('ICAL_UNKNOWN_TIMEZONE');
  const ms = toUtc(zone, wall);
  set.instants.add(ms);
  if (spec.allDay) set.dates.add(dateKey(timetableUtcToWallMs(zones.defaultZone, ms)));
}

function isExcluded(set: ExclusionSet, startMs: number, wall: number): boolean {
  return set.instants.has(startMs) || (set.dates.size > 0 && set.dates.has(dateKey(wall)));
}

/** What the whole file may still spend on recurrences (shared by all items). */
interface WorkBudget {
  left: number;
}

/** Length of one period of a rule that can be counted in fixed wall-clock steps. */
const STEP_MS: Partial<Record<string, number>> = { SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A later DTSTART for `rule` from which the iterator yields the same occurrences as from
 * `startWall` (from `targetWall` on), so that expansion starts near the range instead of years
 * before it. Whole periods of the rule are skipped, which keeps every BY… part aligned. `skipped`
 * is the number of occurrences passed over when that is known (rules without BY… parts), and
 * null otherwise: a rule with COUNT is then not moved, since COUNT counts the skipped ones.
 */
function recurJump(rule: InstanceType<typeof ICAL.Recur>, startWall: number, targetWall: number): { startWall: number; skipped: number | null } | null {
  if (targetWall <= startWall) return null;
  const plain = Object.keys(rule.parts ?? {}).length === 0;
  const interval = rule.interval > 0 ? rule.interval : 1;
  const unit = STEP_MS[rule.freq ?? ''];
  if (unit !== undefined) {
    if (rule.count && !plain) return null;
    const step = unit * interval;
    const k = Math.floor((targetWall - startWall) / step);
    return k > 0 ? { startWall: startWall + k * step, skipped: k } : null;
  }
  // MONTHLY and YEARLY move by whole years (so that months keep their place in the rule), and
  // only from a day that every month has.
  const start = new Date(startWall);
  if (rule.count || start.getUTCDate() > 28) return null;
  const years = rule.freq === 'YEARLY' ? interval : interval / gcd(interval, 12);
  const k = Math.floor((new Date(targetWall).getUTCFullYear() - start.getUTCFullYear() - 1) / years);
  if (k <= 0) return null;
  const moved = new Date(startWall);
  moved.setUTCFullYear(start.getUTCFullYear() + k * years);
  return { startWall: moved.getTime(), skipped: null };
}

/** The semi-internal ical.js iterator state used to bound its inner search loop. */
interface RecurIteratorInternals {
  last: IcalTime;
  check_contracting_rules: () => boolean;
}

/**
 * Wall-clock starts (in the item's zone) of the occurrences that can touch the range. The work
 * is bounded: expansion starts near the range (recurJump), stops past its end, and every instant
 * ical.js examines — also those a BY… part rejects inside one `next()` — is counted against the
 * item's and the file's budget.
 */
function expandStarts(event: IcalComponent, spec: EventSpec, range: ResolvedRange, maxOccurrences: number, budget: WorkBudget): number[] {
  const rrules = event.getAllProperties('rrule');
  const rdates = event.getAllProperties('rdate');
  const starts = new Set<number>([spec.startWall]);
  if (rrules.length === 0 && rdates.length === 0) return [spec.startWall];
  // Wall time is within a day of UTC in every zone; a margin of days covers that, the length of
  // the item and a weekly rule moving its first instance to a later weekday.
  const lengthMs = spec.allDay ? spec.durationDays * DAY_MS : Math.max(0, spec.durationMs);
  const stopWall = range.endMs + 2 * DAY_MS;
  const firstUsefulWall = range.startMs - 2 * DAY_MS - lengthMs;
  const targetWall = firstUsefulWall - 7 * DAY_MS;
  let examined = 0;
  const spend = (): void => {
    if (++examined > maxOccurrences) throw new SkipError('ICAL_RECURRENCE_LIMIT');
    if (--budget.left < 0) throw new SkipError('ICAL_WORK_LIMIT');
  };

  for (const prop of rrules) {
    let value: unknown;
    try {
      value = prop.getFirstValue();
    } catch {
      throw new SkipError('ICAL_INVALID_RECURRENCE');
    }
    if (!(value instanceof ICAL.Recur)) throw new SkipError('ICAL_INVALID_RECURRENCE');
    const rule = value.clone();
    if (!rule.freq) throw new SkipError('ICAL_INVALID_RECURRENCE');
    let untilWall = Number.POSITIVE_INFINITY;
    if (rule.until) {
      // Compare UNTIL in the item's local wall-clock time (ical.js compares floating times as
      // they are; an UNTIL in UTC would otherwise be off by the zone offset).
      const until = rule.until;
      untilWall = wallOf(until);
      if (!until.isDate && until.zone === ICAL.Timezone.utcTimezone) untilWall = toWall(spec.zone, untilWall);
      if (until.isDate && !spec.allDay) untilWall += DAY_MS - 1000;
    }
    // Nothing after the range is needed: an UNTIL there also bounds ical.js's own search for a
    // first yearly instance.
    untilWall = Math.min(untilWall, stopWall);
    rule.until = floatingTime(untilWall, spec.allDay);
    let startWall = spec.startWall;
    const jump = recurJump(rule, spec.startWall, targetWall);
    if (jump) {
      if (rule.count) {
        if (jump.skipped === null || jump.skipped >= rule.count) continue;
        rule.count -= jump.skipped;
      }
      startWall = jump.startWall;
    }
    let iterator;
    try {
      iterator = rule.iterator(floatingTime(startWall, spec.allDay));
    } catch {
      throw new SkipError('ICAL_INVALID_RECURRENCE');
    }
    const internals = iterator as unknown as RecurIteratorInternals;
    if (typeof internals.check_contracting_rules !== 'function') throw new Error('ical.js: RecurIterator.check_contracting_rules is gone; update expandStarts');
    const check = internals.check_contracting_rules.bind(iterator);
    internals.check_contracting_rules = () => {
      spend();
      const l = internals.last;
      // Past the range: let next() hand this instant out, so the loop below stops.
      if (Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) >= stopWall) return true;
      return check();
    };
    for (;;) {
      let next: IcalTime | null;
      try {
        next = iterator.next();
      } catch (error) {
        throw error instanceof SkipError ? error : new SkipError('ICAL_INVALID_RECURRENCE');
      }
      if (!next) break;
      spend();
      const wall = wallOf(next);
      if (wall >= stopWall) break;
      if (wall >= firstUsefulWall) starts.add(wall);
    }
  }

  for (const prop of rdates) {
    for (const value of prop.getValues()) {
      spend();
      const time = value instanceof ICAL.Period ? value.start : value;
      if (!(time instanceof ICAL.Time)) throw new SkipError('ICAL_INVALID_VALUE');
      if (time.zone === ICAL.Timezone.utcTimezone && !time.isDate) {
        starts.add(toWall(spec.zone, wallOf(time)));
      } else {
        starts.add(wallOf(time));
      }
    }
  }
  return [...starts].sort((a, b) => a - b);
}

interface Collector {
  blocks: BusyBlock[];
  skipped: IcalSkipped[];
}

function emitOccurrence(spec: EventSpec, wall: number, range: ResolvedRange, zone: string, out: Collector): void {
  const startMs = toUtc(spec.zone, wall);
  const endMs = spec.allDay ? toUtc(spec.zone, wall + spec.durationDays * DAY_MS) : startMs + spec.durationMs;
  if (spec.problem) {
    const inRange = endMs > startMs ? startMs < range.endMs && endMs > range.startMs : startMs >= range.startMs && startMs < range.endMs;
    if (inRange) out.skipped.push(skipEntry(spec.uid, spec.problem, spec.line, timetableFormatIso(startMs, zone)));
    return;
  }
  if (!(startMs < range.endMs && endMs > range.startMs)) return;
  out.blocks.push({
    uid: spec.uid,
    start: timetableFormatIso(startMs, zone),
    end: timetableFormatIso(endMs, zone),
    startMs,
    endMs,
    summary: spec.summary,
    location: spec.location,
    kind: spec.kind,
    allDay: spec.allDay,
  });
}

function skipEntry(uid: string, reason: IcalSkipReason, line: number | undefined, start?: string): IcalSkipped {
  const entry: IcalSkipped = { uid, reason };
  if (start !== undefined) entry.start = start;
  if (line !== undefined) entry.line = line;
  return entry;
}

function reasonOf(error: unknown): IcalSkipReason {
  return error instanceof SkipError ? error.reason : 'ICAL_INVALID_VALUE';
}

/** The limits given in `options`, without the ones left undefined. */
function definedOf(options: IcalParseOptions): Partial<Record<keyof typeof TIMETABLE_ICAL_LIMITS, number>> {
  const out: Partial<Record<keyof typeof TIMETABLE_ICAL_LIMITS, number>> = {};
  for (const key of Object.keys(TIMETABLE_ICAL_LIMITS) as (keyof typeof TIMETABLE_ICAL_LIMITS)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Parses an iCalendar text into the busy blocks that overlap `range` (from 00:00 of `from` to
 * 24:00 of `to`, in the import zone), and reports every item or occurrence it did not take.
 * A file that is not iCalendar, is structurally broken, or holds no events yields
 * `{ ok: false }` and no blocks at all.
 */
export function timetableParseIcal(
  text: string,
  range: TimetableRange,
  options: IcalParseOptions = {},
): IcalParseSuccess | IcalParseFailure {
  const zone = options.zone ?? TIMETABLE_DEFAULT_ZONE;
  const resolved = timetableResolveRange(range, zone, options.maxRangeDays);
  if (!resolved.ok) return { ok: false, reason: resolved.reason };
  const r = resolved.range;

  const scan = prescan(text);
  if ('ok' in scan) return scan;
  let calendars: IcalComponent[];
  try {
    const jcal: unknown = ICAL.parse(scan.text);
    const list = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[]);
    calendars = list.map((c) => new ICAL.Component(c as never));
  } catch (error) {
    const line = lineOfParserError(error, scan);
    return line === undefined ? { ok: false, reason: 'ICAL_MALFORMED' } : { ok: false, reason: 'ICAL_MALFORMED', line };
  }

  const zones = new ZoneResolver(calendars, zone);
  const ctx: ReadContext = {
    zones,
    defaultDurationMs: (options.defaultDurationMinutes ?? 60) * 60_000,
    defaultKind: options.defaultKind ?? 'other',
  };
  const limits = { ...TIMETABLE_ICAL_LIMITS, ...definedOf(options) };
  const budget: WorkBudget = { left: limits.maxWork };
  const out: Collector = { blocks: [], skipped: [] };

  const allEvents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  const events = allEvents.slice(0, limits.maxEvents);
  allEvents.slice(limits.maxEvents).forEach((event, index) => {
    const line = scan.eventLines[limits.maxEvents + index];
    out.skipped.push(skipEntry(textOf(event, 'uid') || `line-${line ?? 0}`, 'ICAL_EVENT_LIMIT', line));
  });
  const masters: { event: IcalComponent; line: number | undefined }[] = [];
  const overrides = new Map<string, { event: IcalComponent; line: number | undefined }[]>();
  // Of several overrides of the same instance, the one with the highest SEQUENCE (then the
  // last in the file) wins.
  const overrideKeys = new Map<string, { sequence: number; index: number }>();
  events.forEach((event, index) => {
    const line = scan.eventLines[index];
    const uid = textOf(event, 'uid');
    const recurrenceId = event.getFirstProperty('recurrence-id');
    if (uid && recurrenceId) {
      const tzid = recurrenceId.getParameter('tzid');
      const key = `${uid}|${typeof tzid === 'string' ? tzid : ''}|${String(recurrenceId.getFirstValue())}`;
      const sequenceValue = event.getFirstPropertyValue('sequence');
      const sequence = typeof sequenceValue === 'number' ? sequenceValue : 0;
      const list = overrides.get(uid) ?? [];
      const previous = overrideKeys.get(key);
      if (previous && previous.sequence > sequence) return;
      if (previous) list.splice(previous.index, 1, { event, line });
      else list.push({ event, line });
      overrideKeys.set(key, { sequence, index: previous ? previous.index : list.length - 1 });
      overrides.set(uid, list);
    } else {
      masters.push({ event, line });
    }
  });

  const mastersByUid = new Map<string, EventSpec>();
  for (const { event, line } of masters) {
    if (--budget.left < 0) {
      out.skipped.push(skipEntry(textOf(event, 'uid') || `line-${line ?? 0}`, 'ICAL_WORK_LIMIT', line));
      continue;
    }
    let spec: EventSpec;
    try {
      spec = readEvent(event, line, ctx, null);
    } catch (error) {
      out.skipped.push(skipEntry(textOf(event, 'uid') || `line-${line ?? 0}`, reasonOf(error), line));
      continue;
    }
    if (!mastersByUid.has(spec.uid)) mastersByUid.set(spec.uid, spec);
    try {
      const excluded: ExclusionSet = { instants: new Set(), dates: new Set() };
      for (const prop of event.getAllProperties('exdate')) {
        for (const value of prop.getValues()) addExclusion(excluded, prop, value, spec, zones);
      }
      for (const o of overrides.get(spec.uid) ?? []) {
        const prop = o.event.getFirstProperty('recurrence-id');
        if (prop) addExclusion(excluded, prop, prop.getFirstValue(), spec, zones);
      }
      const starts = expandStarts(event, spec, r, limits.maxOccurrences, budget);
      for (const wall of starts) {
        if (isExcluded(excluded, toUtc(spec.zone, wall), wall)) continue;
        emitOccurrence(spec, wall, r, zone, out);
      }
    } catch (error) {
      out.skipped.push(skipEntry(spec.uid, reasonOf(error), line));
    }
  }

  // Overrides (moved, changed or cancelled instances) stand on their own, inheriting what they
  // leave out (length, summary, location) from their recurring item.
  for (const [uid, list] of overrides) {
    for (const { event, line } of list) {
      if (--budget.left < 0) {
        out.skipped.push(skipEntry(uid, 'ICAL_WORK_LIMIT', line));
        continue;
      }
      try {
        const spec = readEvent(event, line, ctx, mastersByUid.get(uid) ?? null);
        emitOccurrence(spec, spec.startWall, r, zone, out);
      } catch (error) {
        out.skipped.push(skipEntry(uid, reasonOf(error), line));
      }
    }
  }

  out.blocks.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  // The same item listed twice (merged subscriptions) gives one block.
  out.blocks = out.blocks.filter((b, i, all) => {
    const prev = all[i - 1];
    return !prev || prev.uid !== b.uid || prev.startMs !== b.startMs || prev.endMs !== b.endMs;
  });
  if (out.blocks.length > limits.maxBlocks) {
    const first = out.blocks[limits.maxBlocks]!;
    out.skipped.push({ ...skipEntry(first.uid, 'ICAL_BLOCK_LIMIT', undefined, first.start), count: out.blocks.length - limits.maxBlocks });
    out.blocks = out.blocks.slice(0, limits.maxBlocks);
  }
  out.skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || ((a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : 0));
  if (out.skipped.length > limits.maxSkipped) {
    const rest = out.skipped.length - (limits.maxSkipped - 1);
    out.skipped = [...out.skipped.slice(0, limits.maxSkipped - 1), { uid: '', reason: 'ICAL_MORE_SKIPPED', count: rest }];
  }
  return { ok: true, blocks: out.blocks, skipped: out.skipped };
}
