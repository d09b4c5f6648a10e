import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { boardDeltaSchema, boardSchema, type Board, type BoardDelta } from '../../../../../src/domain/cocreation/session/schema.ts';
import { sessionBoardApply } from '../../../../../src/domain/cocreation/session/rules.ts';

/**
 * The live board of a session, from the server's event stream (Server-Sent Events; the browser
 * reconnects by itself and says which change it has, Last-Event-ID): first the whole board, then
 * small deltas (the statements and proposals that changed, numbered by `seq`) applied in order.
 * A delta that does not follow on the board means a change was missed: the whole board is read
 * again and the deltas that came meanwhile are applied to it. `offsetMs` is server time minus
 * local time, so a countdown follows the server's clock.
 */
export function useLiveBoard(sessionId: string | undefined, enabled = true) {
  const [board, setBoardState] = useState<Board | null>(null);
  const current = useRef<Board | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Shows a whole board unless the one shown is newer (e.g. an answer to the facilitator's own action). */
  const setBoard = useCallback((next: Board) => {
    if (current.current && current.current.seq > next.seq) return;
    current.current = next;
    setBoardState(next);
  }, []);
  useEffect(() => {
    if (!sessionId || !enabled) return;
    let closed = false;
    let refetching = false;
    let waiting: BoardDelta[] = [];
    const show = (next: Board, serverNow: string) => {
      setOffsetMs(Date.parse(serverNow) - Date.now());
      setBoard(next);
    };
    const apply = (delta: BoardDelta): boolean => {
      const cur = current.current;
      const next = cur && sessionBoardApply(cur, delta);
      if (!next) return false;
      if (next !== cur) show(next, delta.serverNow);
      return true;
    };
    const refetch = () => {
      if (refetching) return;
      refetching = true;
      api.get(`/cocreation/sessions/${sessionId}/board`, boardSchema).then((b) => {
        if (closed) return;
        show(b, b.serverNow);
        const later = waiting.sort((x, y) => x.seq - y.seq);
        waiting = [];
        for (const delta of later) apply(delta);
      }, (e: unknown) => { if (!closed) setError(e); }).finally(() => { refetching = false; });
    };
    const source = new EventSource(`/api/cocreation/sessions/${sessionId}/events`);
    source.addEventListener('board', (event) => {
      const parsed = boardSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) show(parsed.data, parsed.data.serverNow);
    });
    source.addEventListener('delta', (event) => {
      const parsed = boardDeltaSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      if (refetching || !apply(parsed.data)) {
        waiting.push(parsed.data);
        refetch();
      }
    });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      closed = true;
      source.close();
    };
  }, [sessionId, enabled, setBoard]);
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
