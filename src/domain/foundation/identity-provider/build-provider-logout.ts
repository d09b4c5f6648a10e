import * as oidc from 'openid-client';
import type { Actor, Deps, RequestInfo } from '../auth/types.ts';
import { tokenHash } from '../auth/rules.ts';
import { getSession } from '../auth/data.ts';
import { logout } from '../auth/actions.ts';
import { getProviderForLogin } from './data.ts';
import { providerClient } from './build-provider-login.ts';

/**
 * Ends this session and, when it came through a provider that offers an end_session_endpoint, also
 * returns the address that ends the provider's session (the browser goes there next). A provider
 * that is down does not stop the local logout.
 */
export async function buildProviderLogout(deps: Deps, token: string, actor: Actor | undefined, request: RequestInfo): Promise<{ endSessionUrl?: string }> {
  const session = await getSession(deps.db, tokenHash(token));
  await logout(deps, token, actor, request);
  if (!session?.providerId) return {};
  const provider = await getProviderForLogin(deps.db, session.providerId);
  if (!provider) return {};
  try {
    const config = await providerClient(deps, provider);
    if (!config.serverMetadata().end_session_endpoint) return {};
    const url = oidc.buildEndSessionUrl(config, {
      post_logout_redirect_uri: `${deps.config.PUBLIC_URL}/`,
      ...(session.idTokenHint ? { id_token_hint: session.idTokenHint } : {}),
    });
    return { endSessionUrl: url.href };
  } catch (error) {
    deps.log.warn({ err: error, provider: provider.name }, 'could not reach the identity provider to end its session');
    return {};
  }
}
