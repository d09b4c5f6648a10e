import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { examples } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { ExampleInput, ExamplePatch } from './schema.ts';

export async function createExample(tx: Tx, networkId: AuthorizedNetworkId, values: ExampleInput & { slug: string; createdBy: string; origin?: { source: string; sourceId: string } | null }, at: Date) {
  const [row] = await tx.insert(examples).values({
    networkId, ...values, origin: values.origin ?? null, publishedAt: values.visibility === 'public' ? at : null, createdAt: at, updatedAt: at,
  }).returning({ id: examples.id });
  return row!.id;
}

export async function updateExample(tx: Tx, networkId: AuthorizedNetworkId, id: string, patch: ExamplePatch & { publishedAt?: Date | null }, at: Date) {
  await tx.update(examples).set({ ...patch, updatedAt: at }).where(and(eq(examples.networkId, networkId), eq(examples.id, id)));
}

export async function deleteExample(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(examples).where(and(eq(examples.networkId, networkId), eq(examples.id, id)));
}
