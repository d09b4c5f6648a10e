import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRAVEL_MODES, TRAVEL_SPEEDS, travelDistanceKm, travelMinutesByMode, travelModelCreate as travelModelCreateResult } from '../../src/engine/index.ts';
import { resultOk } from './result-ok.ts';

const travelModelCreate = (...args: Parameters<typeof travelModelCreateResult>) => resultOk(travelModelCreateResult(...args)).model;

const utrecht = { id: 'utrecht', lat: 52.0907, lon: 5.1214 };
const amsterdam = { id: 'amsterdam', lat: 52.3676, lon: 4.9041 };

describe('travel', () => {
  it('measures great-circle distance', () => {
    expect(travelDistanceKm(utrecht, amsterdam)).toBeCloseTo(34.0, 0);
  });

  it('applies speed, detour factor and fixed overhead per mode', () => {
    const km = travelDistanceKm(utrecht, amsterdam) * 1.3;
    for (const mode of ['walk', 'bike', 'car', 'transit'] as const) {
      const { kmPerHour, overheadMinutes } = TRAVEL_SPEEDS[mode];
      expect(travelMinutesByMode(utrecht, amsterdam, mode)).toBe(Math.ceil((km / kmPerHour) * 60 + overheadMinutes));
    }
    expect(travelMinutesByMode(utrecht, utrecht, 'car')).toBe(0);
  });

  it('prefers matrix entries over coordinates, per mode when given', () => {
    const model = travelModelCreate([utrecht, amsterdam], [
      { from: 'utrecht', to: 'amsterdam', minutes: 27 },
      { from: 'amsterdam', to: 'utrecht', mode: 'transit', minutes: 31.2 },
    ]);
    expect(model.minutes(0, 1, 'bike')).toBe(27);
    expect(model.minutes(1, 0, 'transit')).toBe(32);
    expect(model.minutes(1, 0, 'car')).toBe(travelMinutesByMode(amsterdam, utrecht, 'car'));
    expect(model.reachable(0, 'walk', 30)).toEqual(Int32Array.from([0, 1]));
    expect(model.reachable(1, 'walk', 30)).toEqual(Int32Array.from([1]));
  });

  it('finds exactly the locations within a limit (grid against all pairs)', () => {
    const place = fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(
        fc.array(place, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.05, max: 40, noNaN: true }),
        fc.constantFrom(...TRAVEL_MODES),
        fc.integer({ min: 0, max: 6000 }),
        fc.array(fc.record({ from: fc.nat(29), to: fc.nat(29), minutes: fc.integer({ min: 0, max: 200 }) }), { maxLength: 5 }),
        (raw, spread, mode, limit, entries) => {
          // Clustered points (spread in degrees) so that grids cells matter.
          const locations = raw.map((p, k) => ({ id: `l${k}`, lat: Math.max(-89.9, Math.min(89.9, (p.lat * spread) / 89)), lon: (p.lon * spread) / 180 }));
          const matrix = entries.filter((e) => e.from < locations.length && e.to < locations.length).map((e) => ({ from: `l${e.from}`, to: `l${e.to}`, minutes: e.minutes }));
          const model = travelModelCreate(locations, matrix);
          const check = travelModelCreate(locations, matrix);
          for (let from = 0; from < locations.length; from++) {
            const expected = locations.map((_, to) => to).filter((to) => check.minutes(from, to, mode) <= limit);
            expect([...model.reachable(from, mode, limit)]).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('travel input failures', () => {
  it('come back as data, not as a throw', () => {
    const a = { id: 'a', lat: 52, lon: 5 };
    expect(travelModelCreateResult([a, a])).toEqual({ ok: false, reason: 'LOCATION_DUPLICATE', detail: 'a' });
    expect(travelModelCreateResult([a], [{ from: 'a', to: 'b', minutes: 3 }])).toEqual({ ok: false, reason: 'LOCATION_UNKNOWN', detail: 'b' });
  });
});
