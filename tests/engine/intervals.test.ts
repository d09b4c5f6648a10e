import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  intervalsContain,
  intervalsIntersect,
  intervalsNormalize,
  intervalsOverlap,
  intervalsSubtract,
  intervalsUnion,
  type Interval,
  type UtcMillis,
} from '../../src/engine/index.ts';

const iv = (start: number, end: number): Interval => ({ start: start as UtcMillis, end: end as UtcMillis });
const arbIntervals = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 })).map(([s, l]) => iv(s, s + l)),
  { maxLength: 8 },
);
const points = (set: readonly Interval[]): Set<number> => {
  const out = new Set<number>();
  for (const x of set) for (let t = x.start; t < x.end; t++) out.add(t);
  return out;
};

describe('intervals', () => {
  it('normalises by sorting and merging touching intervals', () => {
    expect(intervalsNormalize([iv(5, 7), iv(1, 3), iv(3, 4), iv(6, 9), iv(10, 10)])).toEqual([iv(1, 4), iv(5, 9)]);
  });

  it('subtracts busy blocks from a day', () => {
    expect(intervalsSubtract([iv(0, 100)], [iv(10, 20), iv(15, 30), iv(90, 120)])).toEqual([iv(0, 10), iv(30, 90)]);
  });

  it('agrees with point sets for union, intersection and difference', () => {
    fc.assert(
      fc.property(arbIntervals, arbIntervals, (a0, b0) => {
        const a = intervalsNormalize(a0);
        const b = intervalsNormalize(b0);
        const pa = points(a);
        const pb = points(b);
        expect(points(intervalsUnion(a, b))).toEqual(new Set([...pa, ...pb]));
        expect(points(intervalsIntersect(a, b))).toEqual(new Set([...pa].filter((t) => pb.has(t))));
        expect(points(intervalsSubtract(a, b))).toEqual(new Set([...pa].filter((t) => !pb.has(t))));
        for (const x of [intervalsUnion(a, b), intervalsIntersect(a, b), intervalsSubtract(a, b)]) {
          for (let k = 1; k < x.length; k++) expect(x[k]!.start).toBeGreaterThan(x[k - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers containment and overlap like the point sets', () => {
    fc.assert(
      fc.property(arbIntervals, fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 10 }), (a0, s, l) => {
        const a = intervalsNormalize(a0);
        const pa = points(a);
        const inside = Array.from({ length: l }, (_, k) => s + k);
        const merged = a.some((x) => x.start <= s && s + l <= x.end);
        expect(intervalsContain(a, s, s + l)).toBe(merged);
        expect(intervalsOverlap(a, s, s + l)).toBe(inside.some((t) => pa.has(t)));
      }),
      { numRuns: 300 },
    );
  });
});
