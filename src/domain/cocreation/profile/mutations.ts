import type { Tx } from '../../../db/client.ts';
import { cocreationProfileVersions } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { ProfileContent } from './schema.ts';

export async function createProfileVersion(
  tx: Tx, networkId: AuthorizedNetworkId, values: { profileName: string; version: number; sessionId: string; content: ProfileContent; createdBy: string }, at: Date,
) {
  const [row] = await tx.insert(cocreationProfileVersions).values({ networkId, ...values, createdAt: at }).returning({ id: cocreationProfileVersions.id });
  return row!.id;
}
