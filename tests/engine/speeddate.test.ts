import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rotationBound, rotationBuild as rotationBuildResult, rotationRecompute, rotationRoundsNeeded, type RotationOutput, type RotationRound } from '../../src/engine/index.ts';
import { resultOk } from './result-ok.ts';
import { galoisFieldCreate } from '../../src/engine/speeddate.ts';

const rotationBuild = (...args: Parameters<typeof rotationBuildResult>) => resultOk(rotationBuildResult(...args));

const cases = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/scenarios/speeddate-cases.json'), 'utf8')).cases as {
  teachers: number;
  professionals: number;
  tableCapacity: number;
  rounds: number;
  roundsNeeded: number;
  bound: number;
}[];

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

/** Checks the hard rules and returns the number of distinct teacher–professional meetings. */
function validate(out: RotationOutput, T: number, P: number, c: number, R: number): number {
  expect(out.rounds.length).toBe(R);
  const met = new Set<string>();
  for (const round of out.rounds) {
    expect(round.tables.length).toBe(P);
    const seated = new Set<string>();
    for (const table of round.tables) {
      expect(table.teacherIds.length).toBeLessThanOrEqual(c);
      for (const t of table.teacherIds) {
        expect(seated.has(t)).toBe(false); // one table per teacher per round
        seated.add(t);
        const key = `${t}|${table.professionalId}`;
        expect(met.has(key)).toBe(false); // nobody meets the same professional twice
        met.add(key);
      }
    }
  }
  expect(met.size).toBe(out.meetings);
  return met.size;
}

describe('galoisFieldCreate', () => {
  it('builds fields of prime-power order and refuses other orders', () => {
    for (const q of [2, 3, 4, 5, 7, 8, 9, 16, 25, 27, 32, 49]) {
      const f = galoisFieldCreate(q)!;
      expect(f.q).toBe(q);
      for (let a = 0; a < q; a++) {
        expect(f.add(a, 0)).toBe(a);
        expect(f.mul(a, 1)).toBe(a);
        // Every non-zero element has an inverse; every element an additive inverse.
        if (a > 0) expect(Array.from({ length: q }, (_, b) => f.mul(a, b)).filter((x) => x === 1).length).toBe(1);
        expect(Array.from({ length: q }, (_, b) => f.add(a, b)).filter((x) => x === 0).length).toBe(1);
        for (let b = 0; b < q; b += 3) for (let c = 0; c < q; c += 5) expect(f.mul(a, f.add(b, c))).toBe(f.add(f.mul(a, b), f.mul(a, c)));
      }
    }
    for (const q of [1, 6, 10, 12, 24, 30, 38]) expect(galoisFieldCreate(q)).toBeNull();
  });
});

describe('rotationBuild', () => {
  it('repeats no teacher pair when [R*, R] holds a prime power q with ⌈T/q⌉ < q', () => {
    fc.assert(
      fc.property(fc.constantFrom(4, 8, 9, 16, 25, 27), fc.integer({ min: 1, max: 8 }), fc.nat(2), fc.nat(40), (q, c, slack, extraT) => {
        const P = q - slack;
        const T = Math.min(q * c, q * (q - 1), q + extraT);
        const R = q;
        if (rotationRoundsNeeded(T, P, c) > q || P < 1) return;
        const out = rotationBuild({ teacherIds: ids('t', T), professionalIds: ids('p', P), tableCapacity: c, rounds: R });
        expect(validate(out, T, P, c, R)).toBe(T * P);
        expect(out.repeatedTeacherPairs).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('meets R* and the bound on the recorded cases', () => {
    for (const k of cases) {
      expect(rotationRoundsNeeded(k.teachers, k.professionals, k.tableCapacity)).toBe(k.roundsNeeded);
      expect(rotationBound(k.teachers, k.professionals, k.tableCapacity, k.rounds)).toBe(k.bound);
      const out = rotationBuild({ teacherIds: ids('t', k.teachers), professionalIds: ids('p', k.professionals), tableCapacity: k.tableCapacity, rounds: k.rounds });
      expect(validate(out, k.teachers, k.professionals, k.tableCapacity, k.rounds)).toBe(k.bound);
      expect(out.complete).toBe(k.rounds >= k.roundsNeeded);
    }
  });

  it('lets everybody meet everybody exactly once with R ≥ R*, tables balanced within one seat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.nat(3), (T, P, c, extra) => {
        const R = rotationRoundsNeeded(T, P, c) + extra;
        const out = rotationBuild({ teacherIds: ids('t', T), professionalIds: ids('p', P), tableCapacity: c, rounds: R });
        expect(validate(out, T, P, c, R)).toBe(T * P);
        for (const round of out.rounds) {
          const loads = round.tables.map((t) => t.teacherIds.length);
          if (loads.some((l) => l > 0)) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reaches min(T·min(R,P), P·min(R·c,T)) meetings with fewer rounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 30 }), (T, P, c, r) => {
        const R = Math.max(1, Math.min(r, rotationRoundsNeeded(T, P, c) - 1));
        const out = rotationBuild({ teacherIds: ids('t', T), professionalIds: ids('p', P), tableCapacity: c, rounds: R });
        expect(validate(out, T, P, c, R)).toBe(rotationBound(T, P, c, R));
      }),
      { numRuns: 300 },
    );
  });

  it('mixes teachers: no repeated teacher pair when a prime number of rounds is available', () => {
    const out = rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 31 });
    expect(out.complete).toBe(true);
    expect(out.repeatedTeacherPairs).toBe(0);
  });

  it('repeats a quarter of the teacher pairs or fewer at composite R = 30 (dropping a round of GF(31)), fewer at R = 38', () => {
    // Before: 11,366 and 6,815 repeated pairs (affine modulo R and the mixing search).
    const a = rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 30 });
    expect(validate(a, 300, 30, 10, 30)).toBe(9000);
    expect(a.maxTableLoad).toBe(10);
    expect(a.repeatedTeacherPairs).toBeLessThanOrEqual(11_366 / 4);
    const b = rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 8, rounds: 38 });
    expect(validate(b, 300, 30, 8, 38)).toBe(9000);
    expect(b.repeatedTeacherPairs).toBeLessThan(7_354);
  });

  it('answers duplicate ids and bad parameters as data', () => {
    expect(rotationBuildResult({ teacherIds: ['a', 'a'], professionalIds: ['p'], tableCapacity: 2, rounds: 1 })).toEqual({ ok: false, reason: 'ROTATION_DUPLICATE_ID' });
    expect(rotationBuildResult({ teacherIds: ['a'], professionalIds: ['p'], tableCapacity: 0, rounds: 1 })).toMatchObject({ ok: false, reason: 'ROTATION_PARAMETERS_INVALID' });
  });

  it('does not depend on the order of the ids', () => {
    const a = rotationBuild({ teacherIds: ids('t', 23), professionalIds: ids('p', 5), tableCapacity: 3, rounds: 6 });
    const b = rotationBuild({ teacherIds: ids('t', 23).reverse(), professionalIds: ids('p', 5).reverse(), tableCapacity: 3, rounds: 6 });
    expect(b).toEqual(a);
  });

  it('builds T = 300, P = 30 at R* and below (speed is a bench figure: npm run bench speeddate)', () => {
    const full = rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 30 });
    expect(validate(full, 300, 30, 10, 30)).toBe(9000);
    const short = rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 17 });
    expect(validate(short, 300, 30, 10, 17)).toBe(rotationBound(300, 30, 10, 17));
  });
});

describe('rotationBuild against a truncated cyclic schedule', () => {
  // Baseline: the full cyclic schedule for R* rounds (teachers in R* near-equal blocks, table p
  // hosts block (r + p) mod R* in round r), cut after R rounds. It misses the bound in a share
  // of cases; rotationBuild never does.
  function cyclicMeetings(T: number, P: number, c: number, R: number): number {
    const full = rotationRoundsNeeded(T, P, c);
    const block = (k: number): number => Math.floor(T / full) + (k < T % full ? 1 : 0);
    let meetings = 0;
    for (let r = 0; r < R; r++) for (let p = 0; p < P; p++) meetings += block((r + p) % full);
    return meetings;
  }

  it('reaches the bound where the baseline does not', () => {
    let baselineMisses = 0;
    let total = 0;
    let unbalanced = 0;
    let worstSpread = 0;
    for (let T = 2; T <= 40; T += 3) {
      for (let P = 2; P <= 10; P++) {
        for (let c = 1; c <= 5; c++) {
          for (let R = 1; R < rotationRoundsNeeded(T, P, c); R += 2) {
            total++;
            const bound = rotationBound(T, P, c, R);
            if (cyclicMeetings(T, P, c, R) < bound) baselineMisses++;
            const out = rotationBuild({ teacherIds: ids('t', T), professionalIds: ids('p', P), tableCapacity: c, rounds: R });
            expect(out.meetings).toBe(bound);
            const spread = Math.max(...out.rounds.map((round) => {
              const loads = round.tables.map((t) => t.teacherIds.length);
              return Math.max(...loads) - Math.min(...loads);
            }));
            worstSpread = Math.max(worstSpread, spread);
            if (spread > 1) unbalanced++;
          }
        }
      }
    }
    expect(baselineMisses).toBeGreaterThan(0);
    expect(baselineMisses).toBeLessThan(total);
    // With fewer rounds than R*, tables stay within one teacher of each other in every round of
    // at least 95% of the schedules; the others are bounded by the seats (worstSpread).
    expect(unbalanced / total).toBeLessThan(0.05);
    expect(worstSpread).toBeGreaterThanOrEqual(1);
  });
});

describe('rotationRecompute', () => {
  /** A started event: a rotation for T0 × P0, then no-shows and arrivals from round r on. */
  const scenario = fc
    .record({
      T0: fc.integer({ min: 1, max: 30 }),
      P0: fc.integer({ min: 1, max: 8 }),
      c: fc.integer({ min: 1, max: 6 }),
      extraRounds: fc.integer({ min: -3, max: 3 }),
      fromPick: fc.nat(40),
      goneT: fc.array(fc.nat(29), { maxLength: 6 }),
      goneP: fc.array(fc.nat(7), { maxLength: 2 }),
      newT: fc.nat(6),
      newP: fc.nat(2),
      seed: fc.nat(5),
    })
    .map((k) => {
      const R = Math.max(1, rotationRoundsNeeded(k.T0, k.P0, k.c) + k.extraRounds);
      const before = rotationBuild({ teacherIds: ids('t', k.T0), professionalIds: ids('p', k.P0), tableCapacity: k.c, rounds: R });
      const fromRound = 1 + (k.fromPick % (R + 1));
      const teacherIds = [...ids('t', k.T0).filter((_, i) => !k.goneT.includes(i)), ...ids('n', k.newT)];
      const professionalIds = [...ids('p', k.P0).filter((_, i) => !k.goneP.includes(i)), ...ids('q', k.newP)];
      return { R, c: k.c, before: before.rounds, fromRound, teacherIds, professionalIds, seed: k.seed };
    });

  const unmetPairs = (rounds: readonly RotationRound[], fromRound: number, teacherIds: readonly string[], professionalIds: readonly string[]): Set<string> => {
    const met = new Set<string>();
    for (const round of rounds) if (round.round < fromRound) for (const table of round.tables) for (const t of table.teacherIds) met.add(`${t}|${table.professionalId}`);
    const out = new Set<string>();
    for (const t of teacherIds) for (const p of professionalIds) if (!met.has(`${t}|${p}`)) out.add(`${t}|${p}`);
    return out;
  };

  it('keeps the rounds before r, books nobody twice, and plans every remaining meeting once when it fits', () => {
    fc.assert(
      fc.property(scenario, (k) => {
        const out = rotationRecompute({ rounds: k.before, fromRound: k.fromRound, totalRounds: k.R, teacherIds: k.teacherIds, professionalIds: k.professionalIds, tableCapacity: k.c, seed: k.seed });
        if (!out.ok) throw new Error(out.reason);
        expect(out.rounds.filter((r) => r.round < k.fromRound)).toEqual(k.before.filter((r) => r.round < k.fromRound));
        const fresh = out.rounds.filter((r) => r.round >= k.fromRound);
        const left = Math.max(0, k.R - k.fromRound + 1);
        expect(fresh.map((r) => r.round)).toEqual(Array.from({ length: left }, (_, i) => k.fromRound + i));
        const unmet = unmetPairs(k.before, k.fromRound, k.teacherIds, k.professionalIds);
        const planned = new Set<string>();
        for (const round of fresh) {
          expect(round.tables.map((t) => t.professionalId).sort()).toEqual([...k.professionalIds].sort());
          const seated = new Set<string>();
          for (const table of round.tables) {
            expect(table.teacherIds.length).toBeLessThanOrEqual(k.c);
            for (const t of table.teacherIds) {
              expect(seated.has(t)).toBe(false); // one table per teacher per round
              seated.add(t);
              const key = `${t}|${table.professionalId}`;
              expect(unmet.has(key)).toBe(true); // present, and not met before
              expect(planned.has(key)).toBe(false); // and only once
              planned.add(key);
            }
          }
        }
        expect(out.meetingsRemaining).toBe(unmet.size);
        expect(out.meetingsPlanned).toBe(planned.size);
        for (const m of out.unplaced) expect(planned.has(`${m.teacherId}|${m.professionalId}`)).toBe(false);
        expect(planned.size + out.unplaced.length).toBe(unmet.size);
        // It fits when no teacher has more unmet professionals than rounds left and no
        // professional more unmet teachers than rounds left × c: then everything is planned.
        const perT = new Map<string, number>();
        const perP = new Map<string, number>();
        for (const key of unmet) {
          const [t, p] = key.split('|') as [string, string];
          perT.set(t, (perT.get(t) ?? 0) + 1);
          perP.set(p, (perP.get(p) ?? 0) + 1);
        }
        const fits = [...perT.values()].every((n) => n <= left) && [...perP.values()].every((n) => n <= left * k.c);
        expect(out.complete).toBe(fits);
        if (fits) expect(out.unplaced).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('plans as many remaining meetings as a brute-force minimum cut allows', () => {
    fc.assert(
      fc.property(scenario, (k) => {
        const out = rotationRecompute({ rounds: k.before, fromRound: k.fromRound, totalRounds: k.R, teacherIds: k.teacherIds, professionalIds: k.professionalIds, tableCapacity: k.c });
        if (!out.ok || k.teacherIds.length > 12) return;
        const left = Math.max(0, k.R - k.fromRound + 1);
        const unmet = unmetPairs(k.before, k.fromRound, k.teacherIds, k.professionalIds);
        // Max flow source → teacher (left) → professional (1 per unmet pair) → sink (left·c) =
        // min over teacher sets X of left·|X̄| + Σ_p min(left·c, unmet pairs X–p).
        let best = Infinity;
        const T = k.teacherIds.length;
        for (let mask = 0; mask < 1 << T; mask++) {
          let cut = 0;
          for (let i = 0; i < T; i++) if (!(mask & (1 << i))) cut += left;
          for (const p of k.professionalIds) {
            let e = 0;
            for (let i = 0; i < T; i++) if (mask & (1 << i) && unmet.has(`${k.teacherIds[i]}|${p}`)) e++;
            cut += Math.min(left * k.c, e);
          }
          best = Math.min(best, cut);
        }
        expect(out.meetingsPlanned).toBe(best);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the present teachers and professionals', () => {
    fc.assert(
      fc.property(scenario, fc.nat(1000), (k, shift) => {
        const rotate = <T>(xs: readonly T[]): T[] => xs.map((_, i) => xs[(i + shift) % xs.length] as T).reverse();
        const a = rotationRecompute({ rounds: k.before, fromRound: k.fromRound, totalRounds: k.R, teacherIds: k.teacherIds, professionalIds: k.professionalIds, tableCapacity: k.c });
        const b = rotationRecompute({ rounds: k.before, fromRound: k.fromRound, totalRounds: k.R, teacherIds: rotate(k.teacherIds), professionalIds: rotate(k.professionalIds), tableCapacity: k.c });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('from round 1 with nobody met yet is the rotationBuild schedule', () => {
    const built = rotationBuild({ teacherIds: ids('t', 40), professionalIds: ids('p', 6), tableCapacity: 7, rounds: 9, seed: 3 });
    const out = rotationRecompute({ rounds: [], fromRound: 1, totalRounds: 9, teacherIds: ids('t', 40), professionalIds: ids('p', 6), tableCapacity: 7, seed: 3 });
    expect(out.ok && out.rounds).toEqual(built.rounds);
  });

  it('says which meetings do not fit, and refuses bad input as data', () => {
    const before = rotationBuild({ teacherIds: ids('t', 6), professionalIds: ids('p', 3), tableCapacity: 2, rounds: 3 });
    // Two late professionals with one round left: every teacher can meet only one of them.
    const out = rotationRecompute({ rounds: before.rounds, fromRound: 3, totalRounds: 3, teacherIds: ids('t', 6), professionalIds: [...ids('p', 3), 'q1', 'q2'], tableCapacity: 2 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.complete).toBe(false);
    expect(out.unplaced.length).toBe(out.meetingsRemaining - out.meetingsPlanned);
    expect(out.unplaced.length).toBeGreaterThan(0);
    expect(rotationRecompute({ rounds: [], fromRound: 1, totalRounds: 3, teacherIds: ['a', 'a'], professionalIds: ['p'], tableCapacity: 2 })).toEqual({ ok: false, reason: 'ROTATION_DUPLICATE_ID' });
    expect(rotationRecompute({ rounds: [], fromRound: 0, totalRounds: 3, teacherIds: ['a'], professionalIds: ['p'], tableCapacity: 2 })).toMatchObject({ ok: false, reason: 'ROTATION_PARAMETERS_INVALID' });
  });
});
