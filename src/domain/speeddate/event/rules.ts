import { rotationRecompute, rotationRoundsNeeded } from '../../../engine/speeddate.ts';

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
 * The seating from `fromRound` on for the people present, by the engine's `rotationRecompute`:
 * rounds before `fromRound` stay exactly as they were; from there every present teacher meets
 * every present professional they have not met yet, once, at most seatsPerTable per table (a
 * fresh `rotationBuild` schedule while nobody has met yet); meetings that the rounds left cannot
 * hold are left out. Bad input (duplicate ids) keeps the earlier rounds only.
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
  const rounds = Array.from({ length: input.fromRound - 1 }, (_, k) => {
    const here = kept.filter((s) => s.round === k + 1);
    const pros = [...new Set(here.map((s) => s.professionalId))];
    return { round: k + 1, tables: pros.map((professionalId) => ({ professionalId, teacherIds: here.filter((s) => s.professionalId === professionalId).map((s) => s.teacherId) })) };
  });
  const result = rotationRecompute({ rounds, fromRound: input.fromRound, totalRounds: input.rounds, teacherIds, professionalIds, tableCapacity: seatsPerTable, seed: input.seed ?? 1 });
  if (!result.ok) return [...kept];
  const planned = result.rounds.filter((r) => r.round >= input.fromRound)
    .flatMap((r) => r.tables.flatMap((t) => t.teacherIds.map((teacherId) => ({ round: r.round, teacherId, professionalId: t.professionalId }))));
  return [...kept, ...planned];
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
