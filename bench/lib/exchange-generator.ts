// Seeded generator of a national exchange week with Dutch structure: mbo institutions on
// side A and hbo institutions on side B, each with 1–4 locations around a Dutch city,
// programmes by ISCED-F detailed field, lesson grids of 45/50/60-minute periods Monday–Friday,
// team meetings, unavailable dates, a mix of travel modes. Used by the benchmarks and tests.
import type { ExchangeInput, ExchangePersonInput, Location, TravelMode, ZoneRules } from '../../src/engine/index.ts';
import { dayFromIsoDate, dayToIsoDate, prngCreate, zoneLocalToUtc, type Prng } from '../../src/engine/index.ts';

const CITIES: readonly (readonly [string, number, number])[] = [
  ['amsterdam', 52.37, 4.9], ['rotterdam', 51.92, 4.48], ['den-haag', 52.08, 4.3], ['utrecht', 52.09, 5.12],
  ['eindhoven', 51.44, 5.47], ['groningen', 53.22, 6.57], ['tilburg', 51.56, 5.09], ['almere', 52.37, 5.21],
  ['breda', 51.59, 4.78], ['nijmegen', 51.84, 5.86], ['arnhem', 51.98, 5.91], ['haarlem', 52.38, 4.64],
  ['enschede', 52.22, 6.89], ['zwolle', 52.52, 6.08], ['leiden', 52.16, 4.49], ['maastricht', 50.85, 5.69],
  ['den-bosch', 51.69, 5.3], ['amersfoort', 52.16, 5.39], ['apeldoorn', 52.21, 5.97], ['leeuwarden', 53.2, 5.8],
  ['delft', 52.01, 4.36], ['deventer', 52.25, 6.16], ['alkmaar', 52.63, 4.75], ['venlo', 51.37, 6.17],
  ['heerlen', 50.89, 5.98], ['middelburg', 51.5, 3.61], ['emmen', 52.78, 6.9], ['ede', 52.04, 5.66],
  ['dordrecht', 51.81, 4.67], ['hilversum', 52.22, 5.17],
];

const WISHES = [
  'feedback', 'differentiation', 'practical-assignments', 'assessment', 'digital-tools', 'work-based-learning',
  'coaching', 'project-education', 'language-support', 'ai-in-class', 'classroom-management', 'hybrid-learning',
];

const MODES: readonly (readonly [TravelMode, number, number, number])[] = [
  // mode, share, min and max of the personal travel limit (minutes)
  ['bike', 0.4, 30, 60],
  ['transit', 0.3, 45, 90],
  ['car', 0.25, 45, 75],
  ['walk', 0.05, 20, 40],
];

export interface ExchangeGeneratorOptions {
  readonly teachers: number;
  readonly seed: number;
  readonly zone: ZoneRules;
  /** ISCED-F detailed codes to draw programmes from (repeats weight them). */
  readonly programmeCodes: readonly string[];
  /** Monday of the exchange week, "YYYY-MM-DD" (default 2026-03-23, the week of the DST change). */
  readonly monday?: string;
  /** Use only the first k cities (default: teachers / 650, between 2 and 30). */
  readonly cities?: number;
  /** Teachers per institution (default 120). */
  readonly perInstitution?: number;
}

function pick<T>(prng: Prng, items: readonly T[]): T {
  return items[prng.nextInt(items.length)] as T;
}

export function exchangeGenerate(options: ExchangeGeneratorOptions): ExchangeInput {
  const prng = prngCreate(options.seed);
  const zone = options.zone;
  const monday = dayFromIsoDate(options.monday ?? '2026-03-23');
  const perInstitution = options.perInstitution ?? 120;
  // Small weeks are regional (a few cities), the national week spans all 30.
  const cityCount = options.cities ?? Math.max(2, Math.min(CITIES.length, Math.round(options.teachers / 650)));
  const cities = CITIES.slice(0, Math.max(1, Math.min(CITIES.length, cityCount)));
  const locations: Location[] = [];
  interface Institution {
    id: string;
    locations: string[];
    period: number;
    programmes: string[];
    meeting: boolean;
  }
  const institutions = (side: 'mbo' | 'hbo', count: number): Institution[] =>
    Array.from({ length: count }, (_, k) => {
      const [city, lat, lon] = pick(prng, cities);
      const id = `${side}-${String(k + 1).padStart(4, '0')}-${city}`;
      const nLoc = 1 + prng.nextInt(4);
      const locs: string[] = [];
      for (let l = 0; l < nLoc; l++) {
        const locId = `${id}-loc${l + 1}`;
        locations.push({ id: locId, lat: lat + (prng.next() - 0.5) * 0.08, lon: lon + (prng.next() - 0.5) * 0.12 });
        locs.push(locId);
      }
      const nProg = 8 + prng.nextInt(18);
      const programmes = Array.from({ length: nProg }, () => pick(prng, options.programmeCodes));
      return { id, locations: locs, period: pick(prng, [45, 50, 60]), programmes, meeting: prng.next() < 0.5 };
    });
  const half = Math.floor(options.teachers / 2);
  const sizes = { a: half, b: options.teachers - half };
  const mbo = institutions('mbo', Math.max(2, Math.round(sizes.a / perInstitution)));
  const hbo = institutions('hbo', Math.max(2, Math.round(sizes.b / perInstitution)));

  const person = (side: 'a' | 'b', k: number, list: Institution[]): ExchangePersonInput => {
    const inst = pick(prng, list);
    const id = `${side === 'a' ? 'mbo' : 'hbo'}-t${String(k + 1).padStart(6, '0')}`;
    const home = pick(prng, inst.locations);
    const nCodes = prng.next() < 0.3 ? 2 : 1;
    const isced = [...new Set(Array.from({ length: nCodes }, () => pick(prng, inst.programmes)))];
    let r = prng.next();
    let mode = MODES[0] as (typeof MODES)[number];
    for (const m of MODES) {
      if (r < m[1]) {
        mode = m;
        break;
      }
      r -= m[1];
    }
    const maxTravel = mode[2] + prng.nextInt(mode[3] - mode[2] + 1);
    const busy: ExchangePersonInput['busy'][number][] = [];
    const periodsPerDay = inst.period === 60 ? 8 : 9;
    for (let d = 0; d < 5; d++) {
      const day = monday + d;
      let minute = 8 * 60 + 30;
      for (let q = 0; q < periodsPerDay; q++) {
        if (q === 4) minute += 30; // lunch
        if (prng.next() < 0.45) {
          const elsewhere = inst.locations.length > 1 && prng.next() < 0.15;
          busy.push({
            start: zoneLocalToUtc(zone, day, minute),
            end: zoneLocalToUtc(zone, day, minute + inst.period),
            kind: 'lesson',
            ...(elsewhere ? { locationId: pick(prng, inst.locations) } : {}),
          });
        }
        minute += inst.period;
      }
      if (d === 0 && inst.meeting) busy.push({ start: zoneLocalToUtc(zone, day, 15 * 60), end: zoneLocalToUtc(zone, day, 16 * 60), kind: 'other' });
    }
    if (prng.next() < 0.3) {
      const day = monday + prng.nextInt(5);
      const start = 9 * 60 + prng.nextInt(14) * 30;
      busy.push({ start: zoneLocalToUtc(zone, day, start), end: zoneLocalToUtc(zone, day, start + 60), kind: 'other' });
    }
    const wishes = [...new Set(Array.from({ length: 1 + prng.nextInt(3) }, () => pick(prng, WISHES)))];
    const unavailable = prng.next() < 0.05 ? [dayToIsoDate(monday + prng.nextInt(5))] : [];
    return {
      id,
      institutionId: inst.id,
      locationId: home,
      isced,
      wishes,
      ...(prng.next() < 0.05 ? { preferredInstitutionIds: [pick(prng, side === 'a' ? hbo : mbo).id] } : {}),
      travelMode: mode[0],
      maxTravelMinutes: maxTravel,
      busy,
      unavailableDates: unavailable,
      ...(side === 'b' && prng.next() < 0.1 ? { hostCapacity: 2 } : {}),
    };
  };
  const sideA = Array.from({ length: sizes.a }, (_, k) => person('a', k, mbo));
  const sideB = Array.from({ length: sizes.b }, (_, k) => person('b', k, hbo));
  const forbidden = Array.from({ length: Math.floor(options.teachers / 200) }, () => ({ a: pick(prng, sideA).id, b: pick(prng, sideB).id }));
  return {
    window: { start: zoneLocalToUtc(zone, monday, 0), end: zoneLocalToUtc(zone, monday + 7, 0) },
    zone,
    rules: { avoidFirstLesson: true, avoid: [{ weekday: 1, startMinute: 15 * 60, endMinute: 16 * 60 }], maxVisitsPerDay: 1, maxGuestsPerHostPerDay: 1 },
    locations,
    sideA,
    sideB,
    forbidden,
  };
}
