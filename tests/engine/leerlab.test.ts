import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zoneRulesFromIntl } from '../../src/domain/exchange/match/build-engine-input.ts';
import {
  dayFromIsoDate,
  dayToIsoDate,
  leerlabPlan,
  leerlabSessionCheck,
  zoneLocalToUtc,
  zoneToLocal,
  type LeerlabParty,
  type LeerlabPlanInput,
  type LeerlabWindow,
  type UtcMillis,
} from '../../src/engine/index.ts';

const zone = zoneRulesFromIntl('Europe/Amsterdam', Date.UTC(2026, 7, 1), Date.UTC(2027, 7, 31));
const MIN = 60_000;

/** Weekly lessons (weekday, start minute, length) expanded over the weeks from a Monday. */
function weekly(firstMonday: string, weeks: number, lessons: readonly (readonly [number, number, number])[]): { start: number; end: number }[] {
  const monday = dayFromIsoDate(firstMonday);
  const out: { start: number; end: number }[] = [];
  for (let w = 0; w < weeks; w++) {
    for (const [weekday, start, len] of lessons) {
      const day = monday + 7 * w + weekday - 1;
      out.push({ start: zoneLocalToUtc(zone, day, start), end: zoneLocalToUtc(zone, day, start + len) });
    }
  }
  return out;
}

const baseInput = (over: Partial<LeerlabPlanInput> = {}): LeerlabPlanInput => ({
  zone,
  firstDate: '2026-10-19',
  lastDate: '2026-11-27',
  closedDates: [],
  travelMinutes: 20,
  parties: [
    { id: 'class-3a', kind: 'class', side: 'vo', busy: weekly('2026-10-19', 6, [[1, 510, 300], [2, 510, 480], [3, 510, 240], [4, 600, 300], [5, 510, 200]]) },
    { id: 'mbo-ilse', kind: 'teacher', side: 'mbo', busy: weekly('2026-10-19', 6, [[3, 780, 120], [4, 510, 240]]) },
  ],
  directions: [
    { direction: 'pupils_to_mbo', partyIds: ['class-3a', 'mbo-ilse'], sessionMinutes: 90 },
    { direction: 'teachers_to_vo', partyIds: ['class-3a', 'mbo-ilse'], sessionMinutes: 60 },
  ],
  rules: { forbidden: [{ weekday: 1, startMinute: 900, endMinute: 960 }] },
  ...over,
});

describe('leerlab planning', () => {
  it('proposes free weekly patterns, best first, for both directions', () => {
    const out = leerlabPlan(baseInput());
    expect(out.directions.map((d) => d.direction)).toEqual(['pupils_to_mbo', 'teachers_to_vo']);
    const pupils = out.directions[0]!;
    expect(pupils.options.length).toBeGreaterThan(0);
    expect(pupils.emptiedBy).toBeNull();
    const best = pupils.options[0]!;
    expect(best.sessions).toHaveLength(6);
    for (let i = 1; i < pupils.options.length; i++) expect(pupils.options[i - 1]!.score).toBeGreaterThanOrEqual(pupils.options[i]!.score);
    // Every rejected candidate on the school-day grid has a reason.
    expect(pupils.rejected.every((r) => r.reason.length > 0)).toBe(true);
    expect(pupils.rejected.some((r) => r.reason === 'FORBIDDEN_WINDOW' && r.weekday === 1)).toBe(true);
    expect(pupils.rejected.some((r) => r.reason === 'CLASS_BUSY' && r.partyId === 'class-3a')).toBe(true);
  });

  it('drops holiday weeks without counting them as conflicts', () => {
    const out = leerlabPlan(baseInput({ closedDates: ['2026-10-21', '2026-10-22', '2026-10-23', '2026-10-19', '2026-10-20'] }));
    for (const o of out.directions[0]!.options) {
      expect(o.sessions).toHaveLength(5);
      expect(o.skipped.filter((s) => s.reason === 'HOLIDAY')).toHaveLength(1);
    }
  });

  it('says which constraint removed the last options when nothing is left', () => {
    const allDay = weekly('2026-10-19', 6, [[1, 0, 1440], [2, 0, 1440], [3, 0, 1440], [4, 0, 1440], [5, 0, 1440]]);
    const out = leerlabPlan(baseInput({ parties: [{ id: 'class-3a', kind: 'class', side: 'vo', busy: [] }, { id: 'mbo-ilse', kind: 'teacher', side: 'mbo', busy: allDay }] }));
    expect(out.codes).toContain('NO_COMMON_SLOT');
    for (const d of out.directions) {
      expect(d.options).toEqual([]);
      expect(d.emptiedBy).toBe('TEACHER_TIMETABLE');
      expect(d.funnel.find((f) => f.constraint === 'CLASS_TIMETABLE')!.remaining).toBeGreaterThan(0);
    }
    const forbiddenAll = leerlabPlan(baseInput({ rules: { forbidden: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })) } }));
    expect(forbiddenAll.directions[0]!.emptiedBy).toBe('FORBIDDEN_WINDOW');
  });

  it('prefers earlier in the day and avoids the first and last hour', () => {
    const free = leerlabPlan(baseInput({ parties: [{ id: 'class-3a', kind: 'class', side: 'vo', busy: [] }, { id: 'mbo-ilse', kind: 'teacher', side: 'mbo', busy: [] }], rules: { maxOptions: 50 } }));
    const best = free.directions[1]!.options[0]!;
    // Day 08:30–16:30, first hour until 09:30: the best start is 09:30.
    expect(best.startMinute).toBe(570);
    expect(best.penalties.edge).toBe(0);
  });

  it('refuses a session moved onto a lesson, with the reason', () => {
    const input = baseInput();
    const monday = dayFromIsoDate('2026-10-26');
    const onLesson = leerlabSessionCheck({ zone, direction: 'pupils_to_mbo', start: zoneLocalToUtc(zone, monday, 600), end: zoneLocalToUtc(zone, monday, 660), travelMinutes: 20, closedDates: [], parties: input.parties });
    expect(onLesson).toEqual({ ok: false, reason: 'CLASS_BUSY', partyId: 'class-3a' });
    const free = leerlabSessionCheck({ zone, direction: 'pupils_to_mbo', start: zoneLocalToUtc(zone, monday, 870), end: zoneLocalToUtc(zone, monday, 930), travelMinutes: 20, closedDates: [], parties: input.parties });
    expect(free).toEqual({ ok: true });
    const holiday = leerlabSessionCheck({ zone, direction: 'pupils_to_mbo', start: zoneLocalToUtc(zone, monday, 870), end: zoneLocalToUtc(zone, monday, 930), travelMinutes: 20, closedDates: ['2026-10-26'], parties: input.parties });
    expect(holiday).toMatchObject({ ok: false, reason: 'HOLIDAY' });
  });

  it('is reproducible across the autumn clock change (local times stay put)', () => {
    const out = leerlabPlan(baseInput());
    const best = out.directions[0]!.options[0]!;
    for (const s of best.sessions) expect(zoneToLocal(zone, s.start).minuteOfDay).toBe(best.startMinute);
  });
});

// ── properties ───────────────────────────────────────────────────────────────
const lessonArb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 30, max: 66 }).map((q) => q * 15), fc.integer({ min: 2, max: 8 }).map((q) => q * 15));
const oneOffArb = fc.tuple(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 30, max: 66 }).map((q) => q * 15), fc.integer({ min: 2, max: 16 }).map((q) => q * 15));
const windowArb: fc.Arbitrary<LeerlabWindow> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 34, max: 64 }).map((q) => q * 15), fc.integer({ min: 2, max: 8 }).map((q) => q * 15))
  .map(([weekday, startMinute, len]) => ({ weekday, startMinute, endMinute: startMinute + len }));

const FIRST = '2026-10-19';
const WEEKS = 4;
const partyArb = (id: string, kind: 'class' | 'teacher', side: 'vo' | 'mbo'): fc.Arbitrary<LeerlabParty> =>
  fc.tuple(fc.array(lessonArb, { maxLength: 10 }), fc.array(oneOffArb, { maxLength: 4 })).map(([lessons, oneOffs]) => ({
    id,
    kind,
    side,
    busy: [
      ...weekly(FIRST, WEEKS, lessons),
      ...oneOffs.map(([d, s, len]) => {
        const day = dayFromIsoDate(FIRST) + d;
        return { start: zoneLocalToUtc(zone, day, s), end: zoneLocalToUtc(zone, day, s + len) };
      }),
    ],
  }));

const inputArb: fc.Arbitrary<LeerlabPlanInput> = fc
  .record({
    cls: partyArb('class-3a', 'class', 'vo'),
    mbo: partyArb('mbo-1', 'teacher', 'mbo'),
    vo: partyArb('vo-1', 'teacher', 'vo'),
    travel: fc.integer({ min: 0, max: 45 }),
    closed: fc.uniqueArray(fc.integer({ min: 0, max: 27 }), { maxLength: 6 }),
    forbidden: fc.array(windowArb, { maxLength: 3 }),
    length: fc.constantFrom(45, 60, 90),
    skip: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ cls, mbo, vo, travel, closed, forbidden, length, skip }) => ({
    zone,
    firstDate: FIRST,
    lastDate: dayToIsoDate(dayFromIsoDate(FIRST) + 7 * WEEKS - 1),
    closedDates: closed.map((d) => dayToIsoDate(dayFromIsoDate(FIRST) + d)),
    travelMinutes: travel,
    parties: [cls, mbo, vo],
    directions: [
      { direction: 'pupils_to_mbo' as const, partyIds: ['class-3a', 'mbo-1', 'vo-1'], sessionMinutes: length },
      { direction: 'teachers_to_vo' as const, partyIds: ['class-3a', 'mbo-1', 'vo-1'], sessionMinutes: length },
    ],
    rules: { forbidden, maxSkippedWeeks: skip, maxOptions: 400 },
  }));

function overlaps(busy: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return busy.some((b) => b.start < end && start < b.end);
}

describe('leerlab planning properties', () => {
  it('no proposed session overlaps a lesson of the class or a teacher, travel included; none in a holiday or a forbidden window', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = leerlabPlan(input);
        const closed = new Set(input.closedDates);
        for (const d of out.directions) {
          const travelling = d.direction === 'pupils_to_mbo' ? 'vo' : 'mbo';
          for (const o of d.options) {
            expect(input.rules!.forbidden!.some((w) => w.weekday === o.weekday && w.startMinute < o.endMinute && o.startMinute < w.endMinute)).toBe(false);
            for (const s of o.sessions) {
              expect(closed.has(s.date)).toBe(false);
              const local = zoneToLocal(zone, s.start as UtcMillis);
              expect(closed.has(dayToIsoDate(local.day))).toBe(false);
              for (const p of input.parties) {
                const margin = (p.kind === 'class' ? 'vo' : p.side) === travelling ? input.travelMinutes * MIN : 0;
                expect(overlaps(p.busy, s.start - margin, s.end + margin)).toBe(false);
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const shuffle = <T,>(xs: readonly T[]): T[] => {
          const a = [...xs];
          let s = seed + 1;
          for (let i = a.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [a[i], a[j]] = [a[j] as T, a[i] as T];
          }
          return a;
        };
        const shuffled: LeerlabPlanInput = {
          ...input,
          closedDates: shuffle(input.closedDates),
          parties: shuffle(input.parties).map((p) => ({ ...p, busy: shuffle(p.busy) })),
          directions: shuffle(input.directions).map((d) => ({ ...d, partyIds: shuffle(d.partyIds) })),
          rules: { ...input.rules, forbidden: shuffle(input.rules!.forbidden!) },
        };
        expect(leerlabPlan(shuffled)).toEqual(leerlabPlan(input));
      }),
      { numRuns: 30 },
    );
  });

  it('every candidate in the school day is either proposed or rejected with a reason', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = leerlabPlan(input);
        for (const d of out.directions) {
          const inDay = d.funnel.find((f) => f.constraint === 'SCHOOL_DAY')!.remaining;
          const rejectedInDay = d.rejected.filter((r) => r.reason !== 'OUTSIDE_SCHOOL_DAY').length;
          expect(d.feasible + rejectedInDay).toBe(inDay);
          if (d.feasible === 0) expect(d.emptiedBy).not.toBeNull();
        }
      }),
      { numRuns: 30 },
    );
  });
});
