import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { institutions, locations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';
import type { InstitutionInput, InstitutionPatch, LocationInput } from './schema.ts';

export async function createInstitution(tx: Tx, networkId: AuthorizedNetworkId, input: InstitutionInput) {
  const [row] = await tx
    .insert(institutions)
    .values({ networkId, name: input.name, kind: input.kind, brin: input.brin?.toUpperCase() ?? null, website: input.website ?? null })
    .returning({ id: institutions.id });
  return row!.id;
}

/** True when a patch sets nothing (an UPDATE without values is an error in SQL). */
function patchIsEmpty(patch: object): boolean {
  return Object.values(patch).every((v) => v === undefined);
}

export async function updateInstitution(tx: Tx, networkId: AuthorizedNetworkId, id: string, patch: InstitutionPatch) {
  if (patchIsEmpty(patch)) return;
  await tx
    .update(institutions)
    .set({ ...patch, brin: patch.brin === undefined ? undefined : (patch.brin?.toUpperCase() ?? null) })
    .where(and(eq(institutions.networkId, networkId), eq(institutions.id, id)));
}

export async function deleteInstitution(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(institutions).where(and(eq(institutions.networkId, networkId), eq(institutions.id, id)));
}

export async function createLocation(tx: Tx, networkId: AuthorizedNetworkId, institutionId: string, input: LocationInput) {
  const [row] = await tx
    .insert(locations)
    .values({ networkId, institutionId, ...input, latitude: input.latitude ?? null, longitude: input.longitude ?? null })
    .returning({ id: locations.id });
  return row!.id;
}

export async function updateLocation(tx: Tx, networkId: AuthorizedNetworkId, id: string, patch: Partial<LocationInput>) {
  if (patchIsEmpty(patch)) return;
  await tx.update(locations).set(patch).where(and(eq(locations.networkId, networkId), eq(locations.id, id)));
}

export async function deleteLocation(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(locations).where(and(eq(locations.networkId, networkId), eq(locations.id, id)));
}
