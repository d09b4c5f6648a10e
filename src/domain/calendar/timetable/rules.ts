// Small pure rules for timetables: time-zone arithmetic (wall clock <-> UTC instants, with
// Outlook's Windows zone names), the import range, lesson-vs-other classification, holiday
// detection and the weekly expansion of a week grid. No clock, no I/O.

export type TimetableKind = 'lesson' | 'meeting' | 'other';

/** The zone used for floating times, all-day events, the import range and output offsets. */
export const TIMETABLE_DEFAULT_ZONE = 'Europe/Amsterdam';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

/**
 * Windows time-zone names (as written by Outlook and Exchange in TZID and VTIMEZONE) mapped to
 * IANA names. Based on CLDR's windowsZones table; where CLDR's default city differs from the
 * one most relevant here but the rules are the same for current dates, the nearer city is used
 * (W. Europe → Amsterdam).
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'W. Europe Standard Time': 'Europe/Amsterdam',
  'Romance Standard Time': 'Europe/Brussels',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Helsinki',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Kaliningrad Standard Time': 'Europe/Kaliningrad',
  'Belarus Standard Time': 'Europe/Minsk',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Jordan Standard Time': 'Asia/Amman',
  'Middle East Standard Time': 'Asia/Beirut',
  'Syria Standard Time': 'Asia/Damascus',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns',
  'Canada Central Standard Time': 'America/Regina',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Central America Standard Time': 'America/Guatemala',
  'SA Pacific Standard Time': 'America/Bogota',
  'SA Western Standard Time': 'America/La_Paz',
  'SA Eastern Standard Time': 'America/Paramaribo',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  'Venezuela Standard Time': 'America/Caracas',
  'Caucasus Standard Time': 'Asia/Yerevan',
  'Georgian Standard Time': 'Asia/Tbilisi',
  'Arabian Standard Time': 'Asia/Dubai',
  'Arab Standard Time': 'Asia/Riyadh',
  'Iran Standard Time': 'Asia/Tehran',
  'West Asia Standard Time': 'Asia/Tashkent',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Kolkata',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Kathmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Ekaterinburg Standard Time': 'Asia/Yekaterinburg',
  'N. Central Asia Standard Time': 'Asia/Novosibirsk',
  'North Asia Standard Time': 'Asia/Krasnoyarsk',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'W. Australia Standard Time': 'Australia/Perth',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Dateline Standard Time': 'Etc/GMT+12',
};

const windowsZonesLower = new Map(Object.entries(WINDOWS_ZONES).map(([k, v]) => [k.toLowerCase(), v]));
const validZoneCache = new Map<string, boolean>();

/** True when the runtime's time-zone database knows `name` (an IANA name or alias). */
export function timetableIsKnownZone(name: string): boolean {
  let known = validZoneCache.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = name.length > 0;
    } catch {
      known = false;
    }
    validZoneCache.set(name, known);
  }
  return known;
}

/**
 * Resolves a TZID as found in real files to an IANA zone name, or null when it is not
 * recognised. Accepts: IANA names ("Europe/Amsterdam"); Windows names ("W. Europe Standard
 * Time"); Outlook display names ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm,
 * Vienna" — the first city that is an IANA city wins); prefixed names from older Mozilla and
 * Citadel exports ("/mozilla.org/20050126_1/Europe/Amsterdam"); surrounding quotes.
 */
export function timetableResolveZoneName(tzid: string): string | null {
  const name = tzid.trim().replace(/^"(.*)"$/, '$1').trim();
  if (name === '') return null;
  const windows = windowsZonesLower.get(name.toLowerCase());
  if (windows) return windows;
  if (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(name) || /^(UTC|GMT|Etc\/.+)$/i.test(name)) {
    if (timetableIsKnownZone(name)) return name;
  }
  const prefixed = /\/([A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)$/.exec(name);
  if (prefixed?.[1] && timetableIsKnownZone(prefixed[1])) return prefixed[1];
  const display = /^\((?:UTC|GMT)(?:[+-]\d{1,2}:\d{2})?\)\s*(.+)$/i.exec(name);
  if (display?.[1]) {
    for (const rawCity of display[1].split(',')) {
      const city = rawCity.trim().replace(/\s+/g, '_');
      if (!/^[A-Za-z_]+$/.test(city)) continue;
      for (const area of ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic']) {
        const candidate = `${area}/${city}`;
        if (timetableIsKnownZone(candidate)) return candidate;
      }
    }
  }
  return null;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_BUCKET_MS = 15 * MINUTE_MS;

function getFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(zone, f);
  }
  return f;
}

function computeOffsetMs(zone: string, utcMs: number): number {
  const parts = getFormatter(zone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const p = parts.find((x) => x.type === type);
    return p ? Number(p.value) : 0;
  };
  const hour = get('hour') % 24;
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), hour, get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Offset (local minus UTC, in ms) of `zone` at the instant `utcMs`. Zone transitions happen at
 * whole quarter hours, so offsets are cached per quarter hour.
 */
export function timetableZoneOffsetMs(zone: string, utcMs: number): number {
  if (zone === 'UTC') return 0;
  let perZone = offsetCache.get(zone);
  if (!perZone) {
    perZone = new Map();
    offsetCache.set(zone, perZone);
  }
  const bucket = Math.floor(utcMs / OFFSET_BUCKET_MS);
  let offset = perZone.get(bucket);
  if (offset === undefined) {
    offset = computeOffsetMs(zone, bucket * OFFSET_BUCKET_MS);
    if (perZone.size > 200_000) perZone.clear();
    perZone.set(bucket, offset);
  }
  return offset;
}

/**
 * Converts a wall-clock time in `zone` (given as "wall ms": Date.UTC of the local fields) to a
 * UTC instant, following RFC 5545 §3.3.5: a time that occurs twice (autumn fall-back) means
 * the first occurrence; a time that does not exist (spring gap) is read with the offset from
 * before the gap (02:30 on the spring-forward night becomes 03:30 summer time).
 */
export function timetableLocalToUtcMs(zone: string, wallMs: number): number {
  if (zone === 'UTC') return wallMs;
  const before = timetableZoneOffsetMs(zone, wallMs - DAY_MS);
  const after = timetableZoneOffsetMs(zone, wallMs + DAY_MS);
  const candidates = before === after ? [before] : [before, after];
  let best: number | null = null;
  for (const offset of candidates) {
    const utc = wallMs - offset;
    if (timetableZoneOffsetMs(zone, utc) === offset && (best === null || utc < best)) best = utc;
  }
  return best ?? wallMs - before;
}

/** The wall-clock time ("wall ms") that the instant `utcMs` shows in `zone`. */
export function timetableUtcToWallMs(zone: string, utcMs: number): number {
  return utcMs + timetableZoneOffsetMs(zone, utcMs);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "YYYY-MM-DDTHH:MM:SS" of a wall ms value. */
export function timetableFormatWall(wallMs: number): string {
  const d = new Date(wallMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** ISO 8601 with the offset `zone` has at that instant, e.g. 2026-11-23T08:30:00+01:00 (Z for UTC). */
export function timetableFormatIso(utcMs: number, zone: string): string {
  const offset = timetableZoneOffsetMs(zone, utcMs);
  const wall = timetableFormatWall(utcMs + offset);
  if (offset === 0) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / MINUTE_MS;
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parses a strict calendar date "YYYY-MM-DD" to the wall ms of its midnight, or null. */
export function timetableParseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  return timetableDateFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Wall ms of midnight of the given calendar date, or null when the date does not exist. */
export function timetableDateFromParts(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return ms;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall ms value. */
export function timetableIsoWeekday(wallMs: number): number {
  const d = new Date(wallMs).getUTCDay();
  return d === 0 ? 7 : d;
}

// ---------------------------------------------------------------------------------------------
// The import range
// ---------------------------------------------------------------------------------------------

export interface TimetableRange {
  /** First day, YYYY-MM-DD, from 00:00 local time. */
  from: string;
  /** Last day, YYYY-MM-DD, up to 24:00 local time (inclusive of the whole day). */
  to: string;
}

export interface ResolvedRange {
  /** Wall ms of 00:00 on `from`. */
  fromWall: number;
  /** Wall ms of 24:00 on `to` (00:00 of the day after). */
  toWall: number;
  startMs: number;
  endMs: number;
}

export type RangeFailureReason = 'RANGE_INVALID' | 'RANGE_TOO_LONG';

/** Default upper bound on the length of an import range, in days. */
export const TIMETABLE_MAX_RANGE_DAYS = 731;

/**
 * The range from 00:00 of `from` to 24:00 of `to`, both local times in `zone`. Returns a
 * reason code when a date is not a real YYYY-MM-DD date, `to` lies before `from`, or the range
 * is longer than `maxDays`.
 */
export function timetableResolveRange(
  range: TimetableRange,
  zone: string,
  maxDays: number = TIMETABLE_MAX_RANGE_DAYS,
): { ok: true; range: ResolvedRange } | { ok: false; reason: RangeFailureReason } {
  const fromWall = timetableParseIsoDate(range.from);
  const toDay = timetableParseIsoDate(range.to);
  if (fromWall === null || toDay === null || toDay < fromWall) return { ok: false, reason: 'RANGE_INVALID' };
  const toWall = toDay + DAY_MS;
  if ((toWall - fromWall) / DAY_MS > maxDays) return { ok: false, reason: 'RANGE_TOO_LONG' };
  return {
    ok: true,
    range: {
      fromWall,
      toWall,
      startMs: timetableLocalToUtcMs(zone, fromWall),
      endMs: timetableLocalToUtcMs(zone, toWall),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Lesson or other busy time
// ---------------------------------------------------------------------------------------------

export interface ClassifyInput {
  summary: string;
  description?: string;
  categories?: readonly string[];
  allDay?: boolean;
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// Category names (Outlook/Google CATEGORIES, or a "soort" column) that say what an item is.
const LESSON_CATEGORIES = new Set(['les', 'lessen', 'lesson', 'lessons', 'class', 'classes', 'rooster', 'lesrooster', 'timetable', 'onderwijs', 'teaching']);
const MEETING_CATEGORIES = new Set(['vergadering', 'vergaderingen', 'overleg', 'meeting', 'meetings', 'afspraak', 'bespreking']);

// Meetings: consultation with colleagues or parents. Matched as whole words (or word starts
// for compounds such as "teamoverleg", "sectievergadering", "10-minutengesprekken").
const MEETING_WORDS =
  /(^|[^a-z])(\w*vergadering\w*|\w*overleg\w*|\w*bespreking\w*|meeting\w*|mr|gmr|mzr|plg|ouderavond\w*|\w*gesprek(ken)?|intervisie|teams? ?meeting|standup|stand-up|sync)(?=$|[^a-z])/;
// Other busy time that is not a lesson: development days, courses, duties, trips.
const OTHER_WORDS =
  /(^|[^a-z])(studiedag\w*|studiemiddag\w*|nascholing\w*|training\w*|cursus\w*|workshop\w*|conferentie\w*|congres\w*|excursie\w*|open dag\w*|pauzedienst\w*|surveillance\w*|toezicht|lunch\w*|werkweek\w*|kamp|schoolreis\w*|study day|professional development|inset|conference|course|duty)(?=$|[^a-z])/;
// Lesson hints: a class group (3HA, h4a, 5vwo2, 2B, V6, 1G1), a lesson-hour marker, or a
// Dutch subject abbreviation as used by Zermelo/Untis/Magister ("WIS - 3HA - 108").
const CLASS_GROUP =
  /(^|[^a-z0-9])([1-6](\s?(havo|vwo|mavo|vmbo|gym|ath|tl|kb|bb|gl)|[hvmagtkb])[a-z]?\d{0,2}|(havo|vwo|mavo|vmbo|gym|ath|[hvm])[1-6][a-z]?\d{0,2})(?=$|[^a-z0-9])/;
const LESSON_WORDS =
  /(^|[^a-z])(les|lessen|lesuur|lesson|lessons|class|mentoruur|mentorles|studie-?uur|keuzewerktijd|kwt|practicum|toets|college|hoorcollege|werkcollege|responsiecollege|lecture|tutorial|slb(-uur)?|loopbaanbegeleiding|keuzedeel)(?=$|[^a-z])|(^|[^a-z0-9])\d{1,2}e uur(?=$|[^a-z])/;
// mbo/hbo timetables: a group code (SD2A, VP4B, AO3C, ICT2, IT1A) and a room with a floor
// (B2.14, 0.12, HL15-2.043) or the " - " layout of timetable exports.
const MBO_GROUP_TOKEN = /^[a-z]{1,4}-?\d[a-z]?\d{0,2}$/;
const ROOM_TOKEN = /^([a-z]{0,4}\d{0,2}-?)?\d{1,2}\.\d{2,3}[a-z]?$/;
const SUBJECT_CODES = new Set([
  'ne', 'net', 'ned', 'nl', 'en', 'eng', 'entl', 'fa', 'fat', 'fr', 'du', 'dut', 'sp', 'spa', 'la', 'lat', 'gr', 'grtl', 'ltc',
  'wi', 'wis', 'wa', 'wb', 'wc', 'wd', 'wisa', 'wisb', 'wisc', 'wisd', 'rek', 'na', 'nat', 'sk', 'sch', 'bi', 'bio', 'nask', 'nsk', 'nlt',
  'ak', 'aar', 'gs', 'ges', 'mij', 'maw', 'ec', 'eco', 'econ', 'beco', 'm&o', 'bedr', 'lo', 'lo2', 'bsm', 'ckv', 'kcv', 'kua', 'kubv', 'kunst',
  'mu', 'muz', 'dr', 'bv', 'tek', 'inf', 'fi', 'lv', 'gd', 'lev', 'men', 'ment', 'mentor', 'o&o', 'oo', 'pws', 'ict', 'tn', 'tech',
]);

/**
 * Classifies a calendar item as a lesson, a meeting or other busy time.
 *
 * Heuristics, first match wins:
 *  1. CATEGORIES (Outlook, Google) naming lessons ("Les", "Lessons", "Rooster") or meetings
 *     ("Vergadering", "Overleg", "Meeting").
 *  2. Meeting words in the summary: vergadering, overleg (incl. compounds like teamoverleg,
 *     sectieoverleg), bespreking, meeting, MR/GMR/MZR, PLG, ouderavond, …gesprek(ken).
 *  3. Other-busy words: studiedag, nascholing, training, cursus, workshop, excursie, open dag,
 *     pauzedienst, surveillance, lunch, werkweek … → other.
 *  4. Lesson patterns: a class group (3HA, h4a, 5vwo2, V6, 2B), lesson words (les, lesuur,
 *     mentoruur, KWT, toets, "3e uur"), or a Dutch subject code (WIS, ne, bi, m&o …) as a
 *     separate token of a summary split on " - ", "/", "|" or whitespace, as in Zermelo and
 *     Untis exports ("WIS - 3HA - 108"). A subject code alone needs a second token (a group,
 *     a room or another code) to count, so a summary like "En nu?" is not a lesson.
 *  5. Otherwise `fallback` (default 'other'). All-day items are never lessons.
 */
export function timetableClassifyKind(input: ClassifyInput, fallback: TimetableKind = 'other'): TimetableKind {
  for (const raw of input.categories ?? []) {
    const c = normalise(raw).trim();
    if (LESSON_CATEGORIES.has(c) && !input.allDay) return 'lesson';
    if (MEETING_CATEGORIES.has(c)) return 'meeting';
  }
  const summary = normalise(input.summary);
  if (MEETING_WORDS.test(summary)) return 'meeting';
  if (OTHER_WORDS.test(summary)) return 'other';
  if (input.allDay) return 'other';
  if (CLASS_GROUP.test(summary) || LESSON_WORDS.test(summary)) return 'lesson';
  const tokens = summary.split(/\s+-\s+|[\s/|,;()[\]]+/).filter((t) => t.length > 0);
  const hasGroup = tokens.some((t) => MBO_GROUP_TOKEN.test(t));
  const hasRoom = tokens.some((t) => ROOM_TOKEN.test(t));
  if (tokens.length >= 2 && ((hasGroup && (hasRoom || summary.includes(' - '))) || (hasRoom && summary.includes(' - ')))) return 'lesson';
  const subjectTokens = tokens.filter((t) => SUBJECT_CODES.has(t.replace(/\d+$/, '')));
  if (subjectTokens.length > 0 && tokens.length >= 2) {
    const others = tokens.filter((t) => !subjectTokens.includes(t));
    const roomLike = others.some((t) => /^[a-z]?\d{2,4}[a-z]?$/.test(t));
    if (roomLike || subjectTokens.length >= 2 || (tokens.length <= 4 && summary.includes(' - '))) return 'lesson';
  }
  return fallback;
}

/**
 * The kind for items that match no rule, from the file's PRODID: school timetable systems
 * (Zermelo, Untis, Magister, Somtoday, Xedule, Eduarte, Osiris, Roosterapp) export lessons,
 * so their unrecognised items count as lessons; other calendars (Outlook, Google) as other.
 */
export function timetableDefaultKind(icsText: string): TimetableKind {
  const prodid = /^PRODID:(.*)$/im.exec(icsText.slice(0, 4000))?.[1] ?? '';
  return /zermelo|untis|webuntis|magister|somtoday|xedule|eduarte|osiris|roosterapp|mytimetable|scientia|syllabus plus/i.test(prodid) ? 'lesson' : 'other';
}

// Words naming days without school: holidays and free days. Such all-day items do not make a
// teacher busy (the school is closed or the person is free), so the importer skips them.
const HOLIDAY_WORDS =
  /(^|[^a-z])(\w*vakantie\w*|vrije dag\w*|vrij|feestdag\w*|koningsdag|bevrijdingsdag|hemelvaart\w*|pinkster\w*|pasen|paas\w*|goede vrijdag|kerstmis|\w*kerstdag\w*|nieuwjaar\w*|oud en nieuw|carnaval|holiday\w*|vacation|bank holiday|half term|christmas|easter|new year\w*)(?=$|[^a-z])/;

/** True when an all-day item's summary names a holiday or free day (Kerstvakantie, Koningsdag …). */
export function timetableIsHoliday(summary: string): boolean {
  return HOLIDAY_WORDS.test(normalise(summary));
}

// ---------------------------------------------------------------------------------------------
// Week grid
// ---------------------------------------------------------------------------------------------

export interface WeeklySlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
}

export interface WeeklyOccurrence {
  startMs: number;
  endMs: number;
  /** Wall ms of local midnight of the day of the occurrence. */
  dayWall: number;
}

/**
 * Every occurrence of a weekly slot on the days of the range, at the same local wall-clock
 * time each week (DST-safe: 08:30 stays 08:30 across the switch).
 */
export function timetableExpandWeekly(slot: WeeklySlot, range: ResolvedRange, zone: string): WeeklyOccurrence[] {
  const out: WeeklyOccurrence[] = [];
  const firstWeekday = timetableIsoWeekday(range.fromWall);
  let day = range.fromWall + (((slot.weekday - firstWeekday + 7) % 7) * DAY_MS);
  for (; day < range.toWall; day += 7 * DAY_MS) {
    out.push({
      startMs: timetableLocalToUtcMs(zone, day + slot.startMinute * MINUTE_MS),
      endMs: timetableLocalToUtcMs(zone, day + slot.endMinute * MINUTE_MS),
      dayWall: day,
    });
  }
  return out;
}

export interface WeekGridSlot {
  weekday: number;
  /** HH:MM */
  start: string;
  /** HH:MM */
  end: string;
  kind: TimetableKind;
  summary: string;
  location: string;
}

export interface WeekGridBlock {
  uid: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  summary: string;
  location: string;
  kind: TimetableKind;
  allDay: false;
}

/**
 * Busy blocks of a hand-edited week grid (entries validated with `weekGridSchema`) for every
 * week of the range, sorted by start. `uid` is `grid-<index of the entry>`.
 */
export function timetableExpandWeekGrid(
  entries: readonly WeekGridSlot[],
  range: TimetableRange,
  zone: string = TIMETABLE_DEFAULT_ZONE,
): { ok: true; blocks: WeekGridBlock[] } | { ok: false; reason: RangeFailureReason } {
  const resolved = timetableResolveRange(range, zone);
  if (!resolved.ok) return resolved;
  const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const blocks: WeekGridBlock[] = [];
  entries.forEach((entry, index) => {
    const slot = { weekday: entry.weekday, startMinute: minutes(entry.start), endMinute: minutes(entry.end) };
    for (const o of timetableExpandWeekly(slot, resolved.range, zone)) {
      blocks.push({
        uid: `grid-${index}`,
        start: timetableFormatIso(o.startMs, zone),
        end: timetableFormatIso(o.endMs, zone),
        startMs: o.startMs,
        endMs: o.endMs,
        summary: entry.summary,
        location: entry.location,
        kind: entry.kind,
        allDay: false,
      });
    }
  });
  blocks.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return { ok: true, blocks };
}
