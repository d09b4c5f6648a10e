// Synthetic national exchange week: the seeded Dutch generator at 200, 2,000, 20,000 and
// 100,000 teachers, plus the golden fixture. Each synthetic size runs in its own process (so
// its peak memory is its own). Times the engine only (generation and checking excluded),
// counts violations with the independent checker and reports the pairing objective against
// its certified dual bound, CPU time and the process's peak RSS against the goals (4 s CPU and
// 300 MB at 20,000 teachers). One JSON line per case.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zoneRulesFromIntl } from '../../src/domain/exchange/match/build-engine-input.ts';
import { dayFromIsoDate, exchangeCheck, exchangeSolve as exchangeSolveResult, type ExchangeInput } from '../../src/engine/index.ts';
import { resultOk } from '../lib/result-ok.ts';
import { exchangeGenerate } from '../lib/exchange-generator.ts';
import { FIXTURES_DIR, SHARED_DATA_DIR } from '../lib/orlib.ts';

const exchangeSolve = (...args: Parameters<typeof exchangeSolveResult>) => resultOk(exchangeSolveResult(...args));

const GOAL = { teachers: 20000, cpuMs: 4000, rssMb: 300 };

function programmeCodes(): string[] {
  const file = path.join(SHARED_DATA_DIR, 'hbo-programmes-croho-isced.json');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { isced: string }[];
  return list.map((p) => p.isced).filter((c) => /^\d{4}$/.test(c));
}

function run(name: string, teachers: number, input: ExchangeInput, rssBeforeMb: number): void {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const out = exchangeSolve(input);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // The checker is quadratic in visits per person only; at 100,000 it still runs.
  const violations = exchangeCheck(input, out);
  const reasons: Record<string, number> = {};
  for (const u of out.unpaired) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const line = {
    suite: 'exchange',
    case: name,
    teachers,
    pairs: out.pairs.length,
    visits: out.visits.length,
    candidate_pairs: out.diagnostics.candidatePairs,
    objective: out.objective,
    dual_bound: out.dualBound,
    optimal: out.optimal,
    violations: violations.length,
    rounds: out.diagnostics.rounds,
    unpaired: reasons,
    ms: Math.round(ms),
    cpu_ms: cpuMs,
    // Peak RSS of this process during the solve; the input alone took rss_before_mb.
    max_rss_mb: maxRssMb,
    rss_before_mb: rssBeforeMb,
    ...(teachers === GOAL.teachers
      ? { goal_cpu_ms: GOAL.cpuMs, cpu_ratio: +(cpuMs / GOAL.cpuMs).toFixed(2), goal_rss_mb: GOAL.rssMb, rss_ratio: +(maxRssMb / GOAL.rssMb).toFixed(2) }
      : {}),
    load_avg_1m: +(os.loadavg()[0] as number).toFixed(1),
    cpus: os.cpus().length,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (violations.length > 0 || !out.optimal) process.exitCode = 1;
}

const child = process.env.EXCHANGE_CHILD_SIZE;
if (child === undefined) {
  const fixture = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'exchange-utrecht-small.json'), 'utf8'));
  run('golden-utrecht-small', fixture.input.sideA.length + fixture.input.sideB.length, fixture.input, Math.round(process.memoryUsage().rss / 2 ** 20));
  const sizes = process.env.EXCHANGE_SIZES?.split(',').map(Number) ?? [200, 2000, 20000, 100000];
  for (const teachers of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, EXCHANGE_CHILD_SIZE: String(teachers) },
    });
    if (r.status !== 0) process.exitCode = 1;
  }
} else {
  const teachers = Number(child);
  const monday = '2026-03-23';
  const mondayDay = dayFromIsoDate(monday);
  const zone = zoneRulesFromIntl('Europe/Amsterdam', (mondayDay - 1) * 86_400_000, (mondayDay + 8) * 86_400_000);
  const input = exchangeGenerate({ teachers, seed: 20260323 + teachers, zone, programmeCodes: programmeCodes(), monday });
  run(`synthetic-${teachers}`, teachers, input, Math.round(process.memoryUsage().rss / 2 ** 20));
}
