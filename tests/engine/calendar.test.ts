import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneRulesFromIntl } from '../../src/domain/exchange/match/build-engine-input.ts';
import {
  calendarBuild,
  dayWeekday,
  intervalsNormalize,
  intervalsSubtract,
  zoneFixed,
  zoneLocalToUtc,
  zoneToLocal,
  type BusyBlock,
  type Interval,
  type LocalDay,
  type PersonCalendar,
  type ScheduleRules,
  type UtcMillis,
  type ZoneRules,
} from '../../src/engine/index.ts';
import { windowsHit, type SchedulePerson } from '../../src/engine/scheduling.ts';

// The calendar builder streams (no intermediate lists, one pointer through the busy blocks).
// Its oracle here is the plain definition: working days minus unavailable days, minus the
// normalised busy blocks; lessons inside the window, sorted, with the first and last lesson of
// each local day taken from a table, then the weekday, unavailable-day and avoid rules.
function calendarReference(person: SchedulePerson, window: Interval, zone: ZoneRules, rules: ScheduleRules): PersonCalendar {
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
      return { start: b.start, end: b.end, locationIndex: person.locationIndex, day: s.day, startMinute: s.minuteOfDay, endMinute: e.day === s.day ? e.minuteOfDay : 1440 };
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
    return !windowsHit(person.avoid, weekday, l.startMinute, l.endMinute);
  });
  return { free, lessons };
}

const HOUR = 3_600_000;
// The autumn change of 2026 (Sunday 25 October) lies inside the window.
const MONDAY_19_OCT = Date.UTC(2026, 9, 19);
const amsterdam = zoneRulesFromIntl('Europe/Amsterdam', MONDAY_19_OCT - 7 * 24 * HOUR, MONDAY_19_OCT + 21 * 24 * HOUR);
const zones: ZoneRules[] = [amsterdam, zoneFixed('UTC', 0), zoneFixed('Asia/Kathmandu', 345)];

const blockArb = fc.record({
  startQuarter: fc.integer({ min: -8, max: 14 * 96 }),
  quarters: fc.integer({ min: -1, max: 40 }),
  kind: fc.constantFrom<'lesson' | 'other'>('lesson', 'lesson', 'other'),
});

const caseArb = fc.record({
  zone: fc.constantFrom(...zones),
  windowDays: fc.integer({ min: 1, max: 12 }),
  windowOffsetHours: fc.integer({ min: 0, max: 30 }),
  blocks: fc.array(blockArb, { maxLength: 40 }),
  sorted: fc.boolean(),
  dayStartMinute: fc.constantFrom(0, 480, 510),
  dayEndMinute: fc.constantFrom(1050, 1440),
  weekdays: fc.constantFrom([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7], [2, 4]),
  avoidFirstLesson: fc.boolean(),
  avoidLastLesson: fc.boolean(),
  avoid: fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), startMinute: fc.integer({ min: 0, max: 1400 }), length: fc.integer({ min: 1, max: 240 }) }), { maxLength: 2 }),
  unavailable: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 3 }),
});

describe('calendarBuild', () => {
  it('equals the plain definition of free time and observable lessons, across a clock change, sorted or not', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const windowStart = MONDAY_19_OCT + c.windowOffsetHours * HOUR;
        const window: Interval = { start: windowStart as UtcMillis, end: (windowStart + c.windowDays * 24 * HOUR) as UtcMillis };
        const blocks: BusyBlock[] = c.blocks.map((b) => ({
          start: MONDAY_19_OCT + b.startQuarter * 15 * 60_000,
          end: MONDAY_19_OCT + (b.startQuarter + b.quarters) * 15 * 60_000,
          kind: b.kind,
        }));
        const busy = c.sorted ? [...blocks].sort((x, y) => x.start - y.start || x.end - y.end) : blocks;
        const firstDay = zoneToLocal(c.zone, window.start as UtcMillis).day;
        const person: SchedulePerson = {
          id: 'p',
          locationIndex: 3,
          travelMode: 'bike',
          maxTravelMinutes: 60,
          busy,
          unavailableDays: new Set(c.unavailable.map((d) => (firstDay + d) as LocalDay)),
          avoid: c.avoid.slice(1).map((w) => ({ weekday: w.weekday, startMinute: w.startMinute, endMinute: w.startMinute + w.length })),
        };
        const rules: ScheduleRules = {
          dayStartMinute: c.dayStartMinute,
          dayEndMinute: c.dayEndMinute,
          weekdays: c.weekdays,
          avoidFirstLesson: c.avoidFirstLesson,
          avoidLastLesson: c.avoidLastLesson,
          avoid: c.avoid.slice(0, 1).map((w) => ({ weekday: w.weekday, startMinute: w.startMinute, endMinute: w.startMinute + w.length })),
          maxGuestsPerHostPerDay: 1,
          maxVisitsPerDay: 1,
        };
        const built = calendarBuild(person, window, c.zone, rules, () => person.locationIndex);
        expect(built).toEqual(calendarReference(person, window, c.zone, rules));
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it('keeps a day ending at midnight and the next one starting there as one free interval', () => {
    const zone = zoneFixed('UTC', 0);
    const window: Interval = { start: MONDAY_19_OCT as UtcMillis, end: (MONDAY_19_OCT + 3 * 24 * HOUR) as UtcMillis };
    const person: SchedulePerson = { id: 'p', locationIndex: 0, travelMode: 'walk', maxTravelMinutes: 10, busy: [{ start: MONDAY_19_OCT + 10 * HOUR, end: MONDAY_19_OCT + 11 * HOUR, kind: 'other' }], unavailableDays: new Set(), avoid: [] };
    const rules: ScheduleRules = { dayStartMinute: 0, dayEndMinute: 1440, weekdays: [1, 2, 3, 4, 5, 6, 7], avoidFirstLesson: false, avoidLastLesson: false, avoid: [], maxGuestsPerHostPerDay: 1, maxVisitsPerDay: 1 };
    expect(calendarBuild(person, window, zone, rules, () => 0).free).toEqual([
      { start: MONDAY_19_OCT, end: MONDAY_19_OCT + 10 * HOUR },
      { start: MONDAY_19_OCT + 11 * HOUR, end: MONDAY_19_OCT + 3 * 24 * HOUR },
    ]);
  });
});
