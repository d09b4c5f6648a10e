// Independent checks of an exchange result against its input: used by the tests and the
// benchmarks to count violations. Returns one code per violation found.
import { exchangeRulesResolve, type ExchangeInput, type ExchangeOutput, type ExchangePersonInput } from './exchange.ts';
import { intervalsContain, intervalsNormalize, intervalsSubtract } from './intervals.ts';
import { travelModelBuild } from './travel.ts';
import type { Interval, UtcMillis } from './types.ts';
import { dayFromIsoDate, dayWeekday, zoneLocalToUtc, zoneToLocal } from './zone.ts';

export interface ExchangeViolation {
  readonly code: string;
  readonly personId: string;
}

export function exchangeCheck(input: ExchangeInput, output: ExchangeOutput): ExchangeViolation[] {
  const rules = exchangeRulesResolve(input.rules);
  const out: ExchangeViolation[] = [];
  const people = new Map<string, { p: ExchangePersonInput; side: 'a' | 'b' }>();
  for (const p of input.sideA) people.set(p.id, { p, side: 'a' });
  for (const p of input.sideB) people.set(p.id, { p, side: 'b' });
  const travel = travelModelBuild(input.locations, input.travelMatrix ?? []);
  const loc = (id: string): number => travel.locationIndex.get(id) as number;
  const forbidden = new Set((input.forbidden ?? []).flatMap((f) => [`${f.a}|${f.b}`, `${f.b}|${f.a}`]));
  const pinned = new Set((input.pinned ?? []).map((f) => `${f.a}|${f.b}`));

  // Free time, recomputed from scratch.
  const freeOf = new Map<string, Interval[]>();
  for (const [id, { p }] of people) {
    const days: Interval[] = [];
    const unavailable = new Set((p.unavailableDates ?? []).map(dayFromIsoDate));
    const first = zoneToLocal(input.zone, input.window.start as UtcMillis).day;
    const last = zoneToLocal(input.zone, (input.window.end - 1) as UtcMillis).day;
    for (let d = first; d <= last; d++) {
      if (!rules.weekdays.includes(dayWeekday(d)) || unavailable.has(d)) continue;
      days.push({ start: zoneLocalToUtc(input.zone, d, rules.dayStartMinute), end: zoneLocalToUtc(input.zone, d, rules.dayEndMinute) });
    }
    const window = [{ start: input.window.start as UtcMillis, end: input.window.end as UtcMillis }];
    const busy = intervalsNormalize(p.busy.map((b) => ({ start: b.start as UtcMillis, end: b.end as UtcMillis })));
    freeOf.set(id, intervalsSubtract(intervalsNormalize(days).filter((d) => d.end > window[0]!.start && d.start < window[0]!.end), busy));
  }

  const partnerCount = new Map<string, number>();
  const pairKeys = new Set<string>();
  for (const pair of output.pairs) {
    const a = people.get(pair.aId);
    const b = people.get(pair.bId);
    if (!a || !b || a.side === b.side) {
      out.push({ code: 'PAIR_UNKNOWN_OR_SAME_SIDE', personId: pair.aId });
      continue;
    }
    pairKeys.add(`${pair.aId}|${pair.bId}`);
    partnerCount.set(pair.aId, (partnerCount.get(pair.aId) ?? 0) + 1);
    partnerCount.set(pair.bId, (partnerCount.get(pair.bId) ?? 0) + 1);
    if (pinned.has(`${pair.aId}|${pair.bId}`)) continue;
    if (a.p.institutionId === b.p.institutionId) out.push({ code: 'SAME_INSTITUTION', personId: pair.aId });
    if (forbidden.has(`${pair.aId}|${pair.bId}`)) out.push({ code: 'FORBIDDEN_PAIR_USED', personId: pair.aId });
    const tab = travel.minutes(loc(a.p.locationId), loc(b.p.locationId), a.p.travelMode);
    const tba = travel.minutes(loc(b.p.locationId), loc(a.p.locationId), b.p.travelMode);
    if (tab > a.p.maxTravelMinutes || tba > b.p.maxTravelMinutes) out.push({ code: 'TRAVEL_LIMIT_EXCEEDED', personId: pair.aId });
  }
  for (const [id, count] of partnerCount) {
    const { p, side } = people.get(id)!;
    const trios = output.pairs.filter((x) => x.trio && (x.aId === id || x.bId === id)).length;
    const limit = (side === 'b' ? (p.hostCapacity ?? 1) : 1) + trios;
    if (count > limit) out.push({ code: 'CAPACITY_EXCEEDED', personId: id });
  }

  const visitsOf = new Map<string, { leaveAt: number; returnBy: number }[]>();
  const observedPerDay = new Map<string, number>();
  const hostedPerDay = new Map<string, number>();
  const lessonUsed = new Set<string>();
  const perPair = new Map<string, number>();
  for (const v of output.visits) {
    const o = people.get(v.observerId);
    const h = people.get(v.hostId);
    if (!o || !h) {
      out.push({ code: 'VISIT_UNKNOWN_PERSON', personId: v.observerId });
      continue;
    }
    const key = o.side === 'a' ? `${v.observerId}|${v.hostId}` : `${v.hostId}|${v.observerId}`;
    if (!pairKeys.has(key)) out.push({ code: 'VISIT_WITHOUT_PAIR', personId: v.observerId });
    perPair.set(key, (perPair.get(key) ?? 0) + 1);
    const lesson = h.p.busy.find((b) => b.kind === 'lesson' && b.start === v.lessonStart && b.end === v.lessonEnd);
    if (!lesson) out.push({ code: 'VISIT_NOT_A_LESSON', personId: v.hostId });
    const lessonLoc = lesson?.locationId ?? h.p.locationId;
    if (lessonLoc !== v.locationId) out.push({ code: 'VISIT_WRONG_LOCATION', personId: v.hostId });
    const t1 = travel.minutes(loc(o.p.locationId), loc(lessonLoc), o.p.travelMode);
    const t2 = travel.minutes(loc(lessonLoc), loc(o.p.locationId), o.p.travelMode);
    if (v.leaveAt > v.lessonStart - t1 * 60_000 || v.returnBy < v.lessonEnd + t2 * 60_000) out.push({ code: 'VISIT_TRAVEL_SHORT', personId: v.observerId });
    if (!intervalsContain(freeOf.get(v.observerId)!, v.leaveAt, v.returnBy)) out.push({ code: 'VISIT_OUTSIDE_FREE_TIME', personId: v.observerId });
    if (v.leaveAt < input.window.start || v.returnBy > input.window.end) out.push({ code: 'VISIT_OUTSIDE_WINDOW', personId: v.observerId });
    // Local-time rules: avoided weekly windows, first/last lesson of the host's day, day limits.
    const local = zoneToLocal(input.zone, v.lessonStart as UtcMillis);
    const localEnd = zoneToLocal(input.zone, v.lessonEnd as UtcMillis);
    const endMinute = localEnd.day === local.day ? localEnd.minuteOfDay : 1440;
    const windows = [...rules.avoid, ...(o.p.avoid ?? []), ...(h.p.avoid ?? [])];
    if (windows.some((w) => w.weekday === local.weekday && local.minuteOfDay < w.endMinute && w.startMinute < endMinute)) {
      out.push({ code: 'VISIT_IN_AVOIDED_WINDOW', personId: v.observerId });
    }
    if (rules.avoidFirstLesson || rules.avoidLastLesson) {
      const sameDay = h.p.busy
        .filter((b) => b.kind === 'lesson' && zoneToLocal(input.zone, b.start as UtcMillis).day === local.day)
        .map((b) => b.start);
      if (rules.avoidFirstLesson && v.lessonStart === Math.min(...sameDay)) out.push({ code: 'VISIT_FIRST_LESSON', personId: v.hostId });
      if (rules.avoidLastLesson && v.lessonStart === Math.max(...sameDay)) out.push({ code: 'VISIT_LAST_LESSON', personId: v.hostId });
    }
    const od = `${v.observerId}|${local.day}`;
    const hd = `${v.hostId}|${local.day}`;
    observedPerDay.set(od, (observedPerDay.get(od) ?? 0) + 1);
    hostedPerDay.set(hd, (hostedPerDay.get(hd) ?? 0) + 1);
    if (observedPerDay.get(od)! > rules.maxVisitsPerDay) out.push({ code: 'OBSERVER_DAY_LIMIT', personId: v.observerId });
    if (hostedPerDay.get(hd)! > rules.maxGuestsPerHostPerDay) out.push({ code: 'HOST_DAY_LIMIT', personId: v.hostId });
    const lk = `${v.hostId}|${v.lessonStart}`;
    if (lessonUsed.has(lk)) out.push({ code: 'LESSON_DOUBLE_BOOKED', personId: v.hostId });
    lessonUsed.add(lk);
    const list = visitsOf.get(v.observerId) ?? [];
    for (const w of list) if (v.leaveAt < w.returnBy && w.leaveAt < v.returnBy) out.push({ code: 'OBSERVER_DOUBLE_BOOKED', personId: v.observerId });
    list.push(v);
    visitsOf.set(v.observerId, list);
  }
  for (const pair of output.pairs) {
    const n = perPair.get(`${pair.aId}|${pair.bId}`) ?? 0;
    if (n !== 2 && !pair.pinned) out.push({ code: 'PAIR_WITHOUT_BOTH_VISITS', personId: pair.aId });
  }
  const listed = new Set([...partnerCount.keys(), ...output.unpaired.map((u) => u.personId)]);
  for (const id of people.keys()) if (!listed.has(id)) out.push({ code: 'PERSON_WITHOUT_OUTCOME', personId: id });
  return out;
}
