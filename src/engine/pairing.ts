// Exact maximum-weight pairing between two sides with host capacities, certified by its duals.
//
// Side A people take at most one partner; side B person b takes up to capacity[b] partners.
// Every person may stay unpaired. As a linear programme (x_ab ∈ [0, 1] on the allowed pairs):
//
//   max Σ w_ab x_ab   s.t.   Σ_b x_ab ≤ 1 for every a,   Σ_a x_ab ≤ cap_b for every b.
//
// The solver works on the minimisation form with costs −w: rows are the A people, columns the
// B people (capacity cap_b) plus a private "unpaired" column per row (cost 0). Duals: a column
// price v_b ≤ 0 per B person (0 for the unpaired columns), a row price u_a implied by the row's
// column (u_a = −w_ab − v_b when paired with b, 0 when unpaired). They stay feasible
// throughout: every allowed pair has reduced cost −w_ab − u_a − v_b ≥ 0, u_a ≤ 0, and a B
// person with room left has v_b = 0. Then any pairing weighs at most
// −(Σ u_a + Σ cap_b·v_b) = `dualBound`, and the solver's pairing meets it.
//
// Primal-dual steps, each a Dijkstra on reduced costs with early exit, on typed arrays:
// - a row without a column searches forward (row → column by an allowed pair, full column →
//   the rows it holds) to the nearest column with room or the nearest "unpaired" column, then
//   augments along the path (successive shortest paths for a rectangular assignment);
// - a column that lost a row while its price is below 0 searches backwards (which row could
//   move in, at what cost) to the cheapest way to fill it again or to raise its price to 0.
// The first rows take their best partner greedily when that partner has room, so only the
// contested rows search. Large problems are solved by pricing: the solver starts on every
// person's strongest candidates; afterwards every left-out pair is priced against the duals,
// pairs with a negative reduced cost join (their row searches again), and the solver goes on
// from its duals. When no pair prices out, the duals are feasible for all pairs, so the
// certificate covers the whole problem. Forbidding pairs and lowering capacities re-optimise
// from the current duals in the same way.

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
  /** Dual constraints that fail (0 = the bound is a valid certificate). */
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
  /** Strongest candidates per person in the first active set (default 12); 0 = all. */
  readonly candidatesPerPerson?: number;
  /**
   * Asked once per pair when it is about to enter the active set; a pair refused here is
   * treated as forbidden. Lets expensive checks run only for pairs that matter.
   */
  readonly admit?: (arc: number) => boolean;
}

export function pairingSolve(problem: PairingProblem, options?: PairingOptions): PairingResult {
  return pairingSolverCreate(problem, options).result();
}

/** Row states besides a column index. */
const UNPAIRED = -1;
const FREE = -2;

/** Min-heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
class PairingHeap {
  key = new Float64Array(1024);
  node = new Int32Array(1024);
  size = 0;
  push(node: number, key: number): void {
    if (this.size === this.key.length) {
      const k = new Float64Array(2 * this.size);
      const n = new Int32Array(2 * this.size);
      k.set(this.key);
      n.set(this.node);
      this.key = k;
      this.node = n;
    }
    const keys = this.key;
    const nodes = this.node;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      nodes[i] = nodes[parent] as number;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Removes the minimum; its key and node are left in topKey / topNode. */
  topKey = 0;
  topNode = -1;
  pop(): boolean {
    if (this.size === 0) return false;
    const keys = this.key;
    const nodes = this.node;
    this.topKey = keys[0] as number;
    this.topNode = nodes[0] as number;
    const size = --this.size;
    if (size === 0) return true;
    const key = keys[size] as number;
    const node = nodes[size] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && (keys[child + 1] as number) < (keys[child] as number)) child++;
      if ((keys[child] as number) >= key) break;
      keys[i] = keys[child] as number;
      nodes[i] = nodes[child] as number;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return true;
  }
  peekKey(): number {
    return this.size > 0 ? (this.key[0] as number) : Infinity;
  }
  clear(): void {
    this.size = 0;
  }
}

const VALID = 1;
const FORBIDDEN = 2;
const ACTIVE = 4;

export function pairingSolverCreate(problem: PairingProblem, options: PairingOptions = {}): PairingSolver {
  const { sizeA, sizeB, arcA, arcB, arcWeight } = problem;
  const capInitial = new Int32Array(sizeB);
  for (let b = 0; b < sizeB; b++) capInitial[b] = Math.max(0, Math.floor(problem.capacityB ? (problem.capacityB[b] as number) : 1));
  const cap = capInitial.slice();
  const m = arcA.length;
  // Typed arrays are used as given (no copy: a national week has millions of pairs).
  const arcRow = arcA instanceof Int32Array ? arcA : Int32Array.from({ length: m }, (_, e) => arcA[e] as number);
  const arcCol = arcB instanceof Int32Array ? arcB : Int32Array.from({ length: m }, (_, e) => arcB[e] as number);
  const weight = arcWeight instanceof Float64Array ? arcWeight : Float64Array.from({ length: m }, (_, e) => arcWeight[e] as number);

  // One state byte per pair: VALID (allowed by the problem), FORBIDDEN, ACTIVE (in the solver's view).
  const state = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    const a = arcRow[e] as number;
    const b = arcCol[e] as number;
    state[e] = (weight[e] as number) > 0 && a >= 0 && a < sizeA && b >= 0 && b < sizeB && (cap[b] as number) > 0 ? VALID : 0;
  }
  const admit = options.admit;

  // Valid arcs grouped by row and by column (CSR on typed arrays, arc order kept within a
  // group). Within each group the active arcs are kept in front: [start, start + count).
  const grouped = (side: Int32Array, size: number): { start: Int32Array; order: Int32Array; pos: Int32Array; count: Int32Array } => {
    const start = new Int32Array(size + 1);
    for (let e = 0; e < m; e++) if ((state[e] as number) & VALID) start[(side[e] as number) + 1] = (start[(side[e] as number) + 1] as number) + 1;
    for (let p = 0; p < size; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
    const fill = start.slice(0, size);
    const order = new Int32Array(start[size] as number);
    const pos = new Int32Array(m).fill(-1);
    for (let e = 0; e < m; e++) {
      if (!((state[e] as number) & VALID)) continue;
      const p = side[e] as number;
      const at = fill[p] as number;
      order[at] = e;
      pos[e] = at;
      fill[p] = at + 1;
    }
    return { start, order, pos, count: new Int32Array(size) };
  };
  const byRow = grouped(arcRow, sizeA);
  const byCol = grouped(arcCol, sizeB);
  /** Moves arc e into (or out of) the active front of its group. */
  const frontAdd = (g: typeof byRow, p: number, e: number): void => {
    const at = g.pos[e] as number;
    const to = (g.start[p] as number) + (g.count[p] as number);
    const other = g.order[to] as number;
    g.order[to] = e;
    g.pos[e] = to;
    g.order[at] = other;
    g.pos[other] = at;
    g.count[p] = (g.count[p] as number) + 1;
  };
  const frontRemove = (g: typeof byRow, p: number, e: number): void => {
    const at = g.pos[e] as number;
    const last = (g.start[p] as number) + (g.count[p] as number) - 1;
    const other = g.order[last] as number;
    g.order[last] = e;
    g.pos[e] = last;
    g.order[at] = other;
    g.pos[other] = at;
    g.count[p] = (g.count[p] as number) - 1;
  };

  /** Activates a pair unless `admit` refuses it (then it is forbidden for good). */
  const activate = (e: number): boolean => {
    const st = state[e] as number;
    if (st & (ACTIVE | FORBIDDEN)) return (st & ACTIVE) !== 0;
    if (admit && !admit(e)) {
      state[e] = st | FORBIDDEN;
      return false;
    }
    state[e] = st | ACTIVE;
    frontAdd(byRow, arcRow[e] as number, e);
    frontAdd(byCol, arcCol[e] as number, e);
    return true;
  };

  const K = options.candidatesPerPerson ?? 12;
  if (K <= 0) {
    for (let e = 0; e < m; e++) if ((state[e] as number) & VALID) activate(e);
  } else {
    // Every person's K strongest candidates (B people: K per unit of capacity), chosen from
    // a copy of the groups sorted by weight, strongest first.
    const byWeight = (x: number, y: number): number => (weight[y] as number) - (weight[x] as number) || x - y;
    // One scratch buffer serves both sides (both groups hold every valid pair).
    const sorted = new Int32Array(byRow.order.length);
    const strongest = (g: typeof byRow, size: number, k: (p: number) => number): void => {
      sorted.set(g.order);
      for (let p = 0; p < size; p++) {
        const from = g.start[p] as number;
        const to = g.start[p + 1] as number;
        const want = k(p);
        if (to - from > want) sorted.subarray(from, to).sort(byWeight);
        let taken = 0;
        for (let t = from; t < to && taken < want; t++) if (activate(sorted[t] as number)) taken++;
      }
    };
    strongest(byRow, sizeA, () => K);
    strongest(byCol, sizeB, (b) => K * Math.max(1, cap[b] as number));
  }

  // Primal state: each row's column (B index, UNPAIRED or FREE) and arc; each column's rows
  // in slots [slotStart[b], slotStart[b] + held[b]).
  const rowCol = new Int32Array(sizeA).fill(FREE);
  const rowArc = new Int32Array(sizeA).fill(-1);
  const slotStart = new Int32Array(sizeB + 1);
  for (let b = 0; b < sizeB; b++) slotStart[b + 1] = (slotStart[b] as number) + (cap[b] as number);
  const slotRow = new Int32Array(slotStart[sizeB] as number);
  const held = new Int32Array(sizeB);
  const v = new Float64Array(sizeB);

  /** Row prices: paired rows from their pair (tight), unpaired rows 0. */
  const rowPrice = (a: number): number => {
    const b = rowCol[a] as number;
    return b >= 0 ? -(weight[rowArc[a] as number] as number) - (v[b] as number) : 0;
  };
  const attach = (a: number, b: number, e: number): void => {
    rowCol[a] = b;
    rowArc[a] = e;
    if (b >= 0) {
      slotRow[(slotStart[b] as number) + (held[b] as number)] = a;
      held[b] = (held[b] as number) + 1;
    }
  };
  /** Takes row a out of its column; returns that column (or −1). */
  const detach = (a: number): number => {
    const b = rowCol[a] as number;
    if (b >= 0) {
      const from = slotStart[b] as number;
      const last = from + (held[b] as number) - 1;
      for (let s = from; s <= last; s++) {
        if (slotRow[s] === a) {
          slotRow[s] = slotRow[last] as number;
          break;
        }
      }
      held[b] = (held[b] as number) - 1;
    }
    rowCol[a] = FREE;
    rowArc[a] = -1;
    return b;
  };

  // Rows waiting for a forward search, columns waiting for a backward one.
  let freeRows: number[] = [];
  let deficit: number[] = [];
  /** Frees row a; its column, if left with room at a price below 0, waits for repair. */
  const release = (a: number): void => {
    const b = detach(a);
    if (b >= 0 && (v[b] as number) < 0) deficit.push(b);
    freeRows.push(a);
  };

  // Search workspace (reset after each search through the touched list).
  const dist = new Float64Array(sizeB).fill(Infinity);
  const done = new Uint8Array(sizeB);
  const predRow = new Int32Array(sizeB);
  const predArc = new Int32Array(sizeB);
  const touched = new Int32Array(sizeB);
  const settledList = new Int32Array(sizeB);
  const heap = new PairingHeap();
  const chainRow = new Int32Array(sizeB);
  const chainArc = new Int32Array(sizeB);

  /**
   * Forward search from free row r to the nearest column with room or "unpaired" column, then
   * price update (settled columns by d − D) and augmentation along the path.
   */
  function searchForward(r: number): void {
    let numTouched = 0;
    let numSettled = 0;
    // Best "unpaired" end so far: the row and its distance (the root's own at 0).
    let endDist = 0;
    let endRow = r;
    let sink = -1;
    let level = 0;
    let x = r;
    let base = 0;
    heap.clear();
    for (;;) {
      // Relax the active arcs of row x, entered at distance `base`.
      const from = byRow.start[x] as number;
      const to = from + (byRow.count[x] as number);
      for (let k = from; k < to; k++) {
        const e = byRow.order[k] as number;
        const j = arcCol[e] as number;
        if (done[j]) continue;
        const nd = base - (weight[e] as number) - (v[j] as number);
        const old = dist[j] as number;
        if (nd < old) {
          if (old === Infinity) touched[numTouched++] = j;
          dist[j] = nd;
          predRow[j] = x;
          predArc[j] = e;
          heap.push(j, nd);
        }
      }
      if (x !== r && base < endDist) {
        endDist = base;
        endRow = x;
      }
      // Next: the closest column; full ones are expanded (all their rows at once), and a
      // column closed to capacity 0 holds none.
      let j = -1;
      let s0 = 0;
      let s1 = 0;
      while (heap.pop()) {
        const t = heap.topNode;
        if (done[t] || heap.topKey > (dist[t] as number)) continue;
        if ((dist[t] as number) > endDist) break;
        level = dist[t] as number;
        if ((held[t] as number) < (cap[t] as number)) {
          sink = t;
          break;
        }
        done[t] = 1;
        settledList[numSettled++] = t;
        s0 = slotStart[t] as number;
        s1 = s0 + (held[t] as number);
        if (s1 > s0) {
          j = t;
          break;
        }
      }
      if (j < 0) break;
      // The column's rows, entered at distance level (their pairs are tight).
      if (s1 - s0 === 1) {
        x = slotRow[s0] as number;
        base = level + (weight[rowArc[x] as number] as number) + (v[j] as number);
        continue;
      }
      // Several rows: all but the last are expanded here, the last by the loop.
      for (let s = s0; s < s1 - 1; s++) {
        const y = slotRow[s] as number;
        const by = level + (weight[rowArc[y] as number] as number) + (v[j] as number);
        const f = byRow.start[y] as number;
        const t = f + (byRow.count[y] as number);
        for (let k = f; k < t; k++) {
          const e = byRow.order[k] as number;
          const c = arcCol[e] as number;
          if (done[c]) continue;
          const nd = by - (weight[e] as number) - (v[c] as number);
          const old = dist[c] as number;
          if (nd < old) {
            if (old === Infinity) touched[numTouched++] = c;
            dist[c] = nd;
            predRow[c] = y;
            predArc[c] = e;
            heap.push(c, nd);
          }
        }
        if (by < endDist) {
          endDist = by;
          endRow = y;
        }
      }
      x = slotRow[s1 - 1] as number;
      base = level + (weight[rowArc[x] as number] as number) + (v[j] as number);
    }
    const D = sink >= 0 ? level : endDist;
    for (let t = 0; t < numSettled; t++) {
      const j = settledList[t] as number;
      v[j] = (v[j] as number) + (dist[j] as number) - D;
      done[j] = 0;
    }
    for (let t = 0; t < numTouched; t++) dist[touched[t] as number] = Infinity;
    // Augment: the end takes its row, each row's old column takes the row before it.
    let col: number;
    if (sink >= 0) {
      col = sink;
    } else {
      const old = detach(endRow);
      attach(endRow, UNPAIRED, -1);
      if (endRow === r) return;
      col = old;
    }
    for (;;) {
      const y = predRow[col] as number;
      const old = y === r ? -1 : detach(y);
      attach(y, col, predArc[col] as number);
      if (old < 0) return;
      col = old;
    }
  }

  /**
   * Backward search from column b0 (room left, price below 0): the cheapest way to fill it —
   * an unpaired row moves in, or a row moves over from a column that then keeps room (at the
   * cost of that column's price), along a chain of moves — or to leave it with room and raise
   * its price to 0. Prices move by D − e on the settled columns.
   */
  function searchBackward(b0: number): void {
    let numTouched = 0;
    let numSettled = 0;
    // End kinds: 0 = leave b0 with room, 1 = unpaired row endRow by endArc, 2 = column endCol gives a row.
    let endDist = -(v[b0] as number);
    let endKind = 0;
    let endRow = -1;
    let endArc = -1;
    let endCol = -1;
    heap.clear();
    dist[b0] = 0;
    touched[numTouched++] = b0;
    heap.push(b0, 0);
    while (heap.pop()) {
      const j = heap.topNode;
      if (done[j] || heap.topKey > (dist[j] as number)) continue;
      const ej = dist[j] as number;
      if (ej >= endDist) break;
      done[j] = 1;
      settledList[numSettled++] = j;
      const vj = v[j] as number;
      const from = byCol.start[j] as number;
      const to = from + (byCol.count[j] as number);
      for (let k = from; k < to; k++) {
        const e = byCol.order[k] as number;
        const a = arcRow[e] as number;
        const c = rowCol[a] as number;
        if (c === FREE || c === j) continue;
        const ua = c >= 0 ? -(weight[rowArc[a] as number] as number) - (v[c] as number) : 0;
        const ea = ej - (weight[e] as number) - ua - vj;
        if (c === UNPAIRED) {
          if (ea < endDist) {
            endDist = ea;
            endKind = 1;
            endRow = a;
            endArc = e;
          }
          continue;
        }
        if (done[c]) continue;
        const old = dist[c] as number;
        if (ea < old) {
          if (old === Infinity) touched[numTouched++] = c;
          dist[c] = ea;
          predRow[c] = a;
          predArc[c] = e;
          heap.push(c, ea);
          const viaColumn = ea - (v[c] as number);
          if (viaColumn < endDist) {
            endDist = viaColumn;
            endKind = 2;
            endCol = c;
          }
        }
      }
    }
    const D = endDist;
    for (let t = 0; t < numSettled; t++) {
      const j = settledList[t] as number;
      let price = (v[j] as number) + D - (dist[j] as number);
      // A column without rows keeps a price ≤ 0 (only arcs into it see the change).
      if (price > 0 && (held[j] as number) === 0) price = 0;
      v[j] = price;
      done[j] = 0;
    }
    for (let t = 0; t < numTouched; t++) dist[touched[t] as number] = Infinity;
    if (endKind === 0) {
      v[b0] = 0;
      return;
    }
    // Along the chain each column gives its predecessor row to the next column, ending in
    // b0: first every moving row leaves, then all of them (and an unpaired row) move in, so
    // that no column holds more than its capacity on the way.
    let moves = 0;
    for (let col = endKind === 1 ? (arcCol[endArc] as number) : endCol; col !== b0; ) {
      const y = predRow[col] as number;
      const e = predArc[col] as number;
      detach(y);
      chainRow[moves] = y;
      chainArc[moves++] = e;
      col = arcCol[e] as number;
    }
    if (endKind === 1) attach(endRow, arcCol[endArc] as number, endArc);
    else v[endCol] = 0; // it keeps room: its price is 0 (exactly, whatever the rounding)
    for (let t = 0; t < moves; t++) {
      const e = chainArc[t] as number;
      attach(chainRow[t] as number, arcCol[e] as number, e);
    }
    // b0 may still have room with a price below 0 (capacity above 1): repair again.
    if ((held[b0] as number) < (cap[b0] as number) && (v[b0] as number) < 0) deficit.push(b0);
  }

  /** Greedy start: each row takes a strongest active partner that still has room. */
  function start(): void {
    for (let a = 0; a < sizeA; a++) {
      const from = byRow.start[a] as number;
      const to = from + (byRow.count[a] as number);
      if (from === to) {
        attach(a, UNPAIRED, -1);
        continue;
      }
      let best = 0;
      for (let k = from; k < to; k++) best = Math.max(best, weight[byRow.order[k] as number] as number);
      let chosen = -1;
      for (let k = from; k < to; k++) {
        const e = byRow.order[k] as number;
        const b = arcCol[e] as number;
        if (weight[e] === best && (held[b] as number) < (cap[b] as number) && e > chosen) chosen = e;
      }
      if (chosen >= 0) attach(a, arcCol[chosen] as number, chosen);
      else freeRows.push(a);
    }
  }

  /** Activates every left-out pair whose reduced cost is negative; its row searches again. */
  function price(): number {
    let added = 0;
    for (let e = 0; e < m; e++) {
      if ((state[e] as number) !== VALID) continue;
      const a = arcRow[e] as number;
      const b = arcCol[e] as number;
      if (-(weight[e] as number) - rowPrice(a) - (v[b] as number) >= 0) continue;
      if (!activate(e)) continue;
      added++;
      if (rowCol[a] !== FREE) release(a);
    }
    return added;
  }

  function run(): void {
    for (;;) {
      while (deficit.length > 0 || freeRows.length > 0) {
        if (deficit.length > 0) {
          const list = deficit;
          deficit = [];
          for (const b of list) if ((held[b] as number) < (cap[b] as number) && (v[b] as number) < 0) searchBackward(b);
          continue;
        }
        const list = freeRows;
        freeRows = [];
        for (const a of list) if (rowCol[a] === FREE) searchForward(a);
      }
      if (price() === 0) return;
    }
  }

  function finish(): PairingResult {
    const pairs: PairingPair[] = [];
    let objective = 0;
    let bound = 0;
    let violations = 0;
    for (let a = 0; a < sizeA; a++) {
      const b = rowCol[a] as number;
      const u = rowPrice(a);
      if (u > 0) violations++;
      bound += u;
      if (b < 0) {
        if (b !== UNPAIRED) violations++;
        continue;
      }
      const e = rowArc[a] as number;
      const w = weight[e] as number;
      pairs.push({ a, b, arc: e, weight: w });
      objective += w;
    }
    for (let b = 0; b < sizeB; b++) {
      if ((v[b] as number) > 0 || (held[b] as number) > (cap[b] as number)) violations++;
      bound += (cap[b] as number) * (v[b] as number);
    }
    // Every allowed pair (active or not) satisfies its dual constraint.
    for (let e = 0; e < m; e++) {
      if (((state[e] as number) & (VALID | FORBIDDEN)) !== VALID) continue;
      const b = arcCol[e] as number;
      if ((cap[b] as number) === 0) continue;
      if (-(weight[e] as number) - rowPrice(arcRow[e] as number) - (v[b] as number) < -1e-9) violations++;
    }
    return { pairs, objective, dualBound: 0 - bound, certificateViolations: violations };
  }

  start();
  run();
  let current = finish();

  return {
    result: () => current,
    forbid(arcs) {
      for (const e of arcs) {
        if (e < 0 || e >= m || (state[e] as number) & FORBIDDEN) continue;
        const st = state[e] as number;
        state[e] = (st | FORBIDDEN) & ~ACTIVE;
        if (!(st & ACTIVE)) continue;
        frontRemove(byRow, arcRow[e] as number, e);
        frontRemove(byCol, arcCol[e] as number, e);
        const a = arcRow[e] as number;
        if (rowArc[a] === e) release(a);
      }
      run();
      current = finish();
      return current;
    },
    capacityReduce(changes) {
      for (const { b, capacity } of changes) {
        if (b < 0 || b >= sizeB) continue;
        const c = Math.max(0, Math.min(cap[b] as number, Math.floor(capacity)));
        cap[b] = c;
        while ((held[b] as number) > c) {
          const a = slotRow[(slotStart[b] as number) + (held[b] as number) - 1] as number;
          detach(a);
          freeRows.push(a);
        }
      }
      run();
      current = finish();
      return current;
    },
  };
}
