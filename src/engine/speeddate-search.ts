// Fewer repeated table companions in a speeddate rotation, without touching its guarantees.
//
// A rotation is read as one cell per (round, table) plus a sit-out cell per round. Fix two
// rounds r1, r2 and draw every teacher as an arc from their cell in r1 to their cell in r2. A
// set of teachers whose arcs form a directed cycle may swap their r1 and r2 cells: every
// teacher keeps the same tables (only the rounds change), every cell keeps its load (each cell
// of the cycle loses one teacher and gains one), so meetings, table loads, balance and the
// "each professional once" rule all stay exactly as they were. Cycles of length 2 (t at A then
// B, u at B then A) and 3 are searched; a cycle through the sit-out cell moves a break.
//
// The search is simulated annealing on the number of repeated pairs, Σ max(0, m − 1) over
// teacher pairs that share a table m times (the rotation's `repeatedTeacherPairs`), kept
// current in a T × T count matrix: one swap of two teachers costs O(c). It is seeded and
// bounded by a number of steps, never by the clock, so a saved input reproduces the run; it
// stops after 2,000 steps without a new low (a design with no room left) and returns to the
// schedule it started from when it ends higher.
import { prngCreate } from './prng.ts';

export interface RotationSearchOptions {
  readonly seed: number;
  /** Companion counts of earlier rounds (T × T, symmetric), e.g. the kept rounds of a recompute. */
  readonly prior?: Int32Array;
  /** Flips tried (default: rotationSearchSteps). */
  readonly steps?: number;
}

/** The default number of flips tried: 8 per teacher-round, at most 20,000. */
export function rotationSearchSteps(T: number, R: number): number {
  return Math.min(20_000, 8 * T * R);
}

/** Repeated pairs, Σ max(0, m − 1), of a grid (grid[r][p] = teachers at table p in round r). */
export function rotationRepeats(grid: readonly (readonly (readonly number[])[])[], T: number, prior?: Int32Array): number {
  const together = prior ? prior.slice() : new Int32Array(T * T);
  let repeated = 0;
  if (prior) for (let a = 0; a < T; a++) for (let b = a + 1; b < T; b++) repeated += Math.max(0, (prior[a * T + b] as number) - 1);
  for (const round of grid) {
    for (const table of round) {
      for (let x = 0; x < table.length; x++) {
        for (let y = x + 1; y < table.length; y++) {
          const a = table[x] as number;
          const b = table[y] as number;
          const k = a < b ? a * T + b : b * T + a;
          if ((together[k] as number) >= 1) repeated++;
          together[k] = (together[k] as number) + 1;
        }
      }
    }
  }
  return repeated;
}

/**
 * Lowers the repeated pairs of `grid` in place by cycle flips (see the header). Returns the
 * number of repeated pairs of the grid afterwards, the prior rounds' pairs included.
 */
export function rotationSearch(grid: number[][][], T: number, P: number, options: RotationSearchOptions): number {
  const R = grid.length;
  const W = P + 1; // cells per round: the P tables, then the sit-out cell
  // Cells as slices of one array: cellStart[r·W + p] … cellStart[r·W + p + 1].
  const cellStart = new Int32Array(R * W + 1);
  for (let r = 0; r < R; r++) {
    const round = grid[r] as number[][];
    let seated = 0;
    for (let p = 0; p < P; p++) {
      cellStart[r * W + p + 1] = (cellStart[r * W + p] as number) + (round[p] as number[]).length;
      seated += (round[p] as number[]).length;
    }
    cellStart[r * W + P + 1] = (cellStart[r * W + P] as number) + (T - seated);
  }
  const slot = new Int32Array(cellStart[R * W] as number); // slot → teacher
  const where = new Int32Array(T * R); // teacher × round → slot
  const cellOf = new Int32Array(T * R); // teacher × round → table (P: sits out)
  for (let r = 0; r < R; r++) {
    const round = grid[r] as number[][];
    const seen = new Uint8Array(T);
    for (let p = 0; p < P; p++) {
      let s = cellStart[r * W + p] as number;
      for (const t of round[p] as number[]) {
        slot[s] = t;
        where[t * R + r] = s++;
        cellOf[t * R + r] = p;
        seen[t] = 1;
      }
    }
    let s = cellStart[r * W + P] as number;
    for (let t = 0; t < T; t++) {
      if (seen[t]) continue;
      slot[s] = t;
      where[t * R + r] = s++;
      cellOf[t * R + r] = P;
    }
  }
  // Pair counts never exceed the rounds (kept ones included): 16 bits hold them, and the smaller
  // matrix stays in cache.
  let most = R;
  if (options.prior) for (let i = 0; i < options.prior.length; i++) most = Math.max(most, R + (options.prior[i] as number));
  const together: Int16Array | Int32Array = most < 32_000 ? new Int16Array(T * T) : new Int32Array(T * T);
  if (options.prior) together.set(options.prior);
  let penalty = 0;
  for (let a = 0; a < T; a++) for (let b = a + 1; b < T; b++) penalty += Math.max(0, (together[a * T + b] as number) - 1);
  for (let r = 0; r < R; r++) {
    for (let p = 0; p < P; p++) {
      const lo = cellStart[r * W + p] as number;
      const hi = cellStart[r * W + p + 1] as number;
      for (let x = lo; x < hi; x++) {
        const a = slot[x] as number;
        for (let y = x + 1; y < hi; y++) {
          const b = slot[y] as number;
          if ((together[a * T + b] as number) >= 1) penalty++;
          together[a * T + b] = (together[a * T + b] as number) + 1;
          together[b * T + a] = (together[b * T + a] as number) + 1;
        }
      }
    }
  }
  if (penalty === 0 || R < 2) return penalty;
  const start = slot.slice();
  const startPenalty = penalty;

  /** Teachers t and u (different cells of round r) trade places; returns the change in repeats. */
  const swap = (r: number, t: number, u: number): number => {
    const st = where[t * R + r] as number;
    const su = where[u * R + r] as number;
    const X = cellOf[t * R + r] as number;
    const Y = cellOf[u * R + r] as number;
    const delta = trade(r, X, st, t, u) + trade(r, Y, su, u, t);
    commit(r, t, u, st, su, X, Y);
    return delta;
  };

  /**
   * In round r, `leaver` leaves cell C (at slot `skip`) and `joiner` takes its seat: the change in
   * repeats with the others at C (a pair at ≥ 2 loses a repeat; a pair at ≥ 1 gains one).
   */
  const trade = (r: number, C: number, skip: number, leaver: number, joiner: number): number => {
    if (C >= P) return 0;
    let delta = 0;
    const lT = leaver * T;
    const jT = joiner * T;
    const hi = cellStart[r * W + C + 1] as number;
    for (let s = cellStart[r * W + C] as number; s < hi; s++) {
      if (s === skip) continue;
      const x = slot[s] as number;
      const xT = x * T;
      const a = (together[lT + x] as number) - 1;
      together[lT + x] = a;
      together[xT + leaver] = a;
      if (a >= 1) delta--;
      const b = together[jT + x] as number;
      together[jT + x] = b + 1;
      together[xT + joiner] = b + 1;
      if (b >= 1) delta++;
    }
    return delta;
  };

  /** Records the trade of t (at slot st, cell X) and u (at slot su, cell Y) in round r. */
  const commit = (r: number, t: number, u: number, st: number, su: number, X: number, Y: number): void => {
    slot[st] = u;
    slot[su] = t;
    where[t * R + r] = su;
    where[u * R + r] = st;
    cellOf[t * R + r] = Y;
    cellOf[u * R + r] = X;
  };

  const prng = prngCreate(options.seed);
  const steps = options.steps ?? rotationSearchSteps(T, R);
  // Temperature falls linearly from `hot` to 0: early steps may accept a worse schedule
  // (probability e^(−Δ/temperature)), the last ones only keep or lower the repeats.
  const hot = 0.6;
  const acceptWorse = new Float64Array(8); // e^(−Δ/temperature) for Δ = 1 … 8, per step
  let refreshAt = 0;
  const cycle = new Int32Array(3);
  // Stops when 2,000 steps in a row found no new lowest count (a design with no room left).
  let best = penalty;
  let bestStep = 0;
  const patience = 2_000;
  for (let step = 0; step < steps && penalty > 0 && step - bestStep < patience; step++) {
    if (penalty < best) {
      best = penalty;
      bestStep = step;
    }
    const t = prng.nextInt(T);
    const r1 = prng.nextInt(R);
    let r2 = prng.nextInt(R - 1);
    if (r2 >= r1) r2++;
    const A = cellOf[t * R + r1] as number;
    const B = cellOf[t * R + r2] as number;
    if (A === B) continue;
    // A teacher u at B in r1: at A in r2 closes a 2-cycle, elsewhere (X) a 3-cycle needs a
    // teacher w at X in r1 and at A in r2. Start the scan of each cell at a random slot.
    const loB = cellStart[r1 * W + B] as number;
    const nB = (cellStart[r1 * W + B + 1] as number) - loB;
    if (nB === 0) continue;
    let k = 0;
    const offB = prng.nextInt(nB);
    for (let i = 0; i < nB && k === 0; i++) {
      const u = slot[loB + ((offB + i) % nB)] as number;
      if (cellOf[u * R + r2] === A) {
        cycle[0] = t;
        cycle[1] = u;
        k = 2;
      }
    }
    if (k === 0) {
      const u = slot[loB + offB] as number;
      const X = cellOf[u * R + r2] as number;
      if (X === B) continue;
      const loX = cellStart[r1 * W + X] as number;
      const nX = (cellStart[r1 * W + X + 1] as number) - loX;
      const offX = nX > 0 ? prng.nextInt(nX) : 0;
      for (let i = 0; i < nX && k === 0; i++) {
        const w = slot[loX + ((offX + i) % nX)] as number;
        if (cellOf[w * R + r2] === A) {
          cycle[0] = t;
          cycle[1] = u;
          cycle[2] = w;
          k = 3;
        }
      }
      if (k === 0) continue;
    }
    // Flip: every teacher of the cycle trades its r1 and r2 cells.
    let delta = 0;
    for (let i = 0; i + 1 < k; i++) delta += swap(r1, cycle[i] as number, cycle[i + 1] as number);
    for (let i = k - 1; i > 0; i--) delta += swap(r2, cycle[i] as number, cycle[i - 1] as number);
    if (delta <= 0) {
      penalty += delta;
      continue;
    }
    const temperature = hot * (1 - step / steps);
    let keep = false;
    if (temperature > 0.02 && delta <= acceptWorse.length) {
      if (step >= refreshAt) {
        for (let d = 1; d <= acceptWorse.length; d++) acceptWorse[d - 1] = Math.exp(-d / temperature);
        refreshAt = step + 1024;
      }
      keep = prng.next() < (acceptWorse[delta - 1] as number);
    }
    if (keep) {
      penalty += delta;
      continue;
    }
    for (let i = 1; i < k; i++) swap(r2, cycle[i] as number, cycle[i - 1] as number);
    for (let i = k - 2; i >= 0; i--) swap(r1, cycle[i] as number, cycle[i + 1] as number);
  }
  // Back into the grid (the schedule it started from when the search ended higher).
  if (penalty > startPenalty) {
    slot.set(start);
    penalty = startPenalty;
  }
  for (let r = 0; r < R; r++) {
    const round = grid[r] as number[][];
    for (let p = 0; p < P; p++) {
      const lo = cellStart[r * W + p] as number;
      const hi = cellStart[r * W + p + 1] as number;
      const table = round[p] as number[];
      table.length = 0;
      for (let s = lo; s < hi; s++) table.push(slot[s] as number);
    }
  }
  return penalty;
}

/** GF(q) arithmetic as the pivot construction needs it (see galoisFieldCreate in speeddate.ts). */
export interface FieldOps {
  readonly q: number;
  readonly add: (a: number, b: number) => number;
  readonly mul: (a: number, b: number) => number;
}

/**
 * One field round short: the affine lines over GF(q) fill rounds 0 … q − 1, and one extra round
 * (round q) takes the meetings that do not fit. Needs R = q + 1, P ≤ q + 1 and
 * c·q < T ≤ (c + 1)·q (T = c·(q + 1) when P = q + 1).
 *
 * c + 1 groups of teachers, group k on the lines "round = f + a_k·x" (x: table); a cell
 * (round, table) then holds one teacher per group. The last group (k0) keeps only m0 = T − c·q
 * of its q lines. A cell on a kept k0 line holds c + 1 teachers, so one of the other c leaves it
 * (its pivot): that teacher meets the table in the extra round instead, and sits out that field
 * round (or, when P = q + 1, visits the table at infinity — table q — there; the kept k0
 * teachers meet it in the extra round). Every cell then holds c teachers, and in the extra
 * round each table holds the m0 pivots of its column.
 *
 * Two lines of different slopes cross once, so a teacher repeats a companion only in a new
 * cell (the extra round, the table at infinity), and only with one it met at their crossing:
 * parallel lines never meet. Which teacher of a cell pivots is a perfect matching between cells
 * and lines. It is built column by column, each column taking the lines of the one slope with
 * the most lines still free (teachers of one slope share the extra round's table without a
 * repeat), completed by augmenting paths, for two choices of the kept k0 lines; the better one
 * is polished by a short seeded annealing (a free line takes a cell, or three pivots trade cells
 * around a triangle of lines) that is undone when it ends higher.
 * Returns false when the shape does not fit.
 */
export function fieldPivotFill(grid: number[][][], T: number, P: number, c: number, R: number, field: FieldOps, seed: number): boolean {
  const { q, add, mul } = field;
  if (R !== q + 1 || P > q + 1 || c + 2 > q) return false;
  const infinity = P === q + 1; // the table at infinity is a real table
  const m0 = T - c * q;
  if (m0 < 1 || m0 > c || (infinity && m0 !== c)) return false;
  const neg = new Int32Array(q);
  const inv = new Int32Array(q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      if (add(a, b) === 0) neg[a] = b;
      if (mul(a, b) === 1) inv[a] = b;
    }
  }
  const sub = (a: number, b: number): number => add(a, neg[b] as number);
  // Slopes 1 … c for the full groups, c + 1 for k0 (elements of GF(q) as the field numbers them).
  const slope = Array.from({ length: c }, (_, k) => k + 1);
  const a0 = c + 1;
  const N = c * q; // full-group teacher t = k·q + f (slope k, intercept f)
  const columns = Math.min(P, q);
  // Whether two full-group teachers met at their crossing (a real table).
  const metTab = new Uint8Array(N * N);
  for (let s = 0; s < N; s++) {
    for (let t = s + 1; t < N; t++) {
      const ks = Math.floor(s / q);
      const kt = Math.floor(t / q);
      if (ks === kt) continue;
      const x = mul(sub(t % q, s % q), inv[sub(slope[ks] as number, slope[kt] as number)] as number);
      if (x < P) metTab[s * N + t] = metTab[t * N + s] = 1;
    }
  }

  /** A matching for the kept k0 intercepts; cells are j·q + column (kept line j). */
  const plan = (kept: readonly number[], step: number, backwards: boolean) => {
    const G = m0 * q;
    const rowTab = new Int32Array(G);
    const throughTab = new Int32Array(G * c); // the teacher of group k through a cell
    for (let cell = 0; cell < G; cell++) {
      const x = cell % q;
      const r = add(kept[Math.floor(cell / q)] as number, mul(a0, x));
      rowTab[cell] = r;
      for (let k = 0; k < c; k++) throughTab[cell * c + k] = k * q + sub(r, mul(slope[k] as number, x));
    }
    const pivotCells: number[] = [];
    const cellsInCol: number[][] = Array.from({ length: q }, () => []);
    const cellsInRow: number[][] = Array.from({ length: q }, () => []);
    for (let cell = 0; cell < G; cell++) {
      if (cell % q >= columns) continue;
      pivotCells.push(cell);
      (cellsInCol[cell % q] as number[]).push(cell);
      (cellsInRow[rowTab[cell] as number] as number[]).push(cell);
    }
    // The cells of each full-group line (its crossings with the kept k0 lines, real columns).
    const cellsOf: number[][] = Array.from({ length: N }, () => []);
    for (const cell of pivotCells) for (let k = 0; k < c; k++) (cellsOf[throughTab[cell * c + k] as number] as number[]).push(cell);
    const assign = new Int32Array(G).fill(-1);
    const pivotOf = new Int32Array(N).fill(-1);
    // Column by column: the slope with the most free lines through the column's cells (ties:
    // the first from a slope that moves by `step` per column).
    for (let xi = 0; xi < columns; xi++) {
      const x = backwards ? columns - 1 - xi : xi;
      let bestK = -1;
      let bestFree = 0;
      for (let i = 0; i < c; i++) {
        const k = (step * x + i) % c;
        let free = 0;
        for (let j = 0; j < m0; j++) if ((pivotOf[throughTab[(j * q + x) * c + k] as number] as number) < 0) free++;
        if (free > bestFree) {
          bestFree = free;
          bestK = k;
        }
      }
      if (bestK < 0) continue;
      for (let j = 0; j < m0; j++) {
        const t = throughTab[(j * q + x) * c + bestK] as number;
        if ((pivotOf[t] as number) >= 0) continue;
        assign[j * q + x] = t;
        pivotOf[t] = j * q + x;
      }
    }
    // The rest by augmenting paths (Kuhn; a cell has c lines, a line at most m0 ≤ c cells).
    const seenCell = new Uint8Array(G);
    const prevCell = new Int32Array(G);
    for (const start of pivotCells) {
      if ((assign[start] as number) >= 0) continue;
      seenCell.fill(0);
      const queue = [start];
      seenCell[start] = 1;
      let endTeacher = -1;
      let endCell = -1;
      for (let h = 0; h < queue.length && endTeacher < 0; h++) {
        const cell = queue[h] as number;
        for (let k = 0; k < c; k++) {
          const t = throughTab[cell * c + k] as number;
          const other = pivotOf[t] as number;
          if (other < 0) {
            endTeacher = t;
            endCell = cell;
            break;
          }
          if (!seenCell[other]) {
            seenCell[other] = 1;
            prevCell[other] = cell;
            queue.push(other);
          }
        }
      }
      if (endTeacher < 0) return null;
      let t = endTeacher;
      let cell = endCell;
      for (;;) {
        const old = assign[cell] as number;
        assign[cell] = t;
        pivotOf[t] = cell;
        if (cell === start) break;
        t = old;
        cell = prevCell[cell] as number;
      }
    }
    // Cells sharing a new cell: the extra round's table of the column, the table at infinity
    // of the row.
    const mates: Int32Array[] = Array.from({ length: G }, () => new Int32Array(0));
    for (const cell of pivotCells) {
      const list = (cellsInCol[cell % q] as number[]).filter((o) => o !== cell);
      if (infinity) for (const o of cellsInRow[rowTab[cell] as number] as number[]) if (o !== cell) list.push(o);
      mates[cell] = Int32Array.from(list);
    }
    const costAt = (cell: number, t: number): number => {
      let s = 0;
      const base = t * N;
      const list = mates[cell] as Int32Array;
      for (let i = 0; i < list.length; i++) s += metTab[base + (assign[list[i] as number] as number)] as number;
      return s;
    };
    const total = (): number => {
      let s = 0;
      for (const cell of pivotCells) s += costAt(cell, assign[cell] as number);
      return s / 2;
    };
    return { kept, rowTab, throughTab, pivotCells, cellsOf, assign, pivotOf, costAt, total, cost: total() };
  };

  // Kept k0 lines spread over the field or packed, columns forwards or backwards: the best plan.
  let best: ReturnType<typeof plan> = null;
  for (const kept of [Array.from({ length: m0 }, (_, j) => Math.floor((j * q) / m0)), Array.from({ length: m0 }, (_, j) => j)]) {
    for (const [step, backwards] of [[1, false], [2, true]] as const) {
      const candidate = plan(kept, step, backwards);
      if (candidate !== null && (best === null || candidate.cost < best.cost)) best = candidate;
    }
  }
  if (best === null) return false;

  // Polish: annealing over matchings, undone when it ends higher.
  const { rowTab, throughTab, pivotCells, cellsOf, assign, pivotOf, costAt } = best;
  const startAssign = assign.slice();
  const startPivot = pivotOf.slice();
  const share = (z: number, y: number): number => (z % q === y % q ? 1 : 0) + (infinity && rowTab[z] === rowTab[y] ? 1 : 0);
  const prng = prngCreate(seed);
  const steps = 40 * pivotCells.length;
  const hot = 0.5;
  const acceptWorse = new Float64Array(12);
  let refreshAt = 0;
  for (let step = 0; step < steps; step++) {
    if (step >= refreshAt) {
      const temperature = hot * (1 - step / steps);
      for (let d = 1; d <= acceptWorse.length; d++) acceptWorse[d - 1] = temperature > 0.05 ? Math.exp(-d / temperature) : 0;
      refreshAt = step + 512;
    }
    const z1 = pivotCells[prng.nextInt(pivotCells.length)] as number;
    const x1 = assign[z1] as number;
    const y = throughTab[z1 * c + prng.nextInt(c)] as number;
    if (y === x1) continue;
    const z2 = pivotOf[y] as number;
    if (z2 < 0) {
      // A free line takes the cell.
      const delta = costAt(z1, y) - costAt(z1, x1);
      if (delta <= 0 || prng.next() < (acceptWorse[delta - 1] ?? 0)) {
        assign[z1] = y;
        pivotOf[y] = z1;
        pivotOf[x1] = -1;
      }
      continue;
    }
    // Triangle: y leaves z2 for z1, x1 leaves z1 for z3 (a cell of its line), and z3's line w
    // takes z2 when it passes through z2. Exact change: the three cells' counts, less the pairs
    // among them (counted twice).
    const options = cellsOf[x1] as number[];
    const first = prng.nextInt(options.length);
    for (let i = 0; i < options.length; i++) {
      const z3 = options[(first + i) % options.length] as number;
      if (z3 === z1 || z3 === z2) continue;
      const w = assign[z3] as number;
      if (w === y || throughTab[z2 * c + Math.floor(w / q)] !== w) continue;
      const s12 = share(z1, z2);
      const s13 = share(z1, z3);
      const s23 = share(z2, z3);
      const before =
        costAt(z1, x1) + costAt(z2, y) + costAt(z3, w) - s12 * (metTab[x1 * N + y] as number) - s13 * (metTab[x1 * N + w] as number) - s23 * (metTab[y * N + w] as number);
      assign[z1] = y;
      assign[z2] = w;
      assign[z3] = x1;
      const after =
        costAt(z1, y) + costAt(z2, w) + costAt(z3, x1) - s12 * (metTab[y * N + w] as number) - s13 * (metTab[y * N + x1] as number) - s23 * (metTab[w * N + x1] as number);
      const delta = after - before;
      if (delta <= 0 || prng.next() < (acceptWorse[delta - 1] ?? 0)) {
        pivotOf[y] = z1;
        pivotOf[w] = z2;
        pivotOf[x1] = z3;
      } else {
        assign[z1] = x1;
        assign[z2] = y;
        assign[z3] = w;
      }
      break;
    }
  }
  if (best.total() > best.cost) {
    assign.set(startAssign);
    pivotOf.set(startPivot);
  }

  // The grid: full-group teachers 0 … N − 1, then the kept k0 teachers.
  for (const round of grid) for (const table of round) table.length = 0;
  for (let t = 0; t < T; t++) {
    const full = t < N;
    const a = full ? (slope[Math.floor(t / q)] as number) : a0;
    const f = full ? t % q : (best.kept[t - N] as number);
    const pivot = full ? (pivotOf[t] as number) : -1;
    if (full && infinity && pivot < 0) return false;
    for (let x = 0; x < columns; x++) {
      const r = add(f, mul(a, x));
      if (pivot >= 0 && pivot % q === x) {
        (grid[q]?.[x] as number[]).push(t);
        if (infinity) (grid[r]?.[q] as number[]).push(t);
      } else (grid[r]?.[x] as number[]).push(t);
    }
    if (infinity && !full) (grid[q]?.[q] as number[]).push(t);
  }
  return true;
}
