// `npm run bench [filter]`: runs every suite in bench/suites/ one after another, each in its
// own process (so memory peaks are per suite), and passes their JSON lines through.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suites');
const filter = process.argv[2];
const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();
let failed = 0;
for (const suite of suites) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, suite)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench suite ${suite} failed with status ${r.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
