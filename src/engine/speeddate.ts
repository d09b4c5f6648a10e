// Speeddate rotations: T teachers visit P professionals (one table each, at most c teachers
// per table) in R rounds; a teacher sits at one table per round at most.
//
// With R ≥ R* = max(P, ⌈T/c⌉) every teacher meets every professional exactly once. When
// [R*, R] holds a prime power q (with ⌈T/q⌉ < q), teacher t = (group k, f) sits at table p in
// round f + a_k·x_p over the finite field GF(q): no teacher pair ever shares a table twice.
// Otherwise an affine construction modulo M = R: teacher t = (group k, f = t mod M) sits at
// table p in round (f + p·(g_k − 1)) mod M, where every g_k − 1 is a unit mod M. Either way
// each table holds one teacher per group per round (≤ ⌈T/M⌉ ≤ c, loads differ by at most
// one).
//
// With R < R* the largest possible number of meetings, min(T·min(R,P), P·min(R·c,T)), is
// reached by choosing a near-regular meeting graph of that size and colouring its edges with
// R colours (König's theorem; each table split into seats that hold one teacher per round).
// A seeded local search then lowers the number of repeated teacher pairs (see rotationMix).
import { prngCreate } from './prng.ts';

export interface RotationInput {
  readonly teacherIds: readonly string[];
  readonly professionalIds: readonly string[];
  readonly tableCapacity: number;
  readonly rounds: number;
  /** Seed of the mixing search (default 1); the schedule's guarantees do not depend on it. */
  readonly seed?: number;
}

export interface RotationTable {
  readonly professionalId: string;
  readonly teacherIds: readonly string[];
}

export interface RotationOutput {
  readonly rounds: readonly { readonly round: number; readonly tables: readonly RotationTable[] }[];
  readonly meetings: number;
  /** min(T·min(R,P), P·min(R·c,T)): no schedule has more meetings. */
  readonly bound: number;
  /** R* = max(P, ⌈T/c⌉): rounds needed for everybody to meet everybody. */
  readonly roundsNeeded: number;
  readonly complete: boolean;
  /** Teacher pairs that share a table more than once (counted per extra meeting). */
  readonly repeatedTeacherPairs: number;
  readonly maxTableLoad: number;
  readonly method: 'AFFINE' | 'EDGE_COLOURING';
}

export function rotationBound(t: number, p: number, c: number, r: number): number {
  return Math.min(t * Math.min(r, p), p * Math.min(r * c, t));
}

export function rotationRoundsNeeded(t: number, p: number, c: number): number {
  return Math.max(p, Math.ceil(t / c));
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** GF(q) for a prime power q: elements 0 … q−1 (base-p digits = polynomial coefficients). */
interface GaloisField {
  readonly q: number;
  readonly add: (a: number, b: number) => number;
  readonly mul: (a: number, b: number) => number;
}

/** The field of order m when m is a prime power (and small enough for tables), else null. */
export function galoisFieldCreate(m: number): GaloisField | null {
  if (m < 2 || m > 4096) return null;
  let p = 2;
  while (m % p !== 0) p++;
  let k = 0;
  for (let x = m; x > 1; x /= p) {
    if (x % p !== 0) return null;
    k++;
  }
  const digitsAdd = (a: number, b: number): number => {
    let out = 0;
    for (let scale = 1; scale < m; scale *= p) out += ((Math.floor(a / scale) % p) + (Math.floor(b / scale) % p)) % p * scale;
    return out;
  };
  if (k === 1) return { q: m, add: (a, b) => (a + b) % m, mul: (a, b) => (a * b) % m };
  // A primitive polynomial x^k − Σ c_i x^i: x generates the multiplicative group.
  const top = m; // p^k: the digit weight of x^k
  for (let low = 0; low < m; low++) {
    const exp = new Int32Array(m - 1);
    const log = new Int32Array(m).fill(-1);
    let e = 1;
    let ok = true;
    for (let i = 0; i < m - 1; i++) {
      if ((log[e] as number) >= 0) {
        ok = false;
        break;
      }
      exp[i] = e;
      log[e] = i;
      // e · x: shift the digits; the overflow digit d of x^k is replaced by d · (low polynomial).
      const shifted = e * p;
      const d = Math.floor(shifted / top);
      let next = shifted % top;
      for (let j = 0; j < d; j++) next = digitsAdd(next, low);
      e = next;
    }
    if (!ok || e !== 1) continue;
    const addTable = new Int32Array(m * m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) addTable[a * m + b] = digitsAdd(a, b);
    return {
      q: m,
      add: (a, b) => addTable[a * m + b] as number,
      mul: (a, b) => (a === 0 || b === 0 ? 0 : (exp[((log[a] as number) + (log[b] as number)) % (m - 1)] as number)),
    };
  }
  return null;
}

/**
 * Teacher t = (group k, f) sits at table p in round f + a_k·x_p over GF(q), with a_k = k + 1
 * and x_p = p: a teacher meets every table once, a table holds one teacher per group per
 * round, and two teachers share a table at most once (x_p = (f' − f)/(a_k − a_k')).
 */
function fieldFill(grid: number[][][], T: number, P: number, field: GaloisField): void {
  const { q, add, mul } = field;
  for (let t = 0; t < T; t++) {
    const f = t % q;
    const a = Math.floor(t / q) + 1;
    for (let p = 0; p < P; p++) (grid[add(f, mul(a, p))]?.[p] as number[]).push(t);
  }
}

export function rotationBuild(input: RotationInput): RotationOutput {
  const teachers = [...new Set(input.teacherIds)].sort();
  const pros = [...new Set(input.professionalIds)].sort();
  if (teachers.length !== input.teacherIds.length || pros.length !== input.professionalIds.length) throw new Error('ROTATION_DUPLICATE_ID');
  const T = teachers.length;
  const P = pros.length;
  const c = Math.floor(input.tableCapacity);
  const R = Math.floor(input.rounds);
  if (!(c >= 1) || !(R >= 1)) throw new Error('ROTATION_PARAMETERS_INVALID');
  const needed = T === 0 || P === 0 ? 0 : rotationRoundsNeeded(T, P, c);
  // seat[r][p] = teacher indices
  const grid: number[][][] = Array.from({ length: R }, () => Array.from({ length: P }, () => []));
  let method: RotationOutput['method'];
  if (T === 0 || P === 0) method = 'AFFINE';
  else if (R >= needed) {
    method = 'AFFINE';
    // A prime power q in [R*, R] gives zero repeated teacher pairs (affine lines over GF(q));
    // otherwise M = R and the local search below lowers the repeats.
    let field: GaloisField | null = null;
    for (let m = needed; m <= R && field === null; m++) {
      if (Math.ceil(T / m) <= m - 1) field = galoisFieldCreate(m);
    }
    if (field !== null) fieldFill(grid, T, P, field);
    else affineFill(grid, T, P, R);
  } else {
    method = 'EDGE_COLOURING';
    colouringFill(grid, T, P, c, R);
  }
  if (method === 'EDGE_COLOURING') rotationBalance(grid, T, P, c, R);
  if (T > 1 && P > 1 && R > 1) rotationMix(grid, T, P, R, input.seed ?? 1);
  // Summaries.
  let meetings = 0;
  let maxLoad = 0;
  const together = new Map<number, number>();
  let repeated = 0;
  for (const round of grid) {
    for (const table of round) {
      table.sort((x, y) => x - y);
      meetings += table.length;
      maxLoad = Math.max(maxLoad, table.length);
      for (let x = 0; x < table.length; x++) {
        for (let y = x + 1; y < table.length; y++) {
          const key = (table[x] as number) * T + (table[y] as number);
          const seen = together.get(key) ?? 0;
          if (seen > 0) repeated++;
          together.set(key, seen + 1);
        }
      }
    }
  }
  const bound = rotationBound(T, P, c, R);
  return {
    rounds: grid.map((round, r) => ({
      round: r + 1,
      tables: round.map((table, p) => ({ professionalId: pros[p] as string, teacherIds: table.map((t) => teachers[t] as string) })),
    })),
    meetings,
    bound,
    roundsNeeded: needed,
    complete: meetings === T * P,
    repeatedTeacherPairs: repeated,
    maxTableLoad: maxLoad,
    method,
  };
}

/**
 * Secondary goal: fewer repeated teacher pairs at a table. A move takes two teachers t and t'
 * with t at tables p, q and t' at q, p in rounds r1, r2 and exchanges their rounds: every
 * teacher keeps meeting the same professionals and every table keeps its load, so all hard
 * guarantees stay; a move is kept when the number of repeated pairs does not grow.
 */
function rotationMix(grid: number[][][], T: number, P: number, R: number, seed: number): void {
  const prng = prngCreate(seed);
  const seatOf = new Int32Array(T * R).fill(-1); // teacher × round → table
  for (let r = 0; r < R; r++) for (let p = 0; p < P; p++) for (const t of grid[r]?.[p] as number[]) seatOf[t * R + r] = p;
  const together = new Int32Array(T * T);
  let penalty = 0;
  for (const round of grid) {
    for (const table of round) {
      for (let x = 0; x < table.length; x++) {
        for (let y = x + 1; y < table.length; y++) {
          const a = table[x] as number;
          const b = table[y] as number;
          if ((together[a * T + b] as number) >= 1) penalty++;
          together[a * T + b] = (together[a * T + b] as number) + 1;
          together[b * T + a] = (together[b * T + a] as number) + 1;
        }
      }
    }
  }
  if (penalty === 0) return;
  // Moves one teacher between tables of one round, keeping `together` and the penalty current.
  const move = (t: number, r: number, from: number, to: number): number => {
    let delta = 0;
    const src = grid[r]?.[from] as number[];
    src.splice(src.indexOf(t), 1);
    for (const x of src) {
      const k = t * T + x;
      const n = together[k] as number;
      if (n >= 2) delta--;
      together[k] = n - 1;
      together[x * T + t] = n - 1;
    }
    const dst = grid[r]?.[to] as number[];
    for (const x of dst) {
      const k = t * T + x;
      const n = together[k] as number;
      if (n >= 1) delta++;
      together[k] = n + 1;
      together[x * T + t] = n + 1;
    }
    dst.push(t);
    seatOf[t * R + r] = to;
    return delta;
  };
  const attempts = Math.min(24_000, 6 * T * R);
  for (let k = 0; k < attempts && penalty > 0; k++) {
    const t = prng.nextInt(T);
    const r1 = prng.nextInt(R);
    const r2 = prng.nextInt(R);
    if (r1 === r2) continue;
    const p = seatOf[t * R + r1] as number;
    const q = seatOf[t * R + r2] as number;
    if (p < 0 || q < 0 || p === q) continue;
    // A partner t' sitting at q in r1 and at p in r2.
    let partner = -1;
    for (const x of grid[r1]?.[q] as number[]) {
      if (seatOf[x * R + r2] === p) {
        partner = x;
        break;
      }
    }
    if (partner < 0) continue;
    let delta = move(t, r1, p, q) + move(partner, r1, q, p) + move(t, r2, q, p) + move(partner, r2, p, q);
    if (delta <= 0) {
      penalty += delta;
      continue;
    }
    delta += move(t, r1, q, p) + move(partner, r1, p, q) + move(t, r2, p, q) + move(partner, r2, q, p);
  }
}

/**
 * Evens out table loads inside each round (the colouring only bounds them by the seats).
 * Moves keep every teacher's set of professionals: a teacher's meeting is moved to a round in
 * which the teacher sits out, or two of the teacher's meetings swap rounds. A move is made only
 * when it lowers Σ load² over all tables and rounds, so the loop ends.
 */
function rotationBalance(grid: number[][][], T: number, P: number, c: number, R: number): void {
  const seatOf = new Int32Array(T * R).fill(-1);
  for (let r = 0; r < R; r++) for (let p = 0; p < P; p++) for (const t of grid[r]?.[p] as number[]) seatOf[t * R + r] = p;
  const load = (r: number, p: number): number => (grid[r]?.[p] as number[]).length;
  const shift = (t: number, r: number, from: number, to: number): void => {
    const src = grid[r]?.[from] as number[];
    src.splice(src.indexOf(t), 1);
    (grid[r]?.[to] as number[]).push(t);
    seatOf[t * R + r] = to;
  };
  const place = (t: number, from: number, r1: number, r2: number, p: number): void => {
    const src = grid[r1]?.[p] as number[];
    src.splice(src.indexOf(t), 1);
    seatOf[t * R + r1] = -1;
    (grid[r2]?.[p] as number[]).push(t);
    seatOf[t * R + r2] = p;
    void from;
  };
  /** Tries to move one teacher from table hi to table lo in round r; true when done. */
  const relieve = (r: number, hi: number, lo: number): boolean => {
    const Lhi = load(r, hi);
    const Llo = load(r, lo);
    for (const t of grid[r]?.[hi] as number[]) {
      for (let r2 = 0; r2 < R; r2++) {
        if (r2 === r) continue;
        const at = seatOf[t * R + r2] as number;
        if (at === lo && load(r2, hi) + 1 <= c) {
          // Swap rounds: t meets lo in round r and hi in round r2.
          if (2 * (Llo - Lhi + 1) + 2 * (load(r2, hi) - load(r2, lo) + 1) < 0) {
            shift(t, r, hi, lo);
            shift(t, r2, lo, hi);
            return true;
          }
        } else if (at < 0 && load(r2, hi) + 1 <= c && 2 * (load(r2, hi) - Lhi + 1) < 0) {
          // Move t's meeting with hi to a round where t sits out.
          place(t, hi, r, r2, hi);
          return true;
        }
      }
    }
    return false;
  };
  let improved = true;
  let guard = 0;
  while (improved && guard++ < 20 * R * P) {
    improved = false;
    for (let r = 0; r < R; r++) {
      const order = Array.from({ length: P }, (_, p) => p).sort((x, y) => load(r, y) - load(r, x) || x - y);
      const minLoad = load(r, order[P - 1] as number);
      for (const hi of order) {
        if (load(r, hi) - minLoad < 2) break;
        for (let k = P - 1; k >= 0; k--) {
          const lo = order[k] as number;
          if (load(r, hi) - load(r, lo) < 2) break;
          if (relieve(r, hi, lo)) {
            improved = true;
            break;
          }
        }
        if (improved) break;
      }
    }
  }
}

function affineFill(grid: number[][][], T: number, P: number, M: number): void {
  const groups = Math.ceil(T / M);
  const units: number[] = [];
  for (let g = 0; g < M; g++) if (gcd(mod(g - 1, M), M) === 1) units.push(g);
  const chosen: number[] = [];
  for (let k = 0; k < groups; k++) {
    let best = units[0] as number;
    let bestBad = Infinity;
    for (const g of units) {
      let bad = 0;
      for (const h of chosen) if (gcd(mod(g - h, M), M) !== 1) bad += g === h ? 2 : 1;
      if (bad < bestBad) {
        bestBad = bad;
        best = g;
        if (bad === 0) break;
      }
    }
    chosen.push(best);
  }
  for (let t = 0; t < T; t++) {
    const f = t % M;
    const g = chosen[Math.floor(t / M)] as number;
    for (let p = 0; p < P; p++) {
      const r = mod(f + p * (g - 1), M);
      (grid[r]?.[p] as number[]).push(t);
    }
  }
}

function colouringFill(grid: number[][][], T: number, P: number, c: number, R: number): void {
  const E = rotationBound(T, P, c, R);
  // Near-regular meeting graph: tables' slots laid out one after another, teacher = index mod T.
  const seatOf: number[] = []; // per table: first seat node
  const seatTable: number[] = [];
  const edgesT: number[] = [];
  const edgesS: number[] = [];
  let index = 0;
  for (let p = 0; p < P; p++) {
    const ep = Math.floor(E / P) + (p < E % P ? 1 : 0);
    const seats = Math.max(1, Math.min(c, Math.ceil(ep / R)));
    seatOf.push(seatTable.length);
    for (let s = 0; s < seats; s++) seatTable.push(p);
    for (let q = 0; q < ep; q++) {
      edgesT.push(index % T);
      edgesS.push((seatOf[p] as number) + (q % seats));
      index++;
    }
  }
  const S = seatTable.length;
  const atT = new Int32Array(T * R).fill(-1); // teacher × colour → seat
  const atS = new Int32Array(S * R).fill(-1); // seat × colour → teacher
  const freeColour = (arr: Int32Array, node: number): number => {
    for (let r = 0; r < R; r++) if ((arr[node * R + r] as number) < 0) return r;
    throw new Error('ROTATION_INTERNAL_DEGREE');
  };
  const pathT: number[] = [];
  const pathS: number[] = [];
  for (let e = 0; e < edgesT.length; e++) {
    const t = edgesT[e] as number;
    const s = edgesS[e] as number;
    const alpha = freeColour(atT, t);
    if ((atS[s * R + alpha] as number) >= 0) {
      const beta = freeColour(atS, s);
      // Alternating α/β path from s; swapping it frees α at s.
      pathT.length = 0;
      pathS.length = 0;
      let seat = s;
      let colour = alpha;
      for (;;) {
        const teacher = atS[seat * R + colour] as number;
        if (teacher < 0) break;
        pathS.push(seat);
        pathT.push(teacher);
        const other = colour === alpha ? beta : alpha;
        const nextSeat = atT[teacher * R + other] as number;
        colour = other;
        if (nextSeat < 0) break;
        seat = nextSeat;
        // The edge (teacher, nextSeat) with colour `other` is also on the path.
        pathS.push(nextSeat);
        pathT.push(teacher);
        colour = other === alpha ? beta : alpha;
        if ((atS[nextSeat * R + colour] as number) < 0) break;
      }
      // Path edges alternate colours starting with α; remove then re-add swapped.
      const colours: number[] = [];
      for (let k = 0; k < pathS.length; k++) colours.push(k % 2 === 0 ? alpha : beta);
      for (let k = 0; k < pathS.length; k++) {
        atS[(pathS[k] as number) * R + (colours[k] as number)] = -1;
        atT[(pathT[k] as number) * R + (colours[k] as number)] = -1;
      }
      for (let k = 0; k < pathS.length; k++) {
        const swapped = colours[k] === alpha ? beta : alpha;
        atS[(pathS[k] as number) * R + swapped] = pathT[k] as number;
        atT[(pathT[k] as number) * R + swapped] = pathS[k] as number;
      }
    }
    atS[s * R + alpha] = t;
    atT[t * R + alpha] = s;
  }
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const t = atS[s * R + r] as number;
      if (t >= 0) (grid[r]?.[seatTable[s] as number] as number[]).push(t);
    }
  }
}
