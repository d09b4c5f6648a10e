// The exchange-week pipeline: candidate pairs under the hard rules → exact pairing (certified
// by duals) → visits in both directions → re-pairing without pairs that cannot be scheduled
// → optional trios → a reason code for everybody left out. `exchangeSolve` is the single
// entry point; its input and output are plain JSON (times in UTC milliseconds, the time zone
// as a transitions table).
import { pairingSolverCreate, type PairingResult } from './pairing.ts';
import {
  calendarDays,
  calendarEmit,
  lessonKey,
  windowsHit,
  scheduleCalendarCreate,
  visitSlotsScan,
  LESSON_FIELDS,
  type BusyBlock,
  type CalendarSink,
  type ScheduleCalendar,
  type SchedulePerson,
  type ScheduleRules,
  type VisitSlot,
  type WeeklyWindow,
} from './scheduling.ts';
import { travelInputCheck, travelModelBuild, type Location, type TravelMatrixEntry, type TravelMode, type TravelModel } from './travel.ts';
import { engineFail, MS_PER_MINUTE, type EngineCode, type EngineFailure, type EngineResult, type Interval, type UtcMillis } from './types.ts';
import { dayFromIsoDate, dayWeekday, zoneToLocal, type LocalDay, type ZoneRules } from './zone.ts';

export interface ExchangePersonInput {
  readonly id: string;
  readonly institutionId: string;
  /** The person's base location (travel starts and ends here). */
  readonly locationId: string;
  /** ISCED-F 2013 codes of the person's programmes: 2 (broad), 3 (narrow) or 4 (detailed) digits. */
  readonly isced: readonly string[];
  readonly wishes?: readonly string[];
  readonly preferredPersonIds?: readonly string[];
  readonly preferredInstitutionIds?: readonly string[];
  readonly travelMode: TravelMode;
  readonly maxTravelMinutes: number;
  readonly busy: readonly BusyBlock[];
  /** Local dates "YYYY-MM-DD" on which the person takes part in nothing. */
  readonly unavailableDates?: readonly string[];
  readonly avoid?: readonly WeeklyWindow[];
  /** Partners this person may take when on side B (default 1). */
  readonly hostCapacity?: number;
}

export interface ExchangeRulesInput {
  readonly dayStartMinute?: number;
  readonly dayEndMinute?: number;
  readonly weekdays?: readonly number[];
  readonly avoidFirstLesson?: boolean;
  readonly avoidLastLesson?: boolean;
  readonly avoid?: readonly WeeklyWindow[];
  readonly maxGuestsPerHostPerDay?: number;
  readonly maxVisitsPerDay?: number;
  readonly allowTrios?: boolean;
  /** Re-pairing rounds after scheduling conflicts (default 50). */
  readonly maxRounds?: number;
}

export interface ExchangeWeights {
  readonly detailedField: number;
  readonly narrowField: number;
  readonly broadField: number;
  readonly sharedWish: number;
  readonly maxSharedWishes: number;
  readonly preference: number;
  readonly travelPer10Minutes: number;
}

export const EXCHANGE_DEFAULT_WEIGHTS: ExchangeWeights = {
  detailedField: 60,
  narrowField: 40,
  broadField: 20,
  sharedWish: 10,
  maxSharedWishes: 3,
  preference: 15,
  travelPer10Minutes: 1,
};

export interface ExchangeInput {
  readonly window: { readonly start: number; readonly end: number };
  readonly zone: ZoneRules;
  readonly rules?: ExchangeRulesInput;
  readonly weights?: Partial<ExchangeWeights>;
  readonly locations: readonly Location[];
  readonly travelMatrix?: readonly TravelMatrixEntry[];
  readonly sideA: readonly ExchangePersonInput[];
  readonly sideB: readonly ExchangePersonInput[];
  readonly pinned?: readonly { readonly a: string; readonly b: string }[];
  readonly forbidden?: readonly { readonly a: string; readonly b: string }[];
}

export type ExchangeReason =
  | 'NO_RELATED_PARTNER'
  | 'TRAVEL_TOO_FAR'
  | 'FORBIDDEN_PAIR'
  | 'NO_COMMON_TIME'
  | 'SCHEDULE_CONFLICT'
  | 'CAPACITY';

export interface ExchangePair {
  readonly aId: string;
  readonly bId: string;
  readonly score: number;
  readonly pinned: boolean;
  /** A third partner added after the main pairing. */
  readonly trio: boolean;
}

export interface ExchangeVisit {
  readonly observerId: string;
  readonly hostId: string;
  readonly lessonStart: UtcMillis;
  readonly lessonEnd: UtcMillis;
  readonly leaveAt: UtcMillis;
  readonly returnBy: UtcMillis;
  readonly locationId: string;
  readonly travelMinutes: number;
}

export interface ExchangeOutput {
  readonly pairs: readonly ExchangePair[];
  readonly visits: readonly ExchangeVisit[];
  readonly unpaired: readonly { readonly personId: string; readonly side: 'a' | 'b'; readonly reason: ExchangeReason }[];
  /** Total score of the main (non-trio, non-pinned) pairing. */
  readonly objective: number;
  /** Certified upper bound on that score over all schedulable pairings considered. */
  readonly dualBound: number;
  readonly optimal: boolean;
  readonly diagnostics: {
    readonly candidatePairs: number;
    readonly removedNoCommonTime: number;
    readonly removedScheduleConflict: number;
    /** Hosts whose capacity was lowered because their visits would not all fit. */
    readonly capacityReduced: number;
    readonly rounds: number;
    readonly codes: readonly EngineCode[];
  };
}

interface Person {
  readonly input: ExchangePersonInput;
  readonly side: 'a' | 'b';
  readonly index: number; // global
  readonly institution: number;
  readonly sched: SchedulePerson;
  // Small arrays of numbers (cheaper than one typed array each at 100,000 people).
  readonly detailed: readonly number[];
  readonly narrow: readonly number[];
  readonly broad: readonly number[];
  readonly wishes: readonly number[];
  readonly prefs: ReadonlySet<string> | undefined;
}

const NO_DAYS: ReadonlySet<LocalDay> = new Set();

const busyOrder = (x: BusyBlock, y: BusyBlock): number => x.start - y.start || x.end - y.end || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0);

/** Busy blocks in canonical order; the input's own list when it is in that order already. */
function busySorted(busy: readonly BusyBlock[]): readonly BusyBlock[] {
  for (let k = 1; k < busy.length; k++) if (busyOrder(busy[k - 1] as BusyBlock, busy[k] as BusyBlock) > 0) return [...busy].sort(busyOrder);
  return busy;
}

function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function codesEncode(codes: readonly string[]): { detailed: number[]; narrow: number[]; broad: number[] } {
  const clean = [...new Set(codes.filter((c) => /^\d{2,4}$/.test(c)))].sort();
  return {
    detailed: clean.map((c) => (c.length === 4 ? Number(c) : -1)),
    narrow: clean.map((c) => (c.length >= 3 ? Number(c.slice(0, 3)) : -1)),
    broad: clean.map((c) => Number(c.slice(0, 2))),
  };
}

export function exchangeRulesResolve(rules: ExchangeRulesInput | undefined): ScheduleRules & { allowTrios: boolean; maxRounds: number } {
  return {
    dayStartMinute: rules?.dayStartMinute ?? 480,
    dayEndMinute: rules?.dayEndMinute ?? 1050,
    weekdays: rules?.weekdays ?? [1, 2, 3, 4, 5],
    avoidFirstLesson: rules?.avoidFirstLesson ?? false,
    avoidLastLesson: rules?.avoidLastLesson ?? false,
    avoid: rules?.avoid ?? [],
    maxGuestsPerHostPerDay: rules?.maxGuestsPerHostPerDay ?? 1,
    maxVisitsPerDay: rules?.maxVisitsPerDay ?? 1,
    allowTrios: rules?.allowTrios ?? false,
    maxRounds: rules?.maxRounds ?? 50,
  };
}

/** Relatedness score of two programme code lists (best pair), 0 when unrelated. */
function relatedness(a: Person, b: Person, w: ExchangeWeights): number {
  let best = 0;
  for (let x = 0; x < a.broad.length; x++) {
    for (let y = 0; y < b.broad.length; y++) {
      if (a.broad[x] !== b.broad[y]) continue;
      let s = w.broadField;
      const an = a.narrow[x] as number;
      if (an >= 0 && an === b.narrow[y]) {
        s = w.narrowField;
        const ad = a.detailed[x] as number;
        if (ad >= 0 && ad === b.detailed[y]) s = w.detailedField;
      }
      if (s > best) best = s;
    }
  }
  return best;
}

function sharedCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}

/** Candidate pairs on typed arrays that double when full. */
interface ArcList {
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
  count: number;
}

function arcListCreate(capacity: number): ArcList {
  const size = Math.max(16, capacity);
  return { a: new Int32Array(size), b: new Int32Array(size), w: new Float64Array(size), count: 0 };
}

function arcListPush(list: ArcList, a: number, b: number, w: number): void {
  if (list.count === list.a.length) {
    const size = 2 * list.count;
    const na = new Int32Array(size);
    const nb = new Int32Array(size);
    const nw = new Float64Array(size);
    na.set(list.a);
    nb.set(list.b);
    nw.set(list.w);
    list.a = na;
    list.b = nb;
    list.w = nw;
  }
  list.a[list.count] = a;
  list.b[list.count] = b;
  list.w[list.count] = w;
  list.count++;
}

interface Context {
  readonly persons: Person[];
  readonly calendars: CalendarStore;
  readonly travel: TravelModel;
  readonly calendar: ScheduleCalendar;
  readonly arcA: Int32Array; // global person index
  readonly arcB: Int32Array;
  readonly arcW: Float64Array;
  /** 0 unknown, 1 both directions possible, −1 not. */
  readonly feasible: Int8Array;
  readonly rules: ScheduleRules;
  /** Booked slot per direction id (arc × 2 + direction). */
  readonly dirSlot: Map<number, VisitSlot>;
  readonly observerDay: Map<number, number[]>;
  readonly hostDay: Map<number, number[]>;
  readonly lessonBooking: Map<number, number>;
  readonly conflictRemoved: Uint8Array;
  /** unavailable[person × dayCount + day − firstDay] = 1. */
  readonly unavailable: Uint8Array;
  readonly firstDay: number;
  readonly dayCount: number;
}

/**
 * Everybody's free time and observable lessons in shared typed arrays (a national week has
 * 100,000 calendars; as objects they would take several kilobytes each). Person k's free
 * intervals are free[2i], free[2i+1] for i in freeStart[k] … freeStart[k+1]−1; lesson i has
 * LESSON_FIELDS numbers from lesson[i · LESSON_FIELDS]: start, end, location, day, start and
 * end minute.
 */
interface CalendarStore {
  readonly freeStart: Int32Array;
  readonly free: Float64Array;
  readonly lessonStart: Int32Array;
  readonly lesson: Float64Array;
}

function calendarStoreCreate(count: number, emit: (k: number, sink: CalendarSink) => void): CalendarStore {
  const freeStart = new Int32Array(count + 1);
  const lessonStart = new Int32Array(count + 1);
  // Sized from a count of the first calendars (then grown by half when short), so that
  // building the store leaves little garbage behind.
  let freeCount = 0;
  let lessonCount = 0;
  const counter: CalendarSink = { free: () => void freeCount++, lesson: () => void lessonCount++ };
  const sampled = Math.min(count, 256);
  for (let k = 0; k < sampled; k++) emit(k, counter);
  const estimate = (n: number): number => Math.ceil((n / Math.max(1, sampled)) * count * 1.1) + 64;
  let free = new Float64Array(2 * estimate(freeCount));
  let lesson = new Float64Array(LESSON_FIELDS * estimate(lessonCount));
  let f = 0;
  let l = 0;
  const sink: CalendarSink = {
    free(start, end) {
      // intervals that touch (a day ending where the next begins) stay one
      if (f > 0 && free[2 * f - 1] === start && f > (freeStart[k] as number)) {
        free[2 * f - 1] = end;
        return;
      }
      if (2 * f + 2 > free.length) {
        const bigger = new Float64Array(Math.ceil(1.5 * free.length) + 2);
        bigger.set(free);
        free = bigger;
      }
      free[2 * f] = start;
      free[2 * f + 1] = end;
      f++;
    },
    lesson(start, end, locationIndex, day, startMinute, endMinute) {
      if (LESSON_FIELDS * (l + 1) > lesson.length) {
        const bigger = new Float64Array(Math.ceil(1.5 * lesson.length) + LESSON_FIELDS);
        bigger.set(lesson);
        lesson = bigger;
      }
      const at = LESSON_FIELDS * l;
      lesson[at] = start;
      lesson[at + 1] = end;
      lesson[at + 2] = locationIndex;
      lesson[at + 3] = day;
      lesson[at + 4] = startMinute;
      lesson[at + 5] = endMinute;
      l++;
    },
  };
  let k = 0;
  for (; k < count; k++) {
    emit(k, sink);
    freeStart[k + 1] = f;
    lessonStart[k + 1] = l;
  }
  return { freeStart, free: free.subarray(0, 2 * f), lessonStart, lesson: lesson.subarray(0, LESSON_FIELDS * l) };
}

/** Whether [start, end) lies inside one of person k's free intervals (binary search). */
function freeContain(store: CalendarStore, k: number, start: number, end: number): boolean {
  const free = store.free;
  let lo = store.freeStart[k] as number;
  let hi = (store.freeStart[k + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((free[2 * mid + 1] as number) < end) lo = mid + 1;
    else if ((free[2 * mid] as number) > start) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Whether observer o can attend some lesson of host h (ignoring other bookings); allocation-free. */
function visitPossible(ctx: Context, o: number, h: number): boolean {
  const sched = (ctx.persons[o] as Person).sched;
  const store = ctx.calendars;
  if (store.freeStart[o] === store.freeStart[o + 1]) return false;
  const home = sched.locationIndex;
  const base = o * ctx.dayCount - ctx.firstDay;
  const lesson = store.lesson;
  // Lessons mostly share a few locations: travel is looked up when the location changes.
  let lastLocation = -1;
  let t = 0;
  let back = 0;
  for (let i = store.lessonStart[h] as number; i < (store.lessonStart[h + 1] as number); i++) {
    const at = LESSON_FIELDS * i;
    const day = lesson[at + 3] as number;
    const di = day - ctx.firstDay;
    if (di >= 0 && di < ctx.dayCount && ctx.unavailable[base + day]) continue;
    if (sched.avoid.length > 0 && windowsHit(sched.avoid, dayWeekday(day as LocalDay), lesson[at + 4] as number, lesson[at + 5] as number)) continue;
    const location = lesson[at + 2] as number;
    if (location !== lastLocation) {
      lastLocation = location;
      t = ctx.travel.minutes(home, location, sched.travelMode);
      back = ctx.travel.minutes(location, home, sched.travelMode);
    }
    if (t > sched.maxTravelMinutes) continue;
    if (freeContain(store, o, (lesson[at] as number) - t * MS_PER_MINUTE, (lesson[at + 1] as number) + back * MS_PER_MINUTE)) return true;
  }
  return false;
}

/**
 * The slots of one direction (id = arc × 2 + 0: A observes B, 1: B observes A). Computed when
 * needed, never kept: a national week would hold tens of thousands of slot lists, and a list
 * costs a few microseconds to compute again.
 */
function dirSlots(ctx: Context, id: number): VisitSlot[] {
  const a = ctx.arcA[id >> 1] as number;
  const b = ctx.arcB[id >> 1] as number;
  const observer = id & 1 ? b : a;
  const host = id & 1 ? a : b;
  const store = ctx.calendars;
  return visitSlotsScan(
    (ctx.persons[observer] as Person).sched,
    (start, end) => freeContain(store, observer, start, end),
    store.lesson,
    store.lessonStart[host] as number,
    store.lessonStart[host + 1] as number,
    ctx.travel,
  );
}

function arcSlots(ctx: Context, arc: number): readonly [VisitSlot[], VisitSlot[]] {
  const ab = dirSlots(ctx, 2 * arc);
  const ba = dirSlots(ctx, 2 * arc + 1);
  ctx.feasible[arc] = ab.length > 0 && ba.length > 0 ? 1 : -1;
  return [ab, ba];
}

function arcFeasible(ctx: Context, arc: number): boolean {
  if (ctx.feasible[arc] === 0) {
    const a = ctx.arcA[arc] as number;
    const b = ctx.arcB[arc] as number;
    ctx.feasible[arc] = visitPossible(ctx, a, b) && visitPossible(ctx, b, a) ? 1 : -1;
  }
  return ctx.feasible[arc] === 1;
}

function slotPick(ctx: Context, observer: number, host: number, slots: readonly VisitSlot[]): VisitSlot | undefined {
  let best: VisitSlot | undefined;
  let bestCost = Infinity;
  for (const slot of slots) {
    if (!ctx.calendar.canBook(observer, host, slot)) continue;
    const c = ctx.calendar.cost(observer, host, slot);
    if (c < bestCost) {
      bestCost = c;
      best = slot;
    }
  }
  return best;
}

// Bookings are kept per direction: id = arc × 2 + (0: A observes B, 1: B observes A).
function dirPersons(ctx: Context, id: number): readonly [number, number] {
  const a = ctx.arcA[id >> 1] as number;
  const b = ctx.arcB[id >> 1] as number;
  return id & 1 ? [b, a] : [a, b];
}

function listAdd(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function listRemove(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (!list) return;
  const k = list.indexOf(id);
  if (k >= 0) list.splice(k, 1);
}

function dirBook(ctx: Context, id: number, slot: VisitSlot): void {
  const [o, h] = dirPersons(ctx, id);
  const di = slot.day - ctx.firstDay;
  ctx.calendar.book(o, h, slot);
  ctx.dirSlot.set(id, slot);
  listAdd(ctx.observerDay, o * ctx.dayCount + di, id);
  listAdd(ctx.hostDay, h * ctx.dayCount + di, id);
  ctx.lessonBooking.set(lessonKey(h, slot.lessonIndex), id);
}

function dirUnbook(ctx: Context, id: number): void {
  const slot = ctx.dirSlot.get(id);
  if (!slot) return;
  const [o, h] = dirPersons(ctx, id);
  const di = slot.day - ctx.firstDay;
  ctx.calendar.unbook(o, h, slot);
  ctx.dirSlot.delete(id);
  listRemove(ctx.observerDay, o * ctx.dayCount + di, id);
  listRemove(ctx.hostDay, h * ctx.dayCount + di, id);
  ctx.lessonBooking.delete(lessonKey(h, slot.lessonIndex));
}

/** Bookings that stand in the way of `slot` for observer o and host h. */
function blockersOf(ctx: Context, o: number, h: number, slot: VisitSlot): Set<number> {
  const out = new Set<number>();
  const di = slot.day - ctx.firstDay;
  const observing = ctx.observerDay.get(o * ctx.dayCount + di) ?? [];
  if (observing.length >= ctx.rules.maxVisitsPerDay) for (const id of observing) out.add(id);
  for (const id of observing) {
    const other = ctx.dirSlot.get(id) as VisitSlot;
    if (slot.leaveAt < other.returnBy && other.leaveAt < slot.returnBy) out.add(id);
  }
  const hosting = ctx.hostDay.get(h * ctx.dayCount + di) ?? [];
  if (hosting.length >= ctx.rules.maxGuestsPerHostPerDay) for (const id of hosting) out.add(id);
  const onLesson = ctx.lessonBooking.get(lessonKey(h, slot.lessonIndex));
  if (onLesson !== undefined) out.add(onLesson);
  return out;
}

/** Books one direction; when every slot is taken, moves one blocking booking elsewhere. */
function dirPlace(ctx: Context, id: number, slots: readonly VisitSlot[]): boolean {
  const [o, h] = dirPersons(ctx, id);
  const best = slotPick(ctx, o, h, slots);
  if (best) {
    dirBook(ctx, id, best);
    return true;
  }
  let tries = 0;
  for (const slot of slots) {
    if (++tries > 64) break;
    const blockers = blockersOf(ctx, o, h, slot);
    if (blockers.size !== 1) continue;
    const blocker = blockers.values().next().value as number;
    if (blocker >> 1 === id >> 1) continue;
    const old = ctx.dirSlot.get(blocker) as VisitSlot;
    dirUnbook(ctx, blocker);
    if (!ctx.calendar.canBook(o, h, slot)) {
      dirBook(ctx, blocker, old);
      continue;
    }
    dirBook(ctx, id, slot);
    const [bo, bh] = dirPersons(ctx, blocker);
    const alternative = slotPick(ctx, bo, bh, dirSlots(ctx, blocker));
    if (alternative) {
      dirBook(ctx, blocker, alternative);
      return true;
    }
    dirUnbook(ctx, id);
    dirBook(ctx, blocker, old);
  }
  return false;
}

/** Books both visits of a pair; false (and nothing booked for it) when either direction fails. */
function pairBook(ctx: Context, arc: number): boolean {
  const [ab, ba] = arcSlots(ctx, arc);
  const first = ab.length <= ba.length ? 2 * arc : 2 * arc + 1;
  const second = first ^ 1;
  if (!dirPlace(ctx, first, first & 1 ? ba : ab)) return false;
  if (!dirPlace(ctx, second, second & 1 ? ba : ab)) {
    dirUnbook(ctx, first);
    return false;
  }
  return true;
}

function pairUnbook(ctx: Context, arc: number): void {
  dirUnbook(ctx, 2 * arc);
  dirUnbook(ctx, 2 * arc + 1);
}

interface StageResult {
  readonly arcs: number[];
  readonly result: PairingResult;
  readonly rounds: number;
  readonly removedNoTime: number;
  readonly removedConflict: number;
  readonly capacityReduced: number;
  readonly converged: boolean;
}

/**
 * One pairing stage: stage arc s joins left[s] and right[s] and stands for context arc
 * orig[s] (for arc s itself when orig is null). Pairs until every chosen pair is scheduled.
 */
function stageRun(
  ctx: Context,
  origOrNull: Int32Array | null,
  left: Int32Array,
  right: Int32Array,
  sizeLeft: number,
  sizeRight: number,
  capRight: Int32Array,
  maxRounds: number,
): StageResult {
  // Pairs without any possible visit in one of the directions never enter the pairing; the
  // check runs only for pairs the solver wants to consider (the others price out unchecked).
  const arcOf = origOrNull ? (s: number): number => origOrNull[s] as number : (s: number): number => s;
  let weights: Float64Array;
  if (origOrNull) {
    weights = new Float64Array(origOrNull.length);
    for (let s = 0; s < origOrNull.length; s++) weights[s] = ctx.arcW[origOrNull[s] as number] as number;
  } else weights = ctx.arcW.subarray(0, left.length);
  let removedNoTime = 0;
  const admit = (s: number): boolean => {
    const ok = arcFeasible(ctx, arcOf(s));
    if (!ok) removedNoTime++;
    return ok;
  };
  const solver = pairingSolverCreate(
    { sizeA: sizeLeft, sizeB: sizeRight, capacityB: capRight, arcA: left, arcB: right, arcWeight: weights },
    { admit },
  );
  let result = solver.result();
  let rounds = 1;
  let removedConflict = 0;
  let capacityReduced = 0;
  const mine = new Set<number>();
  let converged = false;
  for (;;) {
    const infeasible = result.pairs.filter((p) => !arcFeasible(ctx, arcOf(p.arc))).map((p) => p.arc);
    if (infeasible.length > 0) {
      removedNoTime += infeasible.length;
      result = solver.forbid(infeasible);
      continue;
    }
    const wanted = new Set(result.pairs.map((p) => arcOf(p.arc)));
    for (const arc of [...mine]) {
      if (!wanted.has(arc)) {
        pairUnbook(ctx, arc);
        mine.delete(arc);
      }
    }
    const fresh = result.pairs
      .filter((p) => !mine.has(arcOf(p.arc)))
      .map((p) => {
        const arc = arcOf(p.arc);
        const [ab, ba] = arcSlots(ctx, arc);
        return { stageArc: p.arc, arc, flex: Math.min(ab.length, ba.length) };
      })
      .sort((x, y) => x.flex - y.flex || x.arc - y.arc);
    const failed: number[] = [];
    const reduce = new Map<number, number>();
    const booked = new Int32Array(sizeRight);
    for (const p of result.pairs) if (mine.has(arcOf(p.arc))) booked[p.b] = (booked[p.b] as number) + 1;
    for (const f of fresh) {
      if (pairBook(ctx, f.arc)) {
        mine.add(f.arc);
        const r = right[f.stageArc] as number;
        booked[r] = (booked[r] as number) + 1;
        continue;
      }
      const r = right[f.stageArc] as number;
      if ((booked[r] as number) > 0) {
        // The host's other visits leave no room: lower its capacity to what fits.
        reduce.set(r, booked[r] as number);
      } else {
        failed.push(f.stageArc);
        ctx.conflictRemoved[f.arc] = 1;
      }
    }
    if (failed.length === 0 && reduce.size === 0) {
      converged = true;
      break;
    }
    if (rounds >= maxRounds) break;
    removedConflict += failed.length;
    capacityReduced += reduce.size;
    rounds++;
    if (reduce.size > 0) result = solver.capacityReduce([...reduce].map(([b, capacity]) => ({ b, capacity })));
    if (failed.length > 0) result = solver.forbid(failed);
  }
  return { arcs: [...mine].sort((x, y) => x - y), result, rounds, removedNoTime, removedConflict, capacityReduced, converged };
}

export type ExchangeFailureReason =
  | 'LOCATION_DUPLICATE'
  | 'LOCATION_UNKNOWN'
  | 'PERSON_DUPLICATE'
  | 'PERSON_UNKNOWN'
  | 'PIN_SAME_SIDE'
  | 'PIN_DUPLICATE'
  | 'DATE_INVALID';

export type ExchangeResult = EngineResult<ExchangeOutput, ExchangeFailureReason>;

/** The first expected failure of an exchange input (ids, locations, pins, dates), or null. */
export function exchangeInputCheck(input: ExchangeInput): EngineFailure<ExchangeFailureReason> | null {
  const travel = travelInputCheck(input.locations, input.travelMatrix ?? []);
  if (travel) return travel;
  const locations = new Set(input.locations.map((l) => l.id));
  const side = new Map<string, 'a' | 'b'>();
  for (const [name, people] of [['a', input.sideA], ['b', input.sideB]] as const) {
    for (const p of [...people].sort(byId)) {
      if (side.has(p.id)) return engineFail('PERSON_DUPLICATE', p.id);
      side.set(p.id, name);
      if (!locations.has(p.locationId)) return engineFail('LOCATION_UNKNOWN', p.locationId);
      for (const b of p.busy) if (b.locationId !== undefined && !locations.has(b.locationId)) return engineFail('LOCATION_UNKNOWN', b.locationId);
      for (const d of p.unavailableDates ?? []) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return engineFail('DATE_INVALID', d);
    }
  }
  for (const f of input.forbidden ?? []) for (const id of [f.a, f.b]) if (!side.has(id)) return engineFail('PERSON_UNKNOWN', id);
  const pinnedA = new Set<string>();
  for (const pin of input.pinned ?? []) {
    for (const id of [pin.a, pin.b]) if (!side.has(id)) return engineFail('PERSON_UNKNOWN', id);
    if (side.get(pin.a) === side.get(pin.b)) return engineFail('PIN_SAME_SIDE', `${pin.a} ${pin.b}`);
    const a = side.get(pin.a) === 'a' ? pin.a : pin.b;
    if (pinnedA.has(a)) return engineFail('PIN_DUPLICATE', a);
    pinnedA.add(a);
  }
  return null;
}

/**
 * Pairs the two sides of an exchange week and schedules both visits of every pair.
 * Input and output are plain JSON (see docs/engine.md); the result does not depend on the
 * order of any list in the input. Inconsistent input comes back as data, `{ ok: false, reason }`
 * with `LOCATION_DUPLICATE`, `LOCATION_UNKNOWN`, `PERSON_DUPLICATE`, `PERSON_UNKNOWN`,
 * `PIN_SAME_SIDE`, `PIN_DUPLICATE` or `DATE_INVALID` (the zod schema catches most of these
 * first; the CLI reports the rest with exit code 2).
 */
export function exchangeSolve(input: ExchangeInput): ExchangeResult {
  const failure = exchangeInputCheck(input);
  return failure ?? { ok: true, ...exchangeSolveChecked(input) };
}

/** exchangeSolve on an input that passed exchangeInputCheck; the throws below are invariants. */
function exchangeSolveChecked(input: ExchangeInput): ExchangeOutput {
  const weights: ExchangeWeights = { ...EXCHANGE_DEFAULT_WEIGHTS, ...input.weights };
  const rules = exchangeRulesResolve(input.rules);
  const codes: EngineCode[] = [];
  // Canonical order: everything below depends on ids only, never on input order.
  const locations = [...input.locations].sort(byId);
  const matrix = [...(input.travelMatrix ?? [])].sort(
    (x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0),
  );
  const travel = travelModelBuild(locations, matrix);
  const locationIndexOf = (id: string | undefined): number => {
    const k = id === undefined ? undefined : travel.locationIndex.get(id);
    if (k === undefined) throw new Error(`LOCATION_UNKNOWN: ${id}`);
    return k;
  };
  const sideA = [...input.sideA].sort(byId);
  const sideB = [...input.sideB].sort(byId);
  const ids = new Set<string>();
  for (const p of [...sideA, ...sideB]) {
    if (ids.has(p.id)) throw new Error(`PERSON_DUPLICATE: ${p.id}`);
    ids.add(p.id);
  }
  const institutions = new Map<string, number>();
  const wishIds = new Map<string, number>();
  for (const p of [...sideA, ...sideB]) for (const w of p.wishes ?? []) if (!wishIds.has(w)) wishIds.set(w, wishIds.size);
  const window: Interval = { start: input.window.start as UtcMillis, end: input.window.end as UtcMillis };
  const persons: Person[] = [...sideA, ...sideB].map((p, index) => {
    let inst = institutions.get(p.institutionId);
    if (inst === undefined) {
      inst = institutions.size;
      institutions.set(p.institutionId, inst);
    }
    const enc = codesEncode(p.isced);
    const prefs = [...(p.preferredPersonIds ?? []), ...(p.preferredInstitutionIds ?? [])];
    return {
      input: p,
      side: index < sideA.length ? 'a' : 'b',
      index,
      institution: inst,
      sched: {
        id: p.id,
        locationIndex: locationIndexOf(p.locationId),
        travelMode: p.travelMode,
        maxTravelMinutes: p.maxTravelMinutes,
        busy: busySorted(p.busy),
        unavailableDays: p.unavailableDates?.length ? new Set(p.unavailableDates.map(dayFromIsoDate)) : NO_DAYS,
        avoid: p.avoid ?? [],
      },
      ...enc,
      wishes: (p.wishes ?? []).map((w) => wishIds.get(w) as number).sort((x, y) => x - y),
      prefs: prefs.length > 0 ? new Set(prefs) : undefined,
    };
  });
  const nA = sideA.length;
  const nB = sideB.length;
  const days = calendarDays(window, input.zone, rules);
  const calendars = calendarStoreCreate(persons.length, (k, sink) =>
    calendarEmit((persons[k] as Person).sched, window, days, input.zone, rules, locationIndexOf, sink));

  const indexOf = new Map<string, number>(persons.map((p) => [p.input.id, p.index]));
  const forbidden = new Set<number>();
  for (const f of input.forbidden ?? []) {
    const a = indexOf.get(f.a);
    const b = indexOf.get(f.b);
    if (a === undefined || b === undefined) throw new Error(`PERSON_UNKNOWN: ${a === undefined ? f.a : f.b}`);
    const [x, y] = a < nA ? [a, b] : [b, a];
    forbidden.add(x * (nA + nB) + y);
  }
  const pinnedArcs: { a: number; b: number }[] = [];
  const pinnedA = new Uint8Array(nA + nB);
  const capacity = new Int32Array(nA + nB);
  for (let k = nA; k < nA + nB; k++) capacity[k] = Math.max(0, Math.floor((persons[k] as Person).input.hostCapacity ?? 1));
  for (const pin of input.pinned ?? []) {
    const a = indexOf.get(pin.a);
    const b = indexOf.get(pin.b);
    if (a === undefined || b === undefined) throw new Error(`PERSON_UNKNOWN: ${a === undefined ? pin.a : pin.b}`);
    const [x, y] = a < nA ? [a, b] : [b, a];
    if (x >= nA || y < nA) throw new Error(`PIN_SAME_SIDE: ${pin.a} ${pin.b}`);
    if (pinnedA[x]) throw new Error(`PIN_DUPLICATE: ${(persons[x] as Person).input.id}`);
    pinnedA[x] = 1;
    capacity[y] = (capacity[y] as number) - 1;
    if ((capacity[y] as number) < 0 && !codes.includes('PIN_EXCEEDS_CAPACITY')) codes.push('PIN_EXCEEDS_CAPACITY');
    pinnedArcs.push({ a: x, b: y });
  }

  const firstDay = zoneToLocal(input.zone, window.start).day;
  const lastDay = zoneToLocal(input.zone, (window.end - 1) as UtcMillis).day;
  const dayCount = Math.max(1, lastDay - firstDay + 1);
  const unavailable = new Uint8Array((nA + nB) * dayCount);
  for (const p of persons) {
    for (const day of p.sched.unavailableDays) if (day >= firstDay && day <= lastDay) unavailable[p.index * dayCount + day - firstDay] = 1;
  }

  const pairScore = (pa: Person, pb: Person, tab: number, tba: number): number => {
    let score = relatedness(pa, pb, weights);
    if (pa.wishes.length > 0 && pb.wishes.length > 0) {
      score += weights.sharedWish * Math.min(weights.maxSharedWishes, sharedCount(pa.wishes, pb.wishes));
    }
    if (pa.prefs && (pa.prefs.has(pb.input.id) || pa.prefs.has(pb.input.institutionId))) score += weights.preference;
    if (pb.prefs && (pb.prefs.has(pa.input.id) || pb.prefs.has(pa.input.institutionId))) score += weights.preference;
    score -= weights.travelPer10Minutes * Math.floor(Math.max(tab, tba) / 10);
    return Math.round(score);
  };

  // Candidate pairs under the hard rules, with counters for the reason codes.
  const related = new Int32Array(nA + nB);
  const travelOk = new Int32Array(nA + nB);
  const allowed = new Int32Array(nA + nB);
  // related[p] = 1 when someone on the other side at another institution shares a broad field.
  const fieldCounts = (from: number, to: number): { total: Map<number, number>; byInstitution: Map<string, number> } => {
    const total = new Map<number, number>();
    const byInstitution = new Map<string, number>();
    for (let k = from; k < to; k++) {
      const pk = persons[k] as Person;
      for (const code of new Set(pk.broad)) {
        total.set(code, (total.get(code) ?? 0) + 1);
        const key = `${code}:${pk.institution}`;
        byInstitution.set(key, (byInstitution.get(key) ?? 0) + 1);
      }
    }
    return { total, byInstitution };
  };
  const countsA = fieldCounts(0, nA);
  const countsB = fieldCounts(nA, nA + nB);
  for (const p of persons) {
    const other = p.side === 'a' ? countsB : countsA;
    for (const code of p.broad) {
      if ((other.total.get(code) ?? 0) - (other.byInstitution.get(`${code}:${p.institution}`) ?? 0) > 0) related[p.index] = 1;
    }
  }
  // Plausible pairs only: side B is bucketed by (location, broad field); for each A person
  // the grid on coordinates yields the locations within their travel limit, and only the B
  // people of a shared broad field at those locations are looked at. Travel times are
  // computed for the location pairs visited, never for all pairs.
  const byLocationField = new Map<number, number[]>();
  for (let b = nA; b < nA + nB; b++) {
    const pb = persons[b] as Person;
    for (const code of new Set(pb.broad)) {
      const key = pb.sched.locationIndex * 100 + code;
      const list = byLocationField.get(key);
      if (list) list.push(b);
      else byLocationField.set(key, [b]);
    }
  }
  const seen = new Int32Array(nA + nB).fill(-1);
  const total = nA + nB;
  const instOf = Int32Array.from(persons, (p) => p.institution);
  const locOf = Int32Array.from(persons, (p) => p.sched.locationIndex);
  const maxOf = Float64Array.from(persons, (p) => p.sched.maxTravelMinutes);
  const minutesOf = (k: number, from: number, to: number): number => travel.minutes(from, to, (persons[k] as Person).sched.travelMode);
  const reach = new Map<string, Int32Array>();
  /** The locations within A person a's travel limit (shared by everybody with the same origin, mode and limit). */
  const nearOf = (a: number): Int32Array => {
    const pa = persons[a] as Person;
    const reachKey = `${locOf[a]}:${pa.sched.travelMode}:${maxOf[a]}`;
    let near = reach.get(reachKey);
    if (!near) {
      near = travel.reachable(locOf[a] as number, pa.sched.travelMode, maxOf[a] as number);
      reach.set(reachKey, near);
    }
    return near;
  };
  // The arc lists are allocated once, at their exact length, counted by a first pass over
  // the same buckets (growing them by doubling would leave the shorter copies to the garbage
  // collector: tens of megabytes at national scale). Travel times are cached, so the second
  // pass looks them up for free.
  const allowedPair = (a: number, b: number): boolean =>
    instOf[b] !== instOf[a] && minutesOf(b, locOf[b] as number, locOf[a] as number) <= (maxOf[b] as number) && !(forbidden.size > 0 && forbidden.has(a * total + b));
  let arcBound = pinnedArcs.length;
  for (let a = 0; a < nA; a++) {
    const near = nearOf(a);
    for (const code of new Set((persons[a] as Person).broad)) {
      for (let q = 0; q < near.length; q++) {
        for (const b of byLocationField.get((near[q] as number) * 100 + code) ?? []) {
          if (seen[b] === -2 - a) continue;
          seen[b] = -2 - a;
          if (allowedPair(a, b)) arcBound++;
        }
      }
    }
  }
  const arcs = arcListCreate(arcBound);
  let candidates = new Int32Array(64);
  for (let a = 0; a < nA; a++) {
    const pa = persons[a] as Person;
    let count = 0;
    const instA = instOf[a] as number;
    const locA = locOf[a] as number;
    const near = nearOf(a);
    const fields = [...new Set(pa.broad)];
    for (let q = 0; q < near.length; q++) {
      const locB = near[q] as number;
      for (const code of fields) {
        const members = byLocationField.get(locB * 100 + code);
        if (!members) continue;
        for (const b of members) {
          if (seen[b] === a) continue;
          seen[b] = a;
          if (count === candidates.length) {
            const bigger = new Int32Array(2 * count);
            bigger.set(candidates);
            candidates = bigger;
          }
          candidates[count++] = b;
        }
      }
    }
    candidates.subarray(0, count).sort();
    for (let q = 0; q < count; q++) {
      const b = candidates[q] as number;
      if (instOf[b] === instA) continue;
      const locB = locOf[b] as number;
      const tab = minutesOf(a, locA, locB);
      const tba = minutesOf(b, locB, locA);
      if (tba > (maxOf[b] as number)) continue;
      travelOk[a] = (travelOk[a] as number) + 1;
      travelOk[b] = (travelOk[b] as number) + 1;
      if (forbidden.size > 0 && forbidden.has(a * total + b)) continue;
      allowed[a] = (allowed[a] as number) + 1;
      allowed[b] = (allowed[b] as number) + 1;
      arcListPush(arcs, a, b, Math.max(1, pairScore(pa, persons[b] as Person, tab, tba)));
    }
  }
  // Pinned pairs are appended as arcs of their own (kept regardless of the rules).
  const firstPinnedArc = arcs.count;
  for (const p of pinnedArcs) {
    const tab = minutesOf(p.a, locOf[p.a] as number, locOf[p.b] as number);
    const tba = minutesOf(p.b, locOf[p.b] as number, locOf[p.a] as number);
    arcListPush(arcs, p.a, p.b, Math.max(0, pairScore(persons[p.a] as Person, persons[p.b] as Person, tab, tba)));
  }
  const arcCount = arcs.count;
  const ctx: Context = {
    persons,
    calendars,
    travel,
    calendar: scheduleCalendarCreate(nA + nB, firstDay, dayCount, rules),
    arcA: arcs.a.subarray(0, arcCount),
    arcB: arcs.b.subarray(0, arcCount),
    arcW: arcs.w.subarray(0, arcCount),
    feasible: new Int8Array(arcCount),
    rules,
    dirSlot: new Map(),
    observerDay: new Map(),
    hostDay: new Map(),
    lessonBooking: new Map(),
    conflictRemoved: new Uint8Array(arcCount),
    unavailable,
    firstDay,
    dayCount,
  };

  // Pinned pairs are booked first.
  const pinnedBooked: number[] = [];
  for (let arc = firstPinnedArc; arc < arcCount; arc++) {
    if (pairBook(ctx, arc)) pinnedBooked.push(arc);
    else codes.push('PINNED_PAIR_UNSCHEDULABLE');
  }

  // Stage 1: the main pairing (A people not pinned, B people with remaining capacity).
  // Without pins every arc takes part, and the stage reads the context's arrays as they are
  // (a national week has hundreds of thousands of arcs: no copies).
  let stageCount = 0;
  for (let arc = 0; arc < firstPinnedArc; arc++) if (!pinnedA[ctx.arcA[arc] as number]) stageCount++;
  const orig1 = stageCount === firstPinnedArc ? null : new Int32Array(stageCount);
  const left1 = orig1 ? new Int32Array(stageCount) : ctx.arcA.subarray(0, firstPinnedArc);
  const right1 = new Int32Array(stageCount);
  for (let arc = 0, s = 0; arc < firstPinnedArc; arc++) {
    if (pinnedA[ctx.arcA[arc] as number]) continue;
    if (orig1) {
      orig1[s] = arc;
      left1[s] = ctx.arcA[arc] as number;
    }
    right1[s++] = (ctx.arcB[arc] as number) - nA;
  }
  const cap1 = Int32Array.from({ length: nB }, (_, k) => Math.max(0, capacity[nA + k] as number));
  const stage1 = stageRun(ctx, orig1, left1, right1, nA, nB, cap1, rules.maxRounds);
  if (!stage1.converged) codes.push('SCHEDULING_ROUNDS_EXHAUSTED');
  if (stage1.result.certificateViolations > 0) codes.push('PAIRING_CERTIFICATE_FAILED');

  const partners = new Int32Array(nA + nB);
  for (const arc of [...stage1.arcs, ...pinnedBooked]) {
    partners[ctx.arcA[arc] as number] = (partners[ctx.arcA[arc] as number] as number) + 1;
    partners[ctx.arcB[arc] as number] = (partners[ctx.arcB[arc] as number] as number) + 1;
  }

  // Stage 2 (optional): people left out join a pair as its third member.
  let trioArcs: number[] = [];
  let rounds = stage1.rounds;
  let removedNoTime = stage1.removedNoTime;
  let removedConflict = stage1.removedConflict;
  if (rules.allowTrios) {
    const leftIndex = new Map<number, number>();
    const rightIndex = new Map<number, number>();
    const o2: number[] = [];
    const l2: number[] = [];
    const r2: number[] = [];
    for (let arc = 0; arc < firstPinnedArc; arc++) {
      if (ctx.feasible[arc] === -1 || ctx.conflictRemoved[arc]) continue;
      const a = ctx.arcA[arc] as number;
      const b = ctx.arcB[arc] as number;
      let lonely: number;
      let host: number;
      if (partners[a] === 0 && partners[b] === 1) [lonely, host] = [a, b];
      else if (partners[b] === 0 && partners[a] === 1) [lonely, host] = [b, a];
      else continue;
      if (!leftIndex.has(lonely)) leftIndex.set(lonely, leftIndex.size);
      if (!rightIndex.has(host)) rightIndex.set(host, rightIndex.size);
      o2.push(arc);
      l2.push(leftIndex.get(lonely) as number);
      r2.push(rightIndex.get(host) as number);
    }
    if (o2.length > 0) {
      const stage2 = stageRun(
        ctx,
        Int32Array.from(o2),
        Int32Array.from(l2),
        Int32Array.from(r2),
        leftIndex.size,
        rightIndex.size,
        new Int32Array(rightIndex.size).fill(1),
        rules.maxRounds,
      );
      trioArcs = stage2.arcs;
      rounds += stage2.rounds;
      removedNoTime += stage2.removedNoTime;
      removedConflict += stage2.removedConflict;
      for (const arc of trioArcs) {
        partners[ctx.arcA[arc] as number] = (partners[ctx.arcA[arc] as number] as number) + 1;
        partners[ctx.arcB[arc] as number] = (partners[ctx.arcB[arc] as number] as number) + 1;
      }
    }
  }

  // Output.
  const idOf = (k: number): string => (persons[k] as Person).input.id;
  const pairs: ExchangePair[] = [];
  const visits: ExchangeVisit[] = [];
  const emit = (arc: number, pinned: boolean, trio: boolean): void => {
    const a = ctx.arcA[arc] as number;
    const b = ctx.arcB[arc] as number;
    pairs.push({ aId: idOf(a), bId: idOf(b), score: ctx.arcW[arc] as number, pinned, trio });
    const ab = ctx.dirSlot.get(2 * arc);
    const ba = ctx.dirSlot.get(2 * arc + 1);
    if (!ab || !ba) return;
    for (const [o, h, v] of [
      [a, b, ab],
      [b, a, ba],
    ] as const) {
      visits.push({
        observerId: idOf(o),
        hostId: idOf(h),
        lessonStart: v.start,
        lessonEnd: v.end,
        leaveAt: v.leaveAt,
        returnBy: v.returnBy,
        locationId: (locations[v.locationIndex] as Location).id,
        travelMinutes: v.travelMinutes,
      });
    }
  };
  for (let arc = firstPinnedArc; arc < arcCount; arc++) emit(arc, true, false);
  for (const arc of stage1.arcs) emit(arc, false, false);
  for (const arc of trioArcs) emit(arc, false, true);
  pairs.sort((x, y) => (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0));
  visits.sort((x, y) => x.lessonStart - y.lessonStart || (x.observerId < y.observerId ? -1 : x.observerId > y.observerId ? 1 : 0));

  // Reasons for everybody without a partner. Among a person's allowed pairs: none with a
  // possible visit → NO_COMMON_TIME; all possible ones lost to booking conflicts →
  // SCHEDULE_CONFLICT; otherwise the partners went to others → CAPACITY.
  const schedulable = new Uint8Array(nA + nB); // 1: some pair has a possible visit, 2: one not lost to a conflict
  for (let arc = 0; arc < firstPinnedArc; arc++) {
    const a = ctx.arcA[arc] as number;
    const b = ctx.arcB[arc] as number;
    const wantA = !partners[a] && schedulable[a] !== 2;
    const wantB = !partners[b] && schedulable[b] !== 2;
    if (!wantA && !wantB) continue;
    if (!arcFeasible(ctx, arc)) continue;
    const level = ctx.conflictRemoved[arc] ? 1 : 2;
    if (wantA && (schedulable[a] as number) < level) schedulable[a] = level;
    if (wantB && (schedulable[b] as number) < level) schedulable[b] = level;
  }
  const unpaired: { personId: string; side: 'a' | 'b'; reason: ExchangeReason }[] = [];
  for (const p of persons) {
    if (partners[p.index] as number) continue;
    let reason: ExchangeReason;
    if (related[p.index] === 0) reason = 'NO_RELATED_PARTNER';
    else if (travelOk[p.index] === 0) reason = 'TRAVEL_TOO_FAR';
    else if (allowed[p.index] === 0) reason = 'FORBIDDEN_PAIR';
    else if (schedulable[p.index] === 0) reason = 'NO_COMMON_TIME';
    else if (schedulable[p.index] === 1) reason = 'SCHEDULE_CONFLICT';
    else reason = 'CAPACITY';
    unpaired.push({ personId: p.input.id, side: p.side, reason });
  }

  return {
    pairs,
    visits,
    unpaired,
    objective: stage1.result.objective,
    dualBound: stage1.result.dualBound,
    optimal: stage1.converged && stage1.result.certificateViolations === 0 && stage1.result.dualBound === stage1.result.objective,
    diagnostics: {
      candidatePairs: firstPinnedArc,
      removedNoCommonTime: removedNoTime,
      removedScheduleConflict: removedConflict,
      capacityReduced: stage1.capacityReduced,
      rounds,
      codes,
    },
  };
}
