import { AppError } from '../../../lib/errors.ts';
import { secretBoxSeal } from '../../../lib/secret-box.ts';
import type { Actor, Deps } from '../auth/types.ts';
import { policyAuthorize, policyRowNetwork } from '../auth/policy.ts';
import { recordAudit } from '../network/mutations.ts';
import { listInstitutions } from '../institution/data.ts';
import { listProviders, listProviderInstitutions, listEnabledProviders } from './data.ts';
import { createProvider, updateProvider, deleteProvider, replaceProviderInstitutions, pruneLoginStates } from './mutations.ts';
import { providerClaimDefaults } from './rules.ts';
import type { IdentityProvider, IdentityProviderInput, IdentityProviderPatch, LoginProvider, ProviderInstitution, ProviderKind } from './schema.ts';

/** The demo's key when none is configured: fine for a local demo, refused everywhere else. */
const DEMO_SECRET_KEY = 'kruispunt-demo-only-secret-key-not-for-production';

export function secretKeyOf(deps: Deps): string {
  const key = deps.config.KRUISPUNT_SECRET_KEY ?? (deps.config.KRUISPUNT_DEMO ? DEMO_SECRET_KEY : undefined);
  if (!key) throw new AppError('SECRET_KEY_MISSING');
  return key;
}

export function redirectUriOf(deps: Deps): string {
  return `${deps.config.PUBLIC_URL}/api/auth/oidc/callback`;
}

/** The login page's buttons: every enabled provider. */
export async function listLoginProviders(deps: Deps): Promise<LoginProvider[]> {
  return (await listEnabledProviders(deps.db)).map((p) => ({ ...p, kind: p.kind as ProviderKind }));
}

export async function listNetworkProviders(deps: Deps, actor: Actor, networkId: string): Promise<IdentityProvider[]> {
  const nid = policyAuthorize(actor, networkId, 'platform:manage');
  const rows = await listProviders(deps.db, nid);
  const links = await listProviderInstitutions(deps.db, nid, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind as ProviderKind, issuer: r.issuer, clientId: r.clientId, hasClientSecret: r.clientSecretEncrypted !== '',
    scopes: r.scopes, organisationClaim: r.organisationClaim, emailClaim: r.emailClaim, nameClaim: r.nameClaim,
    linkVerifiedEmail: r.linkVerifiedEmail, enabled: r.enabled, redirectUri: redirectUriOf(deps),
    institutions: links.filter((l) => l.providerId === r.id).map(({ institutionId, organisation, required, institutionName }) => ({ institutionId, organisation, required, institutionName })),
  }));
}

async function checkInstitutions(deps: Deps, nid: ReturnType<typeof policyAuthorize>, rows: ProviderInstitution[]) {
  const known = new Set((await listInstitutions(deps.db, nid)).map((i) => i.id));
  const fields = rows.flatMap((r, i) => (known.has(r.institutionId) ? [] : [{ path: `institutions.${i}.institutionId`, code: 'FIELD_UNKNOWN_INSTITUTION' }]));
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = r.organisation.toLowerCase();
    if (seen.has(key) || seen.has(r.institutionId)) fields.push({ path: `institutions.${i}`, code: 'FIELD_DUPLICATE' });
    seen.add(key);
    seen.add(r.institutionId);
  });
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function createNetworkProvider(deps: Deps, actor: Actor, networkId: string, input: IdentityProviderInput): Promise<IdentityProvider> {
  const nid = policyAuthorize(actor, networkId, 'platform:manage');
  await checkInstitutions(deps, nid, input.institutions);
  const defaults = providerClaimDefaults[input.kind];
  const sealed = secretBoxSeal(secretKeyOf(deps), input.clientSecret);
  try {
    await deps.db.transaction(async (tx) => {
      const id = await createProvider(tx, nid, {
        name: input.name, kind: input.kind, issuer: input.issuer.replace(/\/+$/, ''), clientId: input.clientId, clientSecretEncrypted: sealed,
        scopes: input.scopes ?? defaults.scopes, organisationClaim: input.organisationClaim ?? defaults.organisationClaim,
        emailClaim: input.emailClaim ?? defaults.emailClaim, nameClaim: input.nameClaim ?? defaults.nameClaim,
        linkVerifiedEmail: input.linkVerifiedEmail, enabled: input.enabled,
      });
      await replaceProviderInstitutions(tx, nid, id, input.institutions);
      await recordAudit(tx, nid, actor.personId, 'create', 'identity_provider', id, { name: input.name, issuer: input.issuer, institutions: input.institutions.length });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('PROVIDER_NAME_TAKEN');
    throw error;
  }
  return (await listNetworkProviders(deps, actor, networkId)).find((p) => p.name === input.name)!;
}

export async function updateNetworkProvider(deps: Deps, actor: Actor, networkId: string, id: string, patch: IdentityProviderPatch): Promise<IdentityProvider> {
  const nid = policyAuthorize(actor, networkId, 'platform:manage');
  if (!(await listProviders(deps.db, nid)).some((p) => p.id === id)) throw new AppError('NOT_FOUND');
  if (patch.institutions) await checkInstitutions(deps, nid, patch.institutions);
  const { clientSecret, institutions, issuer, ...rest } = patch;
  const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  try {
    await deps.db.transaction(async (tx) => {
      await updateProvider(tx, nid, id, {
        ...values,
        ...(issuer ? { issuer: issuer.replace(/\/+$/, '') } : {}),
        ...(clientSecret ? { clientSecretEncrypted: secretBoxSeal(secretKeyOf(deps), clientSecret) } : {}),
      });
      if (institutions) await replaceProviderInstitutions(tx, nid, id, institutions);
      await recordAudit(tx, nid, actor.personId, 'update', 'identity_provider', id, { ...values, ...(issuer ? { issuer } : {}), secretChanged: Boolean(clientSecret) });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('PROVIDER_NAME_TAKEN');
    throw error;
  }
  return (await listNetworkProviders(deps, actor, networkId)).find((p) => p.id === id)!;
}

/** Removes a provider; people who logged in through it keep their account (and may reset a password). */
export async function deleteNetworkProvider(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const nid = policyAuthorize(actor, networkId, 'platform:manage');
  if (!(await listProviders(deps.db, nid)).some((p) => p.id === id)) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await deleteProvider(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'identity_provider', id, null);
  });
}

/** Hourly: logins at a provider that were started and never came back. */
export async function pruneProviderLogins(deps: Deps): Promise<void> {
  await pruneLoginStates(deps.db, deps.now());
}

/**
 * The demo with KRUISPUNT_DEMO_OIDC=1: a SURFconext-like provider for the hogeschool and the ROC and
 * an Entree-like one for the lyceum, both at the local provider `issuer` (replaced on every start).
 */
export async function seedDemoProviders(deps: Deps, networkId: string, issuer: string, client: { clientId: string; clientSecret: string }): Promise<void> {
  const nid = policyRowNetwork(networkId, 'created');
  const institutions = await listInstitutions(deps.db, nid);
  const byName = (name: string) => institutions.find((i) => i.name === name)?.id;
  const plan: { name: string; kind: ProviderKind; links: [string, string][] }[] = [
    { name: 'SURFconext (demo)', kind: 'surfconext', links: [['Hogeschool Domstad', 'hogeschooldomstad.example'], ['ROC Eemvallei', 'roceemvallei.example']] },
    { name: 'Entree (demo)', kind: 'entree', links: [['Vathorst Lyceum', '20VL']] },
  ];
  const existing = await listProviders(deps.db, nid);
  await deps.db.transaction(async (tx) => {
    for (const p of plan) {
      const old = existing.find((e) => e.name === p.name);
      if (old) await deleteProvider(tx, nid, old.id);
      const defaults = providerClaimDefaults[p.kind];
      const id = await createProvider(tx, nid, {
        name: p.name, kind: p.kind, issuer, clientId: client.clientId, clientSecretEncrypted: secretBoxSeal(secretKeyOf(deps), client.clientSecret),
        ...defaults, linkVerifiedEmail: false, enabled: true,
      });
      await replaceProviderInstitutions(tx, nid, id, p.links.flatMap(([name, organisation]) => {
        const institutionId = byName(name);
        return institutionId ? [{ institutionId, organisation, required: false }] : [];
      }));
    }
  });
}
