import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { institutions, locations, programmes, memberships } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function listInstitutions(tx: Tx, networkId: AuthorizedNetworkId, id?: string) {
  return tx
    .select({
      id: institutions.id,
      name: institutions.name,
      kind: institutions.kind,
      brin: institutions.brin,
      website: institutions.website,
      locationCount: sql<number>`(select count(*)::int from locations l where l.institution_id = "institutions"."id")`,
      programmeCount: sql<number>`(select count(*)::int from programmes p where p.institution_id = "institutions"."id")`,
      peopleCount: sql<number>`(select count(distinct m.person_id)::int from memberships m where m.institution_id = "institutions"."id")`,
    })
    .from(institutions)
    .where(and(eq(institutions.networkId, networkId), id ? eq(institutions.id, id) : undefined))
    .orderBy(asc(institutions.name));
}

export async function getInstitution(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await listInstitutions(tx, networkId, id);
  return row;
}

export async function getInstitutionByName(tx: Tx, networkId: AuthorizedNetworkId, name: string) {
  const [row] = await tx
    .select()
    .from(institutions)
    .where(and(eq(institutions.networkId, networkId), sql`lower(${institutions.name}) = ${name.trim().toLowerCase()}`))
    .limit(1);
  return row;
}

export async function listLocations(tx: Tx, networkId: AuthorizedNetworkId, institutionId?: string) {
  return tx
    .select()
    .from(locations)
    .where(and(eq(locations.networkId, networkId), institutionId ? eq(locations.institutionId, institutionId) : undefined))
    .orderBy(asc(locations.name));
}

export async function getLocation(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(locations).where(and(eq(locations.networkId, networkId), eq(locations.id, id))).limit(1);
  return row;
}

export async function countInstitutionMembers(tx: Tx, networkId: AuthorizedNetworkId, institutionId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), eq(memberships.institutionId, institutionId)));
  return row?.n ?? 0;
}
