import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, makeInvitation, PASSWORD } from '../../support/factories.ts';
import { testProviderStart, providerCreate, providerLogin, providerLoginToCallback, HttpBrowser, countPeople, OTHER_CLIENT_ID, type TestProvider } from '../../support/oidc.ts';
import { identityProviders, memberships, personIdentities, sessions } from '../../../src/db/schema/index.ts';

// Login through a REAL OpenID provider (oidc-provider, in-process on localhost) with
// SURFconext- and Entree-like accounts, over HTTP with a cookie jar, as a browser would.

let h: Harness;
let op: TestProvider;
let nid: string;
let hsId: string;
let rocId: string;
let surfId: string;
let adminEmail: string;
const KEY = 'test-secret-key-0123456789-0123456789-abcdef';

beforeAll(async () => {
  h = await harnessStart({ env: { KRUISPUNT_SECRET_KEY: KEY, OIDC_CLOCK_TOLERANCE_SECONDS: '300' } });
  op = await testProviderStart(h);
  nid = (await makeNetwork(h.deps.db, 'Netwerk Federatie')).id;
  hsId = (await makeInstitution(h.deps.db, nid, { name: 'Hogeschool Domstad', kind: 'hbo' })).id;
  rocId = (await makeInstitution(h.deps.db, nid, { name: 'ROC Eemvallei', kind: 'mbo' })).id;
  adminEmail = (await makePerson(h.deps.db, nid, 'admin', null)).email;
  const admin = h.client();
  await admin.login(adminEmail, PASSWORD);
  surfId = await providerCreate(h, admin, nid, op.issuer, {
    institutions: [
      { institutionId: hsId, organisation: 'hogeschooldomstad.example' },
      { institutionId: rocId, organisation: 'roceemvallei.example', required: true },
    ],
  });
}, 60_000);
afterAll(async () => {
  await op?.stop();
  await h?.stop();
});

async function meOf(browser: HttpBrowser) {
  const res = await browser.go(`${h.baseUrl}/api/auth/me`);
  return { status: res.response.status, body: res.response.status === 200 ? JSON.parse(res.text) : undefined };
}

describe('the beheerder configures providers', () => {
  it('stores the client secret encrypted and never returns it', async () => {
    const admin = h.client();
    await admin.login(adminEmail, PASSWORD);
    const list = await admin.request('GET', `/api/networks/${nid}/identity-providers`);
    expect(list.status).toBe(200);
    const surf = list.body.find((p: { id: string }) => p.id === surfId);
    expect(surf).toMatchObject({ kind: 'surfconext', organisationClaim: 'schac_home_organization', hasClientSecret: true, redirectUri: `${h.baseUrl}/api/auth/oidc/callback` });
    expect(JSON.stringify(list.body)).not.toContain('a-client-secret-for-tests-only');
    const [row] = await h.deps.db.select().from(identityProviders).where(eq(identityProviders.id, surfId));
    expect(row!.clientSecretEncrypted).not.toContain('a-client-secret-for-tests-only');
    expect(row!.clientSecretEncrypted.startsWith('v1.')).toBe(true);
  });

  it('shows a button per enabled provider on the login page', async () => {
    const res = await h.client().request('GET', '/api/auth/providers');
    expect(res.body).toContainEqual({ id: surfId, name: 'SURFconext', kind: 'surfconext' });
  });

  it('only a beheerder may manage providers', async () => {
    const coordinator = await makePerson(h.deps.db, nid, 'network_coordinator', null);
    const c = h.client();
    await c.login(coordinator.email, PASSWORD);
    expect((await c.request('GET', `/api/networks/${nid}/identity-providers`)).status).toBe(403);
  });
});

describe('login through a SURFconext-like provider', () => {
  it('creates a docent just in time in the institution schac_home_organization names', async () => {
    const browser = new HttpBrowser();
    const landed = await providerLogin(h, browser, surfId, 'docent.hbo');
    expect(landed).toBe(`${h.baseUrl}/`);
    const me = await meOf(browser);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Femke de Wit', email: 'femke.hbo@hogeschooldomstad.example' });
    expect(me.body.memberships).toEqual([expect.objectContaining({ networkId: nid, institutionId: hsId, role: 'teacher', institutionName: 'Hogeschool Domstad' })]);
    // The state was used once and is gone; the login is in the audit log with the provider's name.
    expect((await h.deps.db.execute(sql`select count(*)::int as n from oidc_login_states`) as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const audit = await h.deps.db.execute(sql`select data from audit_log where action = 'login' and actor_id = ${me.body.id}`);
    expect((audit as unknown as { rows: { data: Record<string, unknown> }[] }).rows[0]!.data).toMatchObject({ provider: 'SURFconext', how: 'created' });
  });

  it('a second login finds the same person through the linked subject', async () => {
    const before = await countPeople(h);
    const browser = new HttpBrowser();
    await providerLogin(h, browser, surfId, 'docent.hbo');
    expect((await meOf(browser)).body.email).toBe('femke.hbo@hogeschooldomstad.example');
    expect(await countPeople(h)).toBe(before);
  });

  it('logout ends the local session and offers the provider\'s end_session_endpoint', async () => {
    const browser = new HttpBrowser();
    await providerLogin(h, browser, surfId, 'docent.hbo');
    const res = await browser.fetchOnce(`${h.baseUrl}/api/auth/logout`, { method: 'POST', origin: h.baseUrl });
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.endSessionUrl).toContain(`${op.issuer}/session/end`);
    expect(body.endSessionUrl).toContain('id_token_hint=');
    expect((await meOf(browser)).status).toBe(401);
  });

  it('an institution that requires its provider refuses password login for its people', async () => {
    const mbo = await makePerson(h.deps.db, nid, 'teacher', rocId);
    const res = await h.client().login(mbo.email, PASSWORD);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PASSWORD_LOGIN_DISABLED');
    // Others still log in with a password (small networks, the demo).
    const hbo = await makePerson(h.deps.db, nid, 'teacher', hsId);
    expect((await h.client().login(hbo.email, PASSWORD)).status).toBe(200);
  });

  it('an invitation links the first login to the invited account and role', async () => {
    const inv = await makeInvitation(h.deps.db, nid, rocId);
    const browser = new HttpBrowser();
    await providerLogin(h, browser, surfId, 'docent.mbo', `?invitation=${inv.token}`);
    const me = await meOf(browser);
    expect(me.body.email).toBe(inv.email);
    expect(me.body.memberships).toEqual([expect.objectContaining({ institutionId: rocId, role: 'teacher' })]);
  });

  it('a verified e-mail links to an existing account only when the beheerder allows it', async () => {
    const accounts = [{ login: 'bestaand', claims: { sub: 'surf-existing', email: 'bestaand@hogeschooldomstad.example', email_verified: true, name: 'Bestaand', schac_home_organization: 'hogeschooldomstad.example' } }];
    op.accounts.set('bestaand', accounts[0]!);
    const existing = await makePerson(h.deps.db, nid, 'teacher', hsId, { email: 'bestaand@hogeschooldomstad.example' });
    const refused = await providerLogin(h, new HttpBrowser(), surfId, 'bestaand');
    expect(refused).toBe(`${h.baseUrl}/inloggen/mislukt?code=OIDC_ACCOUNT_EXISTS`);
    const admin = h.client();
    await admin.login(adminEmail, PASSWORD);
    expect((await admin.request('PATCH', `/api/networks/${nid}/identity-providers/${surfId}`, { linkVerifiedEmail: true })).status).toBe(200);
    const browser = new HttpBrowser();
    await providerLogin(h, browser, surfId, 'bestaand');
    expect((await meOf(browser)).body.id).toBe(existing.id);
    await admin.request('PATCH', `/api/networks/${nid}/identity-providers/${surfId}`, { linkVerifiedEmail: false });
  });
});

describe('refusals: each with a clear page, nothing half-created', () => {
  async function refusedWith(code: string, run: () => Promise<string>) {
    const before = await countPeople(h);
    const landed = await run();
    expect(landed).toBe(`${h.baseUrl}/inloggen/mislukt?code=${code}`);
    expect(await countPeople(h)).toBe(before);
  }

  it('an institution that is not in the network', async () => {
    await refusedWith('OIDC_INSTITUTION_UNKNOWN', () => providerLogin(h, new HttpBrowser(), surfId, 'docent.onbekend'));
    expect(await h.deps.db.select().from(personIdentities).where(eq(personIdentities.subject, 'surf-unknown'))).toEqual([]);
  });

  it('no e-mail claim', async () => {
    await refusedWith('OIDC_EMAIL_MISSING', () => providerLogin(h, new HttpBrowser(), surfId, 'zonder.email'));
  });

  it('a tampered state', async () => {
    const browser = new HttpBrowser();
    const callback = new URL(await providerLoginToCallback(h, browser, surfId, 'docent.hbo'));
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    await refusedWith('OIDC_STATE_INVALID', () => browser.goUntil(callback.href, () => true));
  });

  it('a state from another browser', async () => {
    const callback = await providerLoginToCallback(h, new HttpBrowser(), surfId, 'docent.hbo');
    await refusedWith('OIDC_STATE_INVALID', () => new HttpBrowser().goUntil(callback, () => true));
  });

  it('a replayed callback, and a replayed code under a fresh state', async () => {
    const browser = new HttpBrowser();
    const callback = await providerLoginToCallback(h, browser, surfId, 'docent.hbo');
    expect(await browser.goUntil(callback, () => true)).toBe(`${h.baseUrl}/`);
    await refusedWith('OIDC_STATE_INVALID', () => browser.goUntil(callback, () => true));
    // The same code with a state that is valid for this browser: the provider refuses the code.
    const second = new URL(await providerLoginToCallback(h, browser, surfId, 'docent.hbo'));
    second.searchParams.set('code', new URL(callback).searchParams.get('code')!);
    await refusedWith('OIDC_CODE_INVALID', () => browser.goUntil(second.href, () => true));
  });

  it('an ID token for another audience', async () => {
    op.rewriteIdToken = (idToken) => {
      // Signed with the provider's own key (the JWKS vouches for it), but for another client.
      const payload = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString());
      return op.sign({ ...payload, aud: OTHER_CLIENT_ID, azp: OTHER_CLIENT_ID });
    };
    try {
      await refusedWith('OIDC_TOKEN_INVALID', () => providerLogin(h, new HttpBrowser(), surfId, 'docent.hbo'));
    } finally {
      op.rewriteIdToken = undefined;
    }
  });

  it('an ID token whose signature does not match the provider\'s JWKS', async () => {
    op.rewriteIdToken = (idToken) => {
      const [head, body, signature] = idToken.split('.');
      return [head, body, `${signature!.slice(0, -4)}AAAA`].join('.');
    };
    try {
      await refusedWith('OIDC_TOKEN_INVALID', () => providerLogin(h, new HttpBrowser(), surfId, 'docent.hbo'));
    } finally {
      op.rewriteIdToken = undefined;
    }
  });

  it('an expired token (our clock two hours later than the provider\'s)', async () => {
    const realNow = h.deps.now;
    h.deps.now = () => new Date(Date.now() + 2 * 3600_000);
    try {
      await refusedWith('OIDC_TOKEN_EXPIRED', () => providerLogin(h, new HttpBrowser(), surfId, 'docent.hbo'));
    } finally {
      h.deps.now = realNow;
    }
  });

  it('a clock skew of a few minutes is tolerated', async () => {
    const realNow = h.deps.now;
    for (const minutes of [4, -4]) {
      h.deps.now = () => new Date(Date.now() + minutes * 60_000);
      try {
        const browser = new HttpBrowser();
        expect(await providerLogin(h, browser, surfId, 'docent.hbo')).toBe(`${h.baseUrl}/`);
      } finally {
        h.deps.now = realNow;
      }
    }
  });

  it('a provider that is down', async () => {
    const admin = h.client();
    await admin.login(adminEmail, PASSWORD);
    const downId = await providerCreate(h, admin, nid, 'http://127.0.0.1:9', { name: 'Uit de lucht' });
    const browser = new HttpBrowser();
    await refusedWith('OIDC_PROVIDER_UNAVAILABLE', () => browser.goUntil(`${h.baseUrl}/api/auth/oidc/${downId}/start`, () => true));
    await admin.request('DELETE', `/api/networks/${nid}/identity-providers/${downId}`);
  });

  it('an unknown provider', async () => {
    const landed = await new HttpBrowser().goUntil(`${h.baseUrl}/api/auth/oidc/00000000-0000-4000-8000-000000000000/start`, () => true);
    expect(landed).toBe(`${h.baseUrl}/inloggen/mislukt?code=OIDC_PROVIDER_UNKNOWN`);
  });
});

describe('sessions', () => {
  it('rotate on login: the browser\'s previous session ends', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', hsId);
    const c = h.client();
    await c.login(person.email, PASSWORD);
    const first = await h.deps.db.select().from(sessions).where(eq(sessions.personId, person.id));
    await c.login(person.email, PASSWORD);
    const second = await h.deps.db.select().from(sessions).where(eq(sessions.personId, person.id));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second[0]!.tokenHash).not.toBe(first[0]!.tokenHash);
  });

  it('rotate on a change of roles: the next request gets a new token, the old one stops working', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', hsId);
    const c = h.client();
    await c.login(person.email, PASSWORD);
    const [before] = await h.deps.db.select().from(sessions).where(eq(sessions.personId, person.id));
    await h.deps.db.update(sessions).set({ rotate: true }).where(eq(sessions.personId, person.id));
    const me = await c.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers.getSetCookie().join()).toContain('kp_session=');
    const [after] = await h.deps.db.select().from(sessions).where(eq(sessions.personId, person.id));
    expect(after!.tokenHash).not.toBe(before!.tokenHash);
    expect(after!.rotate).toBe(false);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('end after the idle time-out', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', hsId);
    const c = h.client();
    await c.login(person.email, PASSWORD);
    await h.deps.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - (h.deps.config.SESSION_IDLE_MINUTES + 1) * 60_000) }).where(eq(sessions.personId, person.id));
    expect((await c.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('all sessions of a person can be ended by the person and by the beheerder', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', hsId);
    const a = h.client();
    const b = h.client();
    await a.login(person.email, PASSWORD);
    await b.login(person.email, PASSWORD);
    expect((await a.request('POST', '/api/auth/sessions/end')).status).toBe(200);
    expect((await b.request('GET', '/api/auth/me')).status).toBe(401);
    await a.login(person.email, PASSWORD);
    const admin = h.client();
    await admin.login(adminEmail, PASSWORD);
    expect((await admin.request('POST', `/api/networks/${nid}/people/${person.id}/sessions/end`)).status).toBe(200);
    expect((await a.request('GET', '/api/auth/me')).status).toBe(401);
    expect(await h.deps.db.select().from(memberships).where(eq(memberships.personId, person.id))).toHaveLength(1);
  });
});
