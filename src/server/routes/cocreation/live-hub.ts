import type { Deps, AuthorizedNetworkId } from '../../../domain/foundation/auth/types.ts';
import { readBoard, readBoardDelta } from '../../../domain/cocreation/session/actions.ts';
import { getSession } from '../../../domain/cocreation/session/data.ts';
import { COCREATION_CHANNEL } from '../../../domain/cocreation/session/mutations.ts';
import { sessionChangeParse } from '../../../domain/cocreation/session/rules.ts';
import type { BoardChange } from '../../../domain/cocreation/session/schema.ts';
import { changeListenerFor } from '../../../db/change-listener.ts';

// Fan-out of a session's changes to the screens connected to THIS app server. A change anywhere
// (any server) is announced by PostgreSQL NOTIFY with its number (`seq`) and, for a statement or a
// proposal, which one. This server collects the announcements of a few milliseconds, reads what
// they touched ONCE (at most two queries), serialises it ONCE and writes the same small "delta"
// to every screen of that session; only changes that may touch anything (a step, a join, the
// subgroups) read and send the whole board. While a read runs, further announcements wait for
// the next one, so a burst of votes costs one or two messages, not one per vote per screen.
// Nothing here is state: a screen that connects (or reconnects, or misses a change) reads the
// database.

/** How long announcements are collected before one read (a burst of votes becomes one message). */
const COALESCE_MS = 8;
/** After a failed read (e.g. the database restarting), the next try waits this long. */
const RETRY_MS = 1000;

export type LiveEvent = 'board' | 'delta';
/** Writes one event (its id is the board's `seq` after it) to one screen; `json` is shared by all screens. */
type Send = (event: LiveEvent, seq: number, json: string) => void;

interface Screen {
  send: Send;
  /** The last change this screen was sent; -1 until its first board went out. */
  seq: number;
}

interface Pending {
  full: boolean;
  /** The oldest and the newest change announced. */
  from: number;
  to: number;
  statements: Set<string>;
  proposals: Set<string>;
}

interface Room {
  nid: AuthorizedNetworkId;
  screens: Set<Screen>;
  /** The last change whose effect was read and sent. */
  lastSeq: number;
  pending: Pending | null;
  running: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Hub {
  rooms: Map<string, Room>;
}

const hubs = new WeakMap<object, Hub>();

function hubFor(deps: Deps): Hub {
  let hub = hubs.get(deps.db);
  if (hub) return hub;
  const created: Hub = { rooms: new Map() };
  hub = created;
  hubs.set(deps.db, created);
  changeListenerFor(deps.db, deps.log).subscribe(COCREATION_CHANNEL, (payload) => {
    const change = sessionChangeParse(payload);
    if (!change) {
      // Reconnected: changes may have been missed, so every open session is read whole.
      for (const [id, room] of created.rooms) announce(deps, created, id, room, room.lastSeq + 1, undefined, true);
      return;
    }
    const room = created.rooms.get(change.sessionId);
    if (room && change.seq > room.lastSeq) announce(deps, created, change.sessionId, room, change.seq, change.change, false);
  });
  return created;
}

function announce(deps: Deps, hub: Hub, sessionId: string, room: Room, seq: number, change: BoardChange, full: boolean) {
  const p = room.pending ?? (room.pending = { full: false, from: seq, to: seq, statements: new Set(), proposals: new Set() });
  p.from = Math.min(p.from, seq);
  p.to = Math.max(p.to, seq);
  if (full || !change) p.full = true;
  else if ('statementId' in change) p.statements.add(change.statementId);
  else p.proposals.add(change.proposalId);
  schedule(deps, hub, sessionId, room);
}

function schedule(deps: Deps, hub: Hub, sessionId: string, room: Room, delayMs = COALESCE_MS) {
  if (room.running || room.timer || !room.pending) return;
  room.timer = setTimeout(() => {
    room.timer = null;
    void flush(deps, hub, sessionId, room);
  }, delayMs);
}

async function flush(deps: Deps, hub: Hub, sessionId: string, room: Room): Promise<void> {
  const p = room.pending;
  if (!p || room.running) return;
  room.pending = null;
  room.running = true;
  let failed = false;
  try {
    if (p.full) {
      const board = await readBoard(deps, room.nid, sessionId);
      if (board.seq <= room.lastSeq) return;
      room.lastSeq = board.seq;
      const json = JSON.stringify(board);
      for (const screen of room.screens) {
        if (screen.seq < 0 || screen.seq >= board.seq) continue;
        screen.seq = board.seq;
        screen.send('board', board.seq, json);
      }
    } else {
      // Reads only what the announced changes touched (read after they committed, so at least
      // as new as change `p.to`).
      const delta = await readBoardDelta(deps, room.nid, sessionId, p.from, p.to, [...p.statements], [...p.proposals]);
      room.lastSeq = Math.max(room.lastSeq, p.to);
      const json = JSON.stringify(delta);
      for (const screen of room.screens) {
        if (screen.seq < 0 || screen.seq >= delta.seq) continue;
        screen.seq = delta.seq;
        screen.send('delta', delta.seq, json);
      }
    }
  } catch (error) {
    deps.log.warn({ err: error, sessionId }, 'live board read failed');
    failed = true;
    // Nothing is lost: the next read of this session is a whole board.
    const again = (room.pending ??= { full: true, from: p.from, to: p.to, statements: new Set(), proposals: new Set() });
    again.full = true;
    again.from = Math.min(again.from, p.from);
  } finally {
    room.running = false;
    if (hub.rooms.get(sessionId) === room) schedule(deps, hub, sessionId, room, failed ? RETRY_MS : COALESCE_MS);
  }
}

/**
 * Connects a screen: it gets the board now (unless `lastSeq` — the Last-Event-ID of a reconnecting
 * browser — says it already has the newest) and every change after; returns the disconnect function.
 */
export async function liveConnect(deps: Deps, nid: AuthorizedNetworkId, sessionId: string, send: Send, lastSeq?: number): Promise<() => void> {
  const hub = hubFor(deps);
  await changeListenerFor(deps.db, deps.log).ready();
  let room = hub.rooms.get(sessionId);
  if (!room) {
    room = { nid, screens: new Set(), lastSeq: -1, pending: null, running: false, timer: null };
    hub.rooms.set(sessionId, room);
  }
  const screen: Screen = { send, seq: -1 };
  room.screens.add(screen);
  const r = room;
  const disconnect = () => {
    r.screens.delete(screen);
    if (r.screens.size === 0 && hub.rooms.get(sessionId) === r) {
      if (r.timer) clearTimeout(r.timer);
      hub.rooms.delete(sessionId);
    }
  };
  // The first board is read after joining the room, so no change falls between read and subscription.
  try {
    if (lastSeq !== undefined && lastSeq >= 0) {
      const session = await getSession(deps.db, nid, sessionId);
      if (session && session.seq === lastSeq) {
        screen.seq = lastSeq;
        return disconnect;
      }
    }
    const board = await readBoard(deps, nid, sessionId);
    screen.seq = board.seq;
    send('board', board.seq, JSON.stringify(board));
    return disconnect;
  } catch (error) {
    disconnect();
    throw error;
  }
}
