import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { examples, networks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import { EXAMPLE_QUERY_USED, type ExampleSearchQuery, type ExampleSearchResult } from './schema.ts';

// Reads of practice examples. The search is ONE statement: ranked full text (dutch configuration,
// websearch syntax, so quotes, "or" and "-" are operators and nothing the user types is SQL),
// highlighted fragments, the page of results, the total and the facet counts for sector, theme,
// practice and region, over the examples that pass every filter.

const PAGE_SIZE = 20;
const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/** Public: published examples of every network. Network: the network's shared and public examples, and drafts for managers. */
export type ExampleScope = { kind: 'public' } | { kind: 'network'; networkId: AuthorizedNetworkId; drafts: boolean };

function scopeCondition(scope: ExampleScope): SQL {
  if (scope.kind === 'public') return sql`e.visibility = 'public'`;
  return scope.drafts ? sql`e.network_id = ${scope.networkId}` : sql`e.network_id = ${scope.networkId} and e.visibility <> 'draft'`;
}

export async function searchExamples(tx: Tx, scope: ExampleScope, query: ExampleSearchQuery): Promise<ExampleSearchResult> {
  const q = (query.q ?? '').slice(0, EXAMPLE_QUERY_USED).trim();
  const page = query.page ?? 1;
  const filters: SQL[] = [scopeCondition(scope)];
  if (q) filters.push(sql`e.search @@ (select query from q)`);
  if (query.sector?.length) filters.push(sql`e.sectors && ${textArray(query.sector)}`);
  if (query.theme?.length) filters.push(sql`e.themes && ${textArray(query.theme)}`);
  if (query.practice?.length) filters.push(sql`e.practice = any(${textArray(query.practice)})`);
  if (query.region?.length) filters.push(sql`e.region = any(${textArray(query.region)})`);
  const where = sql.join(filters, sql` and `);
  const facet = (expr: SQL) => sql`coalesce((select json_agg(json_build_object('value', v, 'count', n) order by n desc, v) from (select ${expr} as v, count(*)::int as n from filtered group by 1) f where v <> ''), '[]'::json)`;
  const result = await tx.execute(sql`
    with q as (select websearch_to_tsquery('dutch', ${q}) as query),
    filtered as (
      select e.id, e.slug, e.title, e.special, e.story, e.sectors, e.themes, e.practice, e.region, e.visibility, e.published_at,
        ${q ? sql`ts_rank_cd(e.search, (select query from q))` : sql`0`}::float8 as rank
      from examples e where ${where}
    ),
    page as (
      select f.id, f.slug, f.title, f.special, f.sectors, f.themes, f.practice, f.region, f.visibility, f.published_at as "publishedAt", f.rank,
        ${q ? sql`ts_headline('dutch', f.special || ' ' || f.story, (select query from q), 'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=35, MinWords=12, MaxFragments=2')` : sql`left(f.special, 240)`} as headline
      from filtered f order by f.rank desc, f.published_at desc nulls last, f.title limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}
    )
    select json_build_object(
      'total', (select count(*)::int from filtered),
      'results', coalesce((select json_agg(p order by p.rank desc, p."publishedAt" desc nulls last, p.title) from page p), '[]'::json),
      'sector', ${facet(sql`unnest(sectors)`)},
      'theme', ${facet(sql`unnest(themes)`)},
      'practice', ${facet(sql`practice`)},
      'region', ${facet(sql`region`)}
    ) as out`);
  const out = (result.rows[0] as { out: { total: number; results: ExampleSearchResult['results']; sector: never; theme: never; practice: never; region: never } }).out;
  return {
    total: out.total, page,
    results: out.results.map((r) => ({ ...r, publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null })),
    facets: { sector: out.sector, theme: out.theme, practice: out.practice, region: out.region },
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
