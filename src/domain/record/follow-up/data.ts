import { and, desc, eq, inArray } from 'drizzle-orm';
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

export async function listEffectCounts(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select({ source: recordEffectCounts.source, sourceId: recordEffectCounts.sourceId, changed: recordEffectCounts.changed, partly: recordEffectCounts.partly, unchanged: recordEffectCounts.unchanged })
    .from(recordEffectCounts).where(eq(recordEffectCounts.networkId, networkId));
}

/** Every teacher of every network (for the hourly lasting-effect questions), with the network's delay. */
export async function listFollowUpRecipients(tx: Tx) {
  const rows = await tx.selectDistinct({ networkId: memberships.networkId, personId: people.id, name: people.name, email: people.email, locale: people.locale })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId)).where(eq(memberships.role, 'teacher'));
  const settings = rows.length ? await tx.select().from(recordSettings).where(inArray(recordSettings.networkId, [...new Set(rows.map((r) => r.networkId))])) : [];
  return rows.map((r) => ({ ...r, followUpDays: settings.find((s) => s.networkId === r.networkId)?.followUpDays ?? 91 }));
}
