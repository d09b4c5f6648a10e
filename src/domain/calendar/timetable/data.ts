import { and, asc, count, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { timetableBlocks, timetableSources } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listBlocks(tx: Tx, networkId: AuthorizedNetworkId, personIds: string[], from: Date, to: Date) {
  if (personIds.length === 0) return [];
  return tx
    .select()
    .from(timetableBlocks)
    .where(and(
      eq(timetableBlocks.networkId, networkId), sql`${timetableBlocks.personId} in ${personIds}`,
      lt(timetableBlocks.startAt, to), gte(timetableBlocks.endAt, from),
    ))
    .orderBy(asc(timetableBlocks.startAt));
}

export async function listSources(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx
    .select({
      source: timetableSources,
      blocks: sql<number>`(select count(*)::int from timetable_blocks b where b.source = "timetable_sources"."id"::text)`,
    })
    .from(timetableSources)
    .where(and(eq(timetableSources.networkId, networkId), eq(timetableSources.personId, personId)))
    .orderBy(asc(timetableSources.createdAt));
}

export async function getSource(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(timetableSources).where(and(eq(timetableSources.networkId, networkId), eq(timetableSources.id, id))).limit(1);
  return row;
}

/** The person's source of a kind (and URL for feeds), to be replaced on re-import. */
export async function findSource(tx: Tx, networkId: AuthorizedNetworkId, personId: string, kind: string, url: string | null) {
  const rows = await tx
    .select()
    .from(timetableSources)
    .where(and(eq(timetableSources.networkId, networkId), eq(timetableSources.personId, personId), eq(timetableSources.kind, kind)));
  return rows.find((r) => (url === null ? true : r.url === url));
}

/** Every subscribed feed of every network (the refresh job walks them). */
export async function listFeedSources(tx: Tx) {
  return tx.select().from(timetableSources).where(eq(timetableSources.kind, 'ical-url'));
}

/** How many blocks the person has from their other sources (the per-person cap counts them). */
export async function countPersonBlocks(tx: Tx, networkId: AuthorizedNetworkId, personId: string, exceptSourceId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(timetableBlocks)
    .where(and(eq(timetableBlocks.networkId, networkId), eq(timetableBlocks.personId, personId), ne(timetableBlocks.source, exceptSourceId)));
  return row?.n ?? 0;
}
