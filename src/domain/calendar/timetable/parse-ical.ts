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
  /** Upper bound on the occurrences generated per recurring item. Default 100 000. */
  maxOccurrences?: number;
  /** Longest accepted range in days. Default 731. */
  maxRangeDays?: number;
}

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

/** Wall-clock starts (in the item's zone) of all occurrences up to the end of the range. */
function expandStarts(event: IcalComponent, spec: EventSpec, range: ResolvedRange, zones: ZoneResolver, maxOccurrences: number): number[] {
  const rrules = event.getAllProperties('rrule');
  const rdates = event.getAllProperties('rdate');
  const starts = new Set<number>([spec.startWall]);
  if (rrules.length === 0 && rdates.length === 0) return [spec.startWall];
  const stopMs = range.endMs + DAY_MS;

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
    if (rule.until) {
      // Compare UNTIL in the item's local wall-clock time (ical.js compares floating times as
      // they are; an UNTIL in UTC would otherwise be off by the zone offset).
      const until = rule.until;
      let untilWall = wallOf(until);
      if (!until.isDate && until.zone === ICAL.Timezone.utcTimezone) untilWall = toWall(spec.zone, untilWall);
      if (spec.allDay) rule.until = floatingTime(untilWall, true);
      else rule.until = floatingTime(until.isDate ? untilWall + DAY_MS - 1000 : untilWall, false);
    }
    let iterator;
    try {
      iterator = rule.iterator(floatingTime(spec.startWall, spec.allDay));
    } catch {
      throw new SkipError('ICAL_INVALID_RECURRENCE');
    }
    let count = 0;
    for (;;) {
      let next: IcalTime | null;
      try {
        next = iterator.next();
      } catch {
        throw new SkipError('ICAL_INVALID_RECURRENCE');
      }
      if (!next) break;
      const wall = wallOf(next);
      if (toUtc(spec.zone, wall) >= stopMs) break;
      starts.add(wall);
      if (++count >= maxOccurrences) throw new SkipError('ICAL_RECURRENCE_LIMIT');
    }
  }

  for (const prop of rdates) {
    for (const value of prop.getValues()) {
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
  const maxOccurrences = options.maxOccurrences ?? 100_000;
  const out: Collector = { blocks: [], skipped: [] };

  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
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
      const starts = expandStarts(event, spec, r, zones, maxOccurrences);
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
  out.skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || ((a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : 0));
  return { ok: true, blocks: out.blocks, skipped: out.skipped };
}
