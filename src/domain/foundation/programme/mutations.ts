import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { programmes } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';
import type { ProgrammeInput, ProgrammePatch } from './schema.ts';

export async function createProgramme(tx: Tx, networkId: AuthorizedNetworkId, input: ProgrammeInput) {
  const [row] = await tx
    .insert(programmes)
    .values({ networkId, institutionId: input.institutionId, name: input.name, iscedCode: input.iscedCode, level: input.level, code: input.code ?? null })
    .returning({ id: programmes.id });
  return row!.id;
}

export async function updateProgramme(tx: Tx, networkId: AuthorizedNetworkId, id: string, patch: ProgrammePatch) {
  if (Object.values(patch).every((v) => v === undefined)) return; // an UPDATE without values is an error in SQL
  await tx.update(programmes).set(patch).where(and(eq(programmes.networkId, networkId), eq(programmes.id, id)));
}

export async function deleteProgramme(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(programmes).where(and(eq(programmes.networkId, networkId), eq(programmes.id, id)));
}
