// Linear assignment: our solver against scipy on the same instances in the same run — the 12
// OR-Library instances (value against the published optimum) and seeded random dense and
// sparse instances of the same sizes. Loading is excluded on both sides; both sides solve
// once untimed, then ROUNDS × BATCH (9 × 3) timed solves, our batches and scipy's alternating
// (scipy runs as a server process answering one batch at a time, so both sides see the same
// machine load), and report the minimum and the median. `ratio` is
// our median over scipy's median, `ratio_min` the same for the minima; the certificate
// (Σu + Σv = value, every reduced cost ≥ 0) is checked on every instance.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignmentParse as assignmentParseResult, assignmentSolve, assignmentVerify } from '../../src/engine/index.ts';
import { resultOk } from '../lib/result-ok.ts';
import { assignmentDenseText, assignmentSparseText } from '../lib/assignment-generator.ts';
import { ORLIB_DIR, ORLIB_OPTIMA, orlibAvailable } from '../lib/orlib.ts';

const assignmentParse = (...args: Parameters<typeof assignmentParseResult>) => resultOk(assignmentParseResult(...args));

const ROUNDS = 9;
const BATCH = 3;
const scipyScript = path.join(path.dirname(fileURLToPath(import.meta.url)), '../lib/scipy_assign.py');

interface Case {
  readonly name: string;
  readonly file: string;
  readonly optimum: number | null;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kp-assign-'));
const cases: Case[] = [];
if (orlibAvailable()) {
  for (const [name, optimum] of Object.entries(ORLIB_OPTIMA)) cases.push({ name, file: path.join(ORLIB_DIR, `${name}.txt`), optimum });
} else process.stderr.write(`OR-Library instances not found at ${ORLIB_DIR}; random instances only\n`);
for (const [k, n] of [100, 200, 300, 400, 500, 600, 700, 800].entries()) {
  const file = path.join(tmp, `random-dense-${n}.txt`);
  writeFileSync(file, assignmentDenseText(n, 1000, 1000 + k));
  cases.push({ name: `random-dense-${n}`, file, optimum: null });
}
for (const [k, [n, arcs]] of [[800, 100_000], [1500, 100_000], [3000, 100_000], [5000, 100_000]].entries()) {
  const file = path.join(tmp, `random-sparse-${n}.txt`);
  writeFileSync(file, assignmentSparseText(n as number, arcs as number, 1000, 2000 + k));
  cases.push({ name: `random-sparse-${n}`, file, optimum: null });
}

const instances = cases.map((c) => ({ ...c, ...assignmentParse(readFileSync(c.file, 'utf8')) }));
// Warm the JIT up (scipy's compiled code needs none).
for (let pass = 0; pass < 3; pass++) for (const { matrix } of instances) assignmentSolve(matrix);

/** scipy in one long-lived process, asked for one batch of timed solves at a time. */
function scipyServer(): { ask: (command: string) => Promise<Record<string, unknown> | null>; close: () => void } {
  const child = spawn('python3', [scipyScript, '--serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string | null) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  let closed = false;
  const ended = new Promise<void>((resolve) => child.on('close', () => resolve()));
  void ended.then(() => {
    closed = true;
    if (stderr) process.stderr.write(`scipy: ${stderr}\n`);
    for (const w of waiting.splice(0)) w(null);
  });
  child.on('error', () => undefined);
  return {
    ask: (command) =>
      closed
        ? Promise.resolve(null)
        : new Promise((resolve) => {
            waiting.push((line) => resolve(line === null ? null : (JSON.parse(line) as Record<string, unknown>)));
            child.stdin.write(`${command}\n`);
          }),
    close: () => child.stdin.end(),
  };
}

// Per instance, ROUNDS rounds of BATCH solves on each side, the side that goes first
// alternating, so that both sides sample the same stretch of machine load.
const scipy = scipyServer();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const ours: { value: number; certified: boolean; min: number; median: number }[] = [];
const peer = new Map<string, { value: number; ms_min: number; ms_median: number }>();
for (const inst of instances) {
  const { matrix } = inst;
  const loaded = await scipy.ask(`load ${inst.file}`);
  const times: number[] = [];
  const peerTimes: number[] = [];
  let value = NaN;
  let certified = false;
  for (let round = 0; round < ROUNDS; round++) {
    const oursFirst = round % 2 === 0;
    if (!oursFirst && loaded) {
      const r = await scipy.ask(`time ${inst.file} ${BATCH}`);
      if (r) peerTimes.push(...(r.times as number[]));
    }
    for (let k = 0; k < BATCH; k++) {
      const start = performance.now();
      const res = assignmentSolve(matrix);
      times.push(performance.now() - start);
      if (!res.ok) break;
      value = res.value;
      if (round === 0 && k === 0) certified = res.dualBound === res.value && assignmentVerify(matrix, res) === 0;
    }
    if (oursFirst && loaded) {
      const r = await scipy.ask(`time ${inst.file} ${BATCH}`);
      if (r) peerTimes.push(...(r.times as number[]));
    }
  }
  ours.push({ value, certified, min: Math.min(...times), median: median(times) });
  if (loaded && peerTimes.length > 0) peer.set(inst.file, { value: loaded.value as number, ms_min: Math.min(...peerTimes), ms_median: median(peerTimes) });
}
scipy.close();
if (peer.size === 0) process.stderr.write('scipy did not answer: no peer figures\n');
rmSync(tmp, { recursive: true, force: true });

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
let worst = 0;
let worstMin = 0;
for (const [k, inst] of instances.entries()) {
  const o = ours[k] as (typeof ours)[number];
  const p = peer.get(inst.file);
  const ratio = p ? o.median / p.ms_median : null;
  const ratioMin = p ? o.min / p.ms_min : null;
  if (ratio !== null) worst = Math.max(worst, ratio);
  if (ratioMin !== null) worstMin = Math.max(worstMin, ratioMin);
  const line = {
    suite: 'orlib',
    case: inst.name,
    format: inst.format,
    n: inst.matrix.n,
    arcs: inst.matrix.col.length,
    value: o.value,
    optimum: inst.optimum,
    certified: o.certified,
    ms_min: round(o.min),
    ms_median: round(o.median),
    peer: inst.format === 'dense' ? 'scipy.linear_sum_assignment' : 'scipy.min_weight_full_bipartite_matching',
    peer_value: p?.value ?? null,
    peer_ms_min: p?.ms_min ?? null,
    peer_ms_median: p?.ms_median ?? null,
    ratio: ratio === null ? null : round(ratio, 2),
    ratio_min: ratioMin === null ? null : round(ratioMin, 2),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  // A wrong value or a broken certificate is a failure; a slow run is not.
  if ((inst.optimum !== null && o.value !== inst.optimum) || !o.certified || (p && p.value !== o.value)) process.exitCode = 1;
}
process.stdout.write(
  `${JSON.stringify({ suite: 'orlib', case: 'summary', instances: instances.length, worst_ratio: round(worst, 2), worst_ratio_min: round(worstMin, 2), goal: 'ratio <= 1 on every instance', holds: worst <= 1 && worstMin <= 1 })}\n`,
);
