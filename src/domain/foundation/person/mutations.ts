import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { people, memberships, personProgrammes, calendarFeeds } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';
import type { Role } from './schema.ts';

export async function createPerson(tx: Tx, values: { email: string; name: string; passwordHash?: string | null; locale?: string }) {
  const [row] = await tx.insert(people).values({ ...values, email: values.email.toLowerCase() }).returning({ id: people.id });
  return row!.id;
}

export async function updatePerson(tx: Tx, personId: string, patch: { name?: string; locale?: string; passwordHash?: string }) {
  if (Object.keys(patch).length === 0) return;
  await tx.update(people).set(patch).where(eq(people.id, personId));
}

/** Adds the role unless the person already holds it; returns whether it was new. */
export async function createMembership(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  values: { personId: string; institutionId: string | null; role: Role },
): Promise<boolean> {
  const rows = await tx
    .insert(memberships)
    .values({ networkId, ...values })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return rows.length > 0;
}

export async function deleteMemberships(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  await tx.delete(memberships).where(and(eq(memberships.networkId, networkId), eq(memberships.personId, personId)));
  await tx.delete(personProgrammes).where(and(eq(personProgrammes.networkId, networkId), eq(personProgrammes.personId, personId)));
}

export async function replacePersonProgrammes(tx: Tx, networkId: AuthorizedNetworkId, personId: string, programmeIds: string[]) {
  await tx.delete(personProgrammes).where(and(eq(personProgrammes.networkId, networkId), eq(personProgrammes.personId, personId)));
  if (programmeIds.length) {
    await tx.insert(personProgrammes).values(programmeIds.map((programmeId) => ({ networkId, personId, programmeId })));
  }
}

export async function addPersonProgrammes(tx: Tx, networkId: AuthorizedNetworkId, personId: string, programmeIds: string[]) {
  if (programmeIds.length === 0) return;
  await tx
    .insert(personProgrammes)
    .values(programmeIds.map((programmeId) => ({ networkId, personId, programmeId })))
    .onConflictDoNothing();
}


/**
 * Revokes a person's personal calendar feeds (of one network, or all): their secret URLs stop
 * answering. The feeds belong to the exchange area; foundation writes only this one column when a
 * person leaves, as the table is declared in src/db/schema.
 */
export async function revokeCalendarFeeds(tx: Tx, personId: string, now: Date, networkId?: AuthorizedNetworkId) {
  await tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt), networkId ? eq(calendarFeeds.networkId, networkId) : undefined));
}
