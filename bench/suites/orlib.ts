// OR-Library linear assignment: our sparse solver against the published optimum and against
// scipy on the same instance in the same run (instance loading excluded on both sides; best of
// several runs on both sides). One JSON line per instance.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignmentParse, assignmentSolve, assignmentVerify } from '../../src/engine/index.ts';
import { ORLIB_DIR, ORLIB_OPTIMA, orlibAvailable } from '../lib/orlib.ts';

const REPEATS = 9;
const scipyScript = path.join(path.dirname(fileURLToPath(import.meta.url)), '../lib/scipy_assign.py');

if (!orlibAvailable()) {
  process.stderr.write(`OR-Library instances not found at ${ORLIB_DIR}\n`);
  process.exit(1);
}

// Load every instance first (not timed), then warm the JIT up with one untimed pass over all
// of them: scipy's compiled C++ needs no warm-up, our code is compiled while it runs.
const instances = Object.entries(ORLIB_OPTIMA).map(([name, optimum]) => {
  const file = path.join(ORLIB_DIR, `${name}.txt`);
  return { name, optimum, file, ...assignmentParse(readFileSync(file, 'utf8')) };
});
for (let pass = 0; pass < 3; pass++) for (const { matrix } of instances) assignmentSolve(matrix);

for (const { name, optimum, file, matrix, format } of instances) {
  let best = Infinity;
  let value = NaN;
  let certified = false;
  for (let k = 0; k < REPEATS; k++) {
    const start = performance.now();
    const res = assignmentSolve(matrix);
    const ms = performance.now() - start;
    best = Math.min(best, ms);
    if (!res.ok) break;
    value = res.value;
    certified = res.dualBound === res.value && assignmentVerify(matrix, res) === 0;
  }
  let peerMs: number | null = null;
  let peerValue: number | null = null;
  const py = spawnSync('python3', [scipyScript, file, String(REPEATS)], { encoding: 'utf8' });
  if (py.status === 0) {
    const peer = JSON.parse(py.stdout) as { ms: number; value: number };
    peerMs = peer.ms;
    peerValue = peer.value;
  } else process.stderr.write(`scipy failed on ${name}: ${py.stderr}\n`);
  const line = {
    suite: 'orlib',
    case: name,
    format,
    n: matrix.n,
    arcs: matrix.col.length,
    value,
    optimum,
    certified,
    ms: Number(best.toFixed(3)),
    peer: peerMs === null ? null : format === 'dense' ? 'scipy.linear_sum_assignment' : 'scipy.min_weight_full_bipartite_matching',
    peer_value: peerValue,
    peer_ms: peerMs,
    ratio: peerMs === null ? null : Number((best / peerMs).toFixed(2)),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (value !== optimum || !certified) process.exitCode = 1;
}
