import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationProfileVersions, cocreationProposals, people } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

const NONE = ['00000000-0000-0000-0000-000000000000'];

export async function listProfileVersions(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select({ version: cocreationProfileVersions, createdByName: people.name })
    .from(cocreationProfileVersions)
    .leftJoin(people, eq(people.id, cocreationProfileVersions.createdBy))
    .where(eq(cocreationProfileVersions.networkId, networkId))
    .orderBy(asc(cocreationProfileVersions.profileName), desc(cocreationProfileVersions.version));
}

export async function getProfileVersion(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select({ version: cocreationProfileVersions, createdByName: people.name })
    .from(cocreationProfileVersions)
    .leftJoin(people, eq(people.id, cocreationProfileVersions.createdBy))
    .where(and(eq(cocreationProfileVersions.networkId, networkId), eq(cocreationProfileVersions.id, id))).limit(1);
  return row;
}

/** The version just before `version` of the same profile. */
export async function getPreviousProfileVersion(tx: Tx, networkId: AuthorizedNetworkId, profileName: string, version: number) {
  const [row] = await tx.select().from(cocreationProfileVersions)
    .where(and(eq(cocreationProfileVersions.networkId, networkId), eq(cocreationProfileVersions.profileName, profileName), lt(cocreationProfileVersions.version, version)))
    .orderBy(desc(cocreationProfileVersions.version)).limit(1);
  return row;
}

export async function getLatestProfileVersion(tx: Tx, networkId: AuthorizedNetworkId, profileName: string) {
  const [row] = await tx.select().from(cocreationProfileVersions)
    .where(and(eq(cocreationProfileVersions.networkId, networkId), eq(cocreationProfileVersions.profileName, profileName)))
    .orderBy(desc(cocreationProfileVersions.version)).limit(1);
  return row;
}

/** Who recorded the decision on each decided proposal of a session. */
export async function listDeciders(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const rows = await tx.select({ proposalId: cocreationProposals.id, name: people.name })
    .from(cocreationProposals)
    .innerJoin(people, eq(people.id, cocreationProposals.decidedBy))
    .where(and(eq(cocreationProposals.networkId, networkId), eq(cocreationProposals.sessionId, sessionId)));
  return new Map(rows.map((r) => [r.proposalId, r.name]));
}

export async function listPeopleNames(tx: Tx, ids: string[]) {
  return tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids.length ? ids : NONE));
}
