import * as oidc from 'openid-client';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps, RequestInfo } from '../auth/types.ts';
import { policyRowNetwork } from '../auth/policy.ts';
import { tokenCreate, tokenHash } from '../auth/rules.ts';
import { getActor, getPersonByEmail } from '../auth/data.ts';
import { createSession, deleteSession, markSessionsForRotation } from '../auth/mutations.ts';
import { sessionExpiry } from '../auth/actions.ts';
import { createPerson, createMembership } from '../person/mutations.ts';
import { getInvitationByTokenHash } from '../invitation/data.ts';
import { markInvitationAccepted } from '../invitation/mutations.ts';
import { invitationStatus } from '../invitation/rules.ts';
import { recordAudit, recordAccountAudit } from '../network/mutations.ts';
import { getProviderForLogin, getIdentity, getProviderInstitutionByOrganisation } from './data.ts';
import { consumeLoginState, createIdentity, touchIdentity } from './mutations.ts';
import { claimText } from './rules.ts';
import { providerClient, providerErrorCode, forgetProviderDiscovery } from './build-provider-login.ts';
import { redirectUriOf } from './actions.ts';

export interface ProviderCallback {
  state?: string | undefined;
  code?: string | undefined;
  error?: string | undefined;
  iss?: string | undefined;
}

/**
 * The way back from the provider. The state must be one we issued to this browser, unused and
 * younger than ten minutes (it is taken out first, so a replay finds nothing); the code is
 * exchanged with the PKCE verifier; the ID token's issuer, audience, expiry, nonce and signature
 * (the provider's JWKS) are checked. Then, in ONE transaction (nothing half-created): the provider
 * account already linked; or an invitation that came along; or an existing account with the same
 * verified e-mail when the provider allows that; or a new docent in the institution the
 * organisation claim names. A new session starts (the browser's previous one ends).
 */
export async function verifyProviderLogin(
  deps: Deps, query: ProviderCallback, browserToken: string | undefined, currentToken: string | undefined, request: RequestInfo,
): Promise<{ token: string; actor: Actor }> {
  if (!query.state) throw new AppError('OIDC_STATE_INVALID');
  const state = await consumeLoginState(deps.db, tokenHash(query.state));
  if (!state || !browserToken || state.browserHash !== tokenHash(browserToken) || state.expiresAt <= deps.now()) {
    throw new AppError('OIDC_STATE_INVALID');
  }
  if (query.error) throw new AppError('OIDC_LOGIN_CANCELLED');
  const provider = await getProviderForLogin(deps.db, state.providerId);
  if (!provider || !provider.enabled) throw new AppError('OIDC_PROVIDER_UNKNOWN');
  const config = await providerClient(deps, provider);

  const currentUrl = new URL(redirectUriOf(deps));
  for (const [key, value] of Object.entries(query)) if (value !== undefined) currentUrl.searchParams.set(key, value);
  let claims: Record<string, unknown>;
  let idToken: string | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: state.codeVerifier, expectedState: query.state, expectedNonce: state.nonce, idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new AppError('OIDC_TOKEN_INVALID');
    idToken = tokens.id_token;
    let userinfo: Record<string, unknown> = {};
    if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    }
    claims = { ...userinfo, ...idClaims };
  } catch (error) {
    const code = providerErrorCode(error);
    if (code === 'OIDC_PROVIDER_UNAVAILABLE') forgetProviderDiscovery(provider);
    deps.log.warn({ err: error, code, provider: provider.name }, 'login through identity provider refused');
    await deps.db.transaction((tx) => recordAudit(tx, policyRowNetwork(provider.networkId, 'token'), null, 'login_failed', 'identity_provider', provider.id, { reason: code, ip: request.ip }));
    throw new AppError(code);
  }

  const subject = String(claims.sub);
  const email = claimText(claims, provider.emailClaim)?.toLowerCase();
  const name = claimText(claims, provider.nameClaim) ?? email?.split('@')[0] ?? subject;
  const nid = policyRowNetwork(provider.networkId, 'token');
  const now = deps.now();
  const token = tokenCreate();
  const outcome = await deps.db.transaction(async (tx) => {
    let personId: string | undefined;
    let how: 'linked' | 'invitation' | 'verified_email' | 'created' = 'linked';
    const identity = await getIdentity(tx, provider.id, subject);
    if (identity) {
      personId = identity.personId;
      await touchIdentity(tx, identity.id, now);
    } else if (state.invitationTokenHash) {
      const found = await getInvitationByTokenHash(tx, state.invitationTokenHash);
      const status = found ? invitationStatus(found.invitation, now) : 'missing';
      if (status === 'expired') throw new AppError('TOKEN_EXPIRED');
      if (!found || status !== 'pending' || found.invitation.networkId !== provider.networkId) throw new AppError('TOKEN_INVALID');
      const inv = found.invitation;
      const existing = await getPersonByEmail(tx, inv.email);
      personId = existing?.id ?? await createPerson(tx, { email: inv.email, name: name || inv.name, passwordHash: null, locale: request.locale });
      await createMembership(tx, nid, { personId, institutionId: inv.institutionId, role: inv.role });
      await markInvitationAccepted(tx, inv.id, now);
      await markSessionsForRotation(tx, personId);
      await recordAudit(tx, nid, personId, 'accept', 'invitation', inv.id, { provider: provider.name });
      how = 'invitation';
    } else {
      if (!email) throw new AppError('OIDC_EMAIL_MISSING');
      const existing = await getPersonByEmail(tx, email);
      if (existing) {
        if (!(provider.linkVerifiedEmail && claims.email_verified === true) || existing.erasedAt) throw new AppError('OIDC_ACCOUNT_EXISTS');
        personId = existing.id;
        how = 'verified_email';
      } else {
        const organisation = claimText(claims, provider.organisationClaim);
        const place = organisation ? await getProviderInstitutionByOrganisation(tx, nid, provider.id, organisation) : undefined;
        if (!place) throw new AppError('OIDC_INSTITUTION_UNKNOWN', { params: { organisation: organisation ?? '—' } });
        personId = await createPerson(tx, { email, name, passwordHash: null, locale: request.locale });
        await createMembership(tx, nid, { personId, institutionId: place.institutionId, role: 'teacher' });
        await recordAudit(tx, nid, null, 'create', 'person', personId, { provider: provider.name, institutionId: place.institutionId, role: 'teacher' });
        how = 'created';
      }
    }
    if (!identity) await createIdentity(tx, nid, { providerId: provider.id, personId, subject, now });
    if (currentToken) await deleteSession(tx, tokenHash(currentToken));
    await createSession(tx, { tokenHash: tokenHash(token), personId, expiresAt: sessionExpiry(deps, now), now, providerId: provider.id, idTokenHint: idToken ?? null });
    await recordAccountAudit(tx, personId, 'login', { ip: request.ip, provider: provider.name, how });
    return personId;
  }).catch(async (error: unknown) => {
    if (error instanceof AppError) {
      await deps.db.transaction((tx) => recordAudit(tx, nid, null, 'login_refused', 'identity_provider', provider.id, { reason: error.code, ip: request.ip }));
    }
    throw error;
  });
  const actor = await getActor(deps.db, outcome);
  return { token, actor: actor! };
}
