import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { twinningScore, twinningSuggest, type Candidate } from './rules.ts';

// The suggestions are a maximum-score matching over all candidates: on small instances the total
// equals a brute-force optimum, nobody appears twice, and no zero-score pair is suggested.

const codes = ['0713', '0714', '0732', '0613', '0913'];
const words = ['warmtepomp', 'installatie', 'duurzaam', 'robotica', 'zorgtechniek', 'programmeren'];
const candidate = (prefix: string) => fc.array(fc.record({ codes: fc.subarray(codes, { maxLength: 2 }), words: fc.subarray(words, { maxLength: 3 }) }), { minLength: 0, maxLength: 5 })
  .map((list) => list.map((c, i): Candidate => ({ id: `${prefix}${i}`, iscedCodes: c.codes, text: c.words.join(' ') })));

function bruteForce(ts: Candidate[], ps: Candidate[]): number {
  const score = (i: number, j: number) => twinningScore(ts[i]!, ps[j]!, null).score;
  const best = (i: number, used: Set<number>): number => {
    if (i === ts.length) return 0;
    let out = best(i + 1, used);
    for (let j = 0; j < ps.length; j++) {
      if (used.has(j) || score(i, j) <= 0) continue;
      used.add(j);
      out = Math.max(out, score(i, j) + best(i + 1, used));
      used.delete(j);
    }
    return out;
  };
  return best(0, new Set());
}

describe('twinningSuggest', () => {
  it('finds the maximum total score, each person at most once, never a zero-score pair', () => {
    fc.assert(fc.property(candidate('t'), candidate('p'), (ts, ps) => {
      const out = twinningSuggest(ts, ps, new Map());
      expect(new Set(out.map((s) => s.teacherId)).size).toBe(out.length);
      expect(new Set(out.map((s) => s.professionalId)).size).toBe(out.length);
      expect(out.every((s) => s.score > 0)).toBe(true);
      expect(out.reduce((n, s) => n + s.score, 0)).toBe(bruteForce(ts, ps));
    }), { numRuns: 150 });
  });

  it('is not greedy: the best pair for one can go to another when that serves both', () => {
    // t1 fits p1 best (60) and p2 well (50); t2 fits only p1 (20): greedy gives 60, the optimum 70.
    const t1 = { id: 't1', iscedCodes: ['0713'], text: 'warmtepomp duurzaam installatie' };
    const t2 = { id: 't2', iscedCodes: ['0913'], text: 'warmtepomp duurzaam' };
    const p1 = { id: 'p1', iscedCodes: ['0713'], text: 'warmtepomp duurzaam' };
    const p2 = { id: 'p2', iscedCodes: ['0713'], text: 'installatie' };
    const out = twinningSuggest([t1, t2], [p1, p2], new Map());
    expect(out.map((s) => `${s.teacherId}-${s.professionalId}`).sort()).toEqual(['t1-p2', 't2-p1']);
  });

  it('a mutual speeddate choice counts and is named in the reason', () => {
    const s = twinningScore({ id: 't', iscedCodes: [], text: '' }, { id: 'p', iscedCodes: [], text: '' }, 'Speeddate techniek');
    expect(s.score).toBe(30);
    expect(s.reason.speeddate).toBe('Speeddate techniek');
  });
});
