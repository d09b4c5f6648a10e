import { and, eq, lt } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { identityProviders, identityProviderInstitutions, oidcLoginStates, personIdentities } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';
import type { ProviderInstitution } from './schema.ts';

type ProviderValues = Omit<typeof identityProviders.$inferInsert, 'id' | 'networkId' | 'createdAt'>;

export async function createProvider(tx: Tx, networkId: AuthorizedNetworkId, values: ProviderValues): Promise<string> {
  const [row] = await tx.insert(identityProviders).values({ ...values, networkId }).returning({ id: identityProviders.id });
  return row!.id;
}

export async function updateProvider(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: Partial<ProviderValues>) {
  if (Object.keys(values).length === 0) return;
  await tx.update(identityProviders).set(values).where(and(eq(identityProviders.networkId, networkId), eq(identityProviders.id, id)));
}

export async function deleteProvider(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(identityProviders).where(and(eq(identityProviders.networkId, networkId), eq(identityProviders.id, id)));
}

export async function replaceProviderInstitutions(tx: Tx, networkId: AuthorizedNetworkId, providerId: string, rows: ProviderInstitution[]) {
  await tx.delete(identityProviderInstitutions)
    .where(and(eq(identityProviderInstitutions.networkId, networkId), eq(identityProviderInstitutions.providerId, providerId)));
  if (rows.length) await tx.insert(identityProviderInstitutions).values(rows.map((r) => ({ ...r, networkId, providerId })));
}

export async function createLoginState(tx: Tx, values: typeof oidcLoginStates.$inferInsert) {
  await tx.insert(oidcLoginStates).values(values);
}

/** Takes a login state out: each can be used once, whatever happens next. */
export async function consumeLoginState(tx: Tx, stateHash: string) {
  const [row] = await tx.delete(oidcLoginStates).where(eq(oidcLoginStates.stateHash, stateHash)).returning();
  return row;
}

export async function pruneLoginStates(tx: Tx, now: Date) {
  await tx.delete(oidcLoginStates).where(lt(oidcLoginStates.expiresAt, now));
}

export async function createIdentity(tx: Tx, networkId: AuthorizedNetworkId, values: { providerId: string; personId: string; subject: string; now: Date }) {
  await tx.insert(personIdentities).values({ networkId, providerId: values.providerId, personId: values.personId, subject: values.subject, createdAt: values.now, lastLoginAt: values.now });
}

export async function touchIdentity(tx: Tx, id: string, now: Date) {
  await tx.update(personIdentities).set({ lastLoginAt: now }).where(eq(personIdentities.id, id));
}
