import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { credentialKeys, credentialStatusLists, credentials } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

/** Stores the network's key unless one exists (two first issues at once keep the first). */
export async function createCredentialKeyOnce(tx: Tx, networkId: AuthorizedNetworkId, key: { publicKeyMultibase: string; secretKeyMultibase: string }, at: Date) {
  await tx.insert(credentialKeys).values({ networkId, ...key, createdAt: at }).onConflictDoNothing();
}

export async function createCredential(tx: Tx, networkId: AuthorizedNetworkId, values: { id: string; personId: string; source: string; sourceId: string; title: string; document: Record<string, unknown>; statusList: number; statusIndex: number }, at: Date) {
  await tx.insert(credentials).values({ networkId, ...values, issuedAt: at });
}

export async function revokeCredential(tx: Tx, networkId: AuthorizedNetworkId, id: string, by: string, at: Date) {
  await tx.update(credentials).set({ revokedAt: at, revokedBy: by }).where(and(eq(credentials.networkId, networkId), eq(credentials.id, id), isNull(credentials.revokedAt)));
}

/** Hands out the next status-list position of the network (its key row counts them). */
export async function takeStatusCounter(tx: Tx, networkId: AuthorizedNetworkId): Promise<number> {
  const [row] = await tx.update(credentialKeys).set({ statusCounter: sql`${credentialKeys.statusCounter} + 1` }).where(eq(credentialKeys.networkId, networkId)).returning({ next: credentialKeys.statusCounter });
  return row!.next - 1;
}

/** Stores a new (all-clear) revocation list unless one exists. */
export async function createStatusListOnce(tx: Tx, networkId: AuthorizedNetworkId, list: number, document: Record<string, unknown>, at: Date) {
  await tx.insert(credentialStatusLists).values({ networkId, list, document, updatedAt: at }).onConflictDoNothing();
}

export async function updateStatusList(tx: Tx, networkId: AuthorizedNetworkId, list: number, document: Record<string, unknown>, at: Date) {
  await tx.update(credentialStatusLists).set({ document, updatedAt: at }).where(and(eq(credentialStatusLists.networkId, networkId), eq(credentialStatusLists.list, list)));
}
