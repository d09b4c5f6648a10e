import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { clockEventSchema, clockTimeEventSchema, serverTimeSchema, speeddateSchema, type Clock } from '../../../../../src/domain/speeddate/event/schema.ts';
import { speeddateClockPhase, speeddateClockPhaseKey, type ClockPhase } from '../../../../../src/domain/speeddate/event/rules.ts';
import { sk, useClock, useSpeeddate } from '../queries.ts';

// The room clock: full screen on a projector (or a phone). The server pushes the clock over
// Server-Sent Events — at every check-in and recompute, a pause or a resume, and when a round
// begins or ends — so every screen changes at once. Every screen measures its offset to the
// server's clock (the sample with the shortest round trip of five), again every minute and
// whenever the time the server sends does not fit the offset, so two laptops in the room show
// the same second. When the stream drops, the browser reconnects (and reads the clock anew);
// meanwhile the screen keeps counting from its offset and reads the clock every 15 seconds.

/** How far (ms) the server's pushed time may lie from ours before the offset is measured again (it includes the push's travel time). */
const DRIFT_MS = 1500;

/** Milliseconds to add to Date.now() to get the server's time; `remeasure` measures again now. */
function useServerOffset(): { offset: number | null; remeasure: () => void } {
  const [offset, setOffset] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  const remeasure = useCallback(() => setRound((n) => n + 1), []);
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
  }, [round]);
  return { offset, remeasure };
}

type Live = 'connecting' | 'live' | 'lost';

/**
 * Subscribes to the server's pushes of this clock: a pushed clock replaces the one on screen; a
 * pushed time that does not fit the offset asks for a new measurement.
 */
function useClockStream(eventId: string, offsetRef: React.RefObject<number | null>, remeasure: () => void): Live {
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [live, setLive] = useState<Live>('connecting');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/speeddates/${eventId}/clock/events`);
    const check = (serverNow: string) => {
      const offset = offsetRef.current;
      if (offset !== null && Math.abs(Date.parse(serverNow) - (Date.now() + offset)) > DRIFT_MS) remeasure();
    };
    source.addEventListener('open', () => setLive('live'));
    source.addEventListener('error', () => setLive(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting'));
    source.addEventListener('clock', (e) => {
      const parsed = clockEventSchema.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (!parsed.success) return;
      setLive('live');
      queryClient.setQueryData(sk(networkId, 'clock', eventId), parsed.data.clock);
      check(parsed.data.serverNow);
    });
    source.addEventListener('time', (e) => {
      const parsed = clockTimeEventSchema.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (parsed.success) check(parsed.data.serverNow);
    });
    return () => source.close();
  }, [eventId, networkId, queryClient, offsetRef, remeasure]);
  return live;
}

/** Where the clock is; while paused it stands still at the moment of the pause. */
export function clockPhase(clock: Pick<Clock, 'roundTimes' | 'pausedAt'>, now: number): ClockPhase {
  return speeddateClockPhase(clock.roundTimes, clock.pausedAt ? Date.parse(clock.pausedAt) : now);
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

function Face({ clock, offset, controls }: { clock: Clock; offset: number; controls: React.ReactNode }) {
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
  const key = speeddateClockPhaseKey(phase);
  const paused = clock.pausedAt !== null;
  const shownNow = paused ? Date.parse(clock.pausedAt!) : now;
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
  const headlineShown = paused ? `${t('speeddate.clock.paused')} · ${headline}` : headline;
  return (
    <div ref={root} className="room-clock" style={{ background: '#0b2540', color: '#ffffff', padding: '1rem', borderRadius: '8px', minHeight: '80vh' }}>
      <div className="button-row" style={{ justifyContent: 'space-between' }}>
        <p style={{ margin: 0 }}>{clock.title}{clock.place ? ` · ${clock.place}` : ''}</p>
        <div className="button-row" style={{ marginTop: 0 }}>
          <button type="button" aria-pressed={sound} onClick={() => { setSound(!sound); if (!sound) chime(); }}>{sound ? t('speeddate.clock.soundOff') : t('speeddate.clock.soundOn')}</button>
          <button type="button" onClick={() => void root.current?.requestFullscreen?.()}>{t('speeddate.clock.fullscreen')}</button>
          {controls}
        </div>
      </div>
      <h1 data-testid="clock-headline" style={{ fontSize: 'clamp(1.6rem, 6vw, 4rem)', margin: '0.5rem 0', color: '#ffffff' }}>{headlineShown}</h1>
      {phase.kind !== 'done' ? (
        <p role="timer" aria-live="off" data-testid="clock-left" style={{ fontSize: 'clamp(3rem, 18vw, 12rem)', fontWeight: 700, margin: 0, fontVariantNumeric: 'tabular-nums', lineHeight: 1 }}>
          {mmss(phase.until - shownNow)}
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

/** Pause and resume for those who manage the event; every screen follows at once. */
function PauseButton({ eventId, paused }: { eventId: string; paused: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const event = useSpeeddate(eventId);
  const toggle = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/speeddates/${eventId}/pause`, { paused: !paused }, speeddateSchema),
    onSuccess: (data) => {
      queryClient.setQueryData(sk(networkId, 'event', eventId), data);
      void queryClient.invalidateQueries({ queryKey: sk(networkId, 'clock', eventId) });
    },
  });
  if (!event.data?.canManage) return null;
  return (
    <>
      <button type="button" aria-pressed={paused} disabled={toggle.isPending} onClick={() => toggle.mutate()}>{paused ? t('speeddate.clock.resume') : t('speeddate.clock.pause')}</button>
      {toggle.error ? <div style={{ background: '#ffffff', color: '#000000', padding: '0.25rem' }}><ErrorMessage error={toggle.error} /></div> : null}
    </>
  );
}

/** /speeddates/:eventId/klok — the room clock. */
export function RoomClockPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const clock = useClock(eventId);
  const { offset, remeasure } = useServerOffset();
  const offsetRef = useRef<number | null>(offset);
  offsetRef.current = offset;
  const live = useClockStream(eventId, offsetRef, remeasure);
  return (
    <>
      <p><Link to={`/speeddates/${eventId}`}>{t('speeddate.clock.back')}</Link></p>
      <p className="muted" role="status" data-testid="clock-live">{t(`speeddate.clock.live.${live}`)}</p>
      <QueryView query={clock}>
        {(c) => (offset === null ? <p className="status status-loading" role="status">{t('speeddate.clock.syncing')}</p> : <Face clock={c} offset={offset} controls={<PauseButton eventId={eventId} paused={c.pausedAt !== null} />} />)}
      </QueryView>
    </>
  );
}
