import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { credentialKeys, credentialStatusLists, credentials, networks } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Reads of keys and credentials. The public issuer documents and the verification page read by
// the id in the URL or in the credential itself (public by nature: a network's name and public key,
// whether a credential was revoked); everything else is scoped by network.

export async function getCredentialKey(tx: Tx, networkId: AuthorizedNetworkId) {
  const [row] = await tx.select().from(credentialKeys).where(eq(credentialKeys.networkId, networkId)).limit(1);
  return row;
}

export async function getCredential(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx.select().from(credentials).where(and(eq(credentials.networkId, networkId), eq(credentials.id, id))).limit(1);
  return row;
}

/** A network as an issuer: its name and public key (never the secret), or undefined. */
export async function getPublicIssuer(tx: Tx, networkId: string) {
  const [row] = await tx.select({ id: networks.id, name: networks.name, publicKeyMultibase: credentialKeys.publicKeyMultibase })
    .from(networks).innerJoin(credentialKeys, eq(credentialKeys.networkId, networks.id)).where(eq(networks.id, networkId)).limit(1);
  return row;
}

/** Whether (and when) a credential of this id was revoked, found by the id it carries. */
export async function getCredentialStatus(tx: Tx, id: string) {
  const [row] = await tx.select({ id: credentials.id, networkId: credentials.networkId, revokedAt: credentials.revokedAt }).from(credentials).where(eq(credentials.id, id)).limit(1);
  return row;
}

/** One of a network's signed revocation lists, by the network and list number in its public URL. */
export async function getStatusList(tx: Tx, networkId: string, list: number) {
  const [row] = await tx.select().from(credentialStatusLists).where(and(eq(credentialStatusLists.networkId, networkId), eq(credentialStatusLists.list, list))).limit(1);
  return row;
}

/** The same, locked until the transaction ends (a bit is flipping). */
export async function getStatusListForUpdate(tx: Tx, networkId: AuthorizedNetworkId, list: number) {
  const [row] = await tx.select().from(credentialStatusLists).where(and(eq(credentialStatusLists.networkId, networkId), eq(credentialStatusLists.list, list))).limit(1).for('update');
  return row;
}
