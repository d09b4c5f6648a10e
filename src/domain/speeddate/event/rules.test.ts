import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { speeddateOpenFromRound, speeddateRotationFrom, speeddateRoundTimes, type PlannedSeat } from './rules.ts';

// Properties of the rotation from a round on: rounds before it are kept exactly, no teacher sits
// twice in a round, no table over its seats, nobody meets a professional twice; and with
// enough rounds left everyone present meets every present professional they had not met.

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function check(seats: PlannedSeat[], seatsPerTable: number) {
  const byRound = new Map<number, PlannedSeat[]>();
  for (const s of seats) byRound.set(s.round, [...(byRound.get(s.round) ?? []), s]);
  for (const list of byRound.values()) {
    expect(new Set(list.map((s) => s.teacherId)).size).toBe(list.length);
    const load = new Map<string, number>();
    for (const s of list) load.set(s.professionalId, (load.get(s.professionalId) ?? 0) + 1);
    for (const n of load.values()) expect(n).toBeLessThanOrEqual(seatsPerTable);
  }
  const pairs = seats.map((s) => `${s.teacherId}|${s.professionalId}`);
  expect(new Set(pairs).size).toBe(pairs.length);
}

describe('speeddateRotationFrom', () => {
  it('a full rotation: everyone meets everyone once, tables within their seats', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), (t, p, c) => {
      const teachers = ids('t', t);
      const pros = ids('p', p);
      const rounds = Math.max(p, Math.ceil(t / c));
      const seats = speeddateRotationFrom({ kept: [], teacherIds: teachers, professionalIds: pros, seatsPerTable: c, rounds, fromRound: 1 });
      check(seats, c);
      expect(seats).toHaveLength(t * p);
    }), { numRuns: 60 });
  });

  it('after arrivals and no-shows mid-event: kept rounds unchanged, no repeats, the rest met when rounds allow', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 4 }),
      fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 }),
      (t, p, c, fromRound, arrivals, noShows, proGone) => {
        const teachers = ids('t', t);
        const pros = ids('p', p);
        const rounds = Math.max(p, Math.ceil((t + arrivals) / c)) + fromRound;
        const first = speeddateRotationFrom({ kept: [], teacherIds: teachers, professionalIds: pros, seatsPerTable: c, rounds, fromRound: 1 });
        const kept = first.filter((s) => s.round < fromRound);
        const present = [...teachers.slice(Math.min(noShows, t - 1)), ...ids('late', arrivals)];
        const presentPros = pros.slice(0, Math.max(1, p - proGone));
        const next = speeddateRotationFrom({ kept, teacherIds: present, professionalIds: presentPros, seatsPerTable: c, rounds, fromRound });
        expect(next.filter((s) => s.round < fromRound)).toEqual(kept);
        check(next, c);
        for (const s of next.filter((x) => x.round >= fromRound)) {
          expect(present).toContain(s.teacherId);
          expect(presentPros).toContain(s.professionalId);
        }
        // Enough rounds left (at least P + ⌈T/c⌉): every present teacher meets every present professional.
        const met = new Set(next.map((s) => `${s.teacherId}|${s.professionalId}`));
        if (rounds - fromRound + 1 >= presentPros.length + Math.ceil(present.length / c)) {
          for (const tt of present) for (const pp of presentPros) expect(met.has(`${tt}|${pp}`)).toBe(true);
        }
      },
    ), { numRuns: 80 });
  });
});

describe('round times', () => {
  it('rounds follow with a changeover and the break; the open round is the first that has not begun', () => {
    const e = { startAt: new Date('2026-03-10T13:00:00Z'), rounds: 4, roundMinutes: 7, changeoverMinutes: 2, breakAfterRound: 2, breakMinutes: 15 };
    const times = speeddateRoundTimes(e);
    expect(times.map((r) => r.startAt.toISOString().slice(11, 16))).toEqual(['13:00', '13:09', '13:33', '13:42']);
    expect(speeddateOpenFromRound(e, new Date('2026-03-10T12:59:00Z'))).toBe(1);
    expect(speeddateOpenFromRound(e, new Date('2026-03-10T13:00:00Z'))).toBe(2);
    expect(speeddateOpenFromRound(e, new Date('2026-03-10T13:45:00Z'))).toBe(5);
  });
});
