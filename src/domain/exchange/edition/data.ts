import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { editions, editionInstitutions, institutions, registrations, networks, editionInvites } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function listEditions(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select().from(editions).where(eq(editions.networkId, networkId)).orderBy(desc(editions.windowStart));
}

/** The network's editions with their institutions and registration counts, in one query (the list page). */
export async function listEditionsWithDetails(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx
    .select({
      edition: editions,
      registrations: sql<number>`(select count(*)::int from registrations r
        where r.network_id = "editions"."network_id" and r.edition_id = "editions"."id" and r.withdrawn_at is null)`,
      institutions: sql<{ institutionId: string; side: string; name: string; kind: string }[]>`coalesce((
        select json_agg(json_build_object('institutionId', ei.institution_id, 'side', ei.side, 'name', i.name, 'kind', i.kind) order by i.name)
        from edition_institutions ei join institutions i on i.id = ei.institution_id
        where ei.network_id = "editions"."network_id" and ei.edition_id = "editions"."id"), '[]'::json)`,
    })
    .from(editions)
    .where(eq(editions.networkId, networkId))
    .orderBy(desc(editions.windowStart));
}

export async function getEdition(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(editions).where(and(eq(editions.networkId, networkId), eq(editions.id, id))).limit(1);
  return row;
}

/** The public announcement page reads by its unguessable slug; no tenant is known yet. */
export async function getEditionBySlug(tx: Tx, slug: string) {
  const [row] = await tx
    .select({ edition: editions, networkName: networks.name })
    .from(editions)
    .innerJoin(networks, eq(networks.id, editions.networkId))
    .where(eq(editions.publicSlug, slug))
    .limit(1);
  return row;
}

export async function listEditionInstitutions(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  return tx
    .select({ institutionId: editionInstitutions.institutionId, side: editionInstitutions.side, name: institutions.name, kind: institutions.kind })
    .from(editionInstitutions)
    .innerJoin(institutions, eq(institutions.id, editionInstitutions.institutionId))
    .where(and(eq(editionInstitutions.networkId, networkId), eq(editionInstitutions.editionId, editionId)))
    .orderBy(asc(institutions.name));
}

export async function countRegistrations(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.networkId, networkId), eq(registrations.editionId, editionId), isNull(registrations.withdrawnAt)));
  return row?.n ?? 0;
}

export async function listEditionInvites(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  return tx.select().from(editionInvites).where(and(eq(editionInvites.networkId, networkId), eq(editionInvites.editionId, editionId)));
}

/** Networks with an edition open for registration (the reminder job walks them; no tenant yet). */
export async function listNetworkIdsWithOpenEditions(tx: Tx) {
  const rows = await tx.selectDistinct({ networkId: editions.networkId }).from(editions).where(eq(editions.status, 'registration_open'));
  return rows.map((r) => r.networkId);
}

/** People registered (and not withdrawn) for an edition. */
export async function listRegisteredPersonIds(tx: Tx, networkId: AuthorizedNetworkId, editionId: string) {
  const rows = await tx
    .select({ personId: registrations.personId })
    .from(registrations)
    .where(and(eq(registrations.networkId, networkId), eq(registrations.editionId, editionId), isNull(registrations.withdrawnAt)));
  return rows.map((r) => r.personId);
}
