import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { editions, editionInstitutions, editionInvites } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { EditionInput, EditionPatch, EditionStatus } from './schema.ts';

type EditionColumns = Omit<EditionInput, 'institutions' | 'creditedHours'> & { creditedHours: number };

export async function createEdition(tx: Tx, networkId: AuthorizedNetworkId, values: EditionColumns & { publicSlug: string; copiedFromId?: string | null }) {
  const [row] = await tx
    .insert(editions)
    .values({ ...values, networkId, creditedHours: String(values.creditedHours) })
    .returning({ id: editions.id });
  return row!.id;
}

export async function updateEdition(tx: Tx, networkId: AuthorizedNetworkId, id: string, patch: Omit<EditionPatch, 'institutions'>, now: Date) {
  const { creditedHours, ...rest } = patch;
  await tx
    .update(editions)
    .set({ ...rest, ...(creditedHours !== undefined ? { creditedHours: String(creditedHours) } : {}), updatedAt: now })
    .where(and(eq(editions.networkId, networkId), eq(editions.id, id)));
}

export async function updateEditionStatus(tx: Tx, networkId: AuthorizedNetworkId, id: string, from: EditionStatus, to: EditionStatus, now: Date) {
  const rows = await tx
    .update(editions)
    .set({ status: to, updatedAt: now })
    .where(and(eq(editions.networkId, networkId), eq(editions.id, id), eq(editions.status, from)))
    .returning({ id: editions.id });
  return rows.length === 1;
}

export async function replaceEditionInstitutions(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, items: { institutionId: string; side: 'a' | 'b' }[]) {
  await tx.delete(editionInstitutions).where(and(eq(editionInstitutions.networkId, networkId), eq(editionInstitutions.editionId, editionId)));
  if (items.length) await tx.insert(editionInstitutions).values(items.map((i) => ({ ...i, networkId, editionId })));
}

export async function deleteEdition(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(editions).where(and(eq(editions.networkId, networkId), eq(editions.id, id)));
}

/** Records that a teacher was invited; returns false when they already were. */
export async function createEditionInvite(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, personId: string, at: Date) {
  const rows = await tx.insert(editionInvites).values({ networkId, editionId, personId, invitedAt: at }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function markEditionReminder(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, personId: string, at: Date) {
  await tx
    .update(editionInvites)
    .set({ remindersSent: sql`${editionInvites.remindersSent} + 1`, lastReminderAt: at })
    .where(and(eq(editionInvites.networkId, networkId), eq(editionInvites.editionId, editionId), eq(editionInvites.personId, personId)));
}
