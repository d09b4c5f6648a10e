// Travel time between locations: an explicit matrix where given, otherwise great-circle
// distance × a detour factor at the mode's average speed plus a fixed overhead.
//
// | mode    | speed   | overhead | meaning of the overhead                          |
// |---------|---------|----------|--------------------------------------------------|
// | walk    | 5 km/h  | 0 min    | —                                                |
// | bike    | 15 km/h | 2 min    | locking and parking the bike                     |
// | car     | 50 km/h | 10 min   | parking and walking to the door                  |
// | transit | 30 km/h | 15 min   | walking to the stop, waiting, transfers          |
// Road/rail distance is taken as 1.3 × the great-circle distance. Times are rounded up to
// whole minutes; between two points of the same location travel takes 0 minutes.
// Nothing is tabulated ahead: a model computes the pairs it is asked for and caches them.
import { engineFail, type EngineFailure, type EngineResult, type Minutes } from './types.ts';

export type TravelMode = 'walk' | 'bike' | 'car' | 'transit';
export const TRAVEL_MODES: readonly TravelMode[] = ['walk', 'bike', 'car', 'transit'];

export const TRAVEL_SPEEDS: Readonly<Record<TravelMode, { readonly kmPerHour: number; readonly overheadMinutes: number }>> = {
  walk: { kmPerHour: 5, overheadMinutes: 0 },
  bike: { kmPerHour: 15, overheadMinutes: 2 },
  car: { kmPerHour: 50, overheadMinutes: 10 },
  transit: { kmPerHour: 30, overheadMinutes: 15 },
};
export const TRAVEL_DETOUR_FACTOR = 1.3;

export interface Location {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

export interface TravelMatrixEntry {
  readonly from: string;
  readonly to: string;
  /** Applies to every mode when absent. */
  readonly mode?: TravelMode;
  readonly minutes: number;
}

export function travelDistanceKm(a: Location, b: Location): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function travelMinutesByMode(a: Location, b: Location, mode: TravelMode): Minutes {
  if (a.id === b.id) return 0 as Minutes;
  const speed = TRAVEL_SPEEDS[mode];
  const km = travelDistanceKm(a, b) * TRAVEL_DETOUR_FACTOR;
  return Math.ceil((km / speed.kmPerHour) * 60 + speed.overheadMinutes) as Minutes;
}

/**
 * A travel-time lookup over indexed locations. Times from coordinates are computed on first
 * use and cached per location pair that was asked for (memory grows with the pairs a
 * problem needs, never with locations²); `reachable` finds the locations within a travel
 * limit through a grid on the coordinates.
 */
export interface TravelModel {
  readonly locationIndex: ReadonlyMap<string, number>;
  readonly locations: readonly Location[];
  minutes(from: number, to: number, mode: TravelMode): Minutes;
  /**
   * Every location `to` with minutes(from, to, mode) ≤ maxMinutes, in ascending index order:
   * the grid cells that can hold a location within the limit's distance, plus the matrix
   * entries leaving `from`, each checked exactly.
   */
  reachable(from: number, mode: TravelMode, maxMinutes: number): Int32Array;
  /** Location pairs whose travel times are cached (a measure of the work done). */
  cachedPairs(): number;
}

const EARTH_RADIUS_KM = 6371.0088;
const MODE_INDEX: Readonly<Record<TravelMode, number>> = { walk: 0, bike: 1, car: 2, transit: 3 };
/** Grid cell edge in degrees (≈ 11 km of latitude). */
const CELL_DEGREES = 0.1;

/** The largest great-circle distance (km) whose travel time by `mode` stays within `maxMinutes`. */
export function travelReachKm(mode: TravelMode, maxMinutes: number): number {
  const speed = TRAVEL_SPEEDS[mode];
  const budget = Math.floor(maxMinutes) - speed.overheadMinutes;
  if (budget < 0) return -1;
  return ((budget * speed.kmPerHour) / 60 / TRAVEL_DETOUR_FACTOR) * (1 + 1e-9) + 1e-9;
}

export type TravelFailureReason = 'LOCATION_DUPLICATE' | 'LOCATION_UNKNOWN';

/** The travel model of a set of locations, or LOCATION_DUPLICATE / LOCATION_UNKNOWN (a matrix entry) as data. */
export function travelModelCreate(locations: readonly Location[], matrix: readonly TravelMatrixEntry[] = []): EngineResult<{ readonly model: TravelModel }, TravelFailureReason> {
  const failure = travelInputCheck(locations, matrix);
  return failure ?? { ok: true, model: travelModelBuild(locations, matrix) };
}

/** The first expected failure of a travel input, or null. */
export function travelInputCheck(locations: readonly Location[], matrix: readonly TravelMatrixEntry[] = []): EngineFailure<TravelFailureReason> | null {
  const ids = new Set<string>();
  for (const loc of locations) {
    if (ids.has(loc.id)) return engineFail('LOCATION_DUPLICATE', loc.id);
    ids.add(loc.id);
  }
  for (const e of matrix) if (!ids.has(e.from) || !ids.has(e.to)) return engineFail('LOCATION_UNKNOWN', ids.has(e.from) ? e.to : e.from);
  return null;
}

/** travelModelCreate for an input that passed travelInputCheck (the engine's own callers). */
export function travelModelBuild(locations: readonly Location[], matrix: readonly TravelMatrixEntry[] = []): TravelModel {
  const index = new Map<string, number>();
  locations.forEach((loc, i) => {
    if (index.has(loc.id)) throw new Error(`LOCATION_DUPLICATE: ${loc.id} (unchecked input)`);
    index.set(loc.id, i);
  });
  const n = locations.length;
  const rad = Math.PI / 180;
  const latRad = Float64Array.from(locations, (l) => l.lat * rad);
  const lonRad = Float64Array.from(locations, (l) => l.lon * rad);
  const cosLat = Float64Array.from(latRad, Math.cos);

  // Explicit entries: (from·n + to) → minutes per mode (−1 = not given for that mode).
  const explicit = new Map<number, Int32Array>();
  const explicitFrom = new Map<number, number[]>();
  for (const e of matrix) {
    const f = index.get(e.from);
    const t = index.get(e.to);
    if (f === undefined || t === undefined) throw new Error(`LOCATION_UNKNOWN: ${f === undefined ? e.from : e.to} (unchecked input)`);
    const key = f * n + t;
    let row = explicit.get(key);
    if (!row) {
      row = new Int32Array(4).fill(-1);
      explicit.set(key, row);
      const list = explicitFrom.get(f) ?? [];
      list.push(t);
      explicitFrom.set(f, list);
    }
    for (let m = 0; m < TRAVEL_MODES.length; m++) if (e.mode === undefined || e.mode === TRAVEL_MODES[m]) row[m] = Math.ceil(e.minutes);
  }

  // Open-addressing cache of computed pairs: key from·n + to, four modes per slot.
  let capacity = 1024;
  let keys = new Float64Array(capacity).fill(-1);
  let values = new Int32Array(4 * capacity).fill(-1);
  let size = 0;
  const slotOf = (key: number): number => {
    let h = (Math.imul(key % 4294967296 | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & (capacity - 1);
    for (;;) {
      const k = keys[h] as number;
      if (k === key || k < 0) return h;
      h = (h + 1) & (capacity - 1);
    }
  };
  const grow = (): void => {
    const oldKeys = keys;
    const oldValues = values;
    capacity *= 2;
    keys = new Float64Array(capacity).fill(-1);
    values = new Int32Array(4 * capacity).fill(-1);
    for (let s = 0; s < oldKeys.length; s++) {
      const k = oldKeys[s] as number;
      if (k < 0) continue;
      const h = slotOf(k);
      keys[h] = k;
      for (let m = 0; m < 4; m++) values[4 * h + m] = oldValues[4 * s + m] as number;
    }
  };
  const computed = (from: number, to: number, m: number): number => {
    if (from === to) return 0;
    const dLat = (latRad[to] as number) - (latRad[from] as number);
    const dLon = (lonRad[to] as number) - (lonRad[from] as number);
    const sLat = Math.sin(dLat / 2);
    const sLon = Math.sin(dLon / 2);
    const h = sLat * sLat + (cosLat[from] as number) * (cosLat[to] as number) * sLon * sLon;
    const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))) * TRAVEL_DETOUR_FACTOR;
    const speed = TRAVEL_SPEEDS[TRAVEL_MODES[m] as TravelMode];
    return Math.ceil((km / speed.kmPerHour) * 60 + speed.overheadMinutes);
  };
  const minutesOf = (from: number, to: number, m: number): number => {
    const key = from * n + to;
    if (explicit.size > 0) {
      const row = explicit.get(key);
      if (row && (row[m] as number) >= 0) return row[m] as number;
    }
    let h = slotOf(key);
    if ((keys[h] as number) < 0) {
      if (2 * (size + 1) > capacity) {
        grow();
        h = slotOf(key);
      }
      keys[h] = key;
      size++;
    }
    let value = values[4 * h + m] as number;
    if (value < 0) {
      value = computed(from, to, m);
      values[4 * h + m] = value;
    }
    return value;
  };

  // Grid: locations sorted by cell, cell key → [start, end) in `cellMembers`.
  const lonCells = Math.ceil(360 / CELL_DEGREES);
  const latCells = Math.ceil(180 / CELL_DEGREES) + 1;
  const cellX = (lon: number): number => {
    const x = Math.floor((((lon % 360) + 540) % 360) / CELL_DEGREES);
    return Math.min(lonCells - 1, Math.max(0, x));
  };
  const cellY = (lat: number): number => Math.min(latCells - 1, Math.max(0, Math.floor((lat + 90) / CELL_DEGREES)));
  let grid: { readonly cells: Map<number, readonly [number, number]>; readonly members: Int32Array } | undefined;
  const gridOf = (): NonNullable<typeof grid> => {
    if (!grid) {
      const keyOf = Float64Array.from(locations, (l) => cellY(l.lat) * lonCells + cellX(l.lon));
      const order = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => (keyOf[x] as number) - (keyOf[y] as number) || x - y);
      const cells = new Map<number, readonly [number, number]>();
      let start = 0;
      for (let k = 1; k <= n; k++) {
        if (k === n || keyOf[order[k] as number] !== keyOf[order[start] as number]) {
          cells.set(keyOf[order[start] as number] as number, [start, k]);
          start = k;
        }
      }
      grid = { cells, members: order };
    }
    return grid;
  };

  return {
    locationIndex: index,
    locations,
    minutes(from, to, mode) {
      return minutesOf(from, to, MODE_INDEX[mode]) as Minutes;
    },
    cachedPairs: () => size,
    reachable(from, mode, maxMinutes) {
      const m = MODE_INDEX[mode];
      const out: number[] = [];
      const km = travelReachKm(mode, maxMinutes);
      const take = (to: number): void => {
        if (minutesOf(from, to, m) <= maxMinutes) out.push(to);
      };
      if (km >= 0) {
        const { cells, members } = gridOf();
        const here = locations[from] as Location;
        // |Δlat| ≤ d/R; |sin(Δlon/2)| ≤ sin(d/2R) / cos(φmax) on the band (haversine).
        const dLatDeg = km / EARTH_RADIUS_KM / rad;
        const y0 = cellY(here.lat - dLatDeg);
        const y1 = cellY(here.lat + dLatDeg);
        const maxAbsLat = Math.min(90, Math.max(Math.abs(here.lat - dLatDeg), Math.abs(here.lat + dLatDeg)));
        const ratio = Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM))) / Math.cos(maxAbsLat * rad);
        const dLonDeg = ratio >= 1 || !Number.isFinite(ratio) ? 180 : (2 * Math.asin(ratio)) / rad;
        const spanX = Math.floor((2 * dLonDeg) / CELL_DEGREES) + 3;
        const cellCount = (y1 - y0 + 1) * Math.min(spanX, lonCells);
        if (cellCount >= cells.size) {
          for (let to = 0; to < n; to++) take(to);
        } else {
          const x0 = cellX(here.lon - dLonDeg) - 1;
          for (let y = y0; y <= y1; y++) {
            for (let dx = 0; dx < Math.min(spanX, lonCells); dx++) {
              const cell = cells.get(y * lonCells + ((((x0 + dx) % lonCells) + lonCells) % lonCells));
              if (!cell) continue;
              for (let k = cell[0]; k < cell[1]; k++) take(members[k] as number);
            }
          }
        }
      }
      take(from); // 0 minutes (or its matrix entry), whatever the overhead
      const extra = explicitFrom.get(from);
      if (extra) for (const to of extra) take(to);
      const result = Int32Array.from(out).sort();
      // Matrix targets may also lie in the grid's range: drop the repeats.
      let w = 0;
      for (let k = 0; k < result.length; k++) if (k === 0 || result[k] !== result[k - 1]) result[w++] = result[k] as number;
      return result.subarray(0, w);
    },
  };
}
