import { describe, expect, it } from 'vitest';
import { leerlabClosedDaysParse, leerlabPupilsRemoveOn, leerlabZoneRules, leerlabLessonsExpand, leerlabEngineRules } from './rules.ts';
import { leerlabRulesSchema } from './schema.ts';

describe('leerlab rules', () => {
  it('reads holidays: single dates, Dutch dates, ranges without weekends, study days, errors per row', () => {
    const rows = leerlabClosedDaysParse('datum;omschrijving\n2026-10-19\n21-10-2026;Studiedag\n2026-12-24;2026-12-29;Kerst\n2026-02-30\n2026-12-10;2026-12-01\n');
    expect(rows.filter((r) => r.ok).map((r) => r.ok && `${r.date} ${r.kind}`)).toEqual([
      '2026-10-19 holiday', '2026-10-21 study_day', '2026-12-24 holiday', '2026-12-25 holiday', '2026-12-28 holiday', '2026-12-29 holiday',
    ]);
    expect(rows.filter((r) => !r.ok).map((r) => !r.ok && `${r.row} ${r.code}`)).toEqual(['5 CLOSED_DAY_DATE_INVALID', '6 CLOSED_DAY_RANGE_INVALID']);
  });

  it('removes pupil data the configured months after the last day (end of a shorter month kept)', () => {
    expect(leerlabPupilsRemoveOn('2027-07-09', 12)).toBe('2028-07-09');
    expect(leerlabPupilsRemoveOn('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('builds Amsterdam zone rules from Intl and expands weekly lessons at the local time across the clock change', () => {
    const zone = leerlabZoneRules('Europe/Amsterdam', Date.UTC(2026, 9, 1), Date.UTC(2026, 10, 30));
    expect(zone.transitions.map((t) => [t.atUtc, t.offsetMinutes])).toEqual([[Date.UTC(2026, 9, 1), 120], [Date.UTC(2026, 9, 25, 1, 0), 60]]);
    const busy = leerlabLessonsExpand(zone, '2026-10-19', '2026-10-30', [{ weekday: 1, start: '08:30', end: '10:00' }]);
    expect(busy.map((b) => new Date(b.start).toISOString())).toEqual(['2026-10-19T06:30:00.000Z', '2026-10-26T07:30:00.000Z']);
  });

  it('turns the coordinators\' settings into engine rules', () => {
    const rules = leerlabEngineRules(leerlabRulesSchema.parse({ preferEarly: false }), 5);
    expect(rules).toMatchObject({ dayStartMinute: 510, dayEndMinute: 990, earlyWeightPerHour: 0, edgePenalty: 10, maxOptions: 5, forbidden: [{ weekday: 1, startMinute: 900, endMinute: 960 }] });
  });
});
