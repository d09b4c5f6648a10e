import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeGenerate } from '../../bench/lib/exchange-generator.ts';
import {
  dayFromIsoDate,
  exchangeCheck,
  exchangeSolve as exchangeSolveResult,
  prngCreate,
  prngShuffle,
  zoneLocalToUtc,
  type ExchangeInput,
  type ExchangePersonInput,
  type ZoneRules,
} from '../../src/engine/index.ts';
import { resultOk } from './result-ok.ts';

const exchangeSolve = (...args: Parameters<typeof exchangeSolveResult>) => resultOk(exchangeSolveResult(...args));

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/scenarios/exchange-utrecht-small.json'), 'utf8'));
const zone: ZoneRules = fixture.input.zone;
const CODES = ['0714', '0713', '0715', '0413', '0414', '0222', '0912', '0913', '0611', '0613', '0114', '0732'];

function generated(seed: number, teachers = 40): ExchangeInput {
  return exchangeGenerate({ teachers, seed, zone, programmeCodes: CODES, cities: 2, perInstitution: 8 });
}

describe('exchangeSolve — golden scenario', () => {
  it('pairs, schedules and explains exactly as recorded', () => {
    const out = exchangeSolve(fixture.input);
    expect(out.pairs).toEqual(fixture.expect.pairs);
    expect(out.visits.map((v) => ({ observerId: v.observerId, hostId: v.hostId, lessonStart: v.lessonStart, lessonEnd: v.lessonEnd }))).toEqual(
      fixture.expect.visits,
    );
    expect(out.visits.every((v) => v.travelMinutes === fixture.expect.travelMinutes)).toBe(true);
    expect([...out.unpaired].sort((a, b) => a.personId.localeCompare(b.personId))).toEqual(fixture.expect.unpaired);
    expect(out.objective).toBe(fixture.expect.objective);
    expect(out.dualBound).toBe(fixture.expect.objective);
    expect(out.optimal).toBe(true);
    expect(exchangeCheck(fixture.input, out)).toEqual([]);
  });
});

describe('exchangeSolve — properties', () => {
  it('never double-books, keeps every visit inside both calendars with travel, and is certified optimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const plain = generated(seed);
        const input: ExchangeInput = seed % 2 === 0 ? { ...plain, rules: { ...plain.rules, allowTrios: true } } : plain;
        const out = exchangeSolve(input);
        expect(exchangeCheck(input, out)).toEqual([]);
        expect(out.optimal).toBe(true);
        expect(out.dualBound).toBe(out.objective);
        expect(out.visits.length).toBe(2 * out.pairs.length);
        const people = input.sideA.length + input.sideB.length;
        expect(new Set([...out.pairs.flatMap((p) => [p.aId, p.bId]), ...out.unpaired.map((u) => u.personId)]).size).toBe(people);
      }),
      { numRuns: 25 },
    );
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer(), (seed, shuffleSeed) => {
        const input = generated(seed, 30);
        const prng = prngCreate(shuffleSeed);
        const person = (p: ExchangePersonInput): ExchangePersonInput => ({ ...p, busy: prngShuffle(prng, [...p.busy]) });
        const shuffled: ExchangeInput = {
          ...input,
          locations: prngShuffle(prng, [...input.locations]),
          sideA: prngShuffle(prng, input.sideA.map(person)),
          sideB: prngShuffle(prng, input.sideB.map(person)),
          forbidden: prngShuffle(prng, [...(input.forbidden ?? [])]),
        };
        expect(JSON.stringify(exchangeSolve(shuffled))).toBe(JSON.stringify(exchangeSolve(input)));
      }),
      { numRuns: 10 },
    );
  });
});

describe('exchangeSolve — rules', () => {
  const base = fixture.input as ExchangeInput;
  const monday = dayFromIsoDate('2026-03-23');
  const at = (dayOffset: number, hour: number, minute = 0): number => zoneLocalToUtc(zone, monday + dayOffset, hour * 60 + minute);
  const lesson = (d: number, h: number) => ({ start: at(d, h), end: at(d, h + 1), kind: 'lesson' as const });
  const teacher = (id: string, inst: string, loc: string, isced: string[], busy: ExchangePersonInput['busy'], extra: Partial<ExchangePersonInput> = {}): ExchangePersonInput => ({
    id,
    institutionId: inst,
    locationId: loc,
    isced,
    travelMode: 'bike',
    maxTravelMinutes: 30,
    busy,
    ...extra,
  });

  it('gives a host with capacity 2 two guests on different days', () => {
    const input: ExchangeInput = {
      ...base,
      sideA: [
        teacher('a1', 'm1', 'mbo-utrecht', ['0714'], [lesson(0, 9), lesson(1, 9)]),
        teacher('a2', 'm2', 'mbo-utrecht', ['0714'], [lesson(2, 9), lesson(3, 9)]),
      ],
      sideB: [teacher('b1', 'h1', 'hbo-utrecht', ['0714'], [lesson(0, 13), lesson(1, 13), lesson(2, 13), lesson(3, 13)], { hostCapacity: 2 })],
    };
    const out = exchangeSolve(input);
    expect(out.pairs.map((p) => p.aId)).toEqual(['a1', 'a2']);
    const hosted = out.visits.filter((v) => v.hostId === 'b1').map((v) => Math.floor((v.lessonStart - at(0, 0)) / 86_400_000));
    expect(new Set(hosted).size).toBe(2);
    expect(exchangeCheck(input, out)).toEqual([]);
  });

  it('adds a trio member when allowed, and explains CAPACITY otherwise', () => {
    const input: ExchangeInput = {
      ...base,
      sideA: [
        teacher('a1', 'm1', 'mbo-utrecht', ['0714'], [lesson(0, 9), lesson(1, 9)]),
        teacher('a2', 'm2', 'mbo-utrecht', ['0713'], [lesson(2, 9), lesson(3, 9)]),
      ],
      sideB: [teacher('b1', 'h1', 'hbo-utrecht', ['0714'], [lesson(0, 13), lesson(1, 13), lesson(2, 13), lesson(3, 13)])],
    };
    const plain = exchangeSolve(input);
    expect(plain.pairs.map((p) => p.aId)).toEqual(['a1']);
    expect(plain.unpaired).toEqual([{ personId: 'a2', side: 'a', reason: 'CAPACITY' }]);
    const trios = exchangeSolve({ ...input, rules: { allowTrios: true } });
    expect(trios.pairs.map((p) => [p.aId, p.trio])).toEqual([
      ['a1', false],
      ['a2', true],
    ]);
    expect(trios.unpaired).toEqual([]);
    expect(exchangeCheck({ ...input, rules: { allowTrios: true } }, trios)).toEqual([]);
  });

  it('keeps pinned pairs and never uses forbidden ones', () => {
    const input: ExchangeInput = {
      ...base,
      sideA: [
        teacher('a1', 'm1', 'mbo-utrecht', ['0222'], [lesson(0, 9)]),
        teacher('a2', 'm2', 'mbo-utrecht', ['0714'], [lesson(1, 9)]),
      ],
      sideB: [
        teacher('b1', 'h1', 'hbo-utrecht', ['0714'], [lesson(2, 13)]),
        teacher('b2', 'h1', 'hbo-utrecht', ['0714'], [lesson(3, 13)]),
      ],
      pinned: [{ a: 'a1', b: 'b1' }],
      forbidden: [{ a: 'a2', b: 'b2' }],
    };
    const out = exchangeSolve(input);
    expect(out.pairs.map((p) => [p.aId, p.bId, p.pinned])).toEqual([['a1', 'b1', true]]);
    // a2 could only go to b1, whose one place the pin takes; b2's only candidate is forbidden.
    expect(out.unpaired).toEqual([
      { personId: 'a2', side: 'a', reason: 'CAPACITY' },
      { personId: 'b2', side: 'b', reason: 'FORBIDDEN_PAIR' },
    ]);
  });

  it('avoids the first lesson of the day and weekly windows such as Monday 15–16h', () => {
    const input: ExchangeInput = {
      ...base,
      rules: { avoidFirstLesson: true, avoid: [{ weekday: 1, startMinute: 900, endMinute: 960 }] },
      sideA: [teacher('a1', 'm1', 'mbo-utrecht', ['0714'], [lesson(2, 9), lesson(2, 11)])],
      sideB: [teacher('b1', 'h1', 'hbo-utrecht', ['0714'], [lesson(0, 8), lesson(0, 15), lesson(0, 16), lesson(1, 9)])],
    };
    const out = exchangeSolve(input);
    // Monday 08:00 and Tuesday 09:00 are first lessons, Monday 15:00 lies in the avoided window.
    expect(out.visits.find((v) => v.observerId === 'a1')?.lessonStart).toBe(at(0, 16));
    expect(out.visits.find((v) => v.observerId === 'b1')?.lessonStart).toBe(at(2, 11));
    expect(exchangeCheck(input, out)).toEqual([]);
    // With a single lesson (its first of the day) a1 cannot be observed at all.
    const single = exchangeSolve({ ...input, sideA: [teacher('a1', 'm1', 'mbo-utrecht', ['0714'], [lesson(2, 9)])] });
    expect(single.pairs).toEqual([]);
    expect(single.unpaired.map((u) => u.reason)).toEqual(['NO_COMMON_TIME', 'NO_COMMON_TIME']);
  });

  it('rejects unknown locations and duplicate people with codes', () => {
    expect(exchangeSolveResult({ ...base, sideA: [...base.sideA, { ...base.sideA[0]!, id: 'x', locationId: 'nowhere' }] })).toEqual({ ok: false, reason: 'LOCATION_UNKNOWN', detail: 'nowhere' });
    expect(exchangeSolveResult({ ...base, sideB: [...base.sideB, { ...base.sideA[0]! }] })).toMatchObject({ ok: false, reason: 'PERSON_DUPLICATE' });
    const [a, b] = [base.sideA[0]!.id, base.sideB[0]!.id];
    expect(exchangeSolveResult({ ...base, pinned: [{ a, b: 'ghost' }] })).toEqual({ ok: false, reason: 'PERSON_UNKNOWN', detail: 'ghost' });
    expect(exchangeSolveResult({ ...base, pinned: [{ a, b: a }] })).toMatchObject({ ok: false, reason: 'PIN_SAME_SIDE' });
    expect(exchangeSolveResult({ ...base, pinned: [{ a, b }, { a: b, b: a }] })).toEqual({ ok: false, reason: 'PIN_DUPLICATE', detail: a });
    expect(exchangeSolveResult({ ...base, sideA: [{ ...base.sideA[0]!, unavailableDates: ['23-03-2026'] }, ...base.sideA.slice(1)] })).toMatchObject({ ok: false, reason: 'DATE_INVALID' });
    expect(exchangeSolveResult({ ...base, locations: [...base.locations, base.locations[0]!] })).toMatchObject({ ok: false, reason: 'LOCATION_DUPLICATE' });
  });
});

describe('generated instances used by the properties', () => {
  it('are not trivial: most seeds produce several scheduled pairs', () => {
    const pairs = [1, 2, 3, 4, 5].map((seed) => exchangeSolve(generated(seed)).pairs.length);
    expect(pairs.filter((p) => p >= 3).length).toBeGreaterThanOrEqual(3);
  });
});

describe('exchangeSolve — autumn DST week', () => {
  it('applies local-time rules on both sides of the change (Monday 15–16h is 14:00Z after it)', async () => {
    const { zoneRulesFromIntl } = await import('../../src/domain/exchange/match/build-engine-input.ts');
    const autumn = zoneRulesFromIntl('Europe/Amsterdam', Date.UTC(2026, 9, 19), Date.UTC(2026, 9, 31));
    const fri = dayFromIsoDate('2026-10-23');
    const mon = dayFromIsoDate('2026-10-26');
    const at = (day: number, minute: number): number => zoneLocalToUtc(autumn, day, minute);
    const lesson = (day: number, hour: number) => ({ start: at(day, hour * 60), end: at(day, hour * 60 + 60), kind: 'lesson' as const });
    const input: ExchangeInput = {
      window: { start: at(fri, 0), end: at(mon + 1, 0) },
      zone: autumn,
      rules: { avoid: [{ weekday: 1, startMinute: 900, endMinute: 960 }] },
      locations: fixture.input.locations,
      sideA: [{ id: 'a', institutionId: 'm', locationId: 'mbo-utrecht', isced: ['0714'], travelMode: 'bike', maxTravelMinutes: 30, busy: [lesson(fri, 10)] }],
      sideB: [{ id: 'b', institutionId: 'h', locationId: 'hbo-utrecht', isced: ['0714'], travelMode: 'bike', maxTravelMinutes: 30, busy: [lesson(mon, 15), lesson(mon, 16)] }],
    };
    expect(at(mon, 15 * 60)).toBe(Date.UTC(2026, 9, 26, 14, 0));
    expect(at(fri, 10 * 60)).toBe(Date.UTC(2026, 9, 23, 8, 0));
    const out = exchangeSolve(input);
    expect(out.visits.find((v) => v.observerId === 'a')?.lessonStart).toBe(Date.UTC(2026, 9, 26, 15, 0));
    expect(out.visits.find((v) => v.observerId === 'b')?.lessonStart).toBe(Date.UTC(2026, 9, 23, 8, 0));
    expect(exchangeCheck(input, out)).toEqual([]);
  });
});

describe('exchangeSolve — spread', () => {
  it('spreads the visits evenly over the days of the week', () => {
    for (const seed of [1, 2, 3]) {
      const input = exchangeGenerate({ teachers: 120, seed, zone, programmeCodes: CODES, cities: 2, perInstitution: 10 });
      const out = exchangeSolve(input);
      expect(out.visits.length).toBeGreaterThan(40);
      const perDay = new Map<number, number>();
      for (const v of out.visits) {
        const day = Math.floor((v.lessonStart + 3_600_000) / 86_400_000);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
      const counts = [...perDay.values()];
      expect(counts.length).toBe(5);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(Math.max(2, 0.2 * (out.visits.length / 5)));
    }
  });
});
