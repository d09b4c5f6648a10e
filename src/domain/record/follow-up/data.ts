import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { memberships, people, recordEffectCounts, recordFollowUps, recordSettings } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listFollowUps(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx.select().from(recordFollowUps).where(and(eq(recordFollowUps.networkId, networkId), eq(recordFollowUps.personId, personId))).orderBy(desc(recordFollowUps.askedAt));
}

export async function getFollowUp(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(recordFollowUps).where(and(eq(recordFollowUps.networkId, networkId), eq(recordFollowUps.id, id))).limit(1);
  return row;
}

/**
 * Per practice item: how often the question was asked and answered (counted, no person) and the
 * anonymous answers; the counts outlive an erased teacher's questions.
 */
export async function listEffectCounts(tx: Tx, networkId: AuthorizedNetworkId) {
  const result = await tx.execute(sql`
    select coalesce(a.source, c.source) as source, coalesce(a.source_id, c.source_id) as "sourceId", coalesce(a.title, '') as title,
      coalesce(a.asked, 0)::int as asked, coalesce(a.answered, 0)::int as answered,
      coalesce(c.changed, 0)::int as changed, coalesce(c.partly, 0)::int as partly, coalesce(c.unchanged, 0)::int as unchanged
    from (
      select source, source_id, max(title) as title, count(*) as asked, count(answered_at) as answered, max(activity_date) as activity_date
      from ${recordFollowUps} where network_id = ${networkId} group by source, source_id
    ) a
    full join (select * from ${recordEffectCounts} where network_id = ${networkId}) c on c.source = a.source and c.source_id = a.source_id
    order by a.activity_date desc nulls last, 3, 2`);
  return result.rows as { source: string; sourceId: string; title: string; asked: number; answered: number; changed: number; partly: number; unchanged: number }[];
}

/** Every teacher of every network (for the hourly lasting-effect questions), with the network's delay. */
export async function listFollowUpRecipients(tx: Tx) {
  const rows = await tx.selectDistinct({ networkId: memberships.networkId, personId: people.id, name: people.name, email: people.email, locale: people.locale })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId)).where(eq(memberships.role, 'teacher'));
  const settings = rows.length ? await tx.select().from(recordSettings).where(inArray(recordSettings.networkId, [...new Set(rows.map((r) => r.networkId))])) : [];
  return rows.map((r) => ({ ...r, followUpDays: settings.find((s) => s.networkId === r.networkId)?.followUpDays ?? 91 }));
}

/**
 * The raw counts of groups of practice items (a group is e.g. one offer, made of its registrations):
 * per group key how often the question was asked (from the questions, no person) and the anonymous
 * answers by kind. Keys without any item are missing from the result.
 */
export async function listEffectCountsOf(tx: Tx, networkId: AuthorizedNetworkId, items: readonly { key: string; source: string; sourceId: string }[]) {
  const unique = [...new Map(items.map((i) => [`${i.key}\u0000${i.source}\u0000${i.sourceId}`, i])).values()];
  if (unique.length === 0) return new Map<string, { asked: number; changed: number; partly: number; unchanged: number }>();
  const result = await tx.execute(sql`
    select i.key, coalesce(sum(f.asked), 0)::int as asked,
      coalesce(sum(c.changed), 0)::int as changed, coalesce(sum(c.partly), 0)::int as partly, coalesce(sum(c.unchanged), 0)::int as unchanged
    from jsonb_to_recordset(${JSON.stringify(unique.map((i) => ({ key: i.key, source: i.source, source_id: i.sourceId })))}::jsonb) as i(key text, source text, source_id text)
    left join (
      select source, source_id, count(*) as asked from ${recordFollowUps} where network_id = ${networkId} group by source, source_id
    ) f on f.source = i.source and f.source_id = i.source_id
    left join ${recordEffectCounts} c on c.network_id = ${networkId} and c.source = i.source and c.source_id = i.source_id
    group by i.key`);
  return new Map((result.rows as { key: string; asked: number; changed: number; partly: number; unchanged: number }[]).map((r) => [r.key, r]));
}

/** Days after an activity at which the network asks the lasting-effect question. */
export async function getFollowUpDays(tx: Tx, networkId: AuthorizedNetworkId): Promise<number> {
  const [row] = await tx.select({ days: recordSettings.followUpDays }).from(recordSettings).where(eq(recordSettings.networkId, networkId)).limit(1);
  return row?.days ?? 91;
}
