// Feasible alternatives for one visit of an exchange result: every lesson of the host that the
// observer can attend (free including travel there and back, day-edge and avoid rules), minus
// times that clash with the other visits of either person, and — given the current time as
// `notBefore` — lessons that have begun or that the observer could no longer leave for in time.
// The coordinator's "move visit" offers only these; `exchangeCheck` confirms the result after a move.
import { exchangeRulesResolve, type ExchangeInput, type ExchangeOutput, type ExchangeVisit } from './exchange.ts';
import { calendarBuild, visitSlotsList, type SchedulePerson, type VisitSlotRejection } from './scheduling.ts';
import { travelModelBuild } from './travel.ts';
import { dayFromIsoDate, zoneToLocal } from './zone.ts';
import type { UtcMillis } from './types.ts';

export interface VisitOption {
  readonly lessonStart: UtcMillis;
  readonly lessonEnd: UtcMillis;
  readonly leaveAt: UtcMillis;
  readonly returnBy: UtcMillis;
  readonly locationId: string;
  readonly travelMinutes: number;
}

const overlaps = (s1: number, e1: number, s2: number, e2: number) => s1 < e2 && s2 < e1;

/** Why a lesson of the host is not an option: a scheduling rule, or it is already past ('ALREADY_PAST'). */
export type VisitOptionRejection = VisitSlotRejection | 'ALREADY_PAST';

/** The options for a visit, and — for the lessons of the host that are not an option — why not, counted per reason. */
export interface VisitOptionsExplained {
  readonly options: VisitOption[];
  /** The host's lessons in the exchange window (within the day's edges and avoid rules). */
  readonly hostLessons: number;
  readonly rejected: Partial<Record<VisitOptionRejection, number>>;
}

export interface VisitOptionsSettings {
  /**
   * The current time (UTC ms): a lesson that starts at or before it has begun, and one the
   * observer would have had to leave for before it can no longer be reached; both are 'ALREADY_PAST'.
   */
  readonly notBefore?: number;
}

export function exchangeVisitOptions(input: ExchangeInput, output: ExchangeOutput, visitIndex: number, settings: VisitOptionsSettings = {}): VisitOption[] {
  return exchangeVisitOptionsExplain(input, output, visitIndex, settings).options;
}

export function exchangeVisitOptionsExplain(input: ExchangeInput, output: ExchangeOutput, visitIndex: number, settings: VisitOptionsSettings = {}): VisitOptionsExplained {
  const none: VisitOptionsExplained = { options: [], hostLessons: 0, rejected: {} };
  const visit = output.visits[visitIndex];
  if (!visit) return none;
  const everyone = [...input.sideA, ...input.sideB];
  const observerInput = everyone.find((p) => p.id === visit.observerId);
  const hostInput = everyone.find((p) => p.id === visit.hostId);
  if (!observerInput || !hostInput) return none;
  const rules = exchangeRulesResolve(input.rules);
  const travel = travelModelBuild(input.locations, input.travelMatrix ?? []);
  const indexOf = (id: string | undefined) => (id === undefined ? -1 : (travel.locationIndex.get(id) ?? -1));
  const toSchedule = (p: typeof observerInput): SchedulePerson => ({
    id: p.id,
    locationIndex: indexOf(p.locationId),
    travelMode: p.travelMode,
    maxTravelMinutes: p.maxTravelMinutes,
    busy: p.busy,
    unavailableDays: new Set((p.unavailableDates ?? []).map(dayFromIsoDate)),
    avoid: p.avoid ?? [],
  });
  const window = { start: input.window.start as UtcMillis, end: input.window.end as UtcMillis };
  const observer = toSchedule(observerInput);
  const host = toSchedule(hostInput);
  const observerCalendar = calendarBuild(observer, window, input.zone, rules, (id) => (id === undefined ? observer.locationIndex : indexOf(id)));
  const hostCalendar = calendarBuild(host, window, input.zone, rules, (id) => (id === undefined ? host.locationIndex : indexOf(id)));
  const others = output.visits.filter((_, i) => i !== visitIndex);
  const away = (personId: string, v: ExchangeVisit) =>
    v.observerId === personId ? [v.leaveAt, v.returnBy] : v.hostId === personId ? [v.lessonStart, v.lessonEnd] : undefined;
  const day = (t: number) => zoneToLocal(input.zone, t as UtcMillis).day;
  const rejected: Partial<Record<VisitOptionRejection, number>> = {};
  const reject = (why: VisitOptionRejection) => {
    rejected[why] = (rejected[why] ?? 0) + 1;
    return false;
  };
  const notBefore = settings.notBefore ?? -Infinity;
  const hostLater = { ...hostCalendar, lessons: hostCalendar.lessons.filter((l) => l.start > notBefore || reject('ALREADY_PAST')) };
  const options = visitSlotsList(observer, observerCalendar, hostLater, travel, Infinity, rejected)
    .filter((slot) => {
      if (slot.leaveAt < notBefore) return reject('ALREADY_PAST');
      for (const v of others) {
        const o = away(visit.observerId, v);
        if (o && overlaps(slot.leaveAt, slot.returnBy, o[0]!, o[1]!)) return reject('CLASHES_WITH_OTHER_VISIT');
        const h = away(visit.hostId, v);
        if (h && overlaps(slot.start, slot.end, h[0]!, h[1]!) && v.hostId !== visit.hostId) return reject('CLASHES_WITH_OTHER_VISIT');
        if (v.hostId === visit.hostId && overlaps(slot.start, slot.end, v.lessonStart, v.lessonEnd)) return reject('CLASHES_WITH_OTHER_VISIT');
      }
      const sameDayVisits = others.filter((v) => v.observerId === visit.observerId && day(v.lessonStart) === slot.day).length;
      if (sameDayVisits >= rules.maxVisitsPerDay) return reject('DAY_FULL');
      const sameDayGuests = others.filter((v) => v.hostId === visit.hostId && day(v.lessonStart) === slot.day).length;
      return sameDayGuests < rules.maxGuestsPerHostPerDay || reject('DAY_FULL');
    })
    .map((slot) => ({
      lessonStart: slot.start,
      lessonEnd: slot.end,
      leaveAt: slot.leaveAt,
      returnBy: slot.returnBy,
      locationId: input.locations[slot.locationIndex]!.id,
      travelMinutes: slot.travelMinutes,
    }));
  return { options, hostLessons: hostCalendar.lessons.length, rejected };
}
