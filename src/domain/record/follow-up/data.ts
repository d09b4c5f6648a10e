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
