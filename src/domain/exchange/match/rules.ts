import type { ExchangeInput, ExchangePersonInput, ZoneRules, BusyBlock as EngineBusyBlock } from '../../../engine/index.ts';
import type { EditionRules } from '../edition/schema.ts';

// Turning stored registrations, timetables and locations into the engine's input, and the
// visible reasons of a proposed pair. Pure functions: the run's saved input reproduces it.

export interface MatchRegistration {
  personId: string;
  institutionId: string;
  side: 'a' | 'b';
  isced: string[];
  wishes: string[];
  preferredPersonIds: string[];
  travelMode: 'walk' | 'bike' | 'car' | 'transit';
  maxTravelMinutes: number;
  baseLocationId: string | null;
  unavailableDates: string[];
}

export interface MatchBlock {
  personId: string;
  startMs: number;
  endMs: number;
  kind: 'lesson' | 'meeting' | 'other';
  locationId: string | null;
}

export interface MatchLocation {
  id: string;
  latitude: number | null;
  longitude: number | null;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Registrations whose base location has no coordinates cannot be planned: they are left out with LOCATION_UNKNOWN. */
export function matchInputBuild(args: {
  window: { start: number; end: number };
  zone: ZoneRules;
  rules: EditionRules;
  groupSize: 'pair' | 'trio';
  registrations: MatchRegistration[];
  blocks: MatchBlock[];
  locations: MatchLocation[];
  pins: { a: string; b: string }[];
  forbidden: { a: string; b: string }[];
}): { input: ExchangeInput; leftOut: { personId: string; side: 'a' | 'b'; reason: string }[] } {
  const located = new Map(args.locations.filter((l) => l.latitude !== null && l.longitude !== null).map((l) => [l.id, l]));
  const leftOut: { personId: string; side: 'a' | 'b'; reason: string }[] = [];
  const blocksByPerson = new Map<string, MatchBlock[]>();
  for (const b of args.blocks) {
    const list = blocksByPerson.get(b.personId) ?? [];
    list.push(b);
    blocksByPerson.set(b.personId, list);
  }
  const toPerson = (r: MatchRegistration): ExchangePersonInput | undefined => {
    if (!r.baseLocationId || !located.has(r.baseLocationId)) {
      leftOut.push({ personId: r.personId, side: r.side, reason: 'LOCATION_UNKNOWN' });
      return undefined;
    }
    if (r.isced.length === 0) {
      leftOut.push({ personId: r.personId, side: r.side, reason: 'NO_RELATED_PARTNER' });
      return undefined;
    }
    const busy: EngineBusyBlock[] = (blocksByPerson.get(r.personId) ?? [])
      .filter((b) => b.endMs > args.window.start && b.startMs < args.window.end)
      .map((b) => ({
        start: b.startMs,
        end: b.endMs,
        kind: b.kind === 'lesson' ? 'lesson' : 'other',
        ...(b.kind === 'lesson' && b.locationId && located.has(b.locationId) ? { locationId: b.locationId } : {}),
      }));
    return {
      id: r.personId,
      institutionId: r.institutionId,
      locationId: r.baseLocationId,
      isced: [...r.isced].sort(),
      wishes: [...r.wishes].sort(),
      preferredPersonIds: [...r.preferredPersonIds].sort(),
      travelMode: r.travelMode,
      maxTravelMinutes: r.maxTravelMinutes,
      busy,
      unavailableDates: [...r.unavailableDates].sort(),
      hostCapacity: args.rules.hostCapacity,
    };
  };
  const sorted = [...args.registrations].sort((x, y) => x.personId.localeCompare(y.personId));
  const sideA = sorted.filter((r) => r.side === 'a').map(toPerson).filter((p): p is ExchangePersonInput => Boolean(p));
  const sideB = sorted.filter((r) => r.side === 'b').map(toPerson).filter((p): p is ExchangePersonInput => Boolean(p));
  const input: ExchangeInput = {
    window: args.window,
    zone: args.zone,
    rules: {
      dayStartMinute: minutes(args.rules.dayStart),
      dayEndMinute: minutes(args.rules.dayEnd),
      weekdays: [1, 2, 3, 4, 5],
      avoidFirstLesson: args.rules.avoidFirstLesson,
      avoidLastLesson: args.rules.avoidLastLesson,
      avoid: args.rules.avoid.map((w) => ({ weekday: w.weekday, startMinute: minutes(w.start), endMinute: minutes(w.end) })),
      maxGuestsPerHostPerDay: args.rules.maxGuestsPerHostPerDay,
      maxVisitsPerDay: args.rules.maxVisitsPerDay,
      allowTrios: args.groupSize === 'trio',
    },
    locations: [...located.values()].sort((x, y) => x.id.localeCompare(y.id)).map((l) => ({ id: l.id, lat: l.latitude!, lon: l.longitude! })),
    sideA,
    sideB,
    pinned: args.pins,
    forbidden: args.forbidden,
  };
  return { input, leftOut };
}

/** Why two people were paired, as codes the UI translates: shared field (most specific level), shared wishes, preference. */
export function matchPairReasons(a: ExchangePersonInput, b: ExchangePersonInput): { code: string; params: Record<string, string | number> }[] {
  const reasons: { code: string; params: Record<string, string | number> }[] = [];
  let best: { level: number; code: string } | undefined;
  for (const x of a.isced) {
    for (const y of b.isced) {
      const level = x.length >= 4 && x.slice(0, 4) === y.slice(0, 4) ? 3 : x.slice(0, 3) === y.slice(0, 3) && x.length >= 3 && y.length >= 3 ? 2 : x.slice(0, 2) === y.slice(0, 2) ? 1 : 0;
      const code = level === 3 ? x.slice(0, 4) : level === 2 ? x.slice(0, 3) : x.slice(0, 2);
      if (level > 0 && (!best || level > best.level)) best = { level, code };
    }
  }
  if (best) reasons.push({ code: best.level === 3 ? 'SAME_DETAILED_FIELD' : best.level === 2 ? 'SAME_NARROW_FIELD' : 'SAME_BROAD_FIELD', params: { isced: best.code } });
  for (const wish of (a.wishes ?? []).filter((w) => (b.wishes ?? []).includes(w))) reasons.push({ code: 'SHARED_WISH', params: { wish } });
  if ((a.preferredPersonIds ?? []).includes(b.id) || (b.preferredPersonIds ?? []).includes(a.id)) reasons.push({ code: 'PREFERRED_PARTNER', params: {} });
  return reasons;
}
