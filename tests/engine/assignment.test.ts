// Contract suite for the exact solvers: the sparse assignment solver, the pairing (b-matching)
// built on it and the min-cost flow must agree with brute force and with each other.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignmentMatrixFromArcs,
  assignmentMatrixFromDense,
  assignmentParse as assignmentParseResult,
  assignmentSolve,
  assignmentVerify,
  flowMinCost,
  pairingSolve,
  pairingSolverCreate,
} from '../../src/engine/index.ts';
import { resultOk } from './result-ok.ts';

const assignmentParse = (...args: Parameters<typeof assignmentParseResult>) => resultOk(assignmentParseResult(...args));

interface Instance {
  n: number;
  arcs: [number, number, number][];
}

const arbSquare = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .tuple(
      fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: -20, max: 50 })), { maxLength: n * n }),
      fc.array(fc.integer({ min: -20, max: 50 }), { minLength: n, maxLength: n }),
    )
    .map(([perm, extra, permCost]): Instance => {
      // A hidden perfect assignment guarantees feasibility; extra arcs may repeat pairs.
      const arcs: [number, number, number][] = perm.map((j, i) => [i, j, permCost[i]!]);
      return { n, arcs: [...arcs, ...extra] };
    }),
);

function bruteAssignment({ n, arcs }: Instance): number {
  const best = new Map<string, number>();
  for (const [i, j, c] of arcs) best.set(`${i},${j}`, Math.min(best.get(`${i},${j}`) ?? Infinity, c));
  let optimum = Infinity;
  const used = new Array(n).fill(false);
  const rec = (i: number, acc: number): void => {
    if (i === n) {
      optimum = Math.min(optimum, acc);
      return;
    }
    for (let j = 0; j < n; j++) {
      const c = best.get(`${i},${j}`);
      if (c === undefined || used[j]) continue;
      used[j] = true;
      rec(i + 1, acc + c);
      used[j] = false;
    }
  };
  rec(0, 0);
  return optimum;
}

describe('assignmentSolve', () => {
  it('equals brute force and certifies the optimum with its duals', () => {
    fc.assert(
      fc.property(arbSquare, (inst) => {
        const m = assignmentMatrixFromArcs(inst.n, inst.arcs.map((a) => a[0]), inst.arcs.map((a) => a[1]), inst.arcs.map((a) => a[2]));
        const res = assignmentSolve(m);
        expect(res.ok).toBe(true);
        if (!res.ok) return;
        expect(res.value).toBe(bruteAssignment(inst));
        expect(res.dualBound).toBe(res.value);
        expect(assignmentVerify(m, res)).toBe(0);
        expect(new Set(res.rowToCol).size).toBe(inst.n);
      }),
      { numRuns: 400 },
    );
  });

  it('handles fractional costs (heap path) as exactly as integer ones (bucket path)', () => {
    fc.assert(
      fc.property(arbSquare, (inst) => {
        const frac: Instance = { n: inst.n, arcs: inst.arcs.map(([i, j, c]) => [i, j, c / 8 + 0.125]) };
        const m = assignmentMatrixFromArcs(frac.n, frac.arcs.map((a) => a[0]), frac.arcs.map((a) => a[1]), frac.arcs.map((a) => a[2]));
        const res = assignmentSolve(m);
        expect(res.ok && res.value).toBe(bruteAssignment(frac));
        expect(res.ok && assignmentVerify(m, res)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('every method equals brute force and certifies its optimum, sparse and dense', () => {
    fc.assert(
      fc.property(arbSquare, fc.boolean(), (inst, fractional) => {
        const arcs = fractional ? inst.arcs.map(([i, j, c]): [number, number, number] => [i, j, c / 8 + 0.125]) : inst.arcs;
        const m = assignmentMatrixFromArcs(inst.n, arcs.map((a) => a[0]), arcs.map((a) => a[1]), arcs.map((a) => a[2]));
        const optimum = bruteAssignment({ n: inst.n, arcs });
        for (const method of ['rows', 'forest', 'phased', 'pruned', 'auto'] as const) {
          const res = assignmentSolve(m, { method });
          expect(res.ok && res.value).toBe(optimum);
          expect(res.ok && res.dualBound).toBe(optimum);
          expect(res.ok && assignmentVerify(m, res)).toBe(0);
        }
        // The dense path: every pair present (missing ones expensive).
        const dense = new Array<number>(inst.n * inst.n).fill(1000);
        for (const [i, j, c] of arcs) dense[i * inst.n + j] = Math.min(dense[i * inst.n + j]!, c);
        const full: Instance = { n: inst.n, arcs: dense.map((c, k): [number, number, number] => [Math.floor(k / inst.n), k % inst.n, c]) };
        const dm = assignmentMatrixFromDense(inst.n, dense);
        const res = assignmentSolve(dm);
        expect(res.ok && res.value).toBe(bruteAssignment(full));
        expect(res.ok && res.dualBound).toBe(res.ok && res.value);
        expect(res.ok && assignmentVerify(dm, res)).toBe(0);
        expect(res.ok && new Set(res.rowToCol).size).toBe(inst.n);
      }),
      { numRuns: 300 },
    );
  });

  it('the pruned solve (few arcs per row first, the rest priced in) equals brute force and certifies on the whole matrix', () => {
    fc.assert(
      fc.property(arbSquare, fc.boolean(), fc.integer({ min: 1, max: 3 }), (inst, fractional, keep) => {
        const arcs = fractional ? inst.arcs.map(([i, j, c]): [number, number, number] => [i, j, c / 8 + 0.125]) : inst.arcs;
        const m = assignmentMatrixFromArcs(inst.n, arcs.map((a) => a[0]), arcs.map((a) => a[1]), arcs.map((a) => a[2]));
        const optimum = bruteAssignment({ n: inst.n, arcs });
        const res = assignmentSolve(m, { method: 'pruned', keep });
        expect(res.ok && res.value).toBe(optimum);
        expect(res.ok && res.dualBound).toBe(optimum);
        expect(res.ok && assignmentVerify(m, res)).toBe(0);
        expect(res.ok && new Set(res.rowToCol).size).toBe(inst.n);
        const dense = new Array<number>(inst.n * inst.n).fill(1000);
        for (const [i, j, c] of arcs) dense[i * inst.n + j] = Math.min(dense[i * inst.n + j]!, c);
        const dm = assignmentMatrixFromDense(inst.n, dense);
        const exact = assignmentSolve(dm, { method: 'dense' });
        const pruned = assignmentSolve(dm, { method: 'pruned', keep });
        expect(pruned.ok && pruned.value).toBe(exact.ok && exact.value);
        expect(pruned.ok && pruned.dualBound).toBe(pruned.ok && pruned.value);
        expect(pruned.ok && assignmentVerify(dm, pruned)).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('the pruned solve reports instances without a perfect assignment, also when the kept arcs alone have none', () => {
    // Row 2 has no arc at all; column 2 none.
    expect(assignmentSolve(assignmentMatrixFromArcs(3, [0, 0, 1, 1], [0, 1, 0, 1], [1, 2, 3, 4]), { method: 'pruned', keep: 1 })).toEqual({
      ok: false,
      reason: 'NO_PERFECT_ASSIGNMENT',
    });
    expect(assignmentSolve(assignmentMatrixFromArcs(3, [0, 0, 1, 1, 2, 2], [0, 1, 0, 1, 0, 1], [1, 2, 3, 4, 5, 6]), { method: 'pruned', keep: 1 })).toEqual({
      ok: false,
      reason: 'NO_PERFECT_ASSIGNMENT',
    });
    // Every row's cheapest arc is in column 0: the kept arcs alone have no perfect assignment.
    const n = 40;
    const rows: number[] = [];
    const cols: number[] = [];
    const costs: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        rows.push(i);
        cols.push(j);
        costs.push(j === 0 ? 0 : 100 + ((i * 7 + j * 13) % 50));
      }
    }
    const m = assignmentMatrixFromArcs(n, rows, cols, costs);
    const exact = assignmentSolve(m, { method: 'rows' });
    const pruned = assignmentSolve(m, { method: 'pruned', keep: 1 });
    expect(pruned.ok && pruned.value).toBe(exact.ok && exact.value);
    expect(pruned.ok && assignmentVerify(m, pruned)).toBe(0);
  });

  it('reports instances without a perfect assignment', () => {
    const m = assignmentMatrixFromArcs(3, [0, 1, 2], [0, 0, 1], [1, 1, 1]);
    expect(assignmentSolve(m)).toEqual({ ok: false, reason: 'NO_PERFECT_ASSIGNMENT' });
  });

  it('agrees with the min-cost flow on random instances', () => {
    fc.assert(
      fc.property(arbSquare, (inst) => {
        const m = assignmentMatrixFromArcs(inst.n, inst.arcs.map((a) => a[0]), inst.arcs.map((a) => a[1]), inst.arcs.map((a) => a[2]));
        const res = assignmentSolve(m);
        const n = inst.n;
        const from = [...inst.arcs.map((a) => a[0]), ...Array.from({ length: n }, () => 2 * n), ...Array.from({ length: n }, (_, j) => n + j)];
        const to = [...inst.arcs.map((a) => n + a[1]), ...Array.from({ length: n }, (_, i) => i), ...Array.from({ length: n }, () => 2 * n + 1)];
        const flow = flowMinCost(
          { nodeCount: 2 * n + 2, from, to, capacity: from.map(() => 1), cost: [...inst.arcs.map((a) => a[2]), ...new Array(2 * n).fill(0)] },
          2 * n,
          2 * n + 1,
        );
        expect(flow.flow).toBe(n);
        expect(res.ok && res.value).toBe(flow.cost);
      }),
      { numRuns: 200 },
    );
  });

  it('solves OR-Library assign100 and assignp800 to their published optima', () => {
    const dir = path.resolve(import.meta.dirname, '../../../shared/bench-data/orlib');
    // The shared data sits beside the repository; in CI its absence is a failure.
    if (!existsSync(dir)) {
      expect(process.env.CI, `OR-Library instances missing at ${dir}`).not.toBe('true');
      return;
    }
    for (const [file, optimum] of [
      ['assign100.txt', 305],
      ['assignp800.txt', 2239],
    ] as const) {
      const { matrix } = assignmentParse(readFileSync(path.join(dir, file), 'utf8'));
      for (const method of ['auto', 'rows', 'forest', 'phased', 'pruned'] as const) {
        const res = assignmentSolve(matrix, { method });
        expect(res.ok && res.value).toBe(optimum);
        expect(res.ok && res.dualBound).toBe(optimum);
        expect(res.ok && assignmentVerify(matrix, res)).toBe(0);
      }
    }
  });

  it('parses both OR-Library formats', () => {
    expect(assignmentParse('2\n 1 2\n 3 4\n').format).toBe('dense');
    const sparse = assignmentParse('2\n1 1 5\n2 1 7\n');
    expect(sparse.format).toBe('sparse');
    expect(assignmentSolve(sparse.matrix).ok).toBe(false);
    expect(assignmentParseResult('2\n1 3 5\n2 2 7\n')).toEqual({ ok: false, reason: 'ASSIGNMENT_FORMAT_INVALID', detail: 'arc 1 has an index outside 1…2' });
    expect(assignmentParseResult('2\n1 x 5\n')).toMatchObject({ ok: false, reason: 'ASSIGNMENT_FORMAT_INVALID' });
    expect(assignmentParseResult('')).toMatchObject({ ok: false, reason: 'ASSIGNMENT_FORMAT_INVALID' });
  });
});

describe('pairingSolve', () => {
  const arbPairing = fc.record({
    sizeA: fc.integer({ min: 1, max: 5 }),
    sizeB: fc.integer({ min: 1, max: 4 }),
    caps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    arcs: fc.array(fc.tuple(fc.nat(4), fc.nat(3), fc.integer({ min: 1, max: 30 })), { maxLength: 14 }),
  });

  const brute = (sizeA: number, cap: number[], arcs: [number, number, number][]): number => {
    let best = 0;
    const used = cap.map(() => 0);
    const rec = (i: number, acc: number, taken: Set<string>): void => {
      if (i === sizeA) {
        best = Math.max(best, acc);
        return;
      }
      rec(i + 1, acc, taken);
      for (const [a, b, w] of arcs) {
        if (a !== i || used[b]! >= cap[b]! || taken.has(`${a},${b}`)) continue;
        used[b]!++;
        taken.add(`${a},${b}`);
        rec(i + 1, acc + w, taken);
        taken.delete(`${a},${b}`);
        used[b]!--;
      }
    };
    rec(0, 0, new Set());
    return best;
  };

  it('finds the maximum-weight pairing with host capacities, before and after forbidding arcs', () => {
    fc.assert(
      // K = 1 or 2 candidates per person forces the pricing loop; 0 starts from every pair.
      fc.property(arbPairing, fc.nat(20), fc.constantFrom(0, 1, 2), ({ sizeA, sizeB, caps, arcs: raw }, kill, K) => {
        const arcs = raw.filter(([a, b]) => a < sizeA && b < sizeB);
        const cap = caps.slice(0, sizeB);
        const problem = { sizeA, sizeB, capacityB: cap, arcA: arcs.map((x) => x[0]), arcB: arcs.map((x) => x[1]), arcWeight: arcs.map((x) => x[2]) };
        const solver = pairingSolverCreate(problem, { candidatesPerPerson: K });
        const res = solver.result();
        expect(res.objective).toBe(brute(sizeA, cap, arcs));
        expect(res.dualBound).toBe(res.objective);
        expect(res.certificateViolations).toBe(0);
        const load = new Map<number, number>();
        for (const p of res.pairs) load.set(p.b, (load.get(p.b) ?? 0) + 1);
        for (const [b, l] of load) expect(l).toBeLessThanOrEqual(cap[b]!);
        expect(new Set(res.pairs.map((p) => p.a)).size).toBe(res.pairs.length);
        if (arcs.length === 0) return;
        const k = kill % arcs.length;
        const after = solver.forbid([k]);
        expect(after.objective).toBe(brute(sizeA, cap, arcs.filter((_, i) => i !== k)));
        expect(after.dualBound).toBe(after.objective);
        const b0 = arcs[k]![1];
        const reduced = solver.capacityReduce([{ b: b0, capacity: Math.max(0, cap[b0]! - 1) }]);
        const cap2 = cap.map((c, b) => (b === b0 ? Math.max(0, c - 1) : c));
        expect(reduced.objective).toBe(brute(sizeA, cap2, arcs.filter((_, i) => i !== k)));
        expect(reduced.certificateViolations).toBe(0);
      }),
      { numRuns: 600 },
    );
  });

  it('treats pairs refused by `admit` as forbidden and asks only about pairs it considers', () => {
    fc.assert(
      fc.property(arbPairing, fc.constantFrom(0, 1, 2), fc.nat(2), ({ sizeA, sizeB, caps, arcs: raw }, K, refuse) => {
        const arcs = raw.filter(([a, b]) => a < sizeA && b < sizeB);
        const cap = caps.slice(0, sizeB);
        const asked = new Set<number>();
        const res = pairingSolve(
          { sizeA, sizeB, capacityB: cap, arcA: arcs.map((x) => x[0]), arcB: arcs.map((x) => x[1]), arcWeight: arcs.map((x) => x[2]) },
          {
            candidatesPerPerson: K,
            admit: (e) => {
              expect(asked.has(e)).toBe(false);
              asked.add(e);
              return e % 3 !== refuse;
            },
          },
        );
        expect(res.objective).toBe(brute(sizeA, cap, arcs.filter((_, e) => e % 3 !== refuse)));
        expect(res.pairs.every((p) => p.arc % 3 !== refuse)).toBe(true);
        expect(res.certificateViolations).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves people unpaired when that is better', () => {
    const res = pairingSolve({ sizeA: 2, sizeB: 1, arcA: [0, 1], arcB: [0, 0], arcWeight: [5, 9] });
    expect(res.pairs.map((p) => [p.a, p.b])).toEqual([[1, 0]]);
    expect(res.objective).toBe(9);
  });
});
