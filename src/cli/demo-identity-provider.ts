import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { createPrivateKey, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

// A real OpenID provider (`oidc-provider`, the certified implementation) on localhost with
// SURFconext- and Entree-like accounts: the demo starts it with KRUISPUNT_DEMO_OIDC=1, and the
// tests run it in-process (tests/support/oidc.ts). Its development login form accepts any account
// name with any password; the name picks the account's claims below. Consent is given at once
// (as the federations do it themselves).

export interface LocalAccount {
  /** What a person types at the provider's login form. */
  login: string;
  claims: Record<string, unknown>;
}

export interface LocalClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface LocalProvider {
  issuer: string;
  provider: Provider;
  accounts: Map<string, LocalAccount>;
  /** Signs a JWT with the provider's own key (RS256, its kid): tests forge tokens the JWKS vouches for. */
  sign(payload: Record<string, unknown>): string;
  stop(): Promise<void>;
}

/** The demo's accounts: hbo and mbo teachers through a SURFconext-like provider, a vo teacher through an Entree-like one. */
export const demoLocalAccounts: LocalAccount[] = [
  { login: 'docent.hbo', claims: { sub: 'surf-docent-hbo', email: 'femke.hbo@hogeschooldomstad.example', email_verified: true, name: 'Femke de Wit', given_name: 'Femke', family_name: 'de Wit', schac_home_organization: 'hogeschooldomstad.example', eduperson_affiliation: ['employee', 'faculty'] } },
  { login: 'docent.mbo', claims: { sub: 'surf-docent-mbo', email: 'ruben.mbo@roceemvallei.example', email_verified: true, name: 'Ruben Aksoy', schac_home_organization: 'roceemvallei.example', eduperson_affiliation: ['employee'] } },
  { login: 'docent.vo', claims: { sub: 'entree-docent-vo', email: 'noor.vo@vathorstlyceum.example', email_verified: true, name: 'Noor Bakker', nl_edu_person_home_organization_id: '20VL', nl_edu_person_home_organization: 'Vathorst Lyceum' } },
  { login: 'docent.onbekend', claims: { sub: 'surf-unknown', email: 'iemand@elders.example', email_verified: true, name: 'Sam Elders', schac_home_organization: 'elders.example' } },
  { login: 'zonder.email', claims: { sub: 'surf-no-email', name: 'Jip Zonder', schac_home_organization: 'hogeschooldomstad.example' } },
];

export async function localProviderStart(options: {
  clients: LocalClient[];
  accounts?: LocalAccount[];
  port?: number;
  host?: string;
  /** Koa middleware run around every request (tests use it to tamper with responses). */
  middleware?: ((ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>)[];
}): Promise<LocalProvider> {
  const host = options.host ?? '127.0.0.1';
  const accounts = new Map((options.accounts ?? demoLocalAccounts).map((a) => [a.login, a]));
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const kid = randomBytes(8).toString('hex');
  // The port must be known before the provider (its issuer is its address): listen first.
  const { createServer } = await import('node:http');
  let handler: Parameters<typeof createServer>[1] = (_req, res) => { res.statusCode = 503; res.end(); };
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId, client_secret: c.clientSecret, redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [], grant_types: ['authorization_code'], response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...signingKey, kid, use: 'sig', alg: 'RS256' } as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'schac_home_organization', 'eduperson_affiliation', 'nl_edu_person_home_organization_id', 'nl_edu_person_home_organization'],
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      const claims = account?.claims ?? { sub: id };
      return { accountId: id, claims: () => ({ ...claims, sub: String(claims.sub ?? id) }) } as never;
    },
    async loadExistingGrant(ctx) {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  for (const m of options.middleware ?? []) provider.use(m as never);
  handler = provider.callback();
  return {
    issuer,
    provider,
    accounts,
    sign(payload) {
      const head = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid })).toString('base64url');
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(createPrivateKey({ key: signingKey, format: 'jwk' })).toString('base64url');
      return `${head}.${body}.${signature}`;
    },
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
