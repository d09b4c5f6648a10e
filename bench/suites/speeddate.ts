// Speeddate rotations up to T = 300 teachers and P = 30 professionals: rounds used against
// R* = max(P, ⌈T/c⌉), meetings against the bound min(T·min(R,P), P·min(R·c,T)), repeated
// teacher pairs against a counting lower bound, and time (median of 9, goal 100 ms; wall clock,
// so read it beside the CPU time and the load average printed first and last). On the composite
// cases of issue #12 (no prime power in [R*, R]) the repeated pairs stand beside the count before
// (affine modulo R and the old mixing search) with the reduction and its goal (≥ 4); a last line
// sums the goals up. A wrong schedule fails the suite (exit 1); a slow one or a missed goal does
// not: the suite exits 0 whenever it measured.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rotationBound, rotationBuild as rotationBuildResult, rotationRoundsNeeded } from '../../src/engine/index.ts';
import { resultOk } from '../lib/result-ok.ts';
import { FIXTURES_DIR } from '../lib/orlib.ts';

const rotationBuild = (...args: Parameters<typeof rotationBuildResult>) => resultOk(rotationBuildResult(...args));

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const fixture = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'speeddate-cases.json'), 'utf8')) as {
  cases: { teachers: number; professionals: number; tableCapacity: number; rounds: number }[];
};
const cases = [
  ...fixture.cases,
  // R = R* exactly, and R* − 5 (fewer rounds than needed), at the largest size.
  { teachers: 300, professionals: 30, tableCapacity: 10, rounds: rotationRoundsNeeded(300, 30, 10) },
  { teachers: 300, professionals: 30, tableCapacity: 8, rounds: rotationRoundsNeeded(300, 30, 8) },
  { teachers: 300, professionals: 30, tableCapacity: 8, rounds: rotationRoundsNeeded(300, 30, 8) - 5 },
  { teachers: 299, professionals: 29, tableCapacity: 11, rounds: rotationRoundsNeeded(299, 29, 11) },
  // R = R* without a prime in [R*, R]: prime powers (25, 27, 32) and composite numbers.
  { teachers: 250, professionals: 25, tableCapacity: 10, rounds: 25 },
  { teachers: 270, professionals: 27, tableCapacity: 10, rounds: 27 },
  { teachers: 300, professionals: 32, tableCapacity: 10, rounds: 32 },
  { teachers: 240, professionals: 24, tableCapacity: 10, rounds: 24 },
  { teachers: 200, professionals: 20, tableCapacity: 10, rounds: 20 },
];

/** Repeated teacher pairs before the composite-R constructions (affine modulo R + mixing), issue #12. */
const repeatedBefore: Record<string, number> = {
  'T300-P30-c10-R30': 11_366,
  'T300-P30-c8-R38': 7_354,
  'T240-P24-c10-R24': 6_815,
  'T200-P20-c10-R20': 4_581,
};

/**
 * A counting lower bound on repeated pairs for the schedule's table loads: the co-seatings
 * Σ C(load, 2) beyond one per teacher pair, and per teacher the companions beyond T − 1.
 */
function repeatsLowerBound(out: ReturnType<typeof rotationBuild>, T: number): number {
  let coSeatings = 0;
  const companions = new Map<string, number>();
  for (const round of out.rounds) {
    for (const table of round.tables) {
      const L = table.teacherIds.length;
      coSeatings += (L * (L - 1)) / 2;
      for (const t of table.teacherIds) companions.set(t, (companions.get(t) ?? 0) + L - 1);
    }
  }
  let perTeacher = 0;
  for (const n of companions.values()) perTeacher += Math.max(0, n - (T - 1));
  return Math.max(0, coSeatings - (T * (T - 1)) / 2, Math.ceil(perTeacher / 2));
}
process.stdout.write(`${JSON.stringify({ suite: 'speeddate', case: 'machine-before', loadavg_1m: Number(os.loadavg()[0]?.toFixed(2)), cpus: os.cpus().length })}\n`);
const goals: { case: string; repeated: number; goal: number; met: boolean; ms: number }[] = [];
// Warm the JIT up (untimed): both construction methods.
for (let k = 0; k < 3; k++) {
  rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 30 });
  rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 17 });
}
for (const k of cases) {
  const input = { teacherIds: ids('t', k.teachers), professionalIds: ids('p', k.professionals), tableCapacity: k.tableCapacity, rounds: k.rounds };
  const times: number[] = [];
  const cpus: number[] = [];
  let out = rotationBuild(input);
  for (let rep = 0; rep < 9; rep++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    out = rotationBuild(input);
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const ms = times[4] as number;
  const needed = rotationRoundsNeeded(k.teachers, k.professionals, k.tableCapacity);
  const bound = rotationBound(k.teachers, k.professionals, k.tableCapacity, k.rounds);
  const lower = repeatsLowerBound(out, k.teachers);
  const name = `T${k.teachers}-P${k.professionals}-c${k.tableCapacity}-R${k.rounds}`;
  const line = {
    suite: 'speeddate',
    case: name,
    rounds: k.rounds,
    rounds_needed: needed,
    meetings: out.meetings,
    bound,
    meetings_ratio: bound ? Number((out.meetings / bound).toFixed(4)) : 1,
    complete: out.complete,
    repeated_teacher_pairs: out.repeatedTeacherPairs,
    repeated_lower_bound: lower,
    ...(repeatedBefore[name] !== undefined
      ? (() => {
          const before = repeatedBefore[name] as number;
          return {
            repeated_before: before,
            repeated_reduction: Number((before / Math.max(1, out.repeatedTeacherPairs)).toFixed(2)),
            repeated_reduction_goal: 4,
            repeated_goal_max: Math.floor(before / 4),
          };
        })()
      : {}),
    max_table_load: out.maxTableLoad,
    method: out.method,
    construction: out.construction,
    ms_median: Number(ms.toFixed(2)),
    cpu_ms_median: Number((cpus[4] as number).toFixed(2)),
    ms_goal: 100,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (out.meetings !== bound || out.maxTableLoad > k.tableCapacity || (k.rounds >= needed && !out.complete)) process.exitCode = 1;
  const before = repeatedBefore[name];
  if (before !== undefined && !goals.some((g) => g.case === name)) {
    goals.push({ case: name, repeated: out.repeatedTeacherPairs, goal: Math.floor(before / 4), met: out.repeatedTeacherPairs <= before / 4, ms: Number(ms.toFixed(2)) });
  }
}
process.stdout.write(
  `${JSON.stringify({ suite: 'speeddate', case: 'repeated-goals', goals_met: goals.filter((g) => g.met).length, goals: goals.length, time_goal_met: goals.filter((g) => g.ms <= 100).length, cases: goals })}\n`,
);
process.stdout.write(`${JSON.stringify({ suite: 'speeddate', case: 'machine', loadavg_1m: Number(os.loadavg()[0]?.toFixed(2)), cpus: os.cpus().length })}\n`);
