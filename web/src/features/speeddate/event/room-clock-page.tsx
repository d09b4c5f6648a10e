import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { QueryView } from '../../../components/status.tsx';
import { serverTimeSchema, type Clock } from '../../../../../src/domain/speeddate/event/schema.ts';
import { useClock } from '../queries.ts';

// The room clock: full screen on a projector (or a phone). Every screen measures its offset to the
// server's clock (the sample with the shortest round trip of five, again every minute), so two
// laptops in the room show the same second; the server's time is the one clock of the room.

/** Milliseconds to add to Date.now() to get the server's time. */
function useServerOffset(): number | null {
  const [offset, setOffset] = useState<number | null>(null);
  useEffect(() => {
    let stopped = false;
    async function measure() {
      let best: { rtt: number; offset: number } | null = null;
      for (let i = 0; i < 5; i++) {
        const sent = performance.now();
        const sentAt = Date.now();
        try {
          const { now } = await api.get('/time', serverTimeSchema);
          const rtt = performance.now() - sent;
          const sample = Date.parse(now) + rtt / 2 - (sentAt + rtt);
          if (!best || rtt < best.rtt) best = { rtt, offset: sample };
        } catch {
          /* try again at the next measurement */
        }
      }
      if (!stopped && best) setOffset(best.offset);
    }
    void measure();
    const timer = setInterval(() => void measure(), 60_000);
    return () => { stopped = true; clearInterval(timer); };
  }, []);
  return offset;
}

type Phase = { kind: 'before'; round: number; until: number } | { kind: 'round'; round: number; until: number } | { kind: 'change'; round: number; until: number } | { kind: 'done' };

export function clockPhase(clock: Pick<Clock, 'roundTimes'>, now: number): Phase {
  const times = clock.roundTimes.map((r) => ({ round: r.round, start: Date.parse(r.startAt), end: Date.parse(r.endAt) }));
  if (times.length === 0) return { kind: 'done' };
  if (now < times[0]!.start) return { kind: 'before', round: 1, until: times[0]!.start };
  for (const r of times) {
    if (now >= r.start && now < r.end) return { kind: 'round', round: r.round, until: r.end };
    const next = times.find((x) => x.round === r.round + 1);
    if (next && now >= r.end && now < next.start) return { kind: 'change', round: next.round, until: next.start };
  }
  return { kind: 'done' };
}

function chime() {
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return;
  const ctx = new Context();
  [0, 0.35].forEach((delay, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = i === 0 ? 880 : 660;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime + delay);
    gain.gain.exponentialRampToValueAtTime(0.4, ctx.currentTime + delay + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + delay + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + delay);
    osc.stop(ctx.currentTime + delay + 0.32);
  });
  setTimeout(() => void ctx.close(), 1200);
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

function Face({ clock, offset }: { clock: Clock; offset: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now() + offset);
  const [sound, setSound] = useState(false);
  const last = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 200);
    return () => clearInterval(timer);
  }, [offset]);
  const phase = clockPhase(clock, now);
  const key = phase.kind === 'done' ? 'done' : `${phase.kind}-${phase.round}`;
  useEffect(() => {
    if (last.current !== null && last.current !== key && sound) chime();
    last.current = key;
  }, [key, sound]);
  const showRound = phase.kind === 'done' ? null : phase.round;
  const seating = clock.seating.find((s) => s.round === showRound);
  const names = new Map(clock.tables.map((x) => [x.tableNo, x.professionalName]));
  const headline = phase.kind === 'round' ? t('speeddate.clock.round', { round: phase.round, rounds: clock.roundTimes.length })
    : phase.kind === 'change' ? t('speeddate.clock.change', { round: phase.round })
    : phase.kind === 'before' ? t('speeddate.clock.before') : t('speeddate.clock.done');
  return (
    <div ref={root} className="room-clock" style={{ background: '#0b2540', color: '#ffffff', padding: '1rem', borderRadius: '8px', minHeight: '80vh' }}>
      <div className="button-row" style={{ justifyContent: 'space-between' }}>
        <p style={{ margin: 0 }}>{clock.title}{clock.place ? ` · ${clock.place}` : ''}</p>
        <div className="button-row" style={{ marginTop: 0 }}>
          <button type="button" aria-pressed={sound} onClick={() => { setSound(!sound); if (!sound) chime(); }}>{sound ? t('speeddate.clock.soundOff') : t('speeddate.clock.soundOn')}</button>
          <button type="button" onClick={() => void root.current?.requestFullscreen?.()}>{t('speeddate.clock.fullscreen')}</button>
        </div>
      </div>
      <h1 data-testid="clock-headline" style={{ fontSize: 'clamp(1.6rem, 6vw, 4rem)', margin: '0.5rem 0', color: '#ffffff' }}>{headline}</h1>
      {phase.kind !== 'done' ? (
        <p role="timer" aria-live="off" data-testid="clock-left" style={{ fontSize: 'clamp(3rem, 18vw, 12rem)', fontWeight: 700, margin: 0, fontVariantNumeric: 'tabular-nums', lineHeight: 1 }}>
          {mmss(phase.until - now)}
        </p>
      ) : null}
      {seating ? (
        <>
          <h2 style={{ color: '#ffffff' }}>{phase.kind === 'round' ? t('speeddate.clock.now') : t('speeddate.clock.next', { round: seating.round })}</h2>
          <ul className="plain-list" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: '0.75rem' }}>
            {seating.tables.map((x) => (
              <li key={x.tableNo} style={{ border: '1px solid #7fa6c9', borderRadius: '6px', padding: '0.5rem 0.75rem' }}>
                <strong>{t('speeddate.table', { table: x.tableNo })} · {names.get(x.tableNo)}</strong>
                <br />{x.teacherNames.join(', ') || '—'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** /speeddates/:eventId/klok — the room clock. */
export function RoomClockPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const clock = useClock(eventId);
  const offset = useServerOffset();
  return (
    <>
      <p><Link to={`/speeddates/${eventId}`}>{t('speeddate.clock.back')}</Link></p>
      <QueryView query={clock}>
        {(c) => (offset === null ? <p className="status status-loading" role="status">{t('speeddate.clock.syncing')}</p> : <Face clock={c} offset={offset} />)}
      </QueryView>
    </>
  );
}
