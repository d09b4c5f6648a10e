import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placementSolve as placementSolveResult, placementStable as placementStableResult, placementWelfare as placementWelfareResult, type PlacementInput } from '../../src/engine/index.ts';
import { resultOk } from './result-ok.ts';

const placementSolve = (...args: Parameters<typeof placementSolveResult>) => resultOk(placementSolveResult(...args));
const placementStable = (...args: Parameters<typeof placementStableResult>) => resultOk(placementStableResult(...args));
const placementWelfare = (...args: Parameters<typeof placementWelfareResult>) => resultOk(placementWelfareResult(...args));

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/scenarios/placement-small.json'), 'utf8'));

const arbPlacement: fc.Arbitrary<PlacementInput> = fc
  .record({
    teachers: fc.integer({ min: 1, max: 6 }),
    offers: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer(),
  })
  .chain(({ teachers, offers, seed }) =>
    fc.record({
      teachers: fc.tuple(
        ...Array.from({ length: teachers }, (_, t) =>
          fc.shuffledSubarray(Array.from({ length: offers }, (_, o) => `o${o}`)).map((ranking) => ({ id: `t${t}`, ranking })),
        ),
      ),
      offers: fc.tuple(
        ...Array.from({ length: offers }, (_, o) =>
          fc
            .record({ capacity: fc.integer({ min: 0, max: 2 }), ranked: fc.boolean(), order: fc.shuffledSubarray(Array.from({ length: teachers }, (_, t) => `t${t}`)) })
            .map(({ capacity, ranked, order }) => (ranked ? { id: `o${o}`, capacity, ranking: order } : { id: `o${o}`, capacity })),
        ),
      ),
      seed: fc.constant(seed),
    }),
  );

/** Brute force: most placed, then smallest sum of stated ranks, over every acceptable assignment. */
function bruteWelfare(input: PlacementInput): [number, number] {
  let best: [number, number] = [0, 0];
  const load = new Map<string, number>();
  const cap = new Map(input.offers.map((o) => [o.id, o.capacity]));
  const acceptable = (t: string, o: string): boolean => {
    const offer = input.offers.find((x) => x.id === o)!;
    return !offer.ranking || offer.ranking.includes(t);
  };
  const rec = (i: number, placed: number, ranks: number): void => {
    if (i === input.teachers.length) {
      if (placed > best[0] || (placed === best[0] && ranks < best[1])) best = [placed, ranks];
      return;
    }
    const t = input.teachers[i]!;
    rec(i + 1, placed, ranks);
    const list = t.ranking.filter((o) => acceptable(t.id, o));
    list.forEach((o) => {
      if ((load.get(o) ?? 0) >= cap.get(o)!) return;
      load.set(o, (load.get(o) ?? 0) + 1);
      rec(i + 1, placed + 1, ranks + t.ranking.indexOf(o) + 1);
      load.set(o, load.get(o)! - 1);
    });
  };
  rec(0, 0, 0);
  return best;
}

describe('placement', () => {
  it('matches the recorded golden outcome', () => {
    const res = placementSolve(fixture.input);
    for (const mode of ['stable', 'welfare'] as const) {
      expect(res[mode].placed).toBe(fixture.expect[mode].placed);
      expect(res[mode].rankSum).toBe(fixture.expect[mode].rankSum);
      expect(res[mode].assignments).toEqual(fixture.expect[mode].assignments);
    }
    expect(res.gap.placed).toBe(fixture.expect.gap.placed);
    expect(res.gap.rankSum).toBe(fixture.expect.gap.rankSum);
  });

  it('stable mode leaves no blocking pair and respects capacities', () => {
    fc.assert(
      fc.property(arbPlacement, (input) => {
        const out = placementStable(input);
        expect(out.blockingPairs).toBe(0);
        const load = new Map<string, number>();
        for (const a of out.assignments) load.set(a.offerId, (load.get(a.offerId) ?? 0) + 1);
        for (const o of input.offers) expect(load.get(o.id) ?? 0).toBeLessThanOrEqual(o.capacity);
        expect(out.placed + out.unplaced.length).toBe(input.teachers.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the rank each teacher stated and respects capacities in both modes', () => {
    fc.assert(
      fc.property(arbPlacement, (input) => {
        const res = placementSolve(input);
        for (const out of [res.stable, res.welfare]) {
          const load = new Map<string, number>();
          let sum = 0;
          for (const a of out.assignments) {
            const teacher = input.teachers.find((t) => t.id === a.teacherId)!;
            expect(a.rank).toBe(teacher.ranking.indexOf(a.offerId) + 1);
            sum += a.rank;
            load.set(a.offerId, (load.get(a.offerId) ?? 0) + 1);
          }
          expect(out.rankSum).toBe(sum);
          for (const o of input.offers) expect(load.get(o.id) ?? 0).toBeLessThanOrEqual(o.capacity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a teacher refused by their first choices keeps the rank they gave', () => {
    const res = placementSolve({
      teachers: [{ id: 't1', ranking: ['o1', 'o2', 'o3'] }],
      offers: [
        { id: 'o1', capacity: 1, ranking: [] },
        { id: 'o2', capacity: 1, ranking: [] },
        { id: 'o3', capacity: 1 },
      ],
    });
    expect(res.stable.assignments).toEqual([{ teacherId: 't1', offerId: 'o3', rank: 3 }]);
    expect(res.welfare.assignments).toEqual([{ teacherId: 't1', offerId: 'o3', rank: 3 }]);
  });

  it('welfare mode equals brute force and is never worse than stable', () => {
    fc.assert(
      fc.property(arbPlacement, (input) => {
        const welfare = placementWelfare(input);
        expect([welfare.placed, welfare.rankSum]).toEqual(bruteWelfare(input));
        const res = placementSolve(input);
        expect(res.gap.placed).toBeGreaterThanOrEqual(0);
        if (res.gap.rankSum !== null) expect(res.gap.rankSum).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('placement input failures', () => {
  it('come back as data, not as a throw', () => {
    const offers = [{ id: 'o1', capacity: 1 }];
    expect(placementSolveResult({ teachers: [{ id: 't1', ranking: ['o1'] }, { id: 't1', ranking: [] }], offers })).toEqual({ ok: false, reason: 'PLACEMENT_DUPLICATE_ID' });
    expect(placementSolveResult({ teachers: [{ id: 't1', ranking: ['o9'] }], offers })).toEqual({ ok: false, reason: 'PLACEMENT_UNKNOWN_OFFER', detail: 'o9' });
    expect(placementStableResult({ teachers: [{ id: 't1', ranking: ['o1'] }], offers: [{ id: 'o1', capacity: 1, ranking: ['t7'] }] })).toEqual({ ok: false, reason: 'PLACEMENT_UNKNOWN_TEACHER', detail: 't7' });
    expect(placementWelfareResult({ teachers: [{ id: 't1', ranking: ['o1'] }], offers })).toMatchObject({ ok: true, placed: 1 });
  });
});
