// Visit scheduling: for a pair, the observer attends one lesson of the host, being free for
// the lesson plus the travel there and back. A calendar keeps everybody's bookings so that no
// one is double-booked, each lesson takes at most one guest, a host receives at most
// `maxGuestsPerHostPerDay` guests and an observer makes at most `maxVisitsPerDay` visits per
// day; among the feasible lessons the one on the least busy day (for both people, then
// overall) is chosen, which spreads visits over the window.
import { intervalsContain, type IntervalSet } from './intervals.ts';
import type { TravelMode, TravelModel } from './travel.ts';
import { MS_PER_DAY, MS_PER_MINUTE, type Interval, type UtcMillis } from './types.ts';
import { dayWeekday, zoneLocalToUtc, zoneOffsetAt, zoneToLocal, type LocalDay, type ZoneRules } from './zone.ts';

/** A weekly local-time window, e.g. Monday 15:00–16:00 = { weekday: 1, startMinute: 900, endMinute: 960 }. */
export interface WeeklyWindow {
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface BusyBlock {
  readonly start: number;
  readonly end: number;
  readonly kind: 'lesson' | 'other';
  /** Where the block takes place; the person's own location when absent. */
  readonly locationId?: string;
}

export interface SchedulePerson {
  readonly id: string;
  readonly locationIndex: number;
  readonly travelMode: TravelMode;
  readonly maxTravelMinutes: number;
  readonly busy: readonly BusyBlock[];
  readonly unavailableDays: ReadonlySet<LocalDay>;
  readonly avoid: readonly WeeklyWindow[];
}

export interface ScheduleRules {
  /** Working day in local minutes, e.g. 480–1050 for 08:00–17:30. */
  readonly dayStartMinute: number;
  readonly dayEndMinute: number;
  /** ISO weekdays on which visits may happen (default Monday–Friday). */
  readonly weekdays: readonly number[];
  readonly avoidFirstLesson: boolean;
  readonly avoidLastLesson: boolean;
  readonly avoid: readonly WeeklyWindow[];
  readonly maxGuestsPerHostPerDay: number;
  readonly maxVisitsPerDay: number;
}

export interface Lesson {
  readonly start: number;
  readonly end: number;
  readonly locationIndex: number;
  readonly day: LocalDay;
  readonly startMinute: number;
  readonly endMinute: number;
}

/** What the scheduler precomputes per person. */
export interface PersonCalendar {
  /** Free time: working days in the window minus busy blocks and unavailable days. */
  readonly free: IntervalSet;
  /** Lessons that may be observed (after day-edge and avoid rules). */
  readonly lessons: readonly Lesson[];
}

export interface VisitSlot {
  readonly lessonIndex: number;
  readonly start: UtcMillis;
  readonly end: UtcMillis;
  /** Observer leaves / returns (lesson ± travel). */
  readonly leaveAt: UtcMillis;
  readonly returnBy: UtcMillis;
  readonly day: LocalDay;
  readonly locationIndex: number;
  readonly travelMinutes: number;
}

export function windowsHit(windows: readonly WeeklyWindow[], weekday: number, startMinute: number, endMinute: number): boolean {
  for (const w of windows) {
    if (w.weekday === weekday && startMinute < w.endMinute && w.startMinute < endMinute) return true;
  }
  return false;
}

/** Receives one person's calendar piece by piece (free intervals in order, then lessons in order). */
export interface CalendarSink {
  free(start: number, end: number): void;
  lesson(start: number, end: number, locationIndex: number, day: LocalDay, startMinute: number, endMinute: number): void;
}

/** The working days of a window under the rules: [day, start, end] in UTC, ascending. Shared by everybody's calendar. */
export function calendarDays(window: Interval, zone: ZoneRules, rules: ScheduleRules): readonly (readonly [LocalDay, UtcMillis, UtcMillis])[] {
  const first = zoneToLocal(zone, window.start).day;
  const last = zoneToLocal(zone, (window.end - 1) as UtcMillis).day;
  const days: [LocalDay, UtcMillis, UtcMillis][] = [];
  for (let day = first; day <= last; day++) {
    if (!rules.weekdays.includes(dayWeekday(day))) continue;
    const start = Math.max(window.start, zoneLocalToUtc(zone, day, rules.dayStartMinute));
    const end = Math.min(window.end, zoneLocalToUtc(zone, day, rules.dayEndMinute));
    if (start < end) days.push([day, start as UtcMillis, end as UtcMillis]);
  }
  return days;
}

const byStartEnd = (x: BusyBlock, y: BusyBlock): number => x.start - y.start || x.end - y.end;

/**
 * One person's calendar into `sink`: free time (the working days, minus the person's
 * unavailable days and busy blocks) and the lessons that may be observed (inside the window,
 * after the day-edge and avoid rules). Allocates next to nothing when the busy blocks come
 * sorted by start (a national week builds 100,000 of these).
 */
export function calendarEmit(
  person: SchedulePerson,
  window: Interval,
  days: readonly (readonly [LocalDay, UtcMillis, UtcMillis])[],
  zone: ZoneRules,
  rules: ScheduleRules,
  locationIndexOf: (id: string | undefined) => number,
  sink: CalendarSink,
): void {
  let busy = person.busy;
  for (let k = 1; k < busy.length; k++) {
    if (byStartEnd(busy[k - 1] as BusyBlock, busy[k] as BusyBlock) > 0) {
      busy = [...busy].sort(byStartEnd);
      break;
    }
  }
  // Free time: each working day minus the busy blocks (merged on the fly; both lists ascend,
  // and the days are disjoint, so one pointer into the busy blocks serves every day).
  let j = 0;
  for (const [day, dayStart, dayEnd] of days) {
    if (person.unavailableDays.has(day)) continue;
    while (j < busy.length && ((busy[j] as BusyBlock).end <= dayStart || (busy[j] as BusyBlock).end <= (busy[j] as BusyBlock).start)) j++;
    let start: number = dayStart;
    for (let k = j; k < busy.length && start < dayEnd; k++) {
      const b = busy[k] as BusyBlock;
      if (b.start >= dayEnd) break;
      if (b.end <= b.start || b.end <= start) continue;
      if (b.start > start) sink.free(start, b.start);
      start = b.end;
    }
    if (start < dayEnd) sink.free(start, dayEnd);
  }
  // Lessons, one local day at a time: the blocks ascend, so a day's lessons are consecutive
  // and its first and last lesson are known before any of them is emitted. (Only a zone that
  // moves its clocks back across midnight could make a day come back; then a table says.)
  const isLesson = (b: BusyBlock): boolean => b.kind === 'lesson' && b.start >= window.start && b.end <= window.end && b.end > b.start;
  const localDay = (at: number): number => Math.floor((at + zoneOffsetAt(zone, at as UtcMillis) * MS_PER_MINUTE) / MS_PER_DAY);
  let dayFirst: Map<number, number> | undefined;
  let dayLast: Map<number, number> | undefined;
  let previous = -Infinity;
  for (const b of busy) {
    if (!isLesson(b)) continue;
    const day = localDay(b.start);
    if (day < previous) {
      dayFirst = new Map();
      dayLast = new Map();
      for (const l of busy) {
        if (!isLesson(l)) continue;
        const d = localDay(l.start);
        if (!dayFirst.has(d)) dayFirst.set(d, l.start);
        dayLast.set(d, Math.max(dayLast.get(d) ?? -Infinity, l.start));
      }
      break;
    }
    previous = day;
  }
  let k = 0;
  while (k < busy.length) {
    if (!isLesson(busy[k] as BusyBlock)) {
      k++;
      continue;
    }
    const day = localDay((busy[k] as BusyBlock).start);
    let firstStart = (busy[k] as BusyBlock).start;
    let lastStart = firstStart;
    let end = k + 1;
    for (; end < busy.length; end++) {
      const b = busy[end] as BusyBlock;
      if (!isLesson(b)) continue;
      if (localDay(b.start) !== day) break;
      lastStart = b.start;
    }
    if (dayFirst && dayLast) {
      firstStart = dayFirst.get(day) as number;
      lastStart = dayLast.get(day) as number;
    }
    const weekday = dayWeekday(day);
    const dayOpen = rules.weekdays.includes(weekday) && !person.unavailableDays.has(day);
    for (; k < end; k++) {
      const b = busy[k] as BusyBlock;
      if (!dayOpen || !isLesson(b)) continue;
      if (rules.avoidFirstLesson && b.start === firstStart) continue;
      if (rules.avoidLastLesson && b.start === lastStart) continue;
      const startMinute = Math.floor((b.start + zoneOffsetAt(zone, b.start as UtcMillis) * MS_PER_MINUTE - day * MS_PER_DAY) / MS_PER_MINUTE);
      const endLocal = b.end + zoneOffsetAt(zone, b.end as UtcMillis) * MS_PER_MINUTE;
      const endMinute = Math.floor(endLocal / MS_PER_DAY) === day ? Math.floor((endLocal - day * MS_PER_DAY) / MS_PER_MINUTE) : 1440;
      if (windowsHit(rules.avoid, weekday, startMinute, endMinute)) continue;
      if (windowsHit(person.avoid, weekday, startMinute, endMinute)) continue;
      sink.lesson(b.start, b.end, b.locationId === undefined ? person.locationIndex : locationIndexOf(b.locationId), day, startMinute, endMinute);
    }
  }
}

export function calendarBuild(
  person: SchedulePerson,
  window: Interval,
  zone: ZoneRules,
  rules: ScheduleRules,
  locationIndexOf: (id: string | undefined) => number,
): PersonCalendar {
  const free: Interval[] = [];
  const lessons: Lesson[] = [];
  calendarEmit(person, window, calendarDays(window, zone, rules), zone, rules, locationIndexOf, {
    free: (start, end) => {
      const last = free[free.length - 1];
      // busy blocks that touch leave no gap: intervals stay merged
      if (last && last.end === start) free[free.length - 1] = { start: last.start, end: end as UtcMillis };
      else free.push({ start: start as UtcMillis, end: end as UtcMillis });
    },
    lesson: (start, end, locationIndex, day, startMinute, endMinute) => void lessons.push({ start, end, locationIndex, day, startMinute, endMinute }),
  });
  return { free, lessons };
}

/**
 * Why a lesson of the host is not a slot for the observer: a date they cannot, a time they avoid,
 * travel beyond their maximum, their own lessons or other busy time (incl. travel there and
 * back and the day's edges); and, when moving a visit, a clash with another visit or a full day.
 */
export type VisitSlotRejection =
  | 'OBSERVER_UNAVAILABLE_DAY' | 'OBSERVER_AVOIDS_TIME' | 'TRAVEL_TOO_FAR' | 'OBSERVER_BUSY'
  | 'CLASHES_WITH_OTHER_VISIT' | 'DAY_FULL';

/** Every lesson of the host that the observer could attend, ignoring other bookings. */
export function visitSlotsList(
  observer: SchedulePerson,
  observerCalendar: PersonCalendar,
  hostCalendar: PersonCalendar,
  travel: TravelModel,
  limit = Infinity,
  rejected?: Partial<Record<VisitSlotRejection, number>>,
): VisitSlot[] {
  const lessons = hostCalendar.lessons;
  const flat = new Float64Array(LESSON_FIELDS * lessons.length);
  lessons.forEach((l, k) => flat.set([l.start, l.end, l.locationIndex, l.day, l.startMinute, l.endMinute], LESSON_FIELDS * k));
  return visitSlotsScan(observer, (start, end) => intervalsContain(observerCalendar.free, start, end), flat, 0, lessons.length, travel, limit, rejected);
}

/**
 * Numbers per lesson in a flat lesson table: start, end, location index, local day, start
 * minute and end minute.
 */
export const LESSON_FIELDS = 6;

/**
 * visitSlotsList on a flat lesson table: the host's lessons are rows from … to − 1 of
 * `lesson` (LESSON_FIELDS numbers each; a slot's lessonIndex counts from `from`), and
 * `observerFree(start, end)` says whether the observer is free for all of [start, end).
 */
export function visitSlotsScan(
  observer: SchedulePerson,
  observerFree: (start: number, end: number) => boolean,
  lesson: Float64Array,
  from: number,
  to: number,
  travel: TravelModel,
  limit = Infinity,
  rejected?: Partial<Record<VisitSlotRejection, number>>,
): VisitSlot[] {
  const out: VisitSlot[] = [];
  const reject = (why: VisitSlotRejection) => {
    if (rejected) rejected[why] = (rejected[why] ?? 0) + 1;
  };
  for (let k = from; k < to && out.length < limit; k++) {
    const at = LESSON_FIELDS * k;
    const start = lesson[at] as number;
    const end = lesson[at + 1] as number;
    const locationIndex = lesson[at + 2] as number;
    const day = lesson[at + 3] as LocalDay;
    if (observer.unavailableDays.has(day)) { reject('OBSERVER_UNAVAILABLE_DAY'); continue; }
    if (windowsHit(observer.avoid, dayWeekday(day), lesson[at + 4] as number, lesson[at + 5] as number)) { reject('OBSERVER_AVOIDS_TIME'); continue; }
    const t = travel.minutes(observer.locationIndex, locationIndex, observer.travelMode);
    if (t > observer.maxTravelMinutes) { reject('TRAVEL_TOO_FAR'); continue; }
    const back = travel.minutes(locationIndex, observer.locationIndex, observer.travelMode);
    const leaveAt = start - t * MS_PER_MINUTE;
    const returnBy = end + back * MS_PER_MINUTE;
    if (!observerFree(leaveAt, returnBy)) { reject('OBSERVER_BUSY'); continue; }
    out.push({
      lessonIndex: k - from,
      start: start as UtcMillis,
      end: end as UtcMillis,
      leaveAt: leaveAt as UtcMillis,
      returnBy: returnBy as UtcMillis,
      day,
      locationIndex,
      travelMinutes: Math.max(t, back),
    });
  }
  return out;
}

/**
 * One number for "host h's lesson k" (map keys without building strings). Exact while a person
 * has fewer than 2^21 observable lessons in the window, i.e. always: the lessons come from the
 * person's busy blocks of one exchange window.
 */
export function lessonKey(host: number, lessonIndex: number): number {
  return host * 2_097_152 + lessonIndex;
}

/** Bookings of everybody; persons are indexed 0…count−1 by the caller. */
export interface ScheduleCalendar {
  canBook(observer: number, host: number, slot: VisitSlot): boolean;
  book(observer: number, host: number, slot: VisitSlot): void;
  unbook(observer: number, host: number, slot: VisitSlot): void;
  /** Lower is better: the day's load for both people, then overall. */
  cost(observer: number, host: number, slot: VisitSlot): number;
}

export function scheduleCalendarCreate(personCount: number, firstDay: LocalDay, dayCount: number, rules: ScheduleRules): ScheduleCalendar {
  const personDay = new Int32Array(personCount * dayCount); // visits (either role) per person per day
  const observed = new Int32Array(personCount * dayCount);
  const hosted = new Int32Array(personCount * dayCount);
  const dayTotal = new Int32Array(dayCount);
  const trips = new Map<number, number[]>(); // observer → [leaveAt, returnBy, …]
  const lessonGuests = new Map<number, number>();
  const dayIndex = (day: LocalDay): number => Math.min(dayCount - 1, Math.max(0, day - firstDay));
  return {
    canBook(o, h, slot) {
      const d = dayIndex(slot.day);
      if ((observed[o * dayCount + d] as number) >= rules.maxVisitsPerDay) return false;
      if ((hosted[h * dayCount + d] as number) >= rules.maxGuestsPerHostPerDay) return false;
      if (lessonGuests.has(lessonKey(h, slot.lessonIndex))) return false;
      const list = trips.get(o);
      if (list) {
        for (let k = 0; k < list.length; k += 2) {
          if (slot.leaveAt < (list[k + 1] as number) && (list[k] as number) < slot.returnBy) return false;
        }
      }
      return true;
    },
    book(o, h, slot) {
      const d = dayIndex(slot.day);
      observed[o * dayCount + d] = (observed[o * dayCount + d] as number) + 1;
      hosted[h * dayCount + d] = (hosted[h * dayCount + d] as number) + 1;
      personDay[o * dayCount + d] = (personDay[o * dayCount + d] as number) + 1;
      personDay[h * dayCount + d] = (personDay[h * dayCount + d] as number) + 1;
      dayTotal[d] = (dayTotal[d] as number) + 1;
      lessonGuests.set(lessonKey(h, slot.lessonIndex), o);
      const list = trips.get(o) ?? [];
      list.push(slot.leaveAt, slot.returnBy);
      trips.set(o, list);
    },
    unbook(o, h, slot) {
      const d = dayIndex(slot.day);
      observed[o * dayCount + d] = (observed[o * dayCount + d] as number) - 1;
      hosted[h * dayCount + d] = (hosted[h * dayCount + d] as number) - 1;
      personDay[o * dayCount + d] = (personDay[o * dayCount + d] as number) - 1;
      personDay[h * dayCount + d] = (personDay[h * dayCount + d] as number) - 1;
      dayTotal[d] = (dayTotal[d] as number) - 1;
      lessonGuests.delete(lessonKey(h, slot.lessonIndex));
      const list = trips.get(o) ?? [];
      for (let k = 0; k < list.length; k += 2) {
        if (list[k] === slot.leaveAt && list[k + 1] === slot.returnBy) {
          list.splice(k, 2);
          break;
        }
      }
    },
    cost(o, h, slot) {
      const d = dayIndex(slot.day);
      const personal = (personDay[o * dayCount + d] as number) + (personDay[h * dayCount + d] as number);
      return personal * 1e6 + (dayTotal[d] as number);
    },
  };
}
