import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { identityProviders, identityProviderInstitutions, institutions, personIdentities } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../auth/types.ts';

export async function listProviders(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select().from(identityProviders).where(eq(identityProviders.networkId, networkId)).orderBy(asc(identityProviders.name));
}

export async function listProviderInstitutions(tx: Tx, networkId: AuthorizedNetworkId, providerIds: string[]) {
  if (providerIds.length === 0) return [];
  return tx.select({
    providerId: identityProviderInstitutions.providerId, institutionId: identityProviderInstitutions.institutionId,
    organisation: identityProviderInstitutions.organisation, required: identityProviderInstitutions.required, institutionName: institutions.name,
  }).from(identityProviderInstitutions)
    .innerJoin(institutions, eq(institutions.id, identityProviderInstitutions.institutionId))
    .where(and(eq(identityProviderInstitutions.networkId, networkId), inArray(identityProviderInstitutions.providerId, providerIds)))
    .orderBy(asc(institutions.name));
}

/** A provider by id, whatever its network (a login starts before anyone is known). */
export async function getProviderForLogin(tx: Tx, providerId: string) {
  const [row] = await tx.select().from(identityProviders).where(eq(identityProviders.id, providerId)).limit(1);
  return row;
}

/** Every enabled provider: the login page's buttons. */
export async function listEnabledProviders(tx: Tx) {
  return tx.select({ id: identityProviders.id, name: identityProviders.name, kind: identityProviders.kind })
    .from(identityProviders).where(eq(identityProviders.enabled, true)).orderBy(asc(identityProviders.name));
}

/** The institution the provider's organisation claim names, among those allowed to use it. */
export async function getProviderInstitutionByOrganisation(tx: Tx, networkId: AuthorizedNetworkId, providerId: string, organisation: string) {
  const [row] = await tx.select().from(identityProviderInstitutions)
    .where(and(eq(identityProviderInstitutions.networkId, networkId), eq(identityProviderInstitutions.providerId, providerId),
      sql`lower(${identityProviderInstitutions.organisation}) = ${organisation.toLowerCase()}`)).limit(1);
  return row;
}

export async function getIdentity(tx: Tx, providerId: string, subject: string) {
  const [row] = await tx.select().from(personIdentities)
    .where(and(eq(personIdentities.providerId, providerId), eq(personIdentities.subject, subject))).limit(1);
  return row;
}
