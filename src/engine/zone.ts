// Time-zone rules passed in as data: a table of UTC-offset transitions (the caller builds it,
// e.g. from Intl for Europe/Amsterdam). The engine never consults the host's zone.
import { MS_PER_DAY, MS_PER_MINUTE, type Minutes, type UtcMillis } from './types.ts';

export interface ZoneTransition {
  /** From this instant on … */
  readonly atUtc: UtcMillis;
  /** … local time = UTC + offsetMinutes. */
  readonly offsetMinutes: Minutes;
}

export interface ZoneRules {
  readonly name: string;
  /** Sorted by atUtc. The first entry's offset also applies before its instant. */
  readonly transitions: readonly ZoneTransition[];
}

/** A local calendar day as a day number: days since 1970-01-01 (local). */
export type LocalDay = number;

export function zoneFixed(name: string, offsetMinutes: number): ZoneRules {
  return { name, transitions: [{ atUtc: 0 as UtcMillis, offsetMinutes: offsetMinutes as Minutes }] };
}

export function zoneOffsetAt(zone: ZoneRules, at: UtcMillis): Minutes {
  const tr = zone.transitions;
  if (tr.length === 0) return 0 as Minutes;
  let lo = 0;
  let hi = tr.length - 1;
  if (at < (tr[0] as ZoneTransition).atUtc) return (tr[0] as ZoneTransition).offsetMinutes;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tr[mid] as ZoneTransition).atUtc <= at) lo = mid;
    else hi = mid - 1;
  }
  return (tr[lo] as ZoneTransition).offsetMinutes;
}

export interface LocalTime {
  readonly day: LocalDay;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  readonly weekday: number;
}

export function zoneToLocal(zone: ZoneRules, at: UtcMillis): LocalTime {
  const local = at + zoneOffsetAt(zone, at) * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  const minuteOfDay = Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE);
  return { day, minuteOfDay, weekday: dayWeekday(day) };
}

export function dayWeekday(day: LocalDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The UTC instant of a local wall-clock time. In an overlap (autumn) the earlier instant is
 * returned; in a gap (spring) the time is moved forward by the gap, as clocks do.
 */
export function zoneLocalToUtc(zone: ZoneRules, day: LocalDay, minuteOfDay: number): UtcMillis {
  const local = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  let best = Infinity;
  // Every offset the zone uses is a candidate (repeats only repeat the test).
  const tr = zone.transitions;
  for (let k = 0; k < Math.max(1, tr.length); k++) {
    const offset = tr.length === 0 ? 0 : (tr[k] as ZoneTransition).offsetMinutes;
    const utc = local - offset * MS_PER_MINUTE;
    if (zoneOffsetAt(zone, utc as UtcMillis) === offset && utc < best) best = utc;
  }
  if (best !== Infinity) return best as UtcMillis;
  // In a gap: use the offset in force just before it.
  const before = zoneOffsetAt(zone, (local - 36 * 3_600_000) as UtcMillis);
  return (local - before * MS_PER_MINUTE) as UtcMillis;
}

/** Day number of an ISO date "YYYY-MM-DD" (proleptic Gregorian, no time zone involved). */
export function dayFromIsoDate(iso: string): LocalDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`DATE_INVALID: ${iso}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dayToIsoDate(day: LocalDay): string {
  // civil_from_days (H. Hinnant)
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
