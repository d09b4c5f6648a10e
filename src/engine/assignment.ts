// Exact linear assignment on a sparse cost matrix (CSR on typed arrays): Jonker–Volgenant
// (column reduction, reduction transfer, two passes of augmenting row reduction) followed by
// shortest augmenting paths with Dijkstra on reduced costs (column potentials v, row
// potentials implicit). Returns the optimal assignment together with dual prices (u, v) that
// certify it: every arc has reduced cost c_ij − u_i − v_j ≥ 0 and Σu + Σv equals the value.
//
// Minimisation of a perfect assignment of n rows to n columns; arcs that are absent are
// forbidden. Costs must be finite numbers; with integer costs every computation is exact.

const ARR_PASSES = 2;
/** Arcs per row (about; the cheapest) in the pruned subproblem. */
const PRUNE_KEEP = 12;
/** Average arcs per row from which `auto` solves a pruned subproblem first (dense: n ≥ this). */
const PRUNE_DEGREE = 18;
const PRUNE_DENSE = 400;
/** Average arcs per row from which one search per free row beats the phased search. */
const ROWS_DEGREE = 100;
/** Below this many rows a pruned subproblem is augmented one free row at a time, else by forests. */
const ROWS_BELOW = 1500;
/** Share of the free rows whose nearest free columns one Dijkstra phase looks for. */
const SINK_FRACTION = 1;

export interface SparseCostMatrix {
  /** Number of rows (= number of columns). */
  readonly n: number;
  /** Row i's arcs are rowStart[i] … rowStart[i+1]−1. Length n + 1. */
  readonly rowStart: Int32Array;
  /** Column of each arc. */
  readonly col: Int32Array;
  /** Cost of each arc. */
  readonly cost: Float64Array;
  /**
   * Set when row i's arcs are exactly columns 0 … n−1 in order, so `cost` is the dense
   * row-major n×n matrix and the solver can skip the column indirection.
   */
  readonly dense?: boolean;
}

export interface AssignmentSolution {
  readonly ok: true;
  /** Σ cost of the chosen arcs (minimum). */
  readonly value: number;
  /** Σu + Σv: a lower bound on any perfect assignment's cost; equals value at optimum. */
  readonly dualBound: number;
  readonly rowToCol: Int32Array;
  readonly colToRow: Int32Array;
  /** Arc index chosen for every row. */
  readonly rowArc: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

export interface AssignmentFailure {
  readonly ok: false;
  readonly reason: 'NO_PERFECT_ASSIGNMENT';
}

export type AssignmentResult = AssignmentSolution | AssignmentFailure;

/** Builds a CSR matrix from arc triples (rows need not be sorted). */
export function assignmentMatrixFromArcs(
  n: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  costs: ArrayLike<number>,
): SparseCostMatrix {
  const m = rows.length;
  const rowStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const r = (rows[k] as number) + 1;
    rowStart[r] = (rowStart[r] as number) + 1;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1] = (rowStart[i + 1] as number) + (rowStart[i] as number);
  const fill = rowStart.slice(0, n);
  const col = new Int32Array(m);
  const cost = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const r = rows[k] as number;
    const at = fill[r] as number;
    fill[r] = at + 1;
    col[at] = cols[k] as number;
    cost[at] = costs[k] as number;
  }
  return { n, rowStart, col, cost };
}

/** Builds a CSR matrix from a dense row-major n×n cost array. */
export function assignmentMatrixFromDense(n: number, dense: ArrayLike<number>): SparseCostMatrix {
  const rowStart = new Int32Array(n + 1);
  const col = new Int32Array(n * n);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    rowStart[i + 1] = (i + 1) * n;
    for (let j = 0; j < n; j++) {
      col[i * n + j] = j;
      cost[i * n + j] = dense[i * n + j] as number;
    }
  }
  return { n, rowStart, col, cost, dense: true };
}

/**
 * Mutable solver state, exposed so that callers (pairing) can remove arcs and re-optimise
 * from the previous duals instead of starting over.
 */
export interface AssignmentState {
  readonly matrix: SparseCostMatrix;
  /** Arcs switched off (1) by the caller; treated as absent. */
  readonly disabled: Uint8Array;
  readonly rowToCol: Int32Array;
  readonly colToRow: Int32Array;
  readonly rowArc: Int32Array;
  readonly v: Float64Array;
}

/**
 * How free rows are augmented after initialisation (all exact, all certified):
 * - `pruned`: the subproblem of every row's `keep` cheapest arcs and every column's cheapest
 *   arc is solved first; arcs outside it with a negative reduced cost are then added, their
 *   rows freed and re-assigned from the current prices, until none is left (the certificate
 *   then holds on the whole matrix);
 * - `dense`: LAPJV on the row-major array (only for matrices built dense; others use `auto`);
 * - `rows`: one shortest-path search per free row (LAPJVsp);
 * - `forest`: phases of one search from all free rows, one augmentation per search tree;
 * - `phased`: phases of tight-arc augmentation and one search from all free rows;
 * - `auto` (default): `pruned` with ≥ 40 arcs per row on average, else `forest`.
 */
export type AssignmentMethod = 'auto' | 'dense' | 'rows' | 'forest' | 'phased' | 'pruned';

export interface AssignmentOptions {
  readonly method?: AssignmentMethod;
  /** `pruned`: how many of its cheapest arcs every row keeps in the first subproblem (default 12). */
  readonly keep?: number;
}

export function assignmentSolve(matrix: SparseCostMatrix, options: AssignmentOptions = {}): AssignmentResult {
  const method = options.method ?? 'auto';
  if (method === 'pruned') return assignmentSolvePruned(matrix, options.keep ?? PRUNE_KEEP);
  if (method === 'auto' && (matrix.dense === true ? matrix.n >= PRUNE_DENSE : matrix.col.length >= PRUNE_DEGREE * matrix.n)) {
    return assignmentSolvePruned(matrix, PRUNE_KEEP);
  }
  return assignmentSolveFull(matrix, method);
}

function assignmentSolveFull(matrix: SparseCostMatrix, method: AssignmentMethod): AssignmentResult {
  if (matrix.dense === true && (method === 'auto' || method === 'dense' || method === 'pruned')) return assignmentSolveDense(matrix);
  const state = assignmentStateCreate(matrix);
  if (!assignmentInitialise(state)) return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
  if (method === 'phased') return assignmentAugmentFree(state);
  if (method === 'rows') return assignmentAugmentRows(state);
  if (method === 'forest') return assignmentAugmentForest(state);
  // Rows with many arcs: one search per free row ends soon; few arcs: phases of one search
  // from all free rows at once, many augmentations per phase.
  return matrix.col.length >= ROWS_DEGREE * matrix.n ? assignmentAugmentRows(state) : assignmentAugmentForest(state);
}

export function assignmentStateCreate(matrix: SparseCostMatrix): AssignmentState {
  const n = matrix.n;
  return {
    matrix,
    disabled: new Uint8Array(matrix.col.length),
    rowToCol: new Int32Array(n).fill(-1),
    colToRow: new Int32Array(n).fill(-1),
    rowArc: new Int32Array(n).fill(-1),
    v: new Float64Array(n),
  };
}

/** Column reduction, reduction transfer and augmenting row reduction. False if a column has no arc. */
export function assignmentInitialise(state: AssignmentState): boolean {
  const { matrix, rowToCol: x, colToRow: y, rowArc, v, disabled } = state;
  const { n, rowStart, col, cost } = matrix;
  // Column reduction: v_j = min_i c_ij, column j tentatively given to its cheapest row.
  v.fill(Infinity);
  const minArc = new Int32Array(n).fill(-1);
  const minRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const end = rowStart[i + 1] as number;
    for (let k = rowStart[i] as number; k < end; k++) {
      if (disabled[k]) continue;
      const j = col[k] as number;
      const c = cost[k] as number;
      if (c < (v[j] as number)) {
        v[j] = c;
        minArc[j] = k;
        minRow[j] = i;
      }
    }
  }
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const k = minArc[j] as number;
    if (k < 0) return false;
    const i = minRow[j] as number;
    if ((matches[i] as number) === 0) {
      x[i] = j;
      y[j] = i;
      rowArc[i] = k;
    } else if ((v[j] as number) < (v[x[i] as number] as number)) {
      y[x[i] as number] = -1;
      x[i] = j;
      y[j] = i;
      rowArc[i] = k;
    }
    matches[i] = (matches[i] as number) + 1;
  }
  // Reduction transfer for rows that won exactly one column.
  const free = new Int32Array(n);
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const mi = matches[i] as number;
    if (mi === 0) {
      free[numFree++] = i;
      continue;
    }
    if (mi !== 1) continue;
    const j1 = x[i] as number;
    let mu = Infinity;
    const end = rowStart[i + 1] as number;
    for (let k = rowStart[i] as number; k < end; k++) {
      const j = col[k] as number;
      if (j === j1 || disabled[k]) continue;
      const h = (cost[k] as number) - (v[j] as number);
      if (h < mu) mu = h;
    }
    if (mu !== Infinity) v[j1] = (cost[rowArc[i] as number] as number) - mu;
  }
  // Augmenting row reduction, two passes.
  for (let pass = 0; pass < ARR_PASSES && numFree > 0; pass++) {
    let k = 0;
    const prevFree = numFree;
    numFree = 0;
    let budget = 8 * n + 1000;
    while (k < prevFree) {
      const i = free[k++] as number;
      if (--budget < 0) {
        free[numFree++] = i;
        continue;
      }
      let umin = Infinity;
      let usub = Infinity;
      let a1 = -1;
      let a2 = -1;
      const end = rowStart[i + 1] as number;
      for (let a = rowStart[i] as number; a < end; a++) {
        if (disabled[a]) continue;
        const h = (cost[a] as number) - (v[col[a] as number] as number);
        if (h < usub) {
          if (h >= umin) {
            usub = h;
            a2 = a;
          } else {
            usub = umin;
            a2 = a1;
            umin = h;
            a1 = a;
          }
        }
      }
      if (a1 < 0) return false;
      let j1 = col[a1] as number;
      let i0 = y[j1] as number;
      if (a2 < 0) {
        // A row with a single arc: take the column if it is free, otherwise leave it to the
        // shortest-path phase.
        if (i0 >= 0) {
          free[numFree++] = i;
          continue;
        }
      } else if (umin < usub) {
        v[j1] = (v[j1] as number) - (usub - umin);
      } else if (i0 >= 0) {
        a1 = a2;
        j1 = col[a2] as number;
        i0 = y[j1] as number;
      }
      x[i] = j1;
      y[j1] = i;
      rowArc[i] = a1;
      if (i0 >= 0) {
        x[i0] = -1;
        rowArc[i0] = -1;
        if (a2 >= 0 && umin < usub) free[--k] = i0;
        else free[numFree++] = i0;
      }
    }
  }
  return true;
}

/**
 * Priority queue of columns keyed by their tentative distance, as the search needs it:
 * insert-or-decrease, take out, pop a minimum, and empty after a search.
 */
interface ColumnQueue {
  /** Queues column k with key `key` (= d[k]), or moves it there if it is queued already. */
  push(k: number, key: number): void;
  /** Takes column k out if it is queued (it is about to be settled without a pop). */
  drop(k: number): void;
  /** A queued column of minimum key, taken out; −1 when empty. May be settled already. */
  pop(): number;
  /** Empties the queue; `touched` lists every column queued since the last clear. */
  clear(touched: Int32Array, numTouched: number): void;
}

/** Indexed binary heap on d (any finite costs). */
class HeapQueue implements ColumnQueue {
  private size = 0;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  constructor(private readonly d: Float64Array) {
    this.heap = new Int32Array(d.length);
    this.pos = new Int32Array(d.length).fill(-1);
  }
  push(k: number, key: number): void {
    const { heap, pos: at, d } = this;
    let pos = at[k] as number;
    if (pos < 0) pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pj = heap[parent] as number;
      if ((d[pj] as number) <= key) break;
      heap[pos] = pj;
      at[pj] = pos;
      pos = parent;
    }
    heap[pos] = k;
    at[k] = pos;
  }
  /** Lazy: a column settled while still in the heap is popped later and skipped. */
  drop(): void {}
  pop(): number {
    if (this.size === 0) return -1;
    const { heap, pos: at, d } = this;
    const top = heap[0] as number;
    at[top] = -1;
    const size = --this.size;
    if (size > 0) {
      const last = heap[size] as number;
      const key = d[last] as number;
      let pos = 0;
      for (;;) {
        let child = 2 * pos + 1;
        if (child >= size) break;
        const right = child + 1;
        if (right < size && (d[heap[right] as number] as number) < (d[heap[child] as number] as number)) child = right;
        const cj = heap[child] as number;
        if ((d[cj] as number) >= key) break;
        heap[pos] = cj;
        at[cj] = pos;
        pos = child;
      }
      heap[pos] = last;
      at[last] = pos;
    }
    return top;
  }
  clear(touched: Int32Array, numTouched: number): void {
    this.size = 0;
    for (let t = 0; t < numTouched; t++) this.pos[touched[t] as number] = -1;
  }
}

/**
 * Bucket queue (Dial) for integer distances: O(1) insert and pop. Distances from the last
 * bucket on share it, and it is scanned for its minimum.
 */
class BucketQueue implements ColumnQueue {
  private cursor = 0;
  private maxBucket = -1;
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Bucket of a queued column, −1 otherwise. */
  private readonly where: Int32Array;
  private readonly last: number;
  constructor(private readonly d: Float64Array) {
    const n = d.length;
    this.head = new Int32Array(Math.min(BUCKETS, 4 * n + 64)).fill(-1);
    this.next = new Int32Array(n);
    this.prev = new Int32Array(n);
    this.where = new Int32Array(n).fill(-1);
    this.last = this.head.length - 1;
  }
  push(k: number, key: number): void {
    this.drop(k);
    const { head, next, prev } = this;
    const b = key < this.last ? key : this.last;
    const h = head[b] as number;
    next[k] = h;
    prev[k] = -1;
    if (h >= 0) prev[h] = k;
    head[b] = k;
    this.where[k] = b;
    if (b > this.maxBucket) this.maxBucket = b;
  }
  drop(k: number): void {
    const w = this.where[k] as number;
    if (w < 0) return;
    const { head, next, prev } = this;
    const pk = prev[k] as number;
    const nk = next[k] as number;
    if (pk >= 0) next[pk] = nk;
    else head[w] = nk;
    if (nk >= 0) prev[nk] = pk;
    this.where[k] = -1;
  }
  pop(): number {
    const { head, next, last, d } = this;
    let cursor = this.cursor;
    while (cursor < last && (head[cursor] as number) < 0) cursor++;
    this.cursor = cursor;
    let top = head[cursor] as number;
    if (top < 0) return -1;
    if (cursor === last) {
      for (let x = next[top] as number; x >= 0; x = next[x] as number) if ((d[x] as number) < (d[top] as number)) top = x;
    }
    this.drop(top);
    return top;
  }
  clear(touched: Int32Array, numTouched: number): void {
    for (let b = 0; b <= this.maxBucket; b++) this.head[b] = -1;
    for (let t = 0; t < numTouched; t++) this.where[touched[t] as number] = -1;
    this.cursor = 0;
    this.maxBucket = -1;
  }
}

/** Working arrays of one augmentation run, shared by the Dijkstra variants. */
interface Search {
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly cost: Float64Array;
  readonly disabled: Uint8Array;
  /** Whether any arc is disabled (else the search skips the check). */
  readonly anyDisabled: boolean;
  readonly y: Int32Array;
  readonly rowArc: Int32Array;
  /** Row prices; the search reads those of the free rows it starts from. */
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly d: Float64Array;
  readonly pred: Int32Array;
  readonly predArc: Int32Array;
  readonly settled: Uint8Array;
  readonly settledList: Int32Array;
  readonly touched: Int32Array;
  readonly free: Int32Array;
  /** Buckets for integer costs, a heap otherwise. */
  readonly queue: ColumnQueue;
  numSettled: number;
  numTouched: number;
  firstSink: number;
  level: number;
}

/** At most this many buckets; distances beyond share the last one, scanned for its minimum. */
const BUCKETS = 1 << 14;

const integralCache = new WeakMap<SparseCostMatrix, boolean>();

/** Whether every cost is an integer of moderate size (then distances are integers too). */
function costsIntegral(matrix: SparseCostMatrix): boolean {
  let known = integralCache.get(matrix);
  if (known === undefined) {
    known = true;
    const { cost } = matrix;
    for (let k = 0; k < cost.length; k++) {
      const c = cost[k] as number;
      if (!Number.isInteger(c) || Math.abs(c) > 1e12) {
        known = false;
        break;
      }
    }
    integralCache.set(matrix, known);
  }
  return known;
}

/**
 * Multi-source Dijkstra on reduced costs from the first `remaining` rows of `free` (all at
 * distance 0), until `target` free columns are settled or the queue runs empty. A free column
 * reached at the current level is settled at once. Leaves d, pred and predArc for the touched
 * columns, the settled ones in settledList, the first free column settled and the last level.
 */
function searchRun(s: Search, remaining: number, target: number): void {
  const { rowStart, col, cost, disabled, anyDisabled, y, rowArc, u, v, d, pred, predArc, settled, settledList, touched, free, queue } = s;
  let numTouched = 0;
  let numSettled = 0;
  let firstSink = -1;
  let sinks = 0;
  let dj = 0;
  let q = 0;
  let i = free[q++] as number;
  let base = -(u[i] as number);
  let stop = false;
  for (;;) {
    const end = rowStart[i + 1] as number;
    for (let a = rowStart[i] as number; a < end; a++) {
      const k = col[a] as number;
      if (settled[k] || (anyDisabled && disabled[a])) continue;
      const nd = base + (cost[a] as number) - (v[k] as number);
      const dk = d[k] as number;
      if (nd < dk) {
        if (dk === Infinity) touched[numTouched++] = k;
        d[k] = nd;
        pred[k] = i;
        predArc[k] = a;
        if (nd <= dj && (y[k] as number) < 0) {
          // A free column at the current level: settled at once.
          queue.drop(k);
          settled[k] = 1;
          settledList[numSettled++] = k;
          if (firstSink < 0) firstSink = k;
          if (++sinks >= target) {
            stop = true;
            break;
          }
          continue;
        }
        queue.push(k, nd);
      }
    }
    if (stop) break;
    if (q < remaining) {
      // Seed the next free row (all sources sit at distance 0).
      i = free[q++] as number;
      base = -(u[i] as number);
      continue;
    }
    // Pop the closest unsettled column; free columns are counted, assigned ones expanded.
    let j = -1;
    for (;;) {
      const top = queue.pop();
      if (top < 0) break;
      if (settled[top]) continue;
      settled[top] = 1;
      settledList[numSettled++] = top;
      dj = d[top] as number;
      if ((y[top] as number) < 0) {
        if (firstSink < 0) firstSink = top;
        if (++sinks >= target) {
          stop = true;
          break;
        }
        continue;
      }
      j = top;
      break;
    }
    if (stop || j < 0) break;
    // Its row's price is that of its arc (tight): u_i = c(i, j) − v_j.
    i = y[j] as number;
    base = dj - (cost[rowArc[i] as number] as number) + (v[j] as number);
  }
  queue.clear(touched, numTouched);
  s.numSettled = numSettled;
  s.numTouched = numTouched;
  s.firstSink = firstSink;
  s.level = dj;
}

function searchCreate(state: AssignmentState): Search {
  const { matrix, colToRow: y, rowArc, v, disabled } = state;
  const { n, rowStart, col, cost } = matrix;
  const d = new Float64Array(n).fill(Infinity);
  return {
    rowStart,
    col,
    cost,
    disabled,
    anyDisabled: disabled.indexOf(1) >= 0,
    y,
    rowArc,
    u: new Float64Array(n),
    v,
    d,
    pred: new Int32Array(n),
    predArc: new Int32Array(n),
    settled: new Uint8Array(n),
    settledList: new Int32Array(n),
    touched: new Int32Array(n),
    free: new Int32Array(n),
    queue: costsIntegral(matrix) ? new BucketQueue(d) : new HeapQueue(d),
    numSettled: 0,
    numTouched: 0,
    firstSink: -1,
    level: 0,
  };
}

/**
 * Row prices before a search: assigned rows from their arc, free rows from their cheapest
 * arc (then listed in `free`). Returns the number of free rows, or −1 when a free row has no
 * arc left.
 */
function searchPrices(state: AssignmentState, search: Search): number {
  const { matrix, rowToCol: x, rowArc, v, disabled } = state;
  const { n, rowStart, col, cost } = matrix;
  const { u, free } = search;
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const a0 = rowArc[i] as number;
    if (a0 >= 0) {
      u[i] = (cost[a0] as number) - (v[x[i] as number] as number);
      continue;
    }
    let best = Infinity;
    const end = rowStart[i + 1] as number;
    for (let a = rowStart[i] as number; a < end; a++) {
      if (disabled[a]) continue;
      const h = (cost[a] as number) - (v[col[a] as number] as number);
      if (h < best) best = h;
    }
    if (best === Infinity) return -1;
    u[i] = best;
    free[numFree++] = i;
  }
  return numFree;
}

/**
 * After a search: every settled column's price moves by d − D (D the last level), which keeps
 * every reduced cost ≥ 0 and makes the shortest paths tight; the marks are reset (pred,
 * predArc and settledList stay readable until the next search).
 */
function searchSettle(search: Search): void {
  const { v, d, settled, settledList, touched, numSettled, numTouched, level } = search;
  for (let t = 0; t < numSettled; t++) {
    const k = settledList[t] as number;
    v[k] = (v[k] as number) + (d[k] as number) - level;
    settled[k] = 0;
  }
  for (let t = 0; t < numTouched; t++) d[touched[t] as number] = Infinity;
}

/** Augments along the path that ends at free column `sink`, walking pred up to a free row. */
function augmentPath(state: AssignmentState, pred: Int32Array, predArc: Int32Array, sink: number): void {
  const { rowToCol: x, colToRow: y, rowArc } = state;
  for (let j = sink; ; ) {
    const r = pred[j] as number;
    y[j] = r;
    const prev = x[r] as number;
    x[r] = j;
    rowArc[r] = predArc[j] as number;
    if (prev < 0) break;
    j = prev;
  }
}

/**
 * Assigns every free row by its own shortest augmenting path, as in LAPJVsp: Dijkstra on
 * reduced costs from the row, settling whole levels of equal distance at once (no priority
 * queue; the next level is the minimum over the columns reached so far), stopping at the
 * first free column.
 */
export function assignmentAugmentRows(state: AssignmentState): AssignmentResult {
  const { matrix, colToRow: y, rowArc, v, disabled } = state;
  const { n, rowStart, col, cost } = matrix;
  const anyDisabled = disabled.indexOf(1) >= 0;
  // d[j]: tentative distance; −∞ once settled (then its level is in `level`).
  const d = new Float64Array(n).fill(Infinity);
  const level = new Float64Array(n);
  const pred = new Int32Array(n);
  const predArc = new Int32Array(n);
  const touched = new Int32Array(n);
  const cand = new Int32Array(n);
  const todo = new Int32Array(n);
  const pending = new Int32Array(n);
  let numPending = 0;
  for (let i = 0; i < n; i++) if ((rowArc[i] as number) < 0) pending[numPending++] = i;
  for (let q = 0; q < numPending; q++) {
    const f = pending[q] as number;
    let numTouched = 0;
    let numCand = 0;
    let end = -1;
    const fEnd = rowStart[f + 1] as number;
    for (let a = rowStart[f] as number; a < fEnd; a++) {
      if (anyDisabled && disabled[a]) continue;
      const j = col[a] as number;
      const dj = (cost[a] as number) - (v[j] as number);
      const old = d[j] as number;
      if (dj < old) {
        if (old === Infinity) {
          touched[numTouched++] = j;
          cand[numCand++] = j;
        }
        d[j] = dj;
        pred[j] = f;
        predArc[j] = a;
      }
    }
    let min = Infinity;
    let numTodo = 0;
    for (;;) {
      if (numTodo === 0) {
        // Next level: the smallest tentative distance among columns not yet settled.
        min = Infinity;
        let w = 0;
        for (let t = 0; t < numCand; t++) {
          const j = cand[t] as number;
          const dj = d[j] as number;
          if (dj === -Infinity) continue;
          cand[w++] = j;
          if (dj <= min) {
            if (dj < min) {
              min = dj;
              numTodo = 0;
            }
            todo[numTodo++] = j;
          }
        }
        numCand = w;
        if (numTodo === 0) return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
        for (let t = 0; t < numTodo; t++) {
          const j = todo[t] as number;
          d[j] = -Infinity;
          level[j] = min;
          if (end < 0 && (y[j] as number) < 0) end = j;
        }
        if (end >= 0) break;
      }
      // Scan the row assigned to one column at the current level.
      const j0 = todo[--numTodo] as number;
      const i = y[j0] as number;
      const h = (cost[rowArc[i] as number] as number) - (v[j0] as number) - min;
      const iEnd = rowStart[i + 1] as number;
      for (let a = rowStart[i] as number; a < iEnd; a++) {
        const j = col[a] as number;
        const vj = (cost[a] as number) - (v[j] as number) - h;
        const old = d[j] as number;
        if (vj < old) {
          if (anyDisabled && disabled[a]) continue;
          if (old === Infinity) {
            touched[numTouched++] = j;
            cand[numCand++] = j;
          }
          pred[j] = i;
          predArc[j] = a;
          if (vj === min) {
            d[j] = -Infinity;
            level[j] = min;
            if ((y[j] as number) < 0) {
              end = j;
              break;
            }
            todo[numTodo++] = j;
          } else d[j] = vj;
        }
      }
      if (end >= 0) break;
    }
    // Settled columns move their prices (those at the last level by 0); reset the marks.
    for (let t = 0; t < numTouched; t++) {
      const j = touched[t] as number;
      if ((d[j] as number) === -Infinity) v[j] = (v[j] as number) + (level[j] as number) - min;
      d[j] = Infinity;
    }
    augmentPath(state, pred, predArc, end);
  }
  return assignmentFinish(state, new Float64Array(n));
}

/**
 * Assigns every free row in phases of one multi-source Dijkstra (from all free rows, on
 * reduced costs) that runs on until `target` free columns are settled at level D; prices then
 * move by min(d, D) − D, which makes every path of the shortest-path forest tight, and one
 * path per tree (from a settled free column up to its free row) is augmented. Trees are
 * disjoint, so the augmentations are too.
 */
export function assignmentAugmentForest(state: AssignmentState, sinkFraction = 1): AssignmentResult {
  const { matrix, rowToCol: x, colToRow: y } = state;
  const { n } = matrix;
  const search = searchCreate(state);
  const { u, pred, predArc, settledList } = search;
  const mark = new Int32Array(n);
  const rootUsed = new Int32Array(n);
  let stamp = 0;
  for (;;) {
    const numFree = searchPrices(state, search);
    if (numFree < 0) return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
    if (numFree === 0) break;
    const target = Math.max(1, Math.ceil(numFree * sinkFraction));
    searchRun(search, numFree, target);
    const { firstSink, numSettled } = search;
    if (firstSink < 0) return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
    searchSettle(search);
    // One augmentation per tree: walk up from each settled free column to its root row.
    stamp++;
    for (let s2 = 0; s2 < numSettled; s2++) {
      const sink = settledList[s2] as number;
      if ((y[sink] as number) >= 0) continue;
      let j = sink;
      let root = -1;
      for (;;) {
        if ((mark[j] as number) === stamp) break;
        mark[j] = stamp;
        const r = pred[j] as number;
        const next = x[r] as number;
        if (next < 0) {
          root = r;
          break;
        }
        j = next;
      }
      if (root < 0 || (rootUsed[root] as number) === stamp) continue;
      rootUsed[root] = stamp;
      augmentPath(state, pred, predArc, sink);
    }
  }
  return assignmentFinish(state, u);
}

function assignmentFinish(state: AssignmentState, u: Float64Array): AssignmentSolution {
  const { matrix, rowToCol: x, colToRow: y, rowArc, v } = state;
  const { n, cost } = matrix;
  let value = 0;
  let dualBound = 0;
  for (let r = 0; r < n; r++) {
    const c = cost[rowArc[r] as number] as number;
    value += c;
    u[r] = c - (v[x[r] as number] as number);
  }
  for (let r = 0; r < n; r++) dualBound += (u[r] as number) + (v[r] as number);
  // The arrays are the state's own: they change when the state is re-optimised.
  return { ok: true, value, dualBound, rowToCol: x, colToRow: y, rowArc, u, v };
}

/**
 * Assigns every free row. Phases alternate (1) augmentation along tight arcs (reduced cost 0)
 * by depth-first search, many vertex-disjoint paths per phase, and (2) one multi-source
 * Dijkstra from all free rows on reduced costs, which augments the shortest path found and
 * updates the column prices so that new tight arcs appear. The duals stay feasible
 * throughout, so the state can be re-entered after arcs are disabled.
 */
export function assignmentAugmentFree(state: AssignmentState, sinkFractionOverride?: number): AssignmentResult {
  const { matrix, rowToCol: x, colToRow: y, rowArc, v, disabled } = state;
  const { n, rowStart, col, cost } = matrix;
  // Sparse matrices gain from many sinks per Dijkstra phase; dense ones from one.
  const sinkFraction = sinkFractionOverride ?? (8 * col.length > n * n ? 0.02 : SINK_FRACTION);
  const search = searchCreate(state);
  const { u, pred, predArc, free } = search;
  const visited = new Int32Array(n);
  const stackRow = new Int32Array(n);
  const stackArc = new Int32Array(n);
  let stamp = 0;

  for (;;) {
    const numFree = searchPrices(state, search);
    if (numFree < 0) return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
    if (numFree === 0) break;

    // (1) Augment along tight arcs, vertex-disjoint paths, one visit per column per phase.
    stamp++;
    let remaining = 0;
    for (let q = 0; q < numFree; q++) {
      const f = free[q] as number;
      let depth = 0;
      stackRow[0] = f;
      stackArc[0] = rowStart[f] as number;
      let found = -1;
      while (depth >= 0) {
        const i = stackRow[depth] as number;
        const end = rowStart[i + 1] as number;
        const ui = u[i] as number;
        let a = stackArc[depth] as number;
        let next = -1;
        for (; a < end; a++) {
          const j = col[a] as number;
          if (visited[j] === stamp || disabled[a]) continue;
          if ((cost[a] as number) - (v[j] as number) - ui > 0) continue;
          visited[j] = stamp;
          next = j;
          break;
        }
        stackArc[depth] = a;
        if (next < 0) {
          depth--;
          continue;
        }
        const r = y[next] as number;
        if (r < 0) {
          found = next;
          break;
        }
        depth++;
        stackRow[depth] = r;
        stackArc[depth] = rowStart[r] as number;
      }
      if (found < 0) {
        free[remaining++] = f;
        continue;
      }
      // Augment along the stack: row stackRow[k] takes the column of arc stackArc[k].
      for (let k = depth; k >= 0; k--) {
        const r = stackRow[k] as number;
        const a = stackArc[k] as number;
        const j = col[a] as number;
        y[j] = r;
        x[r] = j;
        rowArc[r] = a;
      }
    }
    if (remaining === 0) continue;

    // (2) Multi-source Dijkstra from the free rows that are still free. It runs on past the
    // first free column until `target` free columns are settled (level D); prices then move
    // by min(d, D) − D, which keeps every reduced cost ≥ 0 and makes the shortest paths to
    // all those columns tight, so the next phase's search augments along all of them.
    const target = Math.max(1, Math.ceil(remaining * sinkFraction));
    searchRun(search, remaining, target);
    const { firstSink } = search;
    if (firstSink < 0) return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
    searchSettle(search);
    augmentPath(state, pred, predArc, firstSink);
  }

  return assignmentFinish(state, u);
}

/**
 * Checks a solution's certificate independently: a perfect assignment over enabled arcs,
 * every enabled arc with reduced cost ≥ −tolerance, chosen arcs tight. Returns the number of
 * violations (0 means the dual bound proves optimality).
 */
export function assignmentVerify(
  matrix: SparseCostMatrix,
  solution: AssignmentSolution,
  disabled?: Uint8Array,
  tolerance = 1e-9,
): number {
  const { n, rowStart, col, cost } = matrix;
  const { u, v, rowToCol, colToRow, rowArc } = solution;
  let violations = 0;
  for (let i = 0; i < n; i++) {
    const j = rowToCol[i] as number;
    if (j < 0 || colToRow[j] !== i || col[rowArc[i] as number] !== j) violations++;
    const end = rowStart[i + 1] as number;
    for (let a = rowStart[i] as number; a < end; a++) {
      if (disabled && disabled[a]) continue;
      const rc = (cost[a] as number) - (u[i] as number) - (v[col[a] as number] as number);
      if (rc < -tolerance) violations++;
      if (a === rowArc[i] && Math.abs(rc) > tolerance) violations++;
    }
  }
  return violations;
}

/**
 * Dense Jonker–Volgenant (LAPJV) on the row-major cost array: column reduction, reduction
 * transfer, two passes of augmenting row reduction, then one shortest augmenting path per
 * free row by Dijkstra over the columns not yet settled (kept compact in `cols`: settled,
 * then those at the current minimum, then the rest), stopping at the first free column.
 */
function assignmentSolveDense(matrix: SparseCostMatrix): AssignmentResult {
  const { n, cost: c } = matrix;
  const x = new Int32Array(n).fill(-1);
  const y = new Int32Array(n).fill(-1);
  const v = new Float64Array(n).fill(Infinity);
  const minRow = new Int32Array(n);
  // Column reduction, row by row for memory order.
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const cij = c[base + j] as number;
      if (cij < (v[j] as number)) {
        v[j] = cij;
        minRow[j] = i;
      }
    }
  }
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const i = minRow[j] as number;
    if ((matches[i] as number) === 0) {
      x[i] = j;
      y[j] = i;
    } else if ((v[j] as number) < (v[x[i] as number] as number)) {
      y[x[i] as number] = -1;
      x[i] = j;
      y[j] = i;
    }
    matches[i] = (matches[i] as number) + 1;
  }
  // Reduction transfer.
  const free = new Int32Array(n);
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const mi = matches[i] as number;
    if (mi === 0) {
      free[numFree++] = i;
      continue;
    }
    if (mi !== 1 || n === 1) continue;
    const j1 = x[i] as number;
    const base = i * n;
    let mu = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === j1) continue;
      const h = (c[base + j] as number) - (v[j] as number);
      if (h < mu) mu = h;
    }
    v[j1] = (c[base + j1] as number) - mu;
  }
  // Augmenting row reduction.
  for (let pass = 0; pass < ARR_PASSES && numFree > 0; pass++) {
    let k = 0;
    const prevFree = numFree;
    numFree = 0;
    let budget = 8 * n + 1000;
    while (k < prevFree) {
      const i = free[k++] as number;
      if (--budget < 0) {
        free[numFree++] = i;
        continue;
      }
      const base = i * n;
      let umin = (c[base] as number) - (v[0] as number);
      let j1 = 0;
      let usub = Infinity;
      let j2 = -1;
      for (let j = 1; j < n; j++) {
        const h = (c[base + j] as number) - (v[j] as number);
        if (h < usub) {
          if (h >= umin) {
            usub = h;
            j2 = j;
          } else {
            usub = umin;
            j2 = j1;
            umin = h;
            j1 = j;
          }
        }
      }
      let i0 = y[j1] as number;
      if (j2 < 0) {
        if (i0 >= 0) {
          free[numFree++] = i;
          continue;
        }
      } else if (umin < usub) {
        v[j1] = (v[j1] as number) - (usub - umin);
      } else if (i0 >= 0) {
        j1 = j2;
        i0 = y[j1] as number;
      }
      x[i] = j1;
      y[j1] = i;
      if (i0 >= 0) {
        x[i0] = -1;
        if (j2 >= 0 && umin < usub) free[--k] = i0;
        else free[numFree++] = i0;
      }
    }
  }
  // Shortest augmenting paths.
  const d = new Float64Array(n);
  const pred = new Int32Array(n);
  const cols = new Int32Array(n);
  for (let f = 0; f < numFree; f++) {
    const source = free[f] as number;
    const sBase = source * n;
    for (let j = 0; j < n; j++) {
      d[j] = (c[sBase + j] as number) - (v[j] as number);
      pred[j] = source;
      cols[j] = j;
    }
    let low = 0;
    let up = 0;
    let last = 0;
    let min = 0;
    let end = -1;
    while (end < 0) {
      if (up === low) {
        // Next level: gather the columns at the smallest distance.
        last = low;
        min = d[cols[up++] as number] as number;
        for (let k = up; k < n; k++) {
          const j = cols[k] as number;
          const h = d[j] as number;
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            cols[k] = cols[up] as number;
            cols[up++] = j;
          }
        }
        for (let k = low; k < up; k++) {
          const j = cols[k] as number;
          if ((y[j] as number) < 0) {
            end = j;
            break;
          }
        }
        if (end >= 0) break;
      }
      // Scan the row assigned to one column at the minimum.
      const j1 = cols[low++] as number;
      const i = y[j1] as number;
      const base = i * n;
      const h = (c[base + j1] as number) - (v[j1] as number) - min;
      for (let k = up; k < n; k++) {
        const j = cols[k] as number;
        const vh = (c[base + j] as number) - (v[j] as number) - h;
        if (vh < (d[j] as number)) {
          pred[j] = i;
          d[j] = vh;
          if (vh === min) {
            if ((y[j] as number) < 0) {
              end = j;
              break;
            }
            cols[k] = cols[up] as number;
            cols[up++] = j;
          }
        }
      }
    }
    // Settled columns move their prices; then augment along the path.
    for (let k = 0; k < last; k++) {
      const j = cols[k] as number;
      v[j] = (v[j] as number) + (d[j] as number) - min;
    }
    for (;;) {
      const i = pred[end] as number;
      y[end] = i;
      const next = x[i] as number;
      x[i] = end;
      if (i === source) break;
      end = next;
    }
  }
  const rowArc = new Int32Array(n);
  const u = new Float64Array(n);
  let value = 0;
  let dualBound = 0;
  for (let i = 0; i < n; i++) {
    const j = x[i] as number;
    const a = i * n + j;
    rowArc[i] = a;
    const cij = c[a] as number;
    value += cij;
    u[i] = cij - (v[j] as number);
  }
  for (let i = 0; i < n; i++) dualBound += (u[i] as number) + (v[i] as number);
  return { ok: true, value, dualBound, rowToCol: x, colToRow: y, rowArc, u, v };
}

/** Grow-only scratch arrays shared by the pruned solves (the engine is single-threaded). */
const scratch = {
  inSub: new Uint8Array(0),
  top: new Float64Array(0),
  newArc: new Int32Array(0),
  col: new Int32Array(0),
  cost: new Float64Array(0),
  orig: new Int32Array(0),
};

/** The subproblem of a pruned solve: CSR arrays and, per arc, its arc in the whole matrix. */
interface Subproblem {
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly cost: Float64Array;
  readonly orig: Int32Array;
  readonly m: number;
}

/**
 * The subproblem with `arcs` (arcs of the whole matrix, ascending, none in it yet) added after
 * each row's own; `rowArc` is moved along, and with `free` set the rows that got an arc are
 * freed (their column too).
 */
function subproblemAdd(
  matrix: SparseCostMatrix,
  sub: Subproblem,
  arcs: Int32Array,
  numArcs: number,
  state: { rowToCol: Int32Array; colToRow: Int32Array; rowArc: Int32Array } | null,
): Subproblem {
  const { n, rowStart, col, cost } = matrix;
  const m = sub.m + numArcs;
  const nextStart = new Int32Array(n + 1);
  const nextCol = new Int32Array(m);
  const nextCost = new Float64Array(m);
  const nextOrig = new Int32Array(m);
  let q = 0;
  let w = 0;
  for (let i = 0; i < n; i++) {
    nextStart[i] = w;
    const s0 = sub.rowStart[i] as number;
    const s1 = sub.rowStart[i + 1] as number;
    const shift = w - s0;
    nextCol.set(sub.col.subarray(s0, s1), w);
    nextCost.set(sub.cost.subarray(s0, s1), w);
    nextOrig.set(sub.orig.subarray(s0, s1), w);
    w += s1 - s0;
    const before = w;
    const rowEnd = rowStart[i + 1] as number;
    while (q < numArcs && (arcs[q] as number) < rowEnd) {
      const a = arcs[q++] as number;
      nextCol[w] = col[a] as number;
      nextCost[w] = cost[a] as number;
      nextOrig[w++] = a;
    }
    if (state === null) continue;
    if (w > before) {
      const j = state.rowToCol[i] as number;
      if (j >= 0) state.colToRow[j] = -1;
      state.rowToCol[i] = -1;
      state.rowArc[i] = -1;
    } else state.rowArc[i] = (state.rowArc[i] as number) + shift;
  }
  nextStart[n] = w;
  return { rowStart: nextStart, col: nextCol, cost: nextCost, orig: nextOrig, m };
}

/**
 * Solves the subproblem of every row's `keep` cheapest arcs first, then prices the arcs left
 * out: each with c_ij − v_j < u_i is added and its row freed and re-assigned by shortest
 * augmenting paths from the current (still feasible) prices, until no arc prices out. The
 * final duals are then feasible on the whole matrix, so the certificate is that of the full
 * problem. Falls back to the full solve when the subproblem has no perfect assignment.
 */
function assignmentSolvePruned(matrix: SparseCostMatrix, keep: number): AssignmentResult {
  const { n, rowStart, col, cost } = matrix;
  const m = col.length;
  keep = Math.max(1, Math.floor(keep));
  if (m <= keep * n || n === 0) return assignmentSolveFull(matrix, 'auto');
  if (scratch.inSub.length < m) {
    scratch.inSub = new Uint8Array(m);
    scratch.col = new Int32Array(m);
    scratch.cost = new Float64Array(m);
    scratch.orig = new Int32Array(m);
  }
  if (scratch.top.length < keep) scratch.top = new Float64Array(keep);
  const { top, inSub } = scratch;
  const subCol = scratch.col;
  const subCost = scratch.cost;
  const orig = scratch.orig;
  const threshold = new Float64Array(n);
  const covered = new Uint8Array(n);
  const subStart = new Int32Array(n + 1);
  // A global cost cut that leaves about `keep` arcs per row, from an evenly spaced sample of
  // the costs; a row with fewer than keep/2 arcs under it takes its own keep cheapest instead.
  const sampleSize = Math.min(m, 2048);
  const sample = new Float64Array(sampleSize);
  const stride = m / sampleSize;
  for (let t = 0; t < sampleSize; t++) sample[t] = cost[Math.floor(t * stride)] as number;
  sample.sort();
  const cut = sample[Math.min(sampleSize - 1, Math.floor((sampleSize * keep * n) / m))] as number;
  const fewest = Math.max(1, keep >> 1);
  let integral = true;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const start = rowStart[i] as number;
    const end = rowStart[i + 1] as number;
    if (end === start) return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
    subStart[i] = w;
    let limit = cut;
    for (let a = start; a < end; a++) {
      const c = cost[a] as number;
      if (c <= cut) {
        subCol[w] = col[a] as number;
        subCost[w] = c;
        orig[w++] = a;
      }
    }
    if (w - (subStart[i] as number) < fewest) {
      // This row's keep-th smallest cost, from a sorted window of the smallest so far.
      let size = 0;
      let worst = Infinity;
      for (let a = start; a < end; a++) {
        const c = cost[a] as number;
        if (size < keep) {
          let p = size++;
          while (p > 0 && (top[p - 1] as number) > c) {
            top[p] = top[p - 1] as number;
            p--;
          }
          top[p] = c;
          if (size === keep) worst = top[keep - 1] as number;
        } else if (c < worst) {
          let p = keep - 1;
          while (p > 0 && (top[p - 1] as number) > c) {
            top[p] = top[p - 1] as number;
            p--;
          }
          top[p] = c;
          worst = top[keep - 1] as number;
        }
      }
      limit = worst;
      w = subStart[i] as number;
      for (let a = start; a < end; a++) {
        const c = cost[a] as number;
        if (c <= worst) {
          subCol[w] = col[a] as number;
          subCost[w] = c;
          orig[w++] = a;
        }
      }
    }
    threshold[i] = limit;
    for (let t = subStart[i] as number; t < w; t++) {
      inSub[orig[t] as number] = 1;
      covered[subCol[t] as number] = 1;
      const c = subCost[t] as number;
      if (integral && (!Number.isInteger(c) || Math.abs(c) > 1e12)) integral = false;
    }
  }
  subStart[n] = w;
  let sub: Subproblem = { rowStart: subStart, col: subCol, cost: subCost, orig, m: w };
  const clearMarks = (): void => {
    for (let t = 0; t < sub.m; t++) inSub[sub.orig[t] as number] = 0;
  };
  let newArcs = scratch.newArc;
  const newArc = (numNew: number, a: number): void => {
    if (numNew === newArcs.length) {
      const grown = new Int32Array(Math.max(64, 2 * newArcs.length));
      grown.set(newArcs);
      newArcs = scratch.newArc = grown;
    }
    newArcs[numNew] = a;
  };
  // A column none of whose arcs made it gets its cheapest one.
  let numNew = 0;
  for (let j = 0; j < n; j++) if (!covered[j]) numNew++;
  if (numNew > 0) {
    const colMin = new Float64Array(n).fill(Infinity);
    const colMinArc = new Int32Array(n).fill(-1);
    for (let a = 0; a < m; a++) {
      const j = col[a] as number;
      if (!covered[j] && (cost[a] as number) < (colMin[j] as number)) {
        colMin[j] = cost[a] as number;
        colMinArc[j] = a;
      }
    }
    numNew = 0;
    for (let j = 0; j < n; j++) {
      if (covered[j]) continue;
      const a = colMinArc[j] as number;
      if (a < 0) {
        clearMarks();
        return { ok: false, reason: 'NO_PERFECT_ASSIGNMENT' };
      }
      newArc(numNew++, a);
      inSub[a] = 1;
      const c = cost[a] as number;
      if (integral && (!Number.isInteger(c) || Math.abs(c) > 1e12)) integral = false;
    }
    newArcs.subarray(0, numNew).sort();
    sub = subproblemAdd(matrix, sub, newArcs, numNew, null);
  }
  const subMatrix = (): SparseCostMatrix => {
    const sm = { n, rowStart: sub.rowStart, col: sub.col, cost: sub.cost };
    integralCache.set(sm, integral);
    return sm;
  };
  let state: AssignmentState = assignmentStateCreate(subMatrix());
  if (!assignmentInitialise(state)) {
    clearMarks();
    return assignmentSolveFull(matrix, 'auto');
  }
  const { rowToCol: x, colToRow: y, v } = state;
  for (;;) {
    const res = n < ROWS_BELOW ? assignmentAugmentRows(state) : assignmentAugmentForest(state);
    if (!res.ok) {
      clearMarks();
      return assignmentSolveFull(matrix, 'auto');
    }
    const { u } = res;
    // Price the arcs left out. A row whose threshold is at least u_i + max v has none below
    // its price (every arc left out costs more than the threshold).
    let vMax = -Infinity;
    for (let j = 0; j < n; j++) if ((v[j] as number) > vMax) vMax = v[j] as number;
    numNew = 0;
    for (let i = 0; i < n; i++) {
      const ui = u[i] as number;
      if ((threshold[i] as number) - vMax >= ui) continue;
      const end = rowStart[i + 1] as number;
      for (let a = rowStart[i] as number; a < end; a++) {
        if ((cost[a] as number) - (v[col[a] as number] as number) < ui && !inSub[a]) {
          newArc(numNew++, a);
          inSub[a] = 1;
          const c = cost[a] as number;
          if (integral && (!Number.isInteger(c) || Math.abs(c) > 1e12)) integral = false;
        }
      }
    }
    if (numNew === 0) break;
    sub = subproblemAdd(matrix, sub, newArcs, numNew, state);
    state = { matrix: subMatrix(), disabled: new Uint8Array(sub.m), rowToCol: x, colToRow: y, rowArc: state.rowArc, v };
  }
  clearMarks();
  // The solution in the matrix's own arcs.
  const rowArc = new Int32Array(n);
  for (let i = 0; i < n; i++) rowArc[i] = sub.orig[state.rowArc[i] as number] as number;
  return assignmentFinish({ matrix, disabled: state.disabled, rowToCol: x, colToRow: y, rowArc, v }, new Float64Array(n));
}
