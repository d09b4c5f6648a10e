import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { networks, institutions, memberships, programmes, auditLog, people } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';
import type { AuditPosition } from './rules.ts';
import type { AuditFilter } from './schema.ts';

export async function getNetwork(tx: Tx, networkId: AuthorizedNetworkId) {
  const [row] = await tx
    .select({
      id: networks.id,
      name: networks.name,
      slug: networks.slug,
      isDemo: networks.isDemo,
      institutions: sql<number>`(select count(*)::int from institutions i where i.network_id = "networks"."id")`,
      people: sql<number>`(select count(distinct m.person_id)::int from memberships m where m.network_id = "networks"."id")`,
      programmes: sql<number>`(select count(*)::int from programmes p where p.network_id = "networks"."id")`,
    })
    .from(networks)
    .where(eq(networks.id, networkId));
  return row;
}

export async function getNetworkBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select().from(networks).where(eq(networks.slug, slug)).limit(1);
  return row;
}

export async function listNetworkNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: networks.id, name: networks.name }).from(networks).where(sql`${networks.id} in ${ids}`);
}

export async function countNetworks(tx: Tx) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(networks);
  return row?.n ?? 0;
}

/**
 * A page of the audit log, newest first, after the position `before` (keyset pagination on the
 * exact timestamp and id, so entries written meanwhile neither repeat nor go missing).
 */
export async function listAudit(tx: Tx, networkId: AuthorizedNetworkId, options: { limit: number; before?: AuditPosition | undefined; filter?: AuditFilter }) {
  const { before, filter = {} } = options;
  return tx
    .select({
      id: auditLog.id, actorName: people.name, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId,
      data: auditLog.data, at: auditLog.at,
      position: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(and(
      eq(auditLog.networkId, networkId),
      before ? sql`(${auditLog.at}, ${auditLog.id}) < (${before.at}::timestamptz, ${before.id}::uuid)` : undefined,
      filter.action ? eq(auditLog.action, filter.action) : undefined,
      filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
      filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
      filter.from ? sql`${auditLog.at} >= (${filter.from}::date::timestamp at time zone 'Europe/Amsterdam')` : undefined,
      filter.to ? sql`${auditLog.at} < ((${filter.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')` : undefined,
    ))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit);
}

/** The actions and entities that occur in the network's audit log (for the page's filters). */
export async function listAuditKinds(tx: Tx, networkId: AuthorizedNetworkId) {
  const rows = await tx.selectDistinct({ action: auditLog.action, entity: auditLog.entity }).from(auditLog).where(eq(auditLog.networkId, networkId));
  return { actions: [...new Set(rows.map((r) => r.action))].sort(), entities: [...new Set(rows.map((r) => r.entity))].sort() };
}
