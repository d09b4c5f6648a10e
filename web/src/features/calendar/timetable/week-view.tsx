import { useTranslation } from 'react-i18next';
import { clockOf, dateAdd, formatDay, formatTime, zonedParts } from '../../exchange/time.ts';
import type { TimetableView } from '../../exchange/types.ts';

const HOUR_PX = 48;

/** Overlapping blocks side by side: each block gets a lane within its cluster of overlaps. */
function lanesAssign<T extends { from: number; to: number }>(blocks: T[]): (T & { lane: number; lanes: number })[] {
  const sorted = [...blocks].sort((a, b) => a.from - b.from || b.to - a.to);
  const out: (T & { lane: number; lanes: number })[] = [];
  let cluster: (T & { lane: number; lanes: number })[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
    for (const c of cluster) c.lanes = lanes;
    out.push(...cluster);
    cluster = [];
  };
  for (const b of sorted) {
    if (b.from >= clusterEnd && cluster.length) close();
    const laneEnds: number[] = [];
    for (const c of cluster) laneEnds[c.lane] = Math.max(laneEnds[c.lane] ?? -1, c.to);
    let lane = laneEnds.findIndex((end) => end <= b.from);
    if (lane < 0) lane = laneEnds.length;
    cluster.push({ ...b, lane, lanes: 1 });
    clusterEnd = Math.max(clusterEnd, b.to);
  }
  if (cluster.length) close();
  return out;
}

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
          const items = lanesAssign(placed.filter((b) => b.date === d));
          return (
            <section key={d} className="week-day" style={{ height }} aria-label={formatDay(d, i18n.language)}>
              {items.length === 0 ? <p className="sr-only">{t('exchange.timetable.dayEmpty')}</p> : null}
              <ul>
                {items.map((b) => (
                  <li key={b.id} className={`week-block week-block-${b.kind}`} style={{
                    top: ((b.from - first) / 60) * HOUR_PX, height: Math.max(18, ((b.to - b.from) / 60) * HOUR_PX - 2),
                    left: `calc(${(100 * b.lane) / b.lanes}% + 2px)`, width: `calc(${100 / b.lanes}% - 4px)`, right: 'auto',
                  }}>
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
