import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeGenerate } from '../../bench/lib/exchange-generator.ts';
import { exchangeCheck, exchangeSolve as exchangeSolveResult, type ExchangeInput, type ZoneRules } from '../../src/engine/index.ts';
import { resultOk } from './result-ok.ts';
import { exchangeVisitOptions, exchangeVisitOptionsExplain } from '../../src/engine/exchange-options.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const exchangeSolve = (...args: Parameters<typeof exchangeSolveResult>) => resultOk(exchangeSolveResult(...args));

// Moving a visit: every feasible slot in the exchange window, and for the host's other lessons
// the reason they are not one — so a coordinator is told why when there is nothing to offer.
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/scenarios/exchange-utrecht-small.json'), 'utf8'));
const zone: ZoneRules = fixture.input.zone;
const CODES = ['0714', '0713', '0413', '0912', '0913', '0613'];
const solve = (input: ExchangeInput) => {
  const out = exchangeSolve(input) as unknown as { visits?: unknown } & Record<string, unknown>;
  // the solver may report expected failures as data: { ok, ... }
  return ('ok' in out && out.ok === false ? undefined : ('output' in out ? out.output : out)) as ReturnType<typeof exchangeSolve> | undefined;
};

describe('exchangeVisitOptionsExplain', () => {
  it('accounts for every lesson of the host: an option or a counted reason', () => {
    let checked = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
      const input = exchangeGenerate({ teachers: 24, seed, zone, programmeCodes: CODES, cities: 2, perInstitution: 6 });
      const output = solve(input);
      if (!output || output.visits.length === 0) return;
      for (let i = 0; i < output.visits.length; i++) {
        const explained = exchangeVisitOptionsExplain(input, output, i);
        checked++;
        const rejected = Object.values(explained.rejected).reduce((a, b) => a + (b ?? 0), 0);
        expect(explained.options.length + rejected).toBe(explained.hostLessons);
        expect(explained.options).toEqual(exchangeVisitOptions(input, output, i));
        // the planned slot itself is always an option
        const v = output.visits[i]!;
        expect(explained.options.some((o) => o.lessonStart === v.lessonStart)).toBe(true);
        // every option, applied, keeps the plan valid
        for (const o of explained.options.slice(0, 3)) {
          const moved = { ...output, visits: output.visits.map((w, k) => (k === i ? { ...w, ...o } : w)) };
          expect(exchangeCheck(input, moved)).toEqual([]);
        }
      }
    }), { numRuns: 15 });
    expect(checked).toBeGreaterThan(10);
  });

  it('offers no lesson that has begun or that the observer could no longer leave for, and counts those as already past', () => {
    let checked = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: -0.1, max: 1.1, noNaN: true }), (seed, at) => {
      const input = exchangeGenerate({ teachers: 24, seed, zone, programmeCodes: CODES, cities: 2, perInstitution: 6 });
      const output = solve(input);
      if (!output || output.visits.length === 0) return;
      const notBefore = Math.round(input.window.start + at * (input.window.end - input.window.start));
      for (let i = 0; i < Math.min(output.visits.length, 4); i++) {
        const all = exchangeVisitOptionsExplain(input, output, i);
        const later = exchangeVisitOptionsExplain(input, output, i, { notBefore });
        checked++;
        // exactly the options that still lie ahead, nothing else changes
        expect(later.options).toEqual(all.options.filter((o) => o.lessonStart > notBefore && o.leaveAt >= notBefore));
        expect(later.options).toEqual(exchangeVisitOptions(input, output, i, { notBefore }));
        // every lesson of the host is still accounted for, the past ones as ALREADY_PAST
        const rejected = Object.values(later.rejected).reduce((a, b) => a + (b ?? 0), 0);
        expect(later.hostLessons).toBe(all.hostLessons);
        expect(later.options.length + rejected).toBe(later.hostLessons);
        if (all.options.some((o) => o.lessonStart <= notBefore || o.leaveAt < notBefore)) expect(later.rejected.ALREADY_PAST).toBeGreaterThan(0);
        if (notBefore < input.window.start) expect(later).toEqual(all);
      }
    }), { numRuns: 15 });
    expect(checked).toBeGreaterThan(10);
  });

  it('names travel as the reason when the observer may hardly travel', () => {
    const output = solve(fixture.input)!;
    const v = output.visits[0]!;
    const strict: ExchangeInput = {
      ...fixture.input,
      sideA: fixture.input.sideA.map((p: { id: string }) => (p.id === v.observerId ? { ...p, maxTravelMinutes: 1 } : p)),
      sideB: fixture.input.sideB.map((p: { id: string }) => (p.id === v.observerId ? { ...p, maxTravelMinutes: 1 } : p)),
    };
    const explained = exchangeVisitOptionsExplain(strict, output, 0);
    expect(explained.hostLessons).toBeGreaterThan(0);
    expect(explained.options).toEqual([]);
    expect(explained.rejected.TRAVEL_TOO_FAR).toBe(explained.hostLessons);
  });
});
