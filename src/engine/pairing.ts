// Exact maximum-weight pairing between two sides with host capacities, solved as a square
// sparse assignment (see assignment.ts) and certified by its duals.
//
// Side A people take at most one partner; side B person b takes up to capacity[b] partners.
// Every person may stay unpaired. The bipartite b-matching becomes a perfect assignment by
// the doubling construction: rows are A people and one "echo" row per B slot; columns are B
// slots and one "stay unpaired" column per A person. Row A_i reaches every slot of an
// allowed partner (cost −w) and its own unpaired column (cost 0); the echo row of slot s
// reaches s (cost 0) and the unpaired column of every A person allowed with s's owner
// (cost 0). Perfect assignments correspond exactly to b-matchings with cost −weight, so
// −(Σu + Σv) of the assignment duals is an upper bound on any pairing's weight.
//
// Large problems are solved by pricing: the assignment starts on every person's strongest
// candidates only; afterwards every left-out pair is priced against the duals, pairs with a
// negative reduced cost join, and the solver continues from its duals. When no pair prices
// out the duals are feasible for the whole problem, so the certificate covers all pairs.
import {
  type AssignmentSolution,
  type SparseCostMatrix,
  assignmentAugmentFree,
  assignmentInitialise,
  assignmentStateCreate,
  assignmentVerify,
  type AssignmentState,
} from './assignment.ts';

export interface PairingProblem {
  readonly sizeA: number;
  readonly sizeB: number;
  /** Partners each B person may take (default 1). */
  readonly capacityB?: ArrayLike<number>;
  /** Allowed pairs as parallel arrays; weights must be positive (others are dropped). */
  readonly arcA: ArrayLike<number>;
  readonly arcB: ArrayLike<number>;
  readonly arcWeight: ArrayLike<number>;
}

export interface PairingPair {
  readonly a: number;
  readonly b: number;
  /** Index into the problem's arc arrays. */
  readonly arc: number;
  readonly weight: number;
}

export interface PairingResult {
  readonly pairs: readonly PairingPair[];
  /** Total weight of the pairs. */
  readonly objective: number;
  /** Certified upper bound from the duals; equals objective when optimal. */
  readonly dualBound: number;
  /** Arcs whose dual constraint fails (0 = the bound is a valid certificate). */
  readonly certificateViolations: number;
}

export interface PairingSolver {
  result(): PairingResult;
  /** Removes arcs (problem arc indices) and re-optimises from the current duals. */
  forbid(arcs: readonly number[]): PairingResult;
  /** Lowers B people's capacities (pairs beyond it are dropped) and re-optimises. */
  capacityReduce(changes: readonly { readonly b: number; readonly capacity: number }[]): PairingResult;
}

export interface PairingOptions {
  /** Strongest candidates per person in the first assignment (default 12); 0 = all. */
  readonly candidatesPerPerson?: number;
  /**
   * Asked once per pair when it is about to enter the assignment; a pair refused here is
   * treated as forbidden. Lets expensive checks run only for pairs that matter.
   */
  readonly admit?: (arc: number) => boolean;
}

export function pairingSolve(problem: PairingProblem, options?: PairingOptions): PairingResult {
  return pairingSolverCreate(problem, options).result();
}

export function pairingSolverCreate(problem: PairingProblem, options: PairingOptions = {}): PairingSolver {
  const { sizeA, sizeB, arcA, arcB, arcWeight } = problem;
  const cap = new Int32Array(sizeB);
  for (let b = 0; b < sizeB; b++) cap[b] = Math.max(0, Math.floor(problem.capacityB ? (problem.capacityB[b] as number) : 1));
  const slotStart = new Int32Array(sizeB + 1);
  for (let b = 0; b < sizeB; b++) slotStart[b + 1] = (slotStart[b] as number) + (cap[b] as number);
  const slots = slotStart[sizeB] as number;
  const n = sizeA + slots;
  const m = arcA.length;

  const valid = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    const w = arcWeight[e] as number;
    const a = arcA[e] as number;
    const b = arcB[e] as number;
    valid[e] = w > 0 && a >= 0 && a < sizeA && b >= 0 && b < sizeB && (cap[b] as number) > 0 ? 1 : 0;
  }
  const forbidden = new Uint8Array(m);
  const slotClosed = new Uint8Array(slots);
  // First active set: every person's strongest candidates (all of them when K = 0).
  const active = new Uint8Array(m);
  const admit = options.admit;
  /** Activates a pair unless `admit` refuses it (then it is forbidden for good). */
  const activate = (e: number): boolean => {
    if (active[e] || forbidden[e]) return active[e] === 1;
    if (admit && !admit(e)) {
      forbidden[e] = 1;
      return false;
    }
    active[e] = 1;
    return true;
  };
  const K = options.candidatesPerPerson ?? 12;
  if (K <= 0) {
    for (let e = 0; e < m; e++) if (valid[e]) activate(e);
  } else {
    // Arcs grouped by person (CSR on typed arrays, arc order kept within a group), each
    // group sorted by weight, strongest first.
    const grouped = (side: ArrayLike<number>, size: number): { start: Int32Array; order: Int32Array } => {
      const start = new Int32Array(size + 1);
      for (let e = 0; e < m; e++) {
        if (!valid[e]) continue;
        const p = (side[e] as number) + 1;
        start[p] = (start[p] as number) + 1;
      }
      for (let p = 0; p < size; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
      const fill = start.slice(0, size);
      const order = new Int32Array(start[size] as number);
      for (let e = 0; e < m; e++) {
        if (!valid[e]) continue;
        const p = side[e] as number;
        order[fill[p] as number] = e;
        fill[p] = (fill[p] as number) + 1;
      }
      return { start, order };
    };
    const byWeight = (x: number, y: number): number => (arcWeight[y] as number) - (arcWeight[x] as number) || x - y;
    const strongest = (group: { start: Int32Array; order: Int32Array }, p: number, k: number): void => {
      const from = group.start[p] as number;
      const to = group.start[p + 1] as number;
      if (to - from > k) group.order.subarray(from, to).sort(byWeight);
      let taken = 0;
      for (let t = from; t < to && taken < k; t++) if (activate(group.order[t] as number)) taken++;
    };
    const byA = grouped(arcA, sizeA);
    for (let a = 0; a < sizeA; a++) strongest(byA, a, K);
    const byB = grouped(arcB, sizeB);
    for (let b = 0; b < sizeB; b++) strongest(byB, b, K * Math.max(1, cap[b] as number));
  }

  let matrix: SparseCostMatrix;
  let csrOrigin: Int32Array; // problem arc of each extended arc (−1 for the fixed ones)
  let state: AssignmentState;

  /**
   * Builds the square problem over the active, allowed arcs and open slots, straight into CSR
   * (rows in order; within a row its own "unpaired"/echo arc first, then the arcs in problem
   * order), so no triple arrays are allocated on the way.
   */
  function build(): SparseCostMatrix {
    const rowStart = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) rowStart[r + 1] = 1;
    for (let e = 0; e < m; e++) {
      if (!active[e] || forbidden[e]) continue;
      const a = arcA[e] as number;
      const b = arcB[e] as number;
      for (let s = slotStart[b] as number; s < (slotStart[b + 1] as number); s++) {
        if (slotClosed[s]) continue;
        rowStart[a + 1] = (rowStart[a + 1] as number) + 1;
        rowStart[sizeA + s + 1] = (rowStart[sizeA + s + 1] as number) + 1;
      }
    }
    for (let r = 0; r < n; r++) rowStart[r + 1] = (rowStart[r + 1] as number) + (rowStart[r] as number);
    const count = rowStart[n] as number;
    const col = new Int32Array(count);
    const cost = new Float64Array(count);
    csrOrigin = new Int32Array(count);
    const fill = rowStart.slice(0, n);
    const put = (r: number, c: number, w: number, e: number): void => {
      const at = fill[r] as number;
      fill[r] = at + 1;
      col[at] = c;
      cost[at] = w;
      csrOrigin[at] = e;
    };
    for (let i = 0; i < sizeA; i++) put(i, slots + i, 0, -1);
    for (let s = 0; s < slots; s++) put(sizeA + s, s, 0, -1);
    for (let e = 0; e < m; e++) {
      if (!active[e] || forbidden[e]) continue;
      const a = arcA[e] as number;
      const b = arcB[e] as number;
      const w = arcWeight[e] as number;
      for (let s = slotStart[b] as number; s < (slotStart[b + 1] as number); s++) {
        if (slotClosed[s]) continue;
        put(a, s, -w, e);
        put(sizeA + s, slots + a, 0, e);
      }
    }
    return { n, rowStart, col, cost };
  }

  /** Moves to a freshly built matrix, keeping prices and every assignment whose arc remains. */
  function rebuild(): void {
    const old = state;
    matrix = build();
    state = assignmentStateCreate(matrix);
    state.v.set(old.v);
    const { rowStart, col, cost } = matrix;
    for (let r = 0; r < n; r++) {
      const j = old.rowToCol[r] as number;
      if (j < 0 || old.colToRow[j] !== r) continue;
      for (let k = rowStart[r] as number; k < (rowStart[r + 1] as number); k++) {
        if (col[k] === j) {
          state.rowToCol[r] = j;
          state.colToRow[j] = r;
          state.rowArc[r] = k;
          break;
        }
      }
    }
    // Rows with a new arc that undercuts their assignment give it up (duals stay feasible).
    for (let r = 0; r < n; r++) {
      const k0 = state.rowArc[r] as number;
      if (k0 < 0) continue;
      const ur = (cost[k0] as number) - (state.v[state.rowToCol[r] as number] as number);
      for (let k = rowStart[r] as number; k < (rowStart[r + 1] as number); k++) {
        if ((cost[k] as number) - ur - (state.v[col[k] as number] as number) < 0) {
          state.colToRow[state.rowToCol[r] as number] = -1;
          state.rowToCol[r] = -1;
          state.rowArc[r] = -1;
          break;
        }
      }
    }
  }

  /** Activates every left-out pair whose reduced cost is negative; returns how many. */
  function price(): number {
    const { cost } = matrix;
    const u = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const k = state.rowArc[r] as number;
      u[r] = k >= 0 ? (cost[k] as number) - (state.v[state.rowToCol[r] as number] as number) : Infinity;
    }
    let added = 0;
    for (let e = 0; e < m; e++) {
      if (active[e] || forbidden[e] || !valid[e]) continue;
      const a = arcA[e] as number;
      const b = arcB[e] as number;
      const w = arcWeight[e] as number;
      for (let s = slotStart[b] as number; s < (slotStart[b + 1] as number); s++) {
        if (slotClosed[s]) continue;
        if (-w - (u[a] as number) - (state.v[s] as number) < 0 || -(u[sizeA + s] as number) - (state.v[slots + a] as number) < 0) {
          if (activate(e)) added++;
          break;
        }
      }
    }
    return added;
  }

  /** Re-optimises after changes, pricing in left-out pairs until none is worth adding. */
  function solve(): PairingResult {
    for (let r = 0; r < n; r++) {
      const k = state.rowArc[r] as number;
      if (k >= 0 && state.disabled[k]) {
        state.colToRow[state.rowToCol[r] as number] = -1;
        state.rowToCol[r] = -1;
        state.rowArc[r] = -1;
      }
    }
    for (;;) {
      const res = assignmentAugmentFree(state, 1);
      if (!res.ok) throw new Error('PAIRING_INTERNAL_INFEASIBLE');
      if (price() === 0) return finish(res);
      rebuild();
    }
  }

  function finish(res: AssignmentSolution): PairingResult {
    const pairs: PairingPair[] = [];
    let objective = 0;
    for (let i = 0; i < sizeA; i++) {
      const j = res.rowToCol[i] as number;
      if (j >= slots) continue;
      const e = csrOrigin[res.rowArc[i] as number] as number;
      const w = arcWeight[e] as number;
      pairs.push({ a: i, b: arcB[e] as number, arc: e, weight: w });
      objective += w;
    }
    return {
      pairs,
      objective,
      dualBound: 0 - res.dualBound,
      certificateViolations: assignmentVerify(matrix, res, state.disabled),
    };
  }

  matrix = build();
  state = assignmentStateCreate(matrix);
  if (!assignmentInitialise(state)) throw new Error('PAIRING_INTERNAL_INFEASIBLE');
  let current = solve();

  /** Switches off, in the current matrix, the extended arcs selected by `drop`. */
  const disableWhere = (drop: (origin: number, row: number, col: number) => boolean): void => {
    const { rowStart, col } = matrix;
    for (let r = 0; r < n; r++) {
      for (let k = rowStart[r] as number; k < (rowStart[r + 1] as number); k++) {
        if (!state.disabled[k] && drop(csrOrigin[k] as number, r, col[k] as number)) state.disabled[k] = 1;
      }
    }
  };

  return {
    result: () => current,
    forbid(arcs) {
      for (const e of arcs) if (e >= 0 && e < m) forbidden[e] = 1;
      disableWhere((e) => e >= 0 && forbidden[e] === 1);
      current = solve();
      return current;
    },
    capacityReduce(changes) {
      for (const { b, capacity: newCap } of changes) {
        if (b < 0 || b >= sizeB) continue;
        for (let s = (slotStart[b] as number) + Math.max(0, newCap); s < (slotStart[b + 1] as number); s++) slotClosed[s] = 1;
      }
      // A closed slot keeps only its echo row's own arc.
      disableWhere((e, r, c) => e >= 0 && ((c < slots && slotClosed[c] === 1) || (r >= sizeA && slotClosed[r - sizeA] === 1)));
      current = solve();
      return current;
    },
  };
}
