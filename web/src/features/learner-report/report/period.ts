/** A report period as "23 nov 2026 – 10 jan 2027" (dates are calendar dates, shown without a zone shift). */
export function formatPeriod(start: string, end: string, language: string): string {
  const f = (d: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  return `${f(start)} – ${f(end)}`;
}
