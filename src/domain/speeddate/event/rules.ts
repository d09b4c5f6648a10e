import { assignmentMatrixFromArcs, assignmentSolve } from '../../../engine/index.ts';
import { rotationBuild, rotationRoundsNeeded } from '../../../engine/speeddate.ts';

// Pure rules of a speeddate: the times of its rounds, the current round, and the rotation from a
// given round on (rounds that began are kept as they are).

export interface EventTiming {
  startAt: Date;
  rounds: number;
  roundMinutes: number;
  changeoverMinutes: number;
  breakAfterRound: number | null;
  breakMinutes: number;
  /** Milliseconds of earlier pauses: every round starts that much later. */
  pausedMs?: number;
  /** While paused: since when (the clock stands still at this moment). */
  pausedAt?: Date | null;
}

/** Start and end of every round: rounds follow each other with a changeover, the break after breakAfterRound. */
export function speeddateRoundTimes(e: EventTiming): { round: number; startAt: Date; endAt: Date }[] {
  const out = [];
  for (let k = 1; k <= e.rounds; k++) {
    const offset = (k - 1) * (e.roundMinutes + e.changeoverMinutes) + (e.breakAfterRound !== null && k > e.breakAfterRound ? e.breakMinutes : 0);
    const startAt = new Date(e.startAt.getTime() + offset * 60_000 + (e.pausedMs ?? 0));
    out.push({ round: k, startAt, endAt: new Date(startAt.getTime() + e.roundMinutes * 60_000) });
  }
  return out;
}

/** The first round that has not begun at `now` (rounds + 1 when every round began). */
export function speeddateOpenFromRound(e: EventTiming, now: Date): number {
  // While paused the clock stands still: a round that had not begun at the pause has not begun.
  const at = e.pausedAt ?? now;
  const next = speeddateRoundTimes(e).find((r) => r.startAt.getTime() > at.getTime());
  return next ? next.round : e.rounds + 1;
}

/** Rounds needed for every teacher to meet every professional. */
export function speeddateRoundsNeeded(teachers: number, professionals: number, seatsPerTable: number): number {
  return Math.max(1, rotationRoundsNeeded(teachers, professionals, seatsPerTable));
}

export interface PlannedSeat { round: number; teacherId: string; professionalId: string }

/**
 * The rotation from round `fromRound` on. Seats of earlier rounds are kept as they are; in the
 * rounds that are left, every present teacher meets the present professionals they have not met
 * yet, never one twice, at most `seatsPerTable` teachers per table.
 *
 * Nothing happened yet (no kept seats): the engine's rotation (`rotationBuild`) for the remaining
 * rounds. Otherwise each remaining round is an exact assignment (`assignmentSolve`) of teachers to
 * seats: a teacher who still has to meet more professionals than rounds are left sits first, seats
 * fill evenly across tables, and a teacher who has met everyone present waits out the round.
 */
export function speeddateRotationFrom(input: {
  kept: readonly PlannedSeat[];
  teacherIds: readonly string[];
  professionalIds: readonly string[];
  seatsPerTable: number;
  rounds: number;
  fromRound: number;
  seed?: number;
}): PlannedSeat[] {
  const kept = input.kept.filter((s) => s.round < input.fromRound);
  const remaining = input.rounds - input.fromRound + 1;
  const { teacherIds, professionalIds, seatsPerTable } = input;
  if (remaining <= 0 || teacherIds.length === 0 || professionalIds.length === 0) return [...kept];
  if (kept.length === 0) {
    // rotationBuild answers with its schedule, or (in the engine's result form) { ok: false } on bad input.
    const built = rotationBuild({ teacherIds, professionalIds, tableCapacity: seatsPerTable, rounds: remaining, seed: input.seed ?? 1 }) as unknown as
      { ok?: boolean; rounds?: readonly { round: number; tables: readonly { professionalId: string; teacherIds: readonly string[] }[] }[] };
    if (built.ok === false || !built.rounds) return [...kept];
    return built.rounds.flatMap((r) => r.tables.flatMap((t) => t.teacherIds.map((teacherId) => ({ round: input.fromRound + r.round - 1, teacherId, professionalId: t.professionalId }))));
  }
  const met = new Set(kept.map((s) => `${s.teacherId}|${s.professionalId}`));
  const out: PlannedSeat[] = [...kept];
  const T = teacherIds.length;
  const P = professionalIds.length;
  const seats = P * seatsPerTable;
  const n = T + seats;
  for (let k = 0; k < remaining; k++) {
    const round = input.fromRound + k;
    const roundsLeft = remaining - k;
    const rows: number[] = [];
    const cols: number[] = [];
    const costs: number[] = [];
    teacherIds.forEach((t, i) => {
      const unmet = professionalIds.filter((p) => !met.has(`${t}|${p}`)).length;
      // Waiting costs more the more this teacher still has to meet (urgent when unmet ≥ rounds left).
      const idleCost = unmet === 0 ? 0 : 1000 * unmet + (unmet >= roundsLeft ? 100_000 : 0);
      professionalIds.forEach((p, j) => {
        if (met.has(`${t}|${p}`)) return;
        for (let s = 0; s < seatsPerTable; s++) { rows.push(i); cols.push(j * seatsPerTable + s); costs.push(s); }
      });
      rows.push(i); cols.push(seats + i); costs.push(idleCost);
    });
    // Filler rows take the seats and waiting places nobody uses.
    for (let f = 0; f < seats; f++) for (let c = 0; c < n; c++) { rows.push(T + f); cols.push(c); costs.push(0); }
    const result = assignmentSolve(assignmentMatrixFromArcs(n, rows, cols, costs));
    if (!result.ok) continue;
    for (let i = 0; i < T; i++) {
      const c = result.rowToCol[i] as number;
      if (c >= seats) continue;
      const professionalId = professionalIds[Math.floor(c / seatsPerTable)] as string;
      const teacherId = teacherIds[i] as string;
      met.add(`${teacherId}|${professionalId}`);
      out.push({ round, teacherId, professionalId });
    }
  }
  return out;
}

/** Pairs (teacher, professional) who both chose each other. */
export function speeddateMutualPairs(choices: readonly { chooserId: string; chosenId: string }[], teacherIds: ReadonlySet<string>): { teacherId: string; professionalId: string }[] {
  const set = new Set(choices.map((c) => `${c.chooserId}|${c.chosenId}`));
  return choices
    .filter((c) => teacherIds.has(c.chooserId) && set.has(`${c.chosenId}|${c.chooserId}`))
    .map((c) => ({ teacherId: c.chooserId, professionalId: c.chosenId }));
}

export type ClockPhase =
  | { kind: 'before'; round: number; until: number }
  | { kind: 'round'; round: number; until: number }
  | { kind: 'change'; round: number; until: number }
  | { kind: 'done' };

/** Where the room clock is at `now` (ms): before the first round, in a round, in a changeover, or done. Shared by server and screens. */
export function speeddateClockPhase(roundTimes: readonly { round: number; startAt: string; endAt: string }[], now: number): ClockPhase {
  const times = roundTimes.map((r) => ({ round: r.round, start: Date.parse(r.startAt), end: Date.parse(r.endAt) }));
  if (times.length === 0) return { kind: 'done' };
  if (now < times[0]!.start) return { kind: 'before', round: 1, until: times[0]!.start };
  for (const r of times) {
    if (now >= r.start && now < r.end) return { kind: 'round', round: r.round, until: r.end };
    const next = times.find((x) => x.round === r.round + 1);
    if (next && now >= r.end && now < next.start) return { kind: 'change', round: next.round, until: next.start };
  }
  return { kind: 'done' };
}

/** A short key of a phase: a screen chimes and the server pushes when it changes. */
export function speeddateClockPhaseKey(phase: ClockPhase): string {
  return phase.kind === 'done' ? 'done' : `${phase.kind}-${phase.round}`;
}
