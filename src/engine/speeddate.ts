// Speeddate rotations: T teachers visit P professionals (one table each, at most c teachers
// per table) in R rounds; a teacher sits at one table per round at most.
//
// With R ≥ R* = max(P, ⌈T/c⌉) every teacher meets every professional exactly once. When
// [R*, R] holds a prime power q (with ⌈T/q⌉ < q), teacher t = (group k, f) sits at table p in
// round f + a_k·x_p over the finite field GF(q): no teacher pair ever shares a table twice.
// Otherwise the best of three schedules with balanced tables: an affine construction modulo
// M = R (teacher t = (group k, f = t mod M) sits at table p in round (f + p·(g_k − 1)) mod M,
// every g_k − 1 a unit mod M); the lines of a larger field GF(q), q > R, with q − R rounds
// dropped (fieldDropFill); and the lines of GF(R − 1) with one extra round for the meetings
// that do not fit (fieldPivotFill in speeddate-search.ts: repeats only in the extra round and
// at the table at infinity). Each table holds at most c teachers, loads differ by at most one.
//
// With R < R* the largest possible number of meetings, min(T·min(R,P), P·min(R·c,T)), is
// reached by choosing a near-regular meeting graph of that size and colouring its edges with
// R colours (König's theorem; each table split into seats that hold one teacher per round).
// A seeded local search then lowers the number of repeated teacher pairs: two rounds, a cycle
// of teachers whose tables in them form a cycle, every one swapping its two tables — meetings
// and table loads stay exactly as they were (rotationSearch in speeddate-search.ts).
import { fieldPivotFill, rotationRepeats, rotationSearch } from './speeddate-search.ts';
import { engineFail, type EngineFailure, type EngineResult } from './types.ts';

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
  /**
   * The schedule the search started from: FIELD (GF(q), q in [R*, R]), FIELD_EXTRA_ROUND
   * (GF(R − 1) and one extra round), FIELD_DROPPED_ROUNDS (GF(q), q > R, rounds dropped),
   * MODULO_R (affine modulo R) or EDGE_COLOURING (R < R*).
   */
  readonly construction: RotationConstruction;
}

export type RotationConstruction = 'FIELD' | 'FIELD_EXTRA_ROUND' | 'FIELD_DROPPED_ROUNDS' | 'MODULO_R' | 'EDGE_COLOURING';

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

/** grid[r][p] = the teachers (indices) at table p in round r, for every rule of the header. */
function rotationGrid(T: number, P: number, c: number, R: number, seed: number): { grid: number[][][]; method: RotationOutput['method']; construction: RotationConstruction } {
  const needed = T === 0 || P === 0 ? 0 : rotationRoundsNeeded(T, P, c);
  const grid: number[][][] = Array.from({ length: R }, () => Array.from({ length: P }, () => []));
  let method: RotationOutput['method'];
  let construction: RotationConstruction = 'FIELD';
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
    else {
      // Composite R: a larger field with rounds dropped, when it keeps the tables balanced and
      // repeats fewer pairs than the affine construction modulo R.
      affineFill(grid, T, P, R);
      construction = 'MODULO_R';
      const dropped: number[][][] = Array.from({ length: R }, () => Array.from({ length: P }, () => []));
      const built = fieldDropFill(dropped, T, P, c, R);
      if (built && !gridBalanced(dropped, c)) rotationBalance(dropped, T, P, c, R);
      if (built && gridBalanced(dropped, c) && rotationRepeats(dropped, T) < rotationRepeats(grid, T)) {
        for (let r = 0; r < R; r++) grid[r] = dropped[r] as number[][];
        construction = 'FIELD_DROPPED_ROUNDS';
      }
      // One field round short: GF(R − 1) and an extra round (fieldPivotFill).
      const smaller = galoisFieldCreate(R - 1);
      if (smaller !== null) {
        const pivoted: number[][][] = Array.from({ length: R }, () => Array.from({ length: P }, () => []));
        if (fieldPivotFill(pivoted, T, P, c, R, smaller, seed) && gridBalanced(pivoted, c) && rotationRepeats(pivoted, T) < rotationRepeats(grid, T)) {
          for (let r = 0; r < R; r++) grid[r] = pivoted[r] as number[][];
          construction = 'FIELD_EXTRA_ROUND';
        }
      }
    }
  } else {
    method = 'EDGE_COLOURING';
    construction = 'EDGE_COLOURING';
    colouringFill(grid, T, P, c, R);
  }
  if (method === 'EDGE_COLOURING') rotationBalance(grid, T, P, c, R);
  if (T > 1 && P > 1 && R > 1) rotationSearch(grid, T, P, { seed });
  return { grid, method, construction };
}

/** Every table holds at most c teachers, and the tables of a round differ by at most one. */
function gridBalanced(grid: readonly (readonly (readonly number[])[])[], c: number): boolean {
  for (const round of grid) {
    let lo = Infinity;
    let hi = 0;
    for (const table of round) {
      lo = Math.min(lo, table.length);
      hi = Math.max(hi, table.length);
    }
    if (hi > c || hi - lo > 1) return false;
  }
  return true;
}

/** Repeated teacher pairs (per extra shared table) and the largest table of rounds of teacher-id tables. */
function rotationCount(rounds: readonly { readonly tables: readonly RotationTable[] }[]): { repeated: number; maxLoad: number } {
  const together = new Map<string, number>();
  let repeated = 0;
  let maxLoad = 0;
  for (const round of rounds) {
    for (const table of round.tables) {
      const ids = [...table.teacherIds].sort();
      maxLoad = Math.max(maxLoad, ids.length);
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          const key = `${ids[x]}\u0000${ids[y]}`;
          const seen = together.get(key) ?? 0;
          if (seen > 0) repeated++;
          together.set(key, seen + 1);
        }
      }
    }
  }
  return { repeated, maxLoad };
}

export type RotationFailureReason = 'ROTATION_DUPLICATE_ID' | 'ROTATION_PARAMETERS_INVALID';

/** The rotation for T teachers, P professionals, c seats per table and R rounds (see the header). */
export function rotationBuild(input: RotationInput): EngineResult<RotationOutput, RotationFailureReason> {
  const teachers = [...new Set(input.teacherIds)].sort();
  const pros = [...new Set(input.professionalIds)].sort();
  if (teachers.length !== input.teacherIds.length || pros.length !== input.professionalIds.length) return engineFail('ROTATION_DUPLICATE_ID');
  const T = teachers.length;
  const P = pros.length;
  const c = Math.floor(input.tableCapacity);
  const R = Math.floor(input.rounds);
  if (!(c >= 1) || !(R >= 1)) return engineFail('ROTATION_PARAMETERS_INVALID', 'tableCapacity and rounds must be at least 1');
  const needed = T === 0 || P === 0 ? 0 : rotationRoundsNeeded(T, P, c);
  const { grid, method, construction } = rotationGrid(T, P, c, R, input.seed ?? 1);
  // Summaries.
  let meetings = 0;
  let maxLoad = 0;
  const together = new Uint8Array(T * T); // 1 once a pair shared a table
  let repeated = 0;
  for (const round of grid) {
    for (const table of round) {
      table.sort((x, y) => x - y);
      meetings += table.length;
      maxLoad = Math.max(maxLoad, table.length);
      for (let x = 0; x < table.length; x++) {
        for (let y = x + 1; y < table.length; y++) {
          const key = (table[x] as number) * T + (table[y] as number);
          if (together[key]) repeated++;
          together[key] = 1;
        }
      }
    }
  }
  const bound = rotationBound(T, P, c, R);
  return {
    ok: true,
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
    construction,
  };
}

export interface RotationRound {
  readonly round: number;
  readonly tables: readonly RotationTable[];
}

export interface RotationMeeting {
  readonly teacherId: string;
  readonly professionalId: string;
}

export interface RotationRecomputeInput {
  /** The rotation so far (rounds numbered from 1); only the rounds before `fromRound` are read. */
  readonly rounds: readonly RotationRound[];
  /** The first round that may change (1-based); rounds before it are returned as they are. */
  readonly fromRound: number;
  /** R: the number of rounds of the event. */
  readonly totalRounds: number;
  /** The teachers and professionals present from `fromRound` on (arrivals in, no-shows out). */
  readonly teacherIds: readonly string[];
  readonly professionalIds: readonly string[];
  readonly tableCapacity: number;
  readonly seed?: number;
}

export type RotationRecomputeResult =
  | {
      readonly ok: true;
      /** Rounds 1 … fromRound − 1 as given, then fromRound … totalRounds (one table per present professional). */
      readonly rounds: readonly RotationRound[];
      /** Meetings of present teachers with present professionals not held before `fromRound`. */
      readonly meetingsRemaining: number;
      /** Of those, the ones planned from `fromRound` on. */
      readonly meetingsPlanned: number;
      /** Remaining meetings that the rounds left cannot hold (sorted by teacher, then professional). */
      readonly unplaced: readonly RotationMeeting[];
      readonly complete: boolean;
      /** Over the whole rotation (the kept rounds included). */
      readonly repeatedTeacherPairs: number;
      readonly maxTableLoad: number;
    }
  | EngineFailure<RotationFailureReason>;

/**
 * The rotation from round r = `fromRound` on, for the teachers and professionals present now.
 * Rounds before r stay exactly as given. From r on every present teacher meets every present
 * professional they have not met yet, once, at most c teachers per table; when the R − r + 1
 * rounds left cannot hold them all (a teacher with more unmet professionals than rounds, a
 * professional with more unmet teachers than rounds × c), a maximum set of meetings is
 * planned (a max flow: teacher ≤ rounds left, professional ≤ rounds left × c) and the rest is
 * returned in `unplaced`.
 *
 * When no present teacher has met a present professional yet, the remaining rounds are a fresh
 * `rotationBuild` schedule. Otherwise each table is split into ⌈unmet/rounds left⌉ seats and
 * the meeting graph is edge-coloured with the rounds left (König), then balanced (Σ load²) and
 * mixed (fewer repeated companions, counting the kept rounds) like rotationBuild's schedules.
 */
export function rotationRecompute(input: RotationRecomputeInput): RotationRecomputeResult {
  const teachers = [...new Set(input.teacherIds)].sort();
  const pros = [...new Set(input.professionalIds)].sort();
  if (teachers.length !== input.teacherIds.length || pros.length !== input.professionalIds.length) {
    return engineFail('ROTATION_DUPLICATE_ID');
  }
  const c = input.tableCapacity;
  const R = input.totalRounds;
  const from = input.fromRound;
  if (!Number.isInteger(c) || c < 1 || !Number.isInteger(R) || R < 0 || !Number.isInteger(from) || from < 1) {
    return engineFail('ROTATION_PARAMETERS_INVALID', 'tableCapacity ≥ 1, totalRounds ≥ 0 and fromRound ≥ 1 must be integers');
  }
  const T = teachers.length;
  const P = pros.length;
  const tIndex = new Map(teachers.map((id, i) => [id, i]));
  const pIndex = new Map(pros.map((id, i) => [id, i]));
  const kept = input.rounds.filter((round) => round.round < from).sort((a, b) => a.round - b.round);
  // Meetings held, and companions of present teachers in the kept rounds.
  const met = new Uint8Array(T * P);
  const prior = new Int32Array(T * T);
  for (const round of kept) {
    for (const table of round.tables) {
      const p = pIndex.get(table.professionalId);
      const seated: number[] = [];
      for (const id of table.teacherIds) {
        const t = tIndex.get(id);
        if (t === undefined) continue;
        seated.push(t);
        if (p !== undefined) met[t * P + p] = 1;
      }
      for (let x = 0; x < seated.length; x++) {
        for (let y = x + 1; y < seated.length; y++) {
          const a = seated[x] as number;
          const b = seated[y] as number;
          prior[a * T + b] = (prior[a * T + b] as number) + 1;
          prior[b * T + a] = (prior[b * T + a] as number) + 1;
        }
      }
    }
  }
  const left = Math.max(0, R - from + 1);
  // Unmet pairs, then the ones that fit.
  const chosen = new Uint8Array(T * P);
  const degT = new Int32Array(T);
  const degP = new Int32Array(P);
  let remaining = 0;
  for (let t = 0; t < T; t++) {
    for (let p = 0; p < P; p++) {
      if (met[t * P + p]) continue;
      chosen[t * P + p] = 1;
      degT[t] = (degT[t] as number) + 1;
      degP[p] = (degP[p] as number) + 1;
      remaining++;
    }
  }
  let fits = true;
  for (let t = 0; t < T; t++) if ((degT[t] as number) > left) fits = false;
  for (let p = 0; p < P; p++) if ((degP[p] as number) > left * c) fits = false;
  if (!fits) rotationSelect(chosen, degT, degP, T, P, left, left * c);
  let planned = 0;
  for (let k = 0; k < T * P; k++) planned += chosen[k] as number;
  let grid: number[][][] = Array.from({ length: left }, () => Array.from({ length: P }, () => []));
  if (planned > 0) {
    if (planned === T * P) grid = rotationGrid(T, P, c, left, input.seed ?? 1).grid;
    else {
      const lists: number[][] = Array.from({ length: P }, () => []);
      for (let t = 0; t < T; t++) for (let p = 0; p < P; p++) if (chosen[t * P + p]) (lists[p] as number[]).push(t);
      seatsColour(
        grid,
        T,
        left,
        lists.map((list) => ({ teachers: list, seats: Math.max(1, Math.ceil(list.length / left)) })),
      );
      rotationBalance(grid, T, P, c, left);
      if (T > 1 && P > 1 && left > 1) rotationSearch(grid, T, P, { seed: input.seed ?? 1, prior });
    }
  }
  const unplaced: RotationMeeting[] = [];
  for (let t = 0; t < T; t++) {
    for (let p = 0; p < P; p++) {
      if (!met[t * P + p] && !chosen[t * P + p]) unplaced.push({ teacherId: teachers[t] as string, professionalId: pros[p] as string });
    }
  }
  const rounds: RotationRound[] = [
    ...kept,
    ...grid.map((round, k) => ({
      round: from + k,
      tables: round.map((table, p) => ({
        professionalId: pros[p] as string,
        teacherIds: [...table].sort((x, y) => x - y).map((t) => teachers[t] as string),
      })),
    })),
  ];
  const { repeated, maxLoad } = rotationCount(rounds);
  return {
    ok: true,
    rounds,
    meetingsRemaining: remaining,
    meetingsPlanned: planned,
    unplaced,
    complete: unplaced.length === 0,
    repeatedTeacherPairs: repeated,
    maxTableLoad: maxLoad,
  };
}

/**
 * Narrows `chosen` (teacher × professional) to a maximum set with at most `capT` meetings per
 * teacher and `capP` per professional: greedy first (teachers with the fewest options first),
 * then augmenting paths (BFS from the source over teacher → professional → teacher arcs).
 */
function rotationSelect(chosen: Uint8Array, degT: Int32Array, degP: Int32Array, T: number, P: number, capT: number, capP: number): void {
  const options = chosen.slice();
  chosen.fill(0);
  const loadT = new Int32Array(T);
  const loadP = new Int32Array(P);
  const order = Array.from({ length: T }, (_, t) => t).sort((a, b) => (degT[a] as number) - (degT[b] as number) || a - b);
  for (const t of order) {
    // Professionals with the most spare room first (ties: index).
    const ps: number[] = [];
    for (let p = 0; p < P; p++) if (options[t * P + p]) ps.push(p);
    ps.sort((a, b) => (degP[a] as number) - (degP[b] as number) || a - b);
    for (const p of ps) {
      if ((loadT[t] as number) >= capT) break;
      if ((loadP[p] as number) >= capP) continue;
      chosen[t * P + p] = 1;
      loadT[t] = (loadT[t] as number) + 1;
      loadP[p] = (loadP[p] as number) + 1;
    }
  }
  // Augment: a path source → t (spare) → p → t' (chosen t'p reversed) → … → p* (spare) → sink.
  const prevP = new Int32Array(P);
  const fromP = new Int32Array(T);
  const seenT = new Uint8Array(T);
  for (let s = 0; s < T; s++) {
    while ((loadT[s] as number) < capT) {
      prevP.fill(-2);
      seenT.fill(0);
      const queue: number[] = [s];
      seenT[s] = 1;
      let end = -1;
      for (let head = 0; head < queue.length && end < 0; head++) {
        const t = queue[head] as number;
        for (let p = 0; p < P; p++) {
          if (!options[t * P + p] || chosen[t * P + p] || (prevP[p] as number) !== -2) continue;
          prevP[p] = t;
          if ((loadP[p] as number) < capP) {
            end = p;
            break;
          }
          for (let u = 0; u < T; u++) {
            if (!seenT[u] && chosen[u * P + p]) {
              seenT[u] = 1;
              queue.push(u);
              fromP[u] = p;
            }
          }
        }
      }
      if (end < 0) break;
      // Walk back: p ← t (add t p); if t ≠ s, t came in through fromP[t] (remove t fromP[t]).
      let p = end;
      loadP[p] = (loadP[p] as number) + 1;
      for (;;) {
        const t = prevP[p] as number;
        chosen[t * P + p] = 1;
        if (t === s) break;
        const back = fromP[t] as number;
        chosen[t * P + back] = 0;
        p = back;
      }
      loadT[s] = (loadT[s] as number) + 1;
    }
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

/**
 * Composite R without a prime power in [R*, R]: the affine lines over GF(q) for the smallest
 * prime power q > R, with q − R rounds dropped. Groups take slopes ±1, ±2, … (a set closed under
 * negation), the points left out are those whose sit-out lies in a dropped round, and the
 * meetings of the dropped rounds are put back by edge colouring: table p is split into
 * ⌈T/R⌉ seats (seat k = group k in the kept rounds, each seat ≤ R meetings) and every dropped
 * meeting is added with an alternating-path swap (König). Every teacher meets every table once;
 * loads are checked by the caller. With one dropped round and a full design each cell gets back
 * exactly the teacher it lost, so only the moved meetings can repeat a pair.
 */
function fieldDropFill(grid: number[][][], T: number, P: number, c: number, R: number): boolean {
  let field: GaloisField | null = null;
  for (let m = R + 1; m <= 2 * R + 2 && field === null; m++) if (Math.ceil(T / m) <= m - 1) field = galoisFieldCreate(m);
  if (field === null) return false;
  const { q, add, mul } = field;
  const g = Math.ceil(T / q);
  const seatsPerTable = Math.ceil(T / R);
  if (seatsPerTable > c || g > seatsPerTable) return false;
  const neg = (a: number): number => {
    for (let b = 0; b < q; b++) if (add(a, b) === 0) return b;
    return 0;
  };
  const slopes: number[] = [];
  const used = new Uint8Array(q);
  for (let a = 1; a < q && slopes.length < g; a++) {
    if (used[a]) continue;
    slopes.push(a);
    used[a] = 1;
    const b = neg(a);
    if (!used[b] && slopes.length < g) {
      slopes.push(b);
      used[b] = 1;
    }
  }
  const d = q - R;
  // Dropped rounds 0 … d−1; kept round r ↦ r − d.
  const dropped = (r: number): boolean => r < d;
  // Points to leave out: most sit-outs (virtual tables x ≥ P) in dropped rounds first.
  const points: { k: number; f: number; score: number }[] = [];
  for (let k = 0; k < g; k++) {
    for (let f = 0; f < q; f++) {
      let score = 0;
      for (let x = P; x < q; x++) if (dropped(add(f, mul(slopes[k] as number, x)))) score++;
      points.push({ k, f, score });
    }
  }
  const out = [...points].sort((a, b) => b.score - a.score || b.k - a.k || a.f - b.f).slice(0, g * q - T);
  const gone = new Uint8Array(g * q);
  for (const pt of out) gone[pt.k * q + pt.f] = 1;
  const S = P * seatsPerTable;
  const atT = new Int32Array(T * R).fill(-1);
  const atS = new Int32Array(S * R).fill(-1);
  const degS = new Int32Array(S);
  const later: number[] = []; // dropped meetings: teacher, table
  let t = 0;
  for (let k = 0; k < g; k++) {
    for (let f = 0; f < q; f++) {
      if (gone[k * q + f]) continue;
      for (let p = 0; p < P; p++) {
        const r = add(f, mul(slopes[k] as number, p));
        if (dropped(r)) later.push(t, p);
        else {
          const seat = p * seatsPerTable + k;
          atT[t * R + r - d] = seat;
          atS[seat * R + r - d] = t;
          degS[seat] = (degS[seat] as number) + 1;
        }
      }
      t++;
    }
  }
  for (let e = 0; e < later.length; e += 2) {
    const teacher = later[e] as number;
    const p = later[e + 1] as number;
    // A seat with room, best one that is free in a round the teacher is free (no swap needed).
    let seat = -1;
    let seatCommon = false;
    for (let s = p * seatsPerTable; s < (p + 1) * seatsPerTable; s++) {
      if ((degS[s] as number) >= R) continue;
      let common = false;
      for (let r = 0; r < R && !common; r++) common = (atT[teacher * R + r] as number) < 0 && (atS[s * R + r] as number) < 0;
      if (seat < 0 || (common && !seatCommon) || (common === seatCommon && (degS[s] as number) < (degS[seat] as number))) {
        seat = s;
        seatCommon = common;
      }
    }
    if (seat < 0) return false;
    degS[seat] = (degS[seat] as number) + 1;
    colourAdd(atT, atS, R, teacher, seat, true);
  }
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const x = atS[s * R + r] as number;
      if (x >= 0) (grid[r]?.[Math.floor(s / seatsPerTable)] as number[]).push(x);
    }
  }
  return true;
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
  const tables: { teachers: number[]; seats: number }[] = [];
  let index = 0;
  for (let p = 0; p < P; p++) {
    const ep = Math.floor(E / P) + (p < E % P ? 1 : 0);
    const list: number[] = [];
    for (let q = 0; q < ep; q++) list.push(index++ % T);
    tables.push({ teachers: list, seats: Math.max(1, Math.min(c, Math.ceil(ep / R))) });
  }
  seatsColour(grid, T, R, tables);
}

/**
 * Colours a meeting graph with R rounds: table p is split into `seats` seats, its q-th teacher
 * takes seat q mod seats, and every teacher and seat must have degree ≤ R (König: a proper
 * R-edge-colouring of the bipartite teacher–seat graph exists). Writes grid[round][table].
 */
function seatsColour(grid: number[][][], T: number, R: number, tables: readonly { readonly teachers: readonly number[]; readonly seats: number }[]): void {
  const seatTable: number[] = [];
  const edgesT: number[] = [];
  const edgesS: number[] = [];
  tables.forEach((table, p) => {
    const first = seatTable.length;
    for (let s = 0; s < table.seats; s++) seatTable.push(p);
    table.teachers.forEach((t, q) => {
      edgesT.push(t);
      edgesS.push(first + (q % table.seats));
    });
  });
  const S = seatTable.length;
  const atT = new Int32Array(T * R).fill(-1); // teacher × colour → seat
  const atS = new Int32Array(S * R).fill(-1); // seat × colour → teacher
  for (let e = 0; e < edgesT.length; e++) colourAdd(atT, atS, R, edgesT[e] as number, edgesS[e] as number);
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const t = atS[s * R + r] as number;
      if (t >= 0) (grid[r]?.[seatTable[s] as number] as number[]).push(t);
    }
  }
}

/**
 * Adds the edge (teacher t, seat s) to a proper colouring with R colours (atT: teacher × colour
 * → seat, atS: seat × colour → teacher), swapping an alternating α/β path when needed. Both
 * ends must have degree < R before the edge.
 */
function colourAdd(atT: Int32Array, atS: Int32Array, R: number, t: number, s: number, preferCommon = false): void {
  const freeColour = (arr: Int32Array, node: number): number => {
    for (let r = 0; r < R; r++) if ((arr[node * R + r] as number) < 0) return r;
    throw new Error('ROTATION_INTERNAL_DEGREE');
  };
  let alpha = -1;
  if (preferCommon) for (let r = 0; r < R && alpha < 0; r++) if ((atT[t * R + r] as number) < 0 && (atS[s * R + r] as number) < 0) alpha = r;
  if (alpha < 0) alpha = freeColour(atT, t);
  if ((atS[s * R + alpha] as number) >= 0) {
    const beta = freeColour(atS, s);
    // Alternating α/β path from s; swapping it frees α at s.
    const pathT: number[] = [];
    const pathS: number[] = [];
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
    for (let k = 0; k < pathS.length; k++) {
      const colourK = k % 2 === 0 ? alpha : beta;
      atS[(pathS[k] as number) * R + colourK] = -1;
      atT[(pathT[k] as number) * R + colourK] = -1;
    }
    for (let k = 0; k < pathS.length; k++) {
      const swapped = k % 2 === 0 ? beta : alpha;
      atS[(pathS[k] as number) * R + swapped] = pathT[k] as number;
      atT[(pathT[k] as number) * R + swapped] = pathS[k] as number;
    }
  }
  atS[s * R + alpha] = t;
  atT[t * R + alpha] = s;
}
