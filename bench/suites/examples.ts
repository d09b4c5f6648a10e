// Practice-example search with 10,000 examples: one request (ranked Dutch full text, highlighted
// fragments, the page, the total and facet counts for sector, theme, practice and region) must
// stay under 50 ms. Runs the real search function against a real PostgreSQL (embedded, with the
// checked-in migrations) and prints JSON lines: the median, p95 and max per kind of query.
// Exits 0 whenever it measured (the budget is reported, not enforced by the exit code).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { harnessStart } from '../../tests/support/harness.ts';
import { makeNetwork } from '../../tests/support/factories.ts';
import { policyRowNetwork } from '../../src/domain/foundation/auth/policy.ts';
import { searchExamples } from '../../src/domain/example/example/data.ts';
import type { ExampleSearchQuery } from '../../src/domain/example/example/schema.ts';

const N = 10_000;
const BUDGET_MS = 50;
const h = await harnessStart();
try {
  const nid = (await makeNetwork(h.deps.db, 'Benchnetwerk')).id;
  const words = ['docenten', 'leerlingen', 'studenten', 'loopbaan', 'gesprek', 'bedrijf', 'stage', 'techniek', 'zorg', 'ouders', 'keuze', 'arbeidsmarkt',
    'lessen', 'begeleiding', 'samenwerking', 'vmbo', 'mbo', 'hbo', 'kwaliteit', 'visie', 'programma', 'werkplaats', 'praktijk', 'uitwisseling', 'masterclass'];
  const wordsLiteral = `{${words.join(',')}}`;
  const started = performance.now();
  await h.deps.db.execute(sql`
    insert into examples (network_id, slug, title, special, story, sectors, themes, practice, region, visibility, published_at)
    select ${nid}, 'bench-' || i,
      'Voorbeeld ' || i || ' over ' || (${wordsLiteral}::text[])[1 + i % 25] || ' en ' || (${wordsLiteral}::text[])[1 + (i * 7) % 25],
      'Wat dit bijzonder maakt: ' || (${wordsLiteral}::text[])[1 + (i * 3) % 25] || ' met ' || (${wordsLiteral}::text[])[1 + (i * 11) % 25],
      (select string_agg((${wordsLiteral}::text[])[1 + ((i * 13 + k * 17) % 25)], ' ') from generate_series(1, 120) k),
      string_to_array((array['mbo,hbo','vmbo,mbo','havo,vwo','mbo','hbo'])[1 + i % 5], ','),
      array[(array['regelgeving','visie_beleid_kwaliteit','lob_leeromgeving','lob_programma','loopbaankeuze','loopbaangesprek','arbeidsmarktinformatie','lob_documenten','ouderbetrokkenheid','professionalisering'])[1 + i % 10]],
      (array['exchange','leerlab','company_visit','masterclass','internship','job_twinning','speeddate','cocreation'])[1 + i % 8],
      (array['Gelderland','Utrecht','Noord-Brabant','Overijssel','Zuid-Holland','Groningen'])[1 + i % 6],
      case when i % 3 = 0 then 'network' else 'public' end, now() - (i || ' minutes')::interval
    from generate_series(1, ${N}) i`);
  await h.deps.db.execute(sql`analyze examples`);
  const [{ n }] = (await h.deps.db.execute(sql`select count(*)::int as n from examples`)).rows as { n: number }[] as [{ n: number }];
  process.stdout.write(`${JSON.stringify({ suite: 'examples', step: 'seed', examples: n, ms: Math.round(performance.now() - started) })}\n`);

  const nidB = policyRowNetwork(nid, 'job');
  const cases: [string, ExampleSearchQuery, 'public' | 'network'][] = [
    ['facets only (public)', {}, 'public'],
    ['text "docent" (stemmed, public)', { q: 'docent' }, 'public'],
    ['text + facets (network)', { q: 'loopbaan gesprek', sector: ['mbo'], theme: ['loopbaangesprek', 'loopbaankeuze'] }, 'network'],
    ['phrase and exclusion', { q: '"stage techniek" -zorg', region: ['Utrecht', 'Gelderland'] }, 'public'],
    ['rare word', { q: 'masterclass werkplaats', practice: ['masterclass'] }, 'public'],
    ['page 5', { q: 'leerlingen', page: 5 }, 'network'],
  ];
  let worst = 0;
  for (const [name, query, scope] of cases) {
    const run = () => searchExamples(h.deps.db, scope === 'public' ? { kind: 'public' } : { kind: 'network', networkId: nidB, drafts: true }, query);
    for (let i = 0; i < 3; i++) await run();
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      total = (await run()).total;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
    worst = Math.max(worst, p(0.95));
    process.stdout.write(`${JSON.stringify({ suite: 'examples', query: name, matches: total, medianMs: p(0.5), p95Ms: p(0.95), maxMs: Math.round(times.at(-1)! * 10) / 10 })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ suite: 'examples', examples: N, budgetMs: BUDGET_MS, worstP95Ms: worst, withinBudget: worst < BUDGET_MS })}\n`);
} finally {
  await h.stop();
}
