import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { people, memberships, institutions, personProgrammes, networks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

/** People of a network with their roles; `institutionIds` narrows to members of those institutions. */
export async function listPeople(tx: Tx, networkId: AuthorizedNetworkId, filter: { institutionIds?: string[]; personId?: string } = {}) {
  const memberRows = await tx
    .select({
      personId: memberships.personId, role: memberships.role, institutionId: memberships.institutionId, institutionName: institutions.name,
    })
    .from(memberships)
    .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(and(eq(memberships.networkId, networkId), filter.personId ? eq(memberships.personId, filter.personId) : undefined));
  const visible = new Set(
    memberRows
      .filter((m) => !filter.institutionIds || (m.institutionId !== null && filter.institutionIds.includes(m.institutionId)))
      .map((m) => m.personId),
  );
  if (visible.size === 0) return [];
  const ids = [...visible];
  const persons = await tx
    .select({ id: people.id, name: people.name, email: people.email, hasAccount: sql<boolean>`${people.passwordHash} is not null` })
    .from(people)
    .where(inArray(people.id, ids))
    .orderBy(asc(people.name));
  const links = await tx
    .select({ personId: personProgrammes.personId, programmeId: personProgrammes.programmeId })
    .from(personProgrammes)
    .where(and(eq(personProgrammes.networkId, networkId), inArray(personProgrammes.personId, ids)));
  return persons.map((p) => ({
    ...p,
    roles: memberRows.filter((m) => m.personId === p.id).map((m) => ({ role: m.role, institutionId: m.institutionId, institutionName: m.institutionName })),
    programmeIds: links.filter((l) => l.personId === p.id).map((l) => l.programmeId),
  }));
}

export async function listMembershipsOfPerson(tx: Tx, personId: string) {
  return tx
    .select({
      networkId: memberships.networkId, networkName: networks.name, institutionId: memberships.institutionId,
      institutionName: institutions.name, role: memberships.role,
    })
    .from(memberships)
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(networks.name));
}

export async function countNetworkRole(tx: Tx, networkId: AuthorizedNetworkId, role: 'network_coordinator') {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), eq(memberships.role, role)));
  return row?.n ?? 0;
}

export async function getPerson(tx: Tx, personId: string) {
  const [row] = await tx.select().from(people).where(eq(people.id, personId)).limit(1);
  return row;
}

/** In how many places (network roles) a person still holds a membership, in any network. */
export async function countMembershipsOfPerson(tx: Tx, personId: string) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.personId, personId));
  return row?.n ?? 0;
}
