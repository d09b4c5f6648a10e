import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { boardSchema, type Board } from '../../../../../src/domain/cocreation/session/schema.ts';

/**
 * The live board of a session: read once, then every change from the server's event stream
 * (Server-Sent Events; the browser reconnects by itself). `offsetMs` is server time minus local
 * time, so a countdown follows the server's clock.
 */
export function useLiveBoard(sessionId: string | undefined, enabled = true) {
  const [board, setBoard] = useState<Board | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!sessionId || !enabled) return;
    let closed = false;
    const accept = (next: Board) => {
      setOffsetMs(Date.parse(next.serverNow) - Date.now());
      setBoard((current) => (current && current.seq > next.seq ? current : next));
    };
    api.get(`/cocreation/sessions/${sessionId}/board`, boardSchema).then((b) => { if (!closed) accept(b); }, (e: unknown) => { if (!closed) setError(e); });
    const source = new EventSource(`/api/cocreation/sessions/${sessionId}/events`);
    source.addEventListener('board', (event) => {
      const parsed = boardSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) accept(parsed.data);
    });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      closed = true;
      source.close();
    };
  }, [sessionId, enabled]);
  return { board, setBoard, offsetMs, connected, error };
}

/** Seconds left in the current step by the server's clock (null without a timer). */
export function useSecondsLeft(board: Board | null, offsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!board?.stepEndsAt) return null;
  return Math.max(0, Math.round((Date.parse(board.stepEndsAt) - (now + offsetMs)) / 1000));
}

export function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
