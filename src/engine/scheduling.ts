// Visit scheduling: for a pair, the observer attends one lesson of the host, being free for
// the lesson plus the travel there and back. A calendar keeps everybody's bookings so that no
// one is double-booked, each lesson takes at most one guest, a host receives at most
// `maxGuestsPerHostPerDay` guests and an observer makes at most `maxVisitsPerDay` visits per
// day; among the feasible lessons the one on the least busy day (for both people, then
// overall) is chosen, which spreads visits over the window.
import { intervalsContain, intervalsNormalize, intervalsSubtract, type IntervalSet } from './intervals.ts';
import type { TravelMode, TravelModel } from './travel.ts';
import { MS_PER_MINUTE, type Interval, type UtcMillis } from './types.ts';
import { dayWeekday, zoneLocalToUtc, zoneToLocal, type LocalDay, type ZoneRules } from './zone.ts';

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

export function calendarBuild(
  person: SchedulePerson,
  window: Interval,
  zone: ZoneRules,
  rules: ScheduleRules,
  locationIndexOf: (id: string | undefined) => number,
): PersonCalendar {
  const first = zoneToLocal(zone, window.start).day;
  const last = zoneToLocal(zone, (window.end - 1) as UtcMillis).day;
  const days: Interval[] = [];
  for (let day = first; day <= last; day++) {
    if (!rules.weekdays.includes(dayWeekday(day)) || person.unavailableDays.has(day)) continue;
    const start = Math.max(window.start, zoneLocalToUtc(zone, day, rules.dayStartMinute));
    const end = Math.min(window.end, zoneLocalToUtc(zone, day, rules.dayEndMinute));
    if (start < end) days.push({ start: start as UtcMillis, end: end as UtcMillis });
  }
  const busy = intervalsNormalize(person.busy.map((b) => ({ start: b.start as UtcMillis, end: b.end as UtcMillis })));
  const free = intervalsSubtract(intervalsNormalize(days), busy);

  const raw = person.busy
    .filter((b) => b.kind === 'lesson' && b.start >= window.start && b.end <= window.end && b.end > b.start)
    .map((b) => {
      const s = zoneToLocal(zone, b.start as UtcMillis);
      const e = zoneToLocal(zone, b.end as UtcMillis);
      return {
        start: b.start,
        end: b.end,
        locationIndex: b.locationId === undefined ? person.locationIndex : locationIndexOf(b.locationId),
        day: s.day,
        startMinute: s.minuteOfDay,
        endMinute: e.day === s.day ? e.minuteOfDay : 1440,
      };
    })
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const firstOfDay = new Map<number, number>();
  const lastOfDay = new Map<number, number>();
  for (const l of raw) {
    if (!firstOfDay.has(l.day)) firstOfDay.set(l.day, l.start);
    lastOfDay.set(l.day, Math.max(lastOfDay.get(l.day) ?? -Infinity, l.start));
  }
  const lessons = raw.filter((l) => {
    const weekday = dayWeekday(l.day);
    if (!rules.weekdays.includes(weekday) || person.unavailableDays.has(l.day)) return false;
    if (rules.avoidFirstLesson && firstOfDay.get(l.day) === l.start) return false;
    if (rules.avoidLastLesson && lastOfDay.get(l.day) === l.start) return false;
    if (windowsHit(rules.avoid, weekday, l.startMinute, l.endMinute)) return false;
    if (windowsHit(person.avoid, weekday, l.startMinute, l.endMinute)) return false;
    return true;
  });
  return { free, lessons };
}

/** Every lesson of the host that the observer could attend, ignoring other bookings. */
/**
 * Why a lesson of the host is not a slot for the observer: a date they cannot, a time they avoid,
 * travel beyond their maximum, their own lessons or other busy time (incl. travel there and
 * back and the day's edges); and, when moving a visit, a clash with another visit or a full day.
 */
export type VisitSlotRejection =
  | 'OBSERVER_UNAVAILABLE_DAY' | 'OBSERVER_AVOIDS_TIME' | 'TRAVEL_TOO_FAR' | 'OBSERVER_BUSY'
  | 'CLASHES_WITH_OTHER_VISIT' | 'DAY_FULL';

export function visitSlotsList(
  observer: SchedulePerson,
  observerCalendar: PersonCalendar,
  hostCalendar: PersonCalendar,
  travel: TravelModel,
  limit = Infinity,
  rejected?: Partial<Record<VisitSlotRejection, number>>,
): VisitSlot[] {
  const out: VisitSlot[] = [];
  const lessons = hostCalendar.lessons;
  const reject = (why: VisitSlotRejection) => {
    if (rejected) rejected[why] = (rejected[why] ?? 0) + 1;
  };
  for (let k = 0; k < lessons.length && out.length < limit; k++) {
    const l = lessons[k] as Lesson;
    if (observer.unavailableDays.has(l.day)) { reject('OBSERVER_UNAVAILABLE_DAY'); continue; }
    if (windowsHit(observer.avoid, dayWeekday(l.day), l.startMinute, l.endMinute)) { reject('OBSERVER_AVOIDS_TIME'); continue; }
    const t = travel.minutes(observer.locationIndex, l.locationIndex, observer.travelMode);
    if (t > observer.maxTravelMinutes) { reject('TRAVEL_TOO_FAR'); continue; }
    const back = travel.minutes(l.locationIndex, observer.locationIndex, observer.travelMode);
    const leaveAt = l.start - t * MS_PER_MINUTE;
    const returnBy = l.end + back * MS_PER_MINUTE;
    if (!intervalsContain(observerCalendar.free, leaveAt, returnBy)) { reject('OBSERVER_BUSY'); continue; }
    out.push({
      lessonIndex: k,
      start: l.start as UtcMillis,
      end: l.end as UtcMillis,
      leaveAt: leaveAt as UtcMillis,
      returnBy: returnBy as UtcMillis,
      day: l.day,
      locationIndex: l.locationIndex,
      travelMinutes: Math.max(t, back),
    });
  }
  return out;
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
  const lessonGuests = new Map<string, number>();
  const dayIndex = (day: LocalDay): number => Math.min(dayCount - 1, Math.max(0, day - firstDay));
  return {
    canBook(o, h, slot) {
      const d = dayIndex(slot.day);
      if ((observed[o * dayCount + d] as number) >= rules.maxVisitsPerDay) return false;
      if ((hosted[h * dayCount + d] as number) >= rules.maxGuestsPerHostPerDay) return false;
      if (lessonGuests.has(`${h}:${slot.lessonIndex}`)) return false;
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
      lessonGuests.set(`${h}:${slot.lessonIndex}`, o);
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
      lessonGuests.delete(`${h}:${slot.lessonIndex}`);
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
