// Placement: teachers rank offers (internships, job-twinning partners), offers have
// capacities and optionally their own ranking of teachers.
// - Stable mode: teacher-proposing deferred acceptance (Gale–Shapley): no teacher and offer
//   prefer each other to what they got; the best stable outcome for every teacher.
// - Welfare mode: a minimum-cost flow that first places as many teachers as possible and then
//   minimises the sum of the ranks they get (offers' rankings only limit acceptability).
// Ranks are always the ones the teacher stated: a teacher placed at their third choice has
// rank 3, also when the first two do not accept them.
// `placementSolve` runs both and reports the gap between them.
import { flowMinCost } from './min-cost-flow.ts';
import { prngCreate, prngShuffle } from './prng.ts';
import { engineFail, type EngineFailure, type EngineResult } from './types.ts';

export interface PlacementInput {
  readonly teachers: readonly { readonly id: string; /** Offer ids, most wanted first. */ readonly ranking: readonly string[] }[];
  readonly offers: readonly {
    readonly id: string;
    readonly capacity: number;
    /** Teacher ids, most wanted first; when given, unlisted teachers are not acceptable. */
    readonly ranking?: readonly string[];
  }[];
  /** Orders teachers an offer has not ranked (a seeded lottery); default 1. */
  readonly seed?: number;
}

export type PlacementReason = 'NO_ACCEPTABLE_OFFER' | 'CAPACITY';

export interface PlacementOutcome {
  readonly assignments: readonly {
    readonly teacherId: string;
    readonly offerId: string;
    /** Position in the teacher's own ranking (1 = first choice), as stated. */
    readonly rank: number;
  }[];
  readonly unplaced: readonly { readonly teacherId: string; readonly reason: PlacementReason }[];
  readonly placed: number;
  readonly rankSum: number;
  /** Teacher–offer pairs that would both rather be together (0 for the stable mode). */
  readonly blockingPairs: number;
}

export interface PlacementResult {
  readonly stable: PlacementOutcome;
  readonly welfare: PlacementOutcome;
  readonly gap: {
    /** welfare.placed − stable.placed (≥ 0). */
    readonly placed: number;
    /** stable.rankSum − welfare.rankSum when both place equally many, else null. */
    readonly rankSum: number | null;
    readonly averageRankStable: number;
    readonly averageRankWelfare: number;
  };
}

interface Prepared {
  readonly teacherIds: string[];
  readonly offerIds: string[];
  readonly capacity: Int32Array;
  /** prefs[t] = offer indices in order, only acceptable ones. */
  readonly prefs: number[][];
  /** statedRank[t][k] = the rank teacher t gave prefs[t][k] (1 = first choice). */
  readonly statedRank: number[][];
  /** priority[o][t] = position of teacher t for offer o (lower is better), −1 = unacceptable. */
  readonly priority: Int32Array[];
}

export type PlacementFailureReason = 'PLACEMENT_DUPLICATE_ID' | 'PLACEMENT_UNKNOWN_TEACHER' | 'PLACEMENT_UNKNOWN_OFFER';

/** The first expected failure of a placement input (duplicate or unknown ids), or null. */
export function placementInputCheck(input: PlacementInput): EngineFailure<PlacementFailureReason> | null {
  const teachers = new Set(input.teachers.map((t) => t.id));
  const offers = new Set(input.offers.map((o) => o.id));
  if (teachers.size !== input.teachers.length || offers.size !== input.offers.length) return engineFail('PLACEMENT_DUPLICATE_ID');
  for (const o of [...input.offers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const id of o.ranking ?? []) if (!teachers.has(id)) return engineFail('PLACEMENT_UNKNOWN_TEACHER', id);
  }
  for (const t of [...input.teachers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const id of t.ranking) if (!offers.has(id)) return engineFail('PLACEMENT_UNKNOWN_OFFER', id);
  }
  return null;
}

/** Indexes an input that passed placementInputCheck (the throws below are invariants). */
function prepare(input: PlacementInput): Prepared {
  const teachers = [...input.teachers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const offers = [...input.offers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tIndex = new Map(teachers.map((t, i) => [t.id, i]));
  const oIndex = new Map(offers.map((o, i) => [o.id, i]));
  if (tIndex.size !== teachers.length || oIndex.size !== offers.length) throw new Error('PLACEMENT_DUPLICATE_ID');
  const lottery = prngShuffle(prngCreate(input.seed ?? 1), teachers.map((_, i) => i));
  const lotteryPos = new Int32Array(teachers.length);
  lottery.forEach((t, pos) => (lotteryPos[t] = pos));
  const priority = offers.map((o) => {
    const pr = new Int32Array(teachers.length).fill(-1);
    if (o.ranking) {
      o.ranking.forEach((id, pos) => {
        const t = tIndex.get(id);
        if (t === undefined) throw new Error(`PLACEMENT_UNKNOWN_TEACHER: ${id}`);
        if (pr[t] === -1) pr[t] = pos;
      });
    } else {
      for (let t = 0; t < teachers.length; t++) pr[t] = lotteryPos[t] as number;
    }
    return pr;
  });
  const statedRank: number[][] = [];
  const prefs = teachers.map((t, ti) => {
    const seen = new Set<number>();
    const list: number[] = [];
    const ranks: number[] = [];
    t.ranking.forEach((id, pos) => {
      const o = oIndex.get(id);
      if (o === undefined) throw new Error(`PLACEMENT_UNKNOWN_OFFER: ${id}`);
      if (seen.has(o)) return;
      seen.add(o);
      // The rank is the position the teacher gave, also when offers before it do not accept them.
      if ((priority[o] as Int32Array)[ti] !== -1) {
        list.push(o);
        ranks.push(pos + 1);
      }
    });
    statedRank.push(ranks);
    return list;
  });
  return {
    teacherIds: teachers.map((t) => t.id),
    offerIds: offers.map((o) => o.id),
    capacity: Int32Array.from(offers.map((o) => Math.max(0, Math.floor(o.capacity)))),
    prefs,
    statedRank,
    priority,
  };
}

function outcome(p: Prepared, match: Int32Array): PlacementOutcome {
  const assignments: { teacherId: string; offerId: string; rank: number }[] = [];
  const unplaced: { teacherId: string; reason: PlacementReason }[] = [];
  let rankSum = 0;
  const rankOf = (t: number, o: number): number => (p.statedRank[t] as number[])[(p.prefs[t] as number[]).indexOf(o)] as number;
  for (let t = 0; t < p.teacherIds.length; t++) {
    const o = match[t] as number;
    if (o >= 0) {
      const rank = rankOf(t, o);
      rankSum += rank;
      assignments.push({ teacherId: p.teacherIds[t] as string, offerId: p.offerIds[o] as string, rank });
    } else {
      unplaced.push({ teacherId: p.teacherIds[t] as string, reason: (p.prefs[t] as number[]).length === 0 ? 'NO_ACCEPTABLE_OFFER' : 'CAPACITY' });
    }
  }
  // Blocking pairs: t prefers o to its match, and o has room or holds someone it ranks below t.
  const holders: number[][] = p.offerIds.map(() => []);
  for (let t = 0; t < match.length; t++) if ((match[t] as number) >= 0) holders[match[t] as number]?.push(t);
  let blocking = 0;
  for (let t = 0; t < p.teacherIds.length; t++) {
    const prefs = p.prefs[t] as number[];
    const current = match[t] as number;
    const limit = current >= 0 ? prefs.indexOf(current) : prefs.length;
    for (let k = 0; k < limit; k++) {
      const o = prefs[k] as number;
      const held = holders[o] as number[];
      const pr = p.priority[o] as Int32Array;
      if (held.length < (p.capacity[o] as number) || held.some((h) => (pr[h] as number) > (pr[t] as number))) blocking++;
    }
  }
  return { assignments, unplaced, placed: assignments.length, rankSum, blockingPairs: blocking };
}

/** Teacher-proposing deferred acceptance. */
export function placementStable(input: PlacementInput): EngineResult<PlacementOutcome, PlacementFailureReason> {
  return placementInputCheck(input) ?? { ok: true, ...stableSolve(prepare(input)) };
}

function stableSolve(p: Prepared): PlacementOutcome {
  const T = p.teacherIds.length;
  const match = new Int32Array(T).fill(-1);
  const next = new Int32Array(T);
  const held: number[][] = p.offerIds.map(() => []);
  const queue: number[] = [];
  for (let t = T - 1; t >= 0; t--) queue.push(t);
  while (queue.length > 0) {
    const t = queue.pop() as number;
    const prefs = p.prefs[t] as number[];
    if ((next[t] as number) >= prefs.length) continue;
    const o = prefs[next[t] as number] as number;
    next[t] = (next[t] as number) + 1;
    const list = held[o] as number[];
    const pr = p.priority[o] as Int32Array;
    if ((p.capacity[o] as number) === 0) {
      queue.push(t);
      continue;
    }
    if (list.length < (p.capacity[o] as number)) {
      list.push(t);
      match[t] = o;
      continue;
    }
    // Replace the worst held teacher if t ranks higher.
    let worst = 0;
    for (let k = 1; k < list.length; k++) if ((pr[list[k] as number] as number) > (pr[list[worst] as number] as number)) worst = k;
    const w = list[worst] as number;
    if ((pr[t] as number) < (pr[w] as number)) {
      list[worst] = t;
      match[t] = o;
      match[w] = -1;
      queue.push(w);
    } else queue.push(t);
  }
  return outcome(p, match);
}

/** Most teachers placed, then the smallest rank sum (min-cost flow). */
export function placementWelfare(input: PlacementInput): EngineResult<PlacementOutcome, PlacementFailureReason> {
  return placementInputCheck(input) ?? { ok: true, ...welfareSolve(prepare(input)) };
}

function welfareSolve(p: Prepared): PlacementOutcome {
  const T = p.teacherIds.length;
  const O = p.offerIds.length;
  let maxRank = 1;
  for (const ranks of p.statedRank) for (const r of ranks) if (r > maxRank) maxRank = r;
  const big = (T + 1) * maxRank + 1; // one more placement outweighs any rank difference
  const from: number[] = [];
  const to: number[] = [];
  const capacity: number[] = [];
  const cost: number[] = [];
  const source = T + O;
  const sink = T + O + 1;
  const arcTeacher: number[] = [];
  const arcOffer: number[] = [];
  for (let t = 0; t < T; t++) {
    from.push(source);
    to.push(t);
    capacity.push(1);
    cost.push(0);
    arcTeacher.push(-1);
    arcOffer.push(-1);
  }
  for (let t = 0; t < T; t++) {
    const ranks = p.statedRank[t] as number[];
    (p.prefs[t] as number[]).forEach((o, k) => {
      from.push(t);
      to.push(T + o);
      capacity.push(1);
      cost.push((ranks[k] as number) - big);
      arcTeacher.push(t);
      arcOffer.push(o);
    });
  }
  for (let o = 0; o < O; o++) {
    from.push(T + o);
    to.push(sink);
    capacity.push(p.capacity[o] as number);
    cost.push(0);
    arcTeacher.push(-1);
    arcOffer.push(-1);
  }
  const res = flowMinCost({ nodeCount: T + O + 2, from, to, capacity, cost }, source, sink, { stopAtNonNegative: true });
  const match = new Int32Array(T).fill(-1);
  for (let e = 0; e < from.length; e++) {
    if ((arcTeacher[e] as number) >= 0 && (res.arcFlow[e] as number) > 0.5) match[arcTeacher[e] as number] = arcOffer[e] as number;
  }
  return outcome(p, match);
}

export function placementSolve(input: PlacementInput): EngineResult<PlacementResult, PlacementFailureReason> {
  const failure = placementInputCheck(input);
  if (failure) return failure;
  const prepared = prepare(input);
  const stable = stableSolve(prepared);
  const welfare = welfareSolve(prepared);
  return {
    ok: true,
    stable,
    welfare,
    gap: {
      placed: welfare.placed - stable.placed,
      rankSum: welfare.placed === stable.placed ? stable.rankSum - welfare.rankSum : null,
      averageRankStable: stable.placed ? stable.rankSum / stable.placed : 0,
      averageRankWelfare: welfare.placed ? welfare.rankSum / welfare.placed : 0,
    },
  };
}
