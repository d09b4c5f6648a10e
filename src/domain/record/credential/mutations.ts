import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { credentialKeys, credentials } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

/** Stores the network's key unless one exists (two first issues at once keep the first). */
export async function createCredentialKeyOnce(tx: Tx, networkId: AuthorizedNetworkId, key: { publicKeyMultibase: string; secretKeyMultibase: string }, at: Date) {
  await tx.insert(credentialKeys).values({ networkId, ...key, createdAt: at }).onConflictDoNothing();
}

export async function createCredential(tx: Tx, networkId: AuthorizedNetworkId, values: { id: string; personId: string; source: string; sourceId: string; title: string; document: Record<string, unknown> }, at: Date) {
  await tx.insert(credentials).values({ networkId, ...values, issuedAt: at });
}

export async function revokeCredential(tx: Tx, networkId: AuthorizedNetworkId, id: string, by: string, at: Date) {
  await tx.update(credentials).set({ revokedAt: at, revokedBy: by }).where(and(eq(credentials.networkId, networkId), eq(credentials.id, id), isNull(credentials.revokedAt)));
}
