import * as oidc from 'openid-client';
import { AppError } from '../../../lib/errors.ts';
import { secretBoxOpen } from '../../../lib/secret-box.ts';
import type { Deps } from '../auth/types.ts';
import { tokenCreate, tokenHash, addMinutes } from '../auth/rules.ts';
import { getInvitationByTokenHash } from '../invitation/data.ts';
import { invitationStatus } from '../invitation/rules.ts';
import { getProviderForLogin } from './data.ts';
import { createLoginState } from './mutations.ts';
import { issuerAllowsHttp, PROVIDER_LOGIN_MINUTES } from './rules.ts';
import { redirectUriOf, secretKeyOf } from './actions.ts';

type ProviderRow = NonNullable<Awaited<ReturnType<typeof getProviderForLogin>>>;

// The provider's discovery document is read once per ten minutes per app server; the client
// configuration is built for every request, with this request's clock (deps.now: tests move it).
const discovered = new Map<string, { server: oidc.ServerMetadata; at: number }>();
const DISCOVERY_TTL_MS = 10 * 60_000;

/** Maps what went wrong talking to a provider onto our codes. */
export function providerErrorCode(error: unknown): string {
  if (error instanceof AppError) return error.code;
  const e = error as { code?: string; error?: string; name?: string; cause?: unknown };
  if (e?.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') return 'OIDC_LOGIN_CANCELLED';
  if (e?.code === 'OAUTH_RESPONSE_BODY_ERROR') return e.error === 'invalid_grant' ? 'OIDC_CODE_INVALID' : 'OIDC_TOKEN_INVALID';
  if (e?.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'OIDC_TOKEN_EXPIRED';
  if (typeof e?.code === 'string' && e.code.startsWith('OAUTH_')) {
    // A provider that answers with something that is not a (conforming) response is as good as down.
    if (['OAUTH_RESPONSE_IS_NOT_JSON', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_INVALID_SERVER_METADATA'].includes(e.code)) return 'OIDC_PROVIDER_UNAVAILABLE';
    return 'OIDC_TOKEN_INVALID';
  }
  // fetch failed, refused, timed out, DNS: the provider is unavailable
  return 'OIDC_PROVIDER_UNAVAILABLE';
}

export async function providerClient(deps: Deps, provider: ProviderRow): Promise<oidc.Configuration> {
  const secret = secretBoxOpen(secretKeyOf(deps), provider.clientSecretEncrypted);
  if (secret === undefined) throw new AppError('OIDC_PROVIDER_UNAVAILABLE');
  const insecure = provider.issuer.startsWith('http://') && issuerAllowsHttp(provider.issuer);
  const key = `${provider.id} ${provider.issuer} ${provider.clientId}`;
  let server = discovered.get(key);
  if (!server || Date.now() - server.at > DISCOVERY_TTL_MS) {
    try {
      const found = await oidc.discovery(new URL(provider.issuer), provider.clientId, undefined, oidc.ClientSecretBasic(secret), {
        timeout: deps.config.OIDC_TIMEOUT_SECONDS, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
      server = { server: found.serverMetadata(), at: Date.now() };
      discovered.set(key, server);
    } catch (error) {
      deps.log.warn({ err: error, issuer: provider.issuer }, 'identity provider discovery failed');
      throw new AppError('OIDC_PROVIDER_UNAVAILABLE');
    }
  }
  const config = new oidc.Configuration(server.server, provider.clientId, {
    client_secret: secret,
    [oidc.clockTolerance]: deps.config.OIDC_CLOCK_TOLERANCE_SECONDS,
    [oidc.clockSkew]: Math.round((deps.now().getTime() - Date.now()) / 1000),
  }, oidc.ClientSecretBasic(secret));
  config.timeout = deps.config.OIDC_TIMEOUT_SECONDS;
  if (insecure) oidc.allowInsecureRequests(config);
  // The ID token's signature is checked against the provider's JWKS, also when it comes from the token endpoint.
  oidc.enableNonRepudiationChecks(config);
  return config;
}

/** Forgets a provider's discovery document (after a failure, so the next login asks again). */
export function forgetProviderDiscovery(provider: ProviderRow) {
  discovered.delete(`${provider.id} ${provider.issuer} ${provider.clientId}`);
}

/**
 * Starts a login at a provider: state, nonce and a PKCE verifier are kept in PostgreSQL (single
 * use, ten minutes), bound to this browser by a cookie whose hash is stored with them. Returns the
 * provider's authorization URL and the cookie's value.
 */
export async function buildProviderLogin(deps: Deps, providerId: string, options: { invitationToken?: string | undefined }): Promise<{ url: string; browserToken: string }> {
  const provider = await getProviderForLogin(deps.db, providerId);
  if (!provider || !provider.enabled) throw new AppError('OIDC_PROVIDER_UNKNOWN');
  if (options.invitationToken) {
    const row = await getInvitationByTokenHash(deps.db, tokenHash(options.invitationToken));
    const status = row ? invitationStatus(row.invitation, deps.now()) : 'missing';
    if (status === 'expired') throw new AppError('TOKEN_EXPIRED');
    if (!row || status !== 'pending' || row.invitation.networkId !== provider.networkId) throw new AppError('TOKEN_INVALID');
  }
  const config = await providerClient(deps, provider);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  const browserToken = tokenCreate();
  const now = deps.now();
  await createLoginState(deps.db, {
    stateHash: tokenHash(state), browserHash: tokenHash(browserToken), providerId: provider.id, codeVerifier, nonce,
    invitationTokenHash: options.invitationToken ? tokenHash(options.invitationToken) : null,
    expiresAt: addMinutes(now, PROVIDER_LOGIN_MINUTES), createdAt: now,
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriOf(deps), scope: provider.scopes, state, nonce,
    code_challenge: codeChallenge, code_challenge_method: 'S256',
  });
  return { url: url.href, browserToken };
}
