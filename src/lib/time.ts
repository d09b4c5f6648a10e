// Wall-clock time in a named zone (Europe/Amsterdam) ↔ UTC, computed with Intl so that
// summer and winter time are right whatever the server's own time zone is.

export const AMSTERDAM = 'Europe/Amsterdam';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Offset of the zone from UTC at the given instant, in minutes (e.g. +60 in winter). */
export function zoneOffsetMinutes(instant: Date | number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const at = typeof instant === 'number' ? instant : instant.getTime();
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The UTC instant of a local date (YYYY-MM-DD) and time (HH:MM) in the zone. */
export function zonedToUtc(date: string, time: string, timeZone: string = AMSTERDAM): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = zoneOffsetMinutes(new Date(guess), timeZone);
  const second = zoneOffsetMinutes(new Date(guess - first * 60_000), timeZone);
  return new Date(guess - second * 60_000);
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function zonedDate(instant: Date, timeZone: string = AMSTERDAM): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function dateAddDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function dateWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}
