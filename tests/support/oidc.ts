import { sql } from 'drizzle-orm';
import { localProviderStart, demoLocalAccounts, type LocalAccount, type LocalProvider } from '../../src/cli/demo-identity-provider.ts';
import type { Harness } from './harness.ts';
import type { Db } from '../../src/db/client.ts';
import { identityProviders } from '../../src/db/schema/index.ts';
import { secretBoxSeal } from '../../src/lib/secret-box.ts';

// A real OpenID provider in-process for the tests (the same module the demo starts), a browser-like
// HTTP client that follows redirects across Kruispunt and the provider with one cookie jar, and a
// way to drive the provider's login form over HTTP.

export { demoLocalAccounts };
export type { LocalAccount, LocalProvider };

export const CLIENT_ID = 'kruispunt-test';
export const CLIENT_SECRET = 'a-client-secret-for-tests-only-0123456789';
export const OTHER_CLIENT_ID = 'another-service';

export interface TestProvider extends LocalProvider {
  /** Replaces the id_token in the next token response(s) (tests of audience and signature checks). */
  rewriteIdToken: ((idToken: string) => Promise<string> | string) | undefined;
}

export async function testProviderStart(h: Harness, accounts: LocalAccount[] = demoLocalAccounts): Promise<TestProvider> {
  const holder: { rewrite: TestProvider['rewriteIdToken'] } = { rewrite: undefined };
  const local = await localProviderStart({
    accounts,
    clients: [
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [`${h.baseUrl}/api/auth/oidc/callback`], postLogoutRedirectUris: [`${h.baseUrl}/`] },
      { clientId: OTHER_CLIENT_ID, clientSecret: 'another-secret-0123456789-0123456789', redirectUris: ['http://127.0.0.1:9/cb'] },
    ],
    middleware: [async (ctx, next) => {
      await next();
      const rewrite = holder.rewrite;
      if (rewrite && ctx.path === '/token' && ctx.body && typeof ctx.body === 'object' && 'id_token' in ctx.body) {
        const body = ctx.body as Record<string, unknown>;
        ctx.body = { ...body, id_token: await rewrite(String(body.id_token)) };
      }
    }],
  });
  const result = local as TestProvider;
  Object.defineProperty(result, 'rewriteIdToken', { get: () => holder.rewrite, set: (v) => { holder.rewrite = v; }, enumerable: true });
  return result;
}

/** A browser without JavaScript: one cookie jar for every host, redirects followed by hand. */
export class HttpBrowser {
  readonly jar = new Map<string, Map<string, string>>();
  /** Every URL visited, in order. */
  readonly visited: string[] = [];

  private cookieHeader(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(url: URL, response: Response) {
    const jar = this.jar.get(url.host) ?? new Map<string, string>();
    this.jar.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const k = pair.slice(0, eq).trim();
      const v = pair.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || v === '') jar.delete(k);
      else jar.set(k, v);
    }
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  /** One request without following redirects. */
  async fetchOnce(url: string, init: { method?: string; form?: Record<string, string>; json?: unknown; origin?: string } = {}): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    if (init.origin) headers.origin = init.origin;
    this.visited.push(target.href);
    const response = await fetch(target, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.store(target, response);
    return response;
  }

  /** Follows redirects (GET after each) until a page answers; returns it with its URL. */
  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: string; response: Response; text: string }> {
    let current = url;
    let response = await this.fetchOnce(current, init);
    for (let hops = 0; response.status >= 300 && response.status < 400 && response.headers.get('location'); hops++) {
      if (hops > 20) throw new Error('too many redirects');
      current = new URL(response.headers.get('location')!, current).href;
      await response.arrayBuffer();
      response = await this.fetchOnce(current);
    }
    return { url: current, response, text: await response.text() };
  }

  /** Goes until the next redirect would leave for `stopAt` (to take a code or URL without using it). */
  async goUntil(url: string, stopAt: (next: string) => boolean, init: { method?: string; form?: Record<string, string> } = {}): Promise<string> {
    let current = url;
    let response = await this.fetchOnce(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (!(response.status >= 300 && response.status < 400 && location)) throw new Error(`stopped at ${current} (${response.status})`);
      const next = new URL(location, current).href;
      await response.arrayBuffer();
      if (stopAt(next)) return next;
      current = next;
      response = await this.fetchOnce(current);
    }
    throw new Error('too many redirects');
  }
}

/**
 * From the login button to the way back: starts the login at Kruispunt, fills in the provider's
 * login form as `login`, and returns the callback URL the provider sends the browser to (not yet
 * visited), so a test can visit it, tamper with it or replay it.
 */
export async function providerLoginToCallback(h: Harness, browser: HttpBrowser, providerId: string, login: string, query = ''): Promise<string> {
  const isCallback = (url: string) => url.startsWith(`${h.baseUrl}/api/auth/oidc/callback`);
  let current = `${h.baseUrl}/api/auth/oidc/${providerId}/start${query}`;
  let response = await browser.fetchOnce(current);
  for (let hops = 0; hops < 20; hops++) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, current).href;
      await response.arrayBuffer();
      // The provider still knows this browser: straight back without its login form.
      if (isCallback(next)) return next;
      current = next;
      response = await browser.fetchOnce(current);
      continue;
    }
    const text = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1];
    if (!action) throw new Error(`no login form at ${current}: ${text.slice(0, 300)}`);
    return browser.goUntil(new URL(action, current).href, isCallback, { method: 'POST', form: { prompt: 'login', login, password: 'any password' } });
  }
  throw new Error('too many redirects');
}

/** The whole login through the provider; returns where the browser landed. */
export async function providerLogin(h: Harness, browser: HttpBrowser, providerId: string, login: string, query = ''): Promise<string> {
  const callback = await providerLoginToCallback(h, browser, providerId, login, query);
  return browser.goUntil(callback, () => true);
}

/** Adds a provider for the network through the beheerder's API; returns its id. */
export async function providerCreate(
  h: Harness, admin: { request: (m: string, u: string, b?: unknown) => Promise<{ status: number; body: any }> }, networkId: string, issuer: string,
  input: Record<string, unknown>,
): Promise<string> {
  const res = await admin.request('POST', `/api/networks/${networkId}/identity-providers`, {
    name: 'SURFconext', kind: 'surfconext', issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...input,
  });
  if (res.status !== 201) throw new Error(`provider not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function countPeople(h: Harness): Promise<number> {
  const result = await h.deps.db.execute(sql`select count(*)::int as n from people`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/** A provider row straight in the database (for access tests): nothing listens at its issuer. */
export async function makeIdentityProvider(db: Db, networkId: string, secretKey: string): Promise<string> {
  const [row] = await db.insert(identityProviders).values({
    networkId, name: `Provider ${Math.random().toString(36).slice(2)}`, kind: 'surfconext', issuer: 'http://127.0.0.1:9',
    clientId: 'kruispunt', clientSecretEncrypted: secretBoxSeal(secretKey, 'secret'), scopes: 'openid email profile',
    organisationClaim: 'schac_home_organization', emailClaim: 'email', nameClaim: 'name',
  }).returning({ id: identityProviders.id });
  return row!.id;
}
