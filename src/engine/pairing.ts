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
import {
  assignmentAugmentFree,
  assignmentInitialise,
  assignmentMatrixFromArcs,
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

export function pairingSolve(problem: PairingProblem): PairingResult {
  return pairingSolverCreate(problem).result();
}

export function pairingSolverCreate(problem: PairingProblem): PairingSolver {
  const { sizeA, sizeB, arcA, arcB, arcWeight } = problem;
  const cap = new Int32Array(sizeB);
  for (let b = 0; b < sizeB; b++) cap[b] = Math.max(0, Math.floor(problem.capacityB ? (problem.capacityB[b] as number) : 1));
  const slotStart = new Int32Array(sizeB + 1);
  for (let b = 0; b < sizeB; b++) slotStart[b + 1] = (slotStart[b] as number) + (cap[b] as number);
  const slots = slotStart[sizeB] as number;
  const n = sizeA + slots;

  // Count extended arcs.
  let kept = 0;
  let extArcs = sizeA + slots;
  const m = arcA.length;
  for (let e = 0; e < m; e++) {
    const w = arcWeight[e] as number;
    const a = arcA[e] as number;
    const b = arcB[e] as number;
    if (!(w > 0) || a < 0 || a >= sizeA || b < 0 || b >= sizeB) continue;
    kept++;
    extArcs += 2 * (cap[b] as number);
  }
  const rows = new Int32Array(extArcs);
  const cols = new Int32Array(extArcs);
  const costs = new Float64Array(extArcs);
  const origin = new Int32Array(extArcs).fill(-1); // problem arc of each extended arc
  let t = 0;
  for (let i = 0; i < sizeA; i++) {
    rows[t] = i;
    cols[t] = slots + i;
    t++;
  }
  for (let s = 0; s < slots; s++) {
    rows[t] = sizeA + s;
    cols[t] = s;
    t++;
  }
  for (let e = 0; e < m; e++) {
    const w = arcWeight[e] as number;
    const a = arcA[e] as number;
    const b = arcB[e] as number;
    if (!(w > 0) || a < 0 || a >= sizeA || b < 0 || b >= sizeB) continue;
    for (let s = slotStart[b] as number; s < (slotStart[b + 1] as number); s++) {
      rows[t] = a;
      cols[t] = s;
      costs[t] = -w;
      origin[t] = e;
      t++;
      rows[t] = sizeA + s;
      cols[t] = slots + a;
      origin[t] = e;
      t++;
    }
  }
  void kept;
  // Keep the mapping from CSR position to problem arc.
  const matrix = assignmentMatrixFromArcs(n, rows, cols, costs);
  const csrOrigin = new Int32Array(extArcs);
  {
    const fill = matrix.rowStart.slice(0, n);
    for (let k = 0; k < extArcs; k++) {
      const r = rows[k] as number;
      const at = fill[r] as number;
      fill[r] = at + 1;
      csrOrigin[at] = origin[k] as number;
    }
  }
  // Index: problem arc → its extended arcs.
  const byOrigin = new Int32Array(m + 1);
  for (let k = 0; k < extArcs; k++) {
    const e = csrOrigin[k] as number;
    if (e >= 0) byOrigin[e + 1] = (byOrigin[e + 1] as number) + 1;
  }
  for (let e = 0; e < m; e++) byOrigin[e + 1] = (byOrigin[e + 1] as number) + (byOrigin[e] as number);
  const originArcs = new Int32Array(byOrigin[m] as number);
  {
    const fill = byOrigin.slice(0, m);
    for (let k = 0; k < extArcs; k++) {
      const e = csrOrigin[k] as number;
      if (e < 0) continue;
      const at = fill[e] as number;
      fill[e] = at + 1;
      originArcs[at] = k;
    }
  }

  const state: AssignmentState = assignmentStateCreate(matrix);
  if (!assignmentInitialise(state)) throw new Error('PAIRING_INTERNAL_INFEASIBLE');
  let current = finish(assignmentAugmentFree(state, 1));

  function finish(res: ReturnType<typeof assignmentAugmentFree>): PairingResult {
    if (!res.ok) throw new Error('PAIRING_INTERNAL_INFEASIBLE');
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

  const reoptimise = (): PairingResult => {
    for (let r = 0; r < n; r++) {
      const k = state.rowArc[r] as number;
      if (k >= 0 && state.disabled[k]) {
        state.colToRow[state.rowToCol[r] as number] = -1;
        state.rowToCol[r] = -1;
        state.rowArc[r] = -1;
      }
    }
    current = finish(assignmentAugmentFree(state, 1));
    return current;
  };
  const { rowStart, col } = matrix;

  return {
    result: () => current,
    capacityReduce(changes) {
      for (const { b, capacity: newCap } of changes) {
        if (b < 0 || b >= sizeB) continue;
        for (let s = (slotStart[b] as number) + Math.max(0, newCap); s < (slotStart[b + 1] as number); s++) {
          // Slot s keeps only its echo row: guests' arcs into it and its echo's mirror arcs go.
          const echo = sizeA + s;
          for (let k = rowStart[echo] as number; k < (rowStart[echo + 1] as number); k++) {
            if ((col[k] as number) !== s) state.disabled[k] = 1;
          }
        }
      }
      for (const { b, capacity: newCap } of changes) {
        if (b < 0 || b >= sizeB) continue;
        const from = (slotStart[b] as number) + Math.max(0, newCap);
        const to = slotStart[b + 1] as number;
        if (from >= to) continue;
        for (let i = 0; i < sizeA; i++) {
          for (let k = rowStart[i] as number; k < (rowStart[i + 1] as number); k++) {
            const c = col[k] as number;
            if (c >= from && c < to) state.disabled[k] = 1;
          }
        }
      }
      return reoptimise();
    },
    forbid(arcs) {
      for (const e of arcs) {
        if (e < 0 || e >= m) continue;
        for (let p = byOrigin[e] as number; p < (byOrigin[e + 1] as number); p++) {
          const k = originArcs[p] as number;
          if (state.disabled[k]) continue;
          state.disabled[k] = 1;
        }
      }
      return reoptimise();
    },
  };
}
