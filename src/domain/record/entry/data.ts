import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { credentials, institutions, memberships, networks, people, recordEntrySettings, recordManualActivities, recordSettings } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Reads of the record.

export async function getRecordSettings(tx: Tx, networkId: AuthorizedNetworkId) {
  const [row] = await tx.select().from(recordSettings).where(eq(recordSettings.networkId, networkId)).limit(1);
  return { followUpDays: row?.followUpDays ?? 91 };
}

export async function listManualActivities(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx.select().from(recordManualActivities)
    .where(and(eq(recordManualActivities.networkId, networkId), eq(recordManualActivities.personId, personId)))
    .orderBy(asc(recordManualActivities.date));
}

export async function getManualActivity(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(recordManualActivities).where(and(eq(recordManualActivities.networkId, networkId), eq(recordManualActivities.id, id))).limit(1);
  return row;
}

export async function listEntrySettings(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx.select().from(recordEntrySettings).where(and(eq(recordEntrySettings.networkId, networkId), eq(recordEntrySettings.personId, personId)));
}

export async function listPersonCredentials(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx.select({ id: credentials.id, source: credentials.source, sourceId: credentials.sourceId, revokedAt: credentials.revokedAt, issuedAt: credentials.issuedAt })
    .from(credentials).where(and(eq(credentials.networkId, networkId), eq(credentials.personId, personId))).orderBy(asc(credentials.issuedAt));
}

/** The person as a member of the network: name, e-mail, and the institutions (with their kind) of their roles. */
export async function getRecordPerson(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  const rows = await tx
    .select({ name: people.name, email: people.email, role: memberships.role, institutionId: memberships.institutionId, kind: institutions.kind })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(and(eq(memberships.networkId, networkId), eq(memberships.personId, personId)));
  if (rows.length === 0) return undefined;
  return { id: personId, name: rows[0]!.name, email: rows[0]!.email, roles: rows.map((r) => ({ role: r.role, institutionId: r.institutionId, kind: r.kind })) };
}

/** Names of people by id, within the network. */
export async function listPersonNames(tx: Tx, networkId: AuthorizedNetworkId, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.selectDistinct({ id: people.id, name: people.name }).from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(eq(memberships.networkId, networkId), inArray(people.id, ids)));
}

export async function getNetworkName(tx: Tx, networkId: AuthorizedNetworkId) {
  const [row] = await tx.select({ name: networks.name }).from(networks).where(eq(networks.id, networkId)).limit(1);
  return row?.name ?? '';
}
