// Synthetic national exchange week: the seeded Dutch generator at 200, 2,000 and 20,000
// teachers, plus the golden fixture. Times the engine only (generation and checking excluded),
// counts violations with the independent checker and reports the pairing objective against its
// certified dual bound and the process's peak memory. One JSON line per case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zoneRulesFromIntl } from '../../src/domain/exchange/match/build-engine-input.ts';
import { dayFromIsoDate, exchangeCheck, exchangeSolve, type ExchangeInput } from '../../src/engine/index.ts';
import { exchangeGenerate } from '../lib/exchange-generator.ts';
import { FIXTURES_DIR, SHARED_DATA_DIR } from '../lib/orlib.ts';

function programmeCodes(): string[] {
  const file = path.join(SHARED_DATA_DIR, 'hbo-programmes-croho-isced.json');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { isced: string }[];
  return list.map((p) => p.isced).filter((c) => /^\d{4}$/.test(c));
}

function run(name: string, teachers: number, input: ExchangeInput): void {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const out = exchangeSolve(input);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const violations = exchangeCheck(input, out);
  const reasons: Record<string, number> = {};
  for (const u of out.unpaired) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
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
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (violations.length > 0 || !out.optimal) process.exitCode = 1;
}

const fixture = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'exchange-utrecht-small.json'), 'utf8'));
run('golden-utrecht-small', fixture.input.sideA.length + fixture.input.sideB.length, fixture.input);

const codes = programmeCodes();
const monday = '2026-03-23';
const mondayDay = dayFromIsoDate(monday);
const zone = zoneRulesFromIntl('Europe/Amsterdam', (mondayDay - 1) * 86_400_000, (mondayDay + 8) * 86_400_000);
const filter = process.env.EXCHANGE_SIZES?.split(',').map(Number);
for (const teachers of filter ?? [200, 2000, 20000]) {
  const input = exchangeGenerate({ teachers, seed: 20260323 + teachers, zone, programmeCodes: codes, monday });
  run(`synthetic-${teachers}`, teachers, input);
}
