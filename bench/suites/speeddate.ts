// Speeddate rotations up to T = 300 teachers and P = 30 professionals: rounds used against
// R* = max(P, ⌈T/c⌉), meetings against the bound min(T·min(R,P), P·min(R·c,T)), and time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rotationBound, rotationBuild, rotationRoundsNeeded } from '../../src/engine/index.ts';
import { FIXTURES_DIR } from '../lib/orlib.ts';

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
];
// Warm the JIT up (untimed): both construction methods.
for (let k = 0; k < 3; k++) {
  rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 30 });
  rotationBuild({ teacherIds: ids('t', 300), professionalIds: ids('p', 30), tableCapacity: 10, rounds: 17 });
}
for (const k of cases) {
  const start = performance.now();
  const out = rotationBuild({ teacherIds: ids('t', k.teachers), professionalIds: ids('p', k.professionals), tableCapacity: k.tableCapacity, rounds: k.rounds });
  const ms = performance.now() - start;
  const needed = rotationRoundsNeeded(k.teachers, k.professionals, k.tableCapacity);
  const bound = rotationBound(k.teachers, k.professionals, k.tableCapacity, k.rounds);
  const line = {
    suite: 'speeddate',
    case: `T${k.teachers}-P${k.professionals}-c${k.tableCapacity}-R${k.rounds}`,
    rounds: k.rounds,
    rounds_needed: needed,
    meetings: out.meetings,
    bound,
    complete: out.complete,
    repeated_teacher_pairs: out.repeatedTeacherPairs,
    max_table_load: out.maxTableLoad,
    method: out.method,
    ms: Number(ms.toFixed(2)),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (out.meetings !== bound || ms >= 100) process.exitCode = 1;
}
