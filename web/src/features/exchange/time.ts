// Dates and times of the exchange week are Dutch school times: shown and computed in
// Europe/Amsterdam whatever the device's time zone.
export const ZONE = 'Europe/Amsterdam';

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'nl-NL');

/** '2026-11-23' → 'ma 23 nov. 2026' (a calendar date, no zone shift). */
export function formatDay(isoDate: string, language: string, withWeekday = true): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return new Intl.DateTimeFormat(localeOf(language), { ...(withWeekday ? { weekday: 'short' } : {}), day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(new Date(iso));
}

/** An instant as its Amsterdam date with weekday and time: 'di 24 nov., 10:00'. */
export function formatMoment(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(new Date(iso));
}

export function formatSpan(startIso: string, endIso: string, language: string): string {
  return `${formatMoment(startIso, language)}–${formatTime(endIso, language)}`;
}

/** The Amsterdam calendar date and minutes after midnight of an instant. */
export function zonedParts(iso: string): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function todayInZone(now = new Date()): string {
  return zonedParts(now.toISOString()).date;
}

export function dateAdd(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function mondayOf(isoDate: string): string {
  return dateAdd(isoDate, 1 - isoWeekday(isoDate));
}

export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
