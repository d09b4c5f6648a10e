import type { Actor, Deps } from '../../../domain/foundation/auth/types.ts';
import { readSpeeddateClock } from '../../../domain/speeddate/event/actions.ts';
import { SPEEDDATE_CLOCK_CHANNEL } from '../../../domain/speeddate/event/mutations.ts';
import { speeddateClockPhase, speeddateClockPhaseKey } from '../../../domain/speeddate/event/rules.ts';
import type { Clock } from '../../../domain/speeddate/event/schema.ts';
import { changeListenerFor } from '../../../db/change-listener.ts';

// Fan-out of room clocks to the screens connected to THIS app server. A change of an event on any
// server (a check-in and its recompute, a pause, a resume) is announced by PostgreSQL NOTIFY; this
// server reads the clock ONCE and sends the same message to every screen of that event. Every
// second it also looks at the server's clock: when the phase (round, changeover, done) changes, it
// sends the clock again, and every few seconds it sends the server's time, so a screen notices when
// its offset no longer holds and measures again. Nothing here is state: a screen that connects or
// reconnects reads the database.

export type ClockEvent = 'clock' | 'time';
type Send = (event: ClockEvent, json: string) => void;

interface Screen { send: Send; actor: Actor; networkId: string }
interface Room { screens: Set<Screen>; clock: Clock | null; phase: string; reading: boolean; again: boolean; ticks: number }

/** How often the server looks at its clock for a phase change. */
const TICK_MS = 1000;
/** Every this many ticks the server's time goes out to every screen. */
const TIME_EVERY = 5;

interface Hub { rooms: Map<string, Room>; timer: ReturnType<typeof setInterval> | null }
const hubs = new WeakMap<object, Hub>();

function hubFor(deps: Deps): Hub {
  let hub = hubs.get(deps.db);
  if (hub) return hub;
  const created: Hub = { rooms: new Map(), timer: null };
  hub = created;
  hubs.set(deps.db, created);
  changeListenerFor(deps.db, deps.log).subscribe(SPEEDDATE_CLOCK_CHANNEL, (payload) => {
    // An empty payload: the listener reconnected and may have missed changes — read every room.
    for (const [eventId, room] of created.rooms) if (!payload || payload === eventId) void refresh(deps, eventId, room);
  });
  return created;
}

function phaseOf(clock: Clock, now: number): string {
  return speeddateClockPhaseKey(speeddateClockPhase(clock.roundTimes, clock.pausedAt ? Date.parse(clock.pausedAt) : now));
}

async function refresh(deps: Deps, eventId: string, room: Room): Promise<void> {
  if (room.reading) { room.again = true; return; }
  const screen = room.screens.values().next().value as Screen | undefined;
  if (!screen) return;
  room.reading = true;
  try {
    const clock = await readSpeeddateClock(deps, screen.actor, screen.networkId, eventId);
    const now = deps.now();
    room.clock = clock;
    room.phase = phaseOf(clock, now.getTime());
    const json = JSON.stringify({ clock, serverNow: now.toISOString() });
    for (const s of room.screens) s.send('clock', json);
  } catch (error) {
    deps.log.warn({ err: error, eventId }, 'room clock read failed');
  } finally {
    room.reading = false;
    if (room.again) { room.again = false; void refresh(deps, eventId, room); }
  }
}

function tick(deps: Deps, hub: Hub) {
  const now = deps.now();
  for (const [eventId, room] of hub.rooms) {
    room.ticks++;
    if (room.clock && phaseOf(room.clock, now.getTime()) !== room.phase) void refresh(deps, eventId, room);
    else if (room.ticks % TIME_EVERY === 0) {
      const json = JSON.stringify({ serverNow: now.toISOString() });
      for (const s of room.screens) s.send('time', json);
    }
  }
}

/** Connects a screen: it gets the clock now and at every change after; returns the disconnect function. */
export async function clockConnect(deps: Deps, actor: Actor, networkId: string, eventId: string, send: Send): Promise<() => void> {
  // Reading first checks that the viewer may see this event (NOT_FOUND / FORBIDDEN otherwise).
  const clock = await readSpeeddateClock(deps, actor, networkId, eventId);
  const hub = hubFor(deps);
  await changeListenerFor(deps.db, deps.log).ready();
  let room = hub.rooms.get(eventId);
  if (!room) {
    room = { screens: new Set(), clock, phase: phaseOf(clock, deps.now().getTime()), reading: false, again: false, ticks: 0 };
    hub.rooms.set(eventId, room);
  }
  const screen: Screen = { send, actor, networkId };
  room.screens.add(screen);
  if (!hub.timer) {
    hub.timer = setInterval(() => tick(deps, hub), TICK_MS);
    hub.timer.unref();
  }
  send('clock', JSON.stringify({ clock, serverNow: deps.now().toISOString() }));
  const joined = room;
  return () => {
    joined.screens.delete(screen);
    if (joined.screens.size === 0 && hub.rooms.get(eventId) === joined) hub.rooms.delete(eventId);
    if (hub.rooms.size === 0 && hub.timer) { clearInterval(hub.timer); hub.timer = null; }
  };
}
