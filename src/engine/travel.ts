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
import type { Minutes } from './types.ts';

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

/** A travel-time lookup over indexed locations, computed lazily and cached per mode. */
export interface TravelModel {
  readonly locationIndex: ReadonlyMap<string, number>;
  readonly locations: readonly Location[];
  minutes(from: number, to: number, mode: TravelMode): Minutes;
  /**
   * The full from×to table of one mode (row-major, locations.length²), filled on first use;
   * undefined above 2,000 locations (use `minutes`).
   */
  table(mode: TravelMode): Float64Array | undefined;
}

export function travelModelCreate(locations: readonly Location[], matrix: readonly TravelMatrixEntry[] = []): TravelModel {
  const index = new Map<string, number>();
  locations.forEach((loc, i) => {
    if (index.has(loc.id)) throw new Error(`LOCATION_DUPLICATE: ${loc.id}`);
    index.set(loc.id, i);
  });
  const n = locations.length;
  // Dense caches up to 2,000 locations (4 × 32 MB at most); a map beyond that.
  const dense = n <= 2000;
  const cache = TRAVEL_MODES.map(() => (dense ? new Float64Array(n * n).fill(-1) : new Float64Array(0)));
  const sparse = TRAVEL_MODES.map(() => new Map<number, number>());
  for (const e of matrix) {
    const f = index.get(e.from);
    const t = index.get(e.to);
    if (f === undefined || t === undefined) throw new Error(`LOCATION_UNKNOWN: ${f === undefined ? e.from : e.to}`);
    for (let m = 0; m < TRAVEL_MODES.length; m++) {
      if (e.mode !== undefined && e.mode !== TRAVEL_MODES[m]) continue;
      if (dense) (cache[m] as Float64Array)[f * n + t] = Math.ceil(e.minutes);
      else (sparse[m] as Map<number, number>).set(f * n + t, Math.ceil(e.minutes));
    }
  }
  const modeIndex: Record<TravelMode, number> = { walk: 0, bike: 1, car: 2, transit: 3 };
  const filled = [false, false, false, false];
  return {
    locationIndex: index,
    locations,
    table(mode) {
      if (!dense) return undefined;
      const m = modeIndex[mode];
      const t = cache[m] as Float64Array;
      if (!filled[m]) {
        for (let f = 0; f < n; f++) {
          for (let k = 0; k < n; k++) {
            if ((t[f * n + k] as number) < 0) t[f * n + k] = travelMinutesByMode(locations[f] as Location, locations[k] as Location, mode);
          }
        }
        filled[m] = true;
      }
      return t;
    },
    minutes(from, to, mode) {
      const m = modeIndex[mode];
      const key = from * n + to;
      if (dense) {
        const table = cache[m] as Float64Array;
        let value = table[key] as number;
        if (value < 0) {
          value = travelMinutesByMode(locations[from] as Location, locations[to] as Location, mode);
          table[key] = value;
        }
        return value as Minutes;
      }
      const map = sparse[m] as Map<number, number>;
      let value = map.get(key);
      if (value === undefined) {
        value = travelMinutesByMode(locations[from] as Location, locations[to] as Location, mode);
        map.set(key, value);
      }
      return value as Minutes;
    },
  };
}
