import { describe, expect, it } from 'vitest';
import { TRAVEL_SPEEDS, travelDistanceKm, travelMinutesByMode, travelModelCreate } from '../../src/engine/index.ts';

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
    expect(model.table('car')?.[1 * 2 + 0]).toBe(travelMinutesByMode(amsterdam, utrecht, 'car'));
  });
});
