import type { Deps, AuthorizedNetworkId } from '../../../domain/foundation/auth/types.ts';
import { readBoard } from '../../../domain/cocreation/session/actions.ts';
import { COCREATION_CHANNEL } from '../../../domain/cocreation/session/mutations.ts';
import type { Board } from '../../../domain/cocreation/session/schema.ts';
import { changeListenerFor } from '../../../db/change-listener.ts';

// Fan-out of a session's board to the screens connected to THIS app server. A change anywhere
// (any server) is announced by PostgreSQL NOTIFY; this server then reads the board once and sends
// it to each of its screens of that session. Reads are coalesced: while one is running, further
// notifications only mark the board dirty, so a burst of votes costs one or two reads, not one
// per vote per screen. Nothing here is state: a screen that connects reads the database.

/** Receives the board and its JSON (serialised once per change, not once per screen). */
type Send = (board: Board, json: string) => void;

interface Room {
  nid: AuthorizedNetworkId;
  screens: Set<Send>;
  running: boolean;
  dirty: boolean;
  lastSeq: number;
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
    const [sessionId, seq] = payload.split(':');
    if (!sessionId) {
      for (const id of created.rooms.keys()) refresh(deps, created, id); // reconnected: we may have missed changes
      return;
    }
    const room = created.rooms.get(sessionId);
    if (room && Number(seq) > room.lastSeq) refresh(deps, created, sessionId);
  });
  return created;
}

function refresh(deps: Deps, hub: Hub, sessionId: string) {
  const room = hub.rooms.get(sessionId);
  if (!room) return;
  if (room.running) {
    room.dirty = true;
    return;
  }
  room.running = true;
  room.dirty = false;
  void readBoard(deps, room.nid, sessionId)
    .then((board) => {
      room.lastSeq = Math.max(room.lastSeq, board.seq);
      const json = JSON.stringify(board);
      for (const send of room.screens) send(board, json);
    })
    .catch((error: unknown) => deps.log.warn({ err: error, sessionId }, 'board read failed'))
    .finally(() => {
      room.running = false;
      if (room.dirty && hub.rooms.has(sessionId)) refresh(deps, hub, sessionId);
    });
}

/** Connects a screen: it gets the board now and after every change; returns the disconnect function. */
export async function liveConnect(deps: Deps, nid: AuthorizedNetworkId, sessionId: string, send: Send): Promise<() => void> {
  const hub = hubFor(deps);
  await changeListenerFor(deps.db, deps.log).ready();
  let room = hub.rooms.get(sessionId);
  if (!room) {
    room = { nid, screens: new Set(), running: false, dirty: false, lastSeq: -1 };
    hub.rooms.set(sessionId, room);
  }
  room.screens.add(send);
  const r = room;
  // The first board: read after subscribing, so no change falls between read and subscription.
  const board = await readBoard(deps, nid, sessionId);
  send(board, JSON.stringify(board));
  return () => {
    r.screens.delete(send);
    if (r.screens.size === 0 && hub.rooms.get(sessionId) === r) hub.rooms.delete(sessionId);
  };
}
