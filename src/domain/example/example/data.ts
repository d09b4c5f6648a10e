import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { examples, networks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import { EXAMPLE_QUERY_USED, type ExampleSearchQuery, type ExampleSearchResult } from './schema.ts';

// Reads of practice examples. The search is ONE statement: ranked full text in Dutch and English
// (each example's vector is built with its own language's configuration, dutch or english; the text
// is parsed with websearch_to_tsquery in both, and each example is matched, ranked and highlighted
// with the query of its own language; websearch syntax, so quotes, "or" and "-" are operators and
// nothing the user types is SQL),
// highlighted fragments, the page of results, the total and the facet counts for sector, theme,
// practice and region, over the examples that pass every filter.
//
// How it stays fast (bench/suites/examples.ts, 10,000 examples): the matching rows are read once
// into a narrow materialized CTE (ids, facet columns and the rank, never the story); the query is
// written inline (not via a CTE) so the planner estimates its matches and picks a sequential or
// GIN bitmap scan accordingly; the facet counts are ONE pass — the matches are first grouped by
// their combination of sectors, themes, practice and region (few groups), and only those groups
// are unnested and summed per facet value; the page (20 rows) is picked by rank from the narrow
// CTE and only then joined back for its text, so ts_headline runs on 20 rows, not on every match.

const PAGE_SIZE = 20;
const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
const FACETS = ['sector', 'theme', 'practice', 'region'] as const;
type Facet = ExampleSearchResult['facets']['sector'];

/** Public: published examples of every network. Network: the network's shared and public examples, and drafts for managers. */
export type ExampleScope = { kind: 'public' } | { kind: 'network'; networkId: AuthorizedNetworkId; drafts: boolean };

function scopeCondition(scope: ExampleScope): SQL {
  if (scope.kind === 'public') return sql`e.visibility = 'public'`;
  return scope.drafts ? sql`e.network_id = ${scope.networkId}` : sql`e.network_id = ${scope.networkId} and e.visibility <> 'draft'`;
}

/** The full-text configuration of an example `e`, by its language. */
const exampleConfig = sql`(case when e.language = 'en' then 'english'::regconfig else 'dutch'::regconfig end)`;

/**
 * The filters of a search as one SQL condition over `examples e` (also used by the bench's lower
 * bound), and the query of each example's own language for ranking and highlighting. The text
 * condition has two parts: `search @@ (dutch || english)`, which the GIN index can answer in one
 * bitmap scan (written as one branch per language, the planner chose a sequential scan even for a
 * rare phrase: 12.7 against 5.9 ms on the bench's 10,000 examples), and the exact check that a Dutch
 * example matches the Dutch parse and an English one the English parse.
 */
export function exampleSearchCondition(scope: ExampleScope, query: ExampleSearchQuery): { where: SQL; tsquery: SQL | null } {
  const q = (query.q ?? '').slice(0, EXAMPLE_QUERY_USED).trim();
  const nl = sql`websearch_to_tsquery('dutch', ${q})`;
  const en = sql`websearch_to_tsquery('english', ${q})`;
  const tsquery = q ? sql`(case when e.language = 'en' then ${en} else ${nl} end)` : null;
  const filters: SQL[] = [scopeCondition(scope)];
  if (tsquery) filters.push(sql`e.search @@ (${nl} || ${en}) and e.search @@ ${tsquery}`);
  if (query.sector?.length) filters.push(sql`e.sectors && ${textArray(query.sector)}`);
  if (query.theme?.length) filters.push(sql`e.themes && ${textArray(query.theme)}`);
  if (query.practice?.length) filters.push(sql`e.practice = any(${textArray(query.practice)})`);
  if (query.region?.length) filters.push(sql`e.region = any(${textArray(query.region)})`);
  return { where: sql.join(filters, sql` and `), tsquery };
}

export async function searchExamples(tx: Tx, scope: ExampleScope, query: ExampleSearchQuery): Promise<ExampleSearchResult> {
  const page = query.page ?? 1;
  const { where, tsquery } = exampleSearchCondition(scope, query);
  const result = await tx.execute(sql`
    with filtered as materialized (
      select e.id, e.title, e.published_at, e.sectors, e.themes, e.practice, e.region,
        ${tsquery ? sql`ts_rank_cd(e.search, ${tsquery})` : sql`0`}::float8 as rank
      from examples e where ${where}
    ),
    top as (
      select f.id, f.rank from filtered f order by f.rank desc, f.published_at desc nulls last, f.title, f.id
      limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}
    ),
    page as (
      select e.id, e.slug, e.title, e.special, e.sectors, e.themes, e.practice, e.region, e.visibility, e.language, e.published_at as "publishedAt", t.rank,
        ${tsquery ? sql`ts_headline(${exampleConfig}, e.special || ' ' || e.story, ${tsquery}, 'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=35, MinWords=12, MaxFragments=2')` : sql`left(e.special, 240)`} as headline
      from top t join examples e on e.id = t.id
    ),
    combos as (
      select f.sectors, f.themes, f.practice, f.region, count(*)::int as n from filtered f group by 1, 2, 3, 4
    ),
    counts as (
      select x.facet, x.value, sum(c.n)::int as n
      from combos c cross join lateral (
        select 'sector', unnest(c.sectors) union all select 'theme', unnest(c.themes)
        union all select 'practice', c.practice union all select 'region', c.region
      ) x(facet, value)
      where x.value <> '' group by x.facet, x.value
    )
    select json_build_object(
      'total', (select count(*)::int from filtered),
      'results', coalesce((select json_agg(p order by p.rank desc, p."publishedAt" desc nulls last, p.title, p.id) from page p), '[]'::json),
      'facets', coalesce((select json_object_agg(facet, items) from (
        select facet, json_agg(json_build_object('value', value, 'count', n) order by n desc, value) as items from counts group by facet) g), '{}'::json)
    ) as out`);
  const out = (result.rows[0] as { out: { total: number; results: ExampleSearchResult['results']; facets: Partial<Record<(typeof FACETS)[number], Facet>> } }).out;
  const facets = Object.fromEntries(FACETS.map((f) => [f, out.facets[f] ?? []])) as ExampleSearchResult['facets'];
  return {
    total: out.total, page,
    results: out.results.map((r) => ({ ...r, publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null })),
    facets,
  };
}

const columns = {
  example: examples, networkName: networks.name,
};

export async function getExample(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select(columns).from(examples).innerJoin(networks, eq(networks.id, examples.networkId))
    .where(and(eq(examples.networkId, networkId), eq(examples.id, id))).limit(1);
  return row;
}

/** A published example by its slug, for anyone. */
export async function getPublicExample(tx: Tx, slug: string) {
  const [row] = await tx.select(columns).from(examples).innerJoin(networks, eq(networks.id, examples.networkId))
    .where(and(eq(examples.slug, slug), eq(examples.visibility, 'public'))).limit(1);
  return row;
}

/** The newest published examples, for the Atom feed. */
export async function listNewPublicExamples(tx: Tx, limit = 50) {
  return tx.select(columns).from(examples).innerJoin(networks, eq(networks.id, examples.networkId))
    .where(eq(examples.visibility, 'public')).orderBy(sql`${examples.publishedAt} desc nulls last`).limit(limit);
}
