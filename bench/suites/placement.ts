// Placement at 10,000 teachers × 1,000 offers (seeded): both modes, against an independent
// optimum computed in the same run — the welfare problem expanded into offer slots and solved
// by the certified assignment solver (most placed, then the smallest sum of stated ranks).
// The stable outcome's blocking pairs are recounted here, outside the engine.
import {
  assignmentMatrixFromArcs,
  assignmentSolve,
  assignmentVerify,
  placementStable as placementStableResult,
  placementWelfare as placementWelfareResult,
  prngCreate,
  type PlacementInput,
} from '../../src/engine/index.ts';
import { resultOk } from '../lib/result-ok.ts';

const placementStable = (...args: Parameters<typeof placementStableResult>) => resultOk(placementStableResult(...args));
const placementWelfare = (...args: Parameters<typeof placementWelfareResult>) => resultOk(placementWelfareResult(...args));

function generate(T: number, O: number, seed: number): PlacementInput {
  const prng = prngCreate(seed);
  const teachers = Array.from({ length: T }, (_, t) => {
    const want = 3 + prng.nextInt(8);
    const list = new Set<number>();
    // Popular offers first: index ~ O·u².
    while (list.size < want) list.add(Math.floor(O * prng.next() ** 2));
    return { id: `t${t}`, ranking: [...list].map((o) => `o${o}`) };
  });
  const applicants: string[][] = Array.from({ length: O }, () => []);
  for (const t of teachers) for (const o of t.ranking) applicants[Number(o.slice(1))]?.push(t.id);
  const offers = Array.from({ length: O }, (_, o) => {
    const capacity = 1 + prng.nextInt(17);
    if (prng.next() < 0.6) return { id: `o${o}`, capacity };
    // Ranked offers list most applicants in their own order and leave a tenth out.
    const ranking = (applicants[o] as string[]).filter(() => prng.next() >= 0.1);
    for (let i = ranking.length - 1; i > 0; i--) {
      const j = prng.nextInt(i + 1);
      [ranking[i], ranking[j]] = [ranking[j] as string, ranking[i] as string];
    }
    return { id: `o${o}`, capacity, ranking };
  });
  return { teachers, offers, seed };
}

/** Welfare optimum by assignment over slots: rows teachers + slot echoes, columns slots + "unplaced". */
function independentOptimum(input: PlacementInput): { placed: number; rankSum: number; certified: boolean; ms: number } {
  const start = performance.now();
  const T = input.teachers.length;
  const tIndex = new Map(input.teachers.map((t, i) => [t.id, i]));
  const slotStart = new Map<string, number>();
  const acceptable = new Map<string, Set<string> | null>();
  let S = 0;
  for (const o of input.offers) {
    slotStart.set(o.id, S);
    S += o.capacity;
    acceptable.set(o.id, o.ranking ? new Set(o.ranking) : null);
  }
  let maxRank = 1;
  for (const t of input.teachers) maxRank = Math.max(maxRank, t.ranking.length);
  const big = (T + 1) * maxRank + 1;
  const rows: number[] = [];
  const cols: number[] = [];
  const costs: number[] = [];
  const capOf = new Map(input.offers.map((o) => [o.id, o.capacity]));
  for (const [t, teacher] of input.teachers.entries()) {
    rows.push(t);
    cols.push(S + t);
    costs.push(0);
    teacher.ranking.forEach((o, k) => {
      const acc = acceptable.get(o);
      if (acc && !acc.has(teacher.id)) return;
      const s0 = slotStart.get(o) as number;
      for (let s = s0; s < s0 + (capOf.get(o) as number); s++) {
        rows.push(t);
        cols.push(s);
        costs.push(k + 1 - big);
        rows.push(T + s); // the slot's echo row may release this teacher's "unplaced" column
        cols.push(S + t);
        costs.push(0);
      }
    });
  }
  for (let s = 0; s < S; s++) {
    rows.push(T + s);
    cols.push(s);
    costs.push(0);
  }
  void tIndex;
  const matrix = assignmentMatrixFromArcs(T + S, rows, cols, costs);
  const res = assignmentSolve(matrix);
  const ms = performance.now() - start;
  if (!res.ok) return { placed: -1, rankSum: -1, certified: false, ms };
  const placed = Math.ceil(-res.value / big - 1e-9);
  return { placed, rankSum: res.value + big * placed, certified: res.dualBound === res.value && assignmentVerify(matrix, res) === 0, ms };
}

/** Blocking pairs counted from the input alone. */
function blockingPairs(input: PlacementInput, assignments: readonly { teacherId: string; offerId: string }[]): number {
  const match = new Map(assignments.map((a) => [a.teacherId, a.offerId]));
  const holders = new Map<string, string[]>();
  for (const a of assignments) holders.set(a.offerId, [...(holders.get(a.offerId) ?? []), a.teacherId]);
  const lottery = new Map<string, number>();
  const offers = new Map(input.offers.map((o) => [o.id, o]));
  let count = 0;
  for (const t of input.teachers) {
    const current = match.get(t.id);
    for (const o of t.ranking) {
      if (o === current) break;
      const offer = offers.get(o)!;
      const pos = (id: string): number => (offer.ranking ? offer.ranking.indexOf(id) : (lottery.get(id) ?? 0));
      if (offer.ranking && !offer.ranking.includes(t.id)) continue;
      const held = holders.get(o) ?? [];
      if (held.length < offer.capacity) count++;
      else if (offer.ranking && held.some((h) => pos(h) > pos(t.id))) count++;
    }
  }
  return count;
}

const input = generate(10_000, 1_000, 7);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
// Warm-up on a smaller instance.
placementWelfare(generate(1_000, 100, 1));
placementStable(generate(1_000, 100, 1));
const runs = 3;
const tStable: number[] = [];
const tWelfare: number[] = [];
let stable = placementStable(input);
let welfare = placementWelfare(input);
for (let k = 0; k < runs; k++) {
  let start = performance.now();
  stable = placementStable(input);
  tStable.push(performance.now() - start);
  start = performance.now();
  welfare = placementWelfare(input);
  tWelfare.push(performance.now() - start);
}
const peer = independentOptimum(input);
const base = { suite: 'placement', teachers: input.teachers.length, offers: input.offers.length, slots: input.offers.reduce((a, o) => a + o.capacity, 0) };
const welfareOk = welfare.placed === peer.placed && welfare.rankSum === peer.rankSum;
process.stdout.write(
  `${JSON.stringify({
    ...base,
    case: 'welfare-10000x1000',
    placed: welfare.placed,
    rank_sum: welfare.rankSum,
    optimum_placed: peer.placed,
    optimum_rank_sum: peer.rankSum,
    optimum_certified: peer.certified,
    equals_optimum: welfareOk,
    ms_median: Number(median(tWelfare).toFixed(1)),
    peer: 'assignment over slots (independent optimum)',
    peer_ms: Number(peer.ms.toFixed(1)),
    ratio: Number((median(tWelfare) / peer.ms).toFixed(2)),
  })}\n`,
);
const recount = blockingPairs(input, stable.assignments);
process.stdout.write(
  `${JSON.stringify({
    ...base,
    case: 'stable-10000x1000',
    placed: stable.placed,
    rank_sum: stable.rankSum,
    blocking_pairs: stable.blockingPairs,
    blocking_pairs_recounted_for_ranked_offers: recount,
    optimum_placed: peer.placed,
    optimum_rank_sum: peer.rankSum,
    // The price of stability against the independent welfare optimum.
    placed_ratio: Number((stable.placed / peer.placed).toFixed(4)),
    average_rank: Number((stable.rankSum / Math.max(1, stable.placed)).toFixed(3)),
    average_rank_optimum: Number((peer.rankSum / Math.max(1, peer.placed)).toFixed(3)),
    ms_median: Number(median(tStable).toFixed(1)),
  })}\n`,
);
if (!welfareOk || !peer.certified || stable.blockingPairs !== 0) process.exitCode = 1;
