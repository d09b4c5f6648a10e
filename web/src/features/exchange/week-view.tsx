import { useTranslation } from 'react-i18next';
import { clockOf, dateAdd, formatDay, formatTime, zonedParts } from './time.ts';
import type { TimetableView } from './types.ts';

const HOUR_PX = 48;

/**
 * One school week, Monday to Friday, as columns of hours. Lessons and other busy time
 * differ in pattern, border and a written label, not only in colour; every block is a list
 * item a screen reader reads as "Lesson, 09:00–09:50, …".
 */
export function WeekView({ monday, blocks }: { monday: string; blocks: TimetableView['blocks'] }) {
  const { t, i18n } = useTranslation();
  const days = [0, 1, 2, 3, 4].map((i) => dateAdd(monday, i));
  const placed = blocks.map((b) => {
    const s = zonedParts(b.start);
    const e = zonedParts(b.end);
    return { ...b, date: s.date, from: s.minutes, to: e.date === s.date ? e.minutes : 24 * 60 };
  }).filter((b) => days.includes(b.date));
  const first = Math.min(8 * 60, ...placed.map((b) => Math.floor(b.from / 60) * 60));
  const last = Math.max(18 * 60, ...placed.map((b) => Math.ceil(b.to / 60) * 60));
  const height = ((last - first) / 60) * HOUR_PX;
  const hours: number[] = [];
  for (let m = first; m <= last; m += 60) hours.push(m);
  return (
    // The week scrolls sideways on small screens, so it takes keyboard focus (arrow keys scroll it).
    <div className="week-view-wrap" role="group" tabIndex={0} aria-label={t('exchange.timetable.weekLabel', { date: formatDay(monday, i18n.language) })}>
      <div className="week-view">
        <div className="week-head" aria-hidden="true" />
        {days.map((d) => <div key={d} className="week-head" aria-hidden="true">{formatDay(d, i18n.language)}</div>)}
        <div className="week-hours" aria-hidden="true" style={{ height }}>
          {hours.map((m) => <span key={m} className="week-hour" style={{ top: ((m - first) / 60) * HOUR_PX - 8 }}>{clockOf(m)}</span>)}
        </div>
        {days.map((d) => {
          const items = placed.filter((b) => b.date === d).sort((a, b) => a.from - b.from);
          return (
            <section key={d} className="week-day" style={{ height }} aria-label={formatDay(d, i18n.language)}>
              {items.length === 0 ? <p className="sr-only">{t('exchange.timetable.dayEmpty')}</p> : null}
              <ul>
                {items.map((b) => (
                  <li key={b.id} className={`week-block week-block-${b.kind}`} style={{ top: ((b.from - first) / 60) * HOUR_PX, height: Math.max(18, ((b.to - b.from) / 60) * HOUR_PX - 2) }}>
                    <span className="week-block-kind">{t(`exchange.kind.${b.kind}`)} {formatTime(b.start, i18n.language)}–{formatTime(b.end, i18n.language)}</span>
                    {b.summary}{b.location ? <span className="muted">{` · ${b.location}`}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
