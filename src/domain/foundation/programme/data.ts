import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { programmes, institutions, personProgrammes } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function listProgrammes(tx: Tx, networkId: AuthorizedNetworkId, filter: { institutionId?: string; ids?: string[] } = {}) {
  return tx
    .select({
      id: programmes.id, institutionId: programmes.institutionId, institutionName: institutions.name, name: programmes.name,
      iscedCode: programmes.iscedCode, level: programmes.level, code: programmes.code,
    })
    .from(programmes)
    .innerJoin(institutions, eq(institutions.id, programmes.institutionId))
    .where(and(
      eq(programmes.networkId, networkId),
      filter.institutionId ? eq(programmes.institutionId, filter.institutionId) : undefined,
      filter.ids ? inArray(programmes.id, filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
    ))
    .orderBy(asc(institutions.name), asc(programmes.name));
}

export async function getProgramme(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await listProgrammes(tx, networkId, { ids: [id] });
  return row;
}

export async function getProgrammeByName(tx: Tx, networkId: AuthorizedNetworkId, institutionId: string, name: string) {
  const [row] = await tx
    .select()
    .from(programmes)
    .where(and(eq(programmes.networkId, networkId), eq(programmes.institutionId, institutionId), sql`lower(${programmes.name}) = ${name.trim().toLowerCase()}`))
    .limit(1);
  return row;
}

export async function countProgrammeTeachers(tx: Tx, networkId: AuthorizedNetworkId, programmeId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(personProgrammes)
    .where(and(eq(personProgrammes.networkId, networkId), eq(personProgrammes.programmeId, programmeId)));
  return row?.n ?? 0;
}
