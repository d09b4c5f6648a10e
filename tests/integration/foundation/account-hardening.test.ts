import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray, like } from 'drizzle-orm';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { harnessStart, waitFor, type Harness } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, makeInvitation, PASSWORD } from '../../support/factories.ts';
import { auditLog, authThrottle, invitations, mailOutbox, memberships } from '../../../src/db/schema/index.ts';
import { recordAudit } from '../../../src/domain/foundation/network/mutations.ts';
import { policyRowNetwork } from '../../../src/domain/foundation/auth/policy.ts';

// Issue #20 items 2, 5, 6 and 8: links in mail only from PUBLIC_URL, reset mail throttled, login
// throttling that is atomic and cannot lock out a school, removal ends sessions and feeds, only
// http(s) URLs, TRUST_PROXY, and an audit log that records account events and pages.

const MAX = 5; // LOGIN_MAX_ATTEMPTS in this file

let h: Harness;
let nid: string;
let instId: string;
let coordinatorEmail: string;

beforeAll(async () => {
  h = await harnessStart({ smtp: true, env: { LOGIN_MAX_ATTEMPTS: String(MAX), LOGIN_WINDOW_MINUTES: '15' } });
  nid = (await makeNetwork(h.deps.db, 'Netwerk Hardening')).id;
  instId = (await makeInstitution(h.deps.db, nid, { name: 'ROC Hardening' })).id;
  coordinatorEmail = (await makePerson(h.deps.db, nid, 'network_coordinator', null)).email;
});
afterAll(async () => h?.stop());
// Every test starts with no throttling (all requests of this file come from 127.0.0.1).
beforeEach(async () => {
  await h.deps.db.delete(authThrottle);
});

/** A request with headers fetch() will not send (Host). */
function rawRequest(method: string, url: string, headers: Record<string, string>, body?: unknown) {
  const target = new URL(url, h.baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function auditOf(personId: string, action: string) {
  return h.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, personId), eq(auditLog.action, action)));
}

describe('links in mail come from PUBLIC_URL only (item 2)', () => {
  it('mails a reset link on PUBLIC_URL even when Host and Origin name another site', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId, { email: 'host-header@example.nl' });
    // A hostile Host with a matching Origin: refused by the CSRF check, which compares with PUBLIC_URL.
    const forged = await rawRequest('POST', '/api/auth/password-reset', { host: 'evil.example', origin: 'http://evil.example' }, { email: person.email });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CSRF_REJECTED');
    // A hostile Host with our own Origin: accepted, and the link still starts with PUBLIC_URL.
    const res = await rawRequest('POST', '/api/auth/password-reset', { host: 'evil.example', origin: h.baseUrl }, { email: person.email });
    expect(res.status).toBe(200);
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes(person.email)));
    const link = /(\S+)\/wachtwoord-herstellen\/\S+/.exec(mail.text);
    expect(link?.[1]).toBe(h.baseUrl);
    expect(mail.text).not.toContain('evil.example');
    expect(h.mails.filter((m) => m.to.includes(person.email))).toHaveLength(1);
    expect(h.deps.config.PUBLIC_URL).toBe(h.baseUrl);
  });

  it('sends at most three reset mails per address, answering every request the same way', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId, { email: 'reset-flood@example.nl' });
    const c = h.client();
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await c.request('POST', '/api/auth/password-reset', { email: person.email }));
    expect(new Set(answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`))).toEqual(new Set(['200 {"ok":true}']));
    const sent = await h.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, person.email));
    expect(sent).toHaveLength(3);
    // An unknown address gets the very same answer.
    const unknown = await c.request('POST', '/api/auth/password-reset', { email: 'niemand-hier@example.nl' });
    expect(unknown).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('sends at most twenty reset mails per IP address, whatever the addresses', async () => {
    const people = [];
    for (let i = 0; i < 25; i++) people.push(await makePerson(h.deps.db, nid, 'teacher', instId, { email: `reset-ip-${i}@example.nl` }));
    const c = h.client();
    const answers = await Promise.all(people.map((p) => c.request('POST', '/api/auth/password-reset', { email: p.email })));
    expect(answers.every((a) => a.status === 200 && a.body.ok === true)).toBe(true);
    const sent = await h.deps.db.select().from(mailOutbox).where(like(mailOutbox.to, 'reset-ip-%'));
    expect(sent).toHaveLength(20);
  });

  it('refuses to start outside demo mode without PUBLIC_URL, in one readable line', () => {
    const result = spawnSync(process.execPath, [path.resolve('bin/kruispunt.mjs'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: 'postgres://127.0.0.1:1/none', PUBLIC_URL: '', KRUISPUNT_DEMO: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const firstLine = result.stderr.split('\n')[0]!;
    expect(firstLine).toMatch(/^Kruispunt cannot start: Invalid configuration: PUBLIC_URL is not set: .*PUBLIC_URL=https:\/\//);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('login throttling (item 5)', () => {
  it('checks at most the allowed number of 200 parallel wrong passwords, then answers 429 with Retry-After', async () => {
    const victim = await makePerson(h.deps.db, nid, 'teacher', instId);
    const c = h.client();
    const answers = await Promise.all(Array.from({ length: 200 }, () => c.request('POST', '/api/auth/login', { email: victim.email, password: 'wrong-password' })));
    const checked = answers.filter((a) => a.status === 401);
    const throttled = answers.filter((a) => a.status === 429);
    expect(checked.length).toBe(MAX);
    expect(throttled.length).toBe(200 - MAX);
    // Every password that was checked and wrong is one failure in the audit log; the lock-out too.
    expect(await auditOf(victim.id, 'login_failed')).toHaveLength(MAX);
    const locked = await auditOf(victim.id, 'login_locked');
    expect(locked).toHaveLength(1);
    expect(locked[0]!.networkId).toBe(nid);
    expect(locked[0]!.data).toMatchObject({ ip: '127.0.0.1', scope: 'account_ip' });
    for (const a of throttled) {
      expect(a.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      const retryAfter = Number(a.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // The right password of this account waits too …
    const own = await c.request('POST', '/api/auth/login', { email: victim.email, password: PASSWORD });
    expect(own.status).toBe(429);
    expect(Number(own.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(own.body.error.message).toMatch(/^Te veel inlogpogingen\. Wacht 1 min\./);
    // … but a colleague behind the same address (the whole school) logs in at once.
    const colleague = await makePerson(h.deps.db, nid, 'teacher', instId);
    const other = await h.client().login(colleague.email, PASSWORD);
    expect(other.status).toBe(200);
  });

  it('lets one attempt through after each delay, and doubles the delay when it fails', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId);
    const c = h.client();
    for (let i = 0; i < MAX; i++) expect((await c.request('POST', '/api/auth/login', { email: person.email, password: 'wrong-password' })).status).toBe(401);
    expect((await c.request('POST', '/api/auth/login', { email: person.email, password: 'wrong-password' })).status).toBe(429);
    const realNow = h.deps.now;
    try {
      const later = Date.now() + 61_000;
      h.deps.now = () => new Date(later);
      expect((await c.request('POST', '/api/auth/login', { email: person.email, password: 'wrong-password' })).status).toBe(401);
      const again = await c.request('POST', '/api/auth/login', { email: person.email, password: 'wrong-password' });
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBe(120);
      h.deps.now = () => new Date(later + 121_000);
      expect((await c.request('POST', '/api/auth/login', { email: person.email, password: PASSWORD })).status).toBe(200);
      // A success starts over.
      expect((await c.request('POST', '/api/auth/login', { email: person.email, password: 'wrong-password' })).status).toBe(401);
    } finally {
      h.deps.now = realNow;
    }
  });

  it('throttles password checks when an existing account accepts an invitation too', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId);
    const other = await makeNetwork(h.deps.db);
    const invitation = await makeInvitation(h.deps.db, other.id, null);
    await h.deps.db.update(invitations).set({ email: person.email }).where(eq(invitations.id, invitation.id));
    const c = h.client();
    const accept = (password: string) => c.request('POST', `/api/invitations/${invitation.token}/accept`, { name: 'Wie Dan Ook', password });
    const answers = await Promise.all(Array.from({ length: 20 }, () => accept('wrong-password-1')));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(MAX);
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled).toHaveLength(20 - MAX);
    expect(Number(throttled[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await accept(PASSWORD)).status).toBe(429);
    expect(await auditOf(person.id, 'login_failed')).toHaveLength(MAX);
  });

  it('an unknown address is throttled the same way, so throttling reveals no account', async () => {
    const c = h.client();
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.request('POST', '/api/auth/login', { email: 'bestaat-niet@example.nl', password: 'wrong-password' })));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(MAX);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - MAX);
  });
});

describe('removing a person from a network (item 6)', () => {
  it('ends the sessions and revokes the calendar feed of someone who leaves their last network', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId);
    const teacher = h.client();
    expect((await teacher.login(person.email, PASSWORD)).status).toBe(200);
    const feed = await teacher.request('POST', `/api/networks/${nid}/calendar-feed`);
    expect(feed.status).toBe(201);
    const feedPath = new URL(feed.body.url).pathname;
    expect((await h.client().request('GET', feedPath)).status).toBe(200);

    const coordinator = h.client();
    await coordinator.login(coordinatorEmail, PASSWORD);
    expect((await coordinator.request('DELETE', `/api/networks/${nid}/people/${person.id}`)).status).toBe(200);

    expect((await teacher.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await h.client().request('GET', feedPath)).status).toBe(404);
  });

  it('keeps the session of someone with another network, but stops this network’s feed', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId);
    const other = await makeNetwork(h.deps.db);
    await h.deps.db.insert(memberships).values({ networkId: other.id, personId: person.id, role: 'professional' });
    const teacher = h.client();
    await teacher.login(person.email, PASSWORD);
    const feedHere = await teacher.request('POST', `/api/networks/${nid}/calendar-feed`);
    const feedThere = await teacher.request('POST', `/api/networks/${other.id}/calendar-feed`);
    const coordinator = h.client();
    await coordinator.login(coordinatorEmail, PASSWORD);
    expect((await coordinator.request('DELETE', `/api/networks/${nid}/people/${person.id}`)).status).toBe(200);
    const me = await teacher.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.memberships.map((m: { networkId: string }) => m.networkId)).toEqual([other.id]);
    expect((await h.client().request('GET', new URL(feedHere.body.url).pathname)).status).toBe(404);
    expect((await h.client().request('GET', new URL(feedThere.body.url).pathname)).status).toBe(200);
  });
});

describe('only http(s) web addresses are stored (item 8)', () => {
  it.each(['javascript:alert(1)', 'JavaScript://roc.nl/%0aalert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'ftp://roc.nl'])(
    'refuses the institution website %s with a translated field error',
    async (website) => {
      const c = h.client();
      await c.login(coordinatorEmail, PASSWORD);
      const created = await c.request('POST', `/api/networks/${nid}/institutions`, { name: `School ${website.slice(0, 6)}`, kind: 'mbo', website });
      expect(created.status).toBe(400);
      expect(created.body.error.fields).toEqual([expect.objectContaining({ path: 'website', code: 'FIELD_INVALID_URL' })]);
      expect(created.body.error.fields[0].message).toBe('website: is geen geldige webadres (begin met https://)');
      const patched = await c.request('PATCH', `/api/networks/${nid}/institutions/${instId}`, { website });
      expect(patched.status).toBe(400);
      expect(patched.body.error.fields).toEqual([expect.objectContaining({ path: 'website', code: 'FIELD_INVALID_URL' })]);
    },
  );

  it('accepts an https website', async () => {
    const c = h.client();
    await c.login(coordinatorEmail, PASSWORD);
    const res = await c.request('PATCH', `/api/networks/${nid}/institutions/${instId}`, { website: 'https://www.roc-hardening.nl/over-ons' });
    expect(res.status).toBe(200);
    expect(res.body.website).toBe('https://www.roc-hardening.nl/over-ons');
  });
});

describe('the audit log (item 8)', () => {
  it('records logins, logouts, failed logins, resets and profile changes in the member’s network', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId, { email: 'audit-trail@example.nl' });
    const c = h.client();
    expect((await c.login(person.email, 'wrong-password')).status).toBe(401);
    expect((await c.login(person.email, PASSWORD)).status).toBe(200);
    expect((await c.request('PATCH', '/api/auth/me', { name: 'Nieuwe Naam', locale: 'en' })).status).toBe(200);
    expect((await c.request('POST', '/api/auth/logout')).status).toBe(200);
    await c.request('POST', '/api/auth/password-reset', { email: person.email });
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes(person.email)));
    const token = /\/wachtwoord-herstellen\/(\S+)/.exec(mail.text)![1]!;
    expect((await c.request('POST', '/api/auth/password-reset/confirm', { token, password: 'een-nieuw-wachtwoord' })).status).toBe(200);

    const coordinator = h.client();
    await coordinator.login(coordinatorEmail, PASSWORD);
    const page = await coordinator.request('GET', `/api/networks/${nid}/audit?limit=200`);
    expect(page.status).toBe(200);
    const mine = page.body.entries.filter((e: { entityId: string }) => e.entityId === person.id).map((e: { action: string }) => e.action);
    expect(mine).toEqual(['password_reset', 'password_reset_requested', 'logout', 'profile_update', 'login', 'login_failed']);
    const login = page.body.entries.find((e: { entityId: string; action: string }) => e.entityId === person.id && e.action === 'login');
    expect(login).toMatchObject({ entity: 'account', actorName: 'Nieuwe Naam', data: { ip: '127.0.0.1' } });
  });

  it('pages through more than 200 entries, newest first, without gaps or repeats', async () => {
    const network = await makeNetwork(h.deps.db);
    const manager = await makePerson(h.deps.db, network.id, 'admin', null);
    const networkId = policyRowNetwork(network.id, 'created');
    // 250 entries, many sharing one timestamp to the microsecond (one transaction: now() is fixed).
    await h.deps.db.transaction(async (tx) => {
      for (let i = 0; i < 250; i++) await recordAudit(tx, networkId, manager.id, 'update', 'institution', `entry-${i}`, { i });
    });
    const c = h.client();
    await c.login(manager.email, PASSWORD); // adds a 'login' entry: 251 in all
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=60&cursor=${cursor}` : '?limit=60';
      const res = await c.request('GET', `/api/networks/${network.id}/audit${query}`);
      expect(res.status).toBe(200);
      expect(res.body.entries.length).toBeLessThanOrEqual(60);
      seen.push(...res.body.entries.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(251);
    expect(new Set(seen).size).toBe(251);
    const all = await h.deps.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.networkId, network.id));
    expect(new Set(seen)).toEqual(new Set(all.map((r) => r.id)));
    const first = await c.request('GET', `/api/networks/${network.id}/audit`);
    expect(first.body.entries).toHaveLength(50);
    expect(first.body.entries[0].action).toBe('login');
    expect((await c.request('GET', `/api/networks/${network.id}/audit?limit=201`)).status).toBe(400);
    const bad = await c.request('GET', `/api/networks/${network.id}/audit?cursor=not-a-cursor`);
    expect(bad.status).toBe(400);
  });
});

describe('TRUST_PROXY (item 8)', () => {
  it('without it, X-Forwarded-For and X-Forwarded-Proto are ignored', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId);
    const res = await h.client().request('POST', '/api/auth/login', { email: person.email, password: PASSWORD }, { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const [login] = await auditOf(person.id, 'login');
    expect(login!.data).toEqual({ ip: '127.0.0.1' });
  });

  it('with it, the client address and https come from the proxy’s headers', async () => {
    const h2 = await harnessStart({ smtp: false, env: { TRUST_PROXY: '1', LOGIN_MAX_ATTEMPTS: '2' } });
    try {
      const network = await makeNetwork(h2.deps.db);
      const person = await makePerson(h2.deps.db, network.id, 'teacher', null);
      const c = h2.client();
      // The proxy appends the address it saw; whatever the client put further left is ignored.
      const viaProxy = { 'x-forwarded-for': '198.51.100.1, 203.0.113.7', 'x-forwarded-proto': 'https' };
      const res = await c.request('POST', '/api/auth/login', { email: person.email, password: PASSWORD }, viaProxy);
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      const [login] = await h2.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, person.id), eq(auditLog.action, 'login')));
      expect(login!.data).toEqual({ ip: '203.0.113.7' });
      const plain = await h2.client().request('POST', '/api/auth/login', { email: person.email, password: PASSWORD }, { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'http' });
      expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
      // Throttling per (account, address) follows the forwarded address.
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      for (let i = 0; i < 2; i++) expect((await c.request('POST', '/api/auth/login', { email: person.email, password: 'wrong-password' }, from('203.0.113.50'))).status).toBe(401);
      expect((await c.request('POST', '/api/auth/login', { email: person.email, password: PASSWORD }, from('203.0.113.50'))).status).toBe(429);
      expect((await c.request('POST', '/api/auth/login', { email: person.email, password: PASSWORD }, from('203.0.113.51'))).status).toBe(200);
      const failed = await h2.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, person.id), inArray(auditLog.action, ['login_failed'])));
      expect(failed.map((f) => (f.data as { ip: string }).ip)).toEqual(['203.0.113.50', '203.0.113.50']);
    } finally {
      await h2.stop();
    }
  });
});
