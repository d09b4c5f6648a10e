import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { registrations } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { RegistrationInput } from './schema.ts';

/** Registers, or updates an earlier registration (also one that was withdrawn). */
export async function upsertRegistration(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  values: RegistrationInput & { editionId: string; personId: string; institutionId: string; side: 'a' | 'b' },
  now: Date,
) {
  const [row] = await tx
    .insert(registrations)
    .values({ ...values, networkId, baseLocationId: values.baseLocationId ?? null, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [registrations.editionId, registrations.personId],
      set: { ...values, baseLocationId: values.baseLocationId ?? null, withdrawnAt: null, updatedAt: now },
    })
    .returning({ id: registrations.id });
  return row!.id;
}

export async function withdrawRegistration(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, personId: string, now: Date) {
  await tx
    .update(registrations)
    .set({ withdrawnAt: now, updatedAt: now })
    .where(and(eq(registrations.networkId, networkId), eq(registrations.editionId, editionId), eq(registrations.personId, personId)));
}

export async function updateRegistrationWaitlist(tx: Tx, networkId: AuthorizedNetworkId, editionId: string, personId: string, waitlist: boolean, now: Date) {
  await tx
    .update(registrations)
    .set({ waitlist, updatedAt: now })
    .where(and(eq(registrations.networkId, networkId), eq(registrations.editionId, editionId), eq(registrations.personId, personId)));
}
