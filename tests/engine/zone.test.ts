import { describe, expect, it } from 'vitest';
import { zoneRulesFromIntl } from '../../src/domain/exchange/match/build-engine-input.ts';
import { dayFromIsoDate, dayToIsoDate, dayWeekday, zoneLocalToUtc, zoneOffsetAt, zoneToLocal, type UtcMillis } from '../../src/engine/index.ts';

const amsterdam2026 = zoneRulesFromIntl('Europe/Amsterdam', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31));

describe('zone rules', () => {
  it('finds the 2026 Amsterdam transitions to the minute (built from Intl outside the engine)', () => {
    expect(amsterdam2026.transitions.slice(1)).toEqual([
      { atUtc: Date.UTC(2026, 2, 29, 1, 0), offsetMinutes: 120 },
      { atUtc: Date.UTC(2026, 9, 25, 1, 0), offsetMinutes: 60 },
    ]);
  });

  it('converts local wall-clock times on both sides of the spring change', () => {
    const friday = dayFromIsoDate('2026-03-27');
    const monday = dayFromIsoDate('2026-03-30');
    expect(zoneLocalToUtc(amsterdam2026, friday, 9 * 60)).toBe(Date.UTC(2026, 2, 27, 8, 0));
    expect(zoneLocalToUtc(amsterdam2026, monday, 9 * 60)).toBe(Date.UTC(2026, 2, 30, 7, 0));
    expect(zoneToLocal(amsterdam2026, Date.UTC(2026, 2, 30, 7, 0) as UtcMillis)).toEqual({ day: monday, minuteOfDay: 540, weekday: 1 });
  });

  it('moves a time in the spring gap forward and takes the earlier instant in the autumn overlap', () => {
    const springDay = dayFromIsoDate('2026-03-29');
    expect(zoneLocalToUtc(amsterdam2026, springDay, 2 * 60 + 30)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    const autumnDay = dayFromIsoDate('2026-10-25');
    expect(zoneLocalToUtc(amsterdam2026, autumnDay, 2 * 60 + 30)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(zoneOffsetAt(amsterdam2026, Date.UTC(2026, 9, 25, 1, 30) as UtcMillis)).toBe(60);
  });

  it('does not depend on the process time zone', () => {
    expect(process.env.TZ === undefined || process.env.TZ.length > 0).toBe(true);
    expect(zoneToLocal(amsterdam2026, Date.UTC(2026, 5, 1, 22, 30) as UtcMillis)).toEqual({
      day: dayFromIsoDate('2026-06-02'),
      minuteOfDay: 30,
      weekday: 2,
    });
  });

  it('round-trips ISO dates and weekdays', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2026-03-23', '2099-12-31']) expect(dayToIsoDate(dayFromIsoDate(iso))).toBe(iso);
    expect(dayWeekday(dayFromIsoDate('2026-03-23'))).toBe(1);
    expect(dayWeekday(dayFromIsoDate('2026-03-29'))).toBe(7);
  });
});
