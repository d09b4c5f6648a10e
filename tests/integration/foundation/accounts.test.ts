import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { harnessStart, waitFor, type Harness, testDatabaseMode } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, PASSWORD } from '../../support/factories.ts';
import { invitations, people, mailOutbox, sessions } from '../../../src/db/schema/index.ts';

let h: Harness;
let nid: string;
let instId: string;
let coordinatorEmail: string;

beforeAll(async () => {
  h = await harnessStart({ smtp: true, env: { LOGIN_MAX_ATTEMPTS: '3' } });
  const network = await makeNetwork(h.deps.db, 'Netwerk Accounts');
  nid = network.id;
  instId = (await makeInstitution(h.deps.db, nid, { name: 'ROC Test' })).id;
  coordinatorEmail = (await makePerson(h.deps.db, nid, 'network_coordinator', null)).email;
});
afterAll(async () => h?.stop());

describe('health and documents', () => {
  it('reports the database mode', async () => {
    const res = await h.client().request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: testDatabaseMode });
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await h.client().request('GET', '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/auth/login'].post.requestBody.content['application/json'].schema.properties.email).toBeTruthy();
  });

  it('sends security headers and a strict CSP', async () => {
    const res = await h.client().request('GET', '/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('login, session and logout', () => {
  it('logs in with a same-origin Origin header and sets an HttpOnly SameSite cookie', async () => {
    const c = h.client();
    const res = await c.request('POST', '/api/auth/login', { email: coordinatorEmail.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/kp_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.memberships[0]).toMatchObject({ networkId: nid, role: 'network_coordinator' });
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await c.request('POST', '/api/auth/logout')).status).toBe(200);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses state-changing requests from another origin or without one (CSRF)', async () => {
    const c = h.client();
    const foreign = await c.request('POST', '/api/auth/login', { email: coordinatorEmail, password: PASSWORD }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('CSRF_REJECTED');
    const res = await fetch(`${h.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: coordinatorEmail, password: PASSWORD }) });
    expect(res.status).toBe(403);
  });

  it('answers a wrong password with a translated 401 and rate-limits repeated failures', async () => {
    const victim = await makePerson(h.deps.db, nid, 'teacher', instId);
    const c = h.client();
    const nl = await c.request('POST', '/api/auth/login', { email: victim.email, password: 'wrong-password' });
    expect(nl.status).toBe(401);
    expect(nl.body.error.message).toBe('Het e-mailadres of wachtwoord klopt niet.');
    const en = await c.request('POST', '/api/auth/login', { email: victim.email, password: 'wrong-password' }, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body.error.message).toBe('The e-mail address or password is incorrect.');
    await c.request('POST', '/api/auth/login', { email: victim.email, password: 'wrong-password' });
    const blocked = await c.request('POST', '/api/auth/login', { email: victim.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('validates the login body with field messages, never a 500', async () => {
    const c = h.client();
    const res = await c.request('POST', '/api/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
    const broken = await c.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('invitations by e-mail over SMTP', () => {
  it('invites a teacher, who accepts from the mail and logs in', async () => {
    const coordinator = h.client();
    await coordinator.login(coordinatorEmail, PASSWORD);
    const invite = await coordinator.request('POST', `/api/networks/${nid}/invitations`, { email: 'Nieuwe.Docent@Example.nl', name: 'Nieuwe Docent', role: 'teacher', institutionId: instId });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: 'nieuwe.docent@example.nl', status: 'pending', institutionName: 'ROC Test' });
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes('nieuwe.docent@example.nl')));
    expect(mail.subject).toContain('Uitnodiging voor Kruispunt');
    const link = /https?:\/\/\S+\/uitnodiging\/(\S+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = link![1]!;
    const teacher = h.client();
    const info = await teacher.request('GET', `/api/invitations/${token}`);
    expect(info.body).toMatchObject({ email: 'nieuwe.docent@example.nl', role: 'teacher', institutionName: 'ROC Test', hasAccount: false });
    const weak = await teacher.request('POST', `/api/invitations/${token}/accept`, { name: 'Nieuwe Docent', password: 'kort' });
    expect(weak.status).toBe(400);
    const accepted = await teacher.request('POST', `/api/invitations/${token}/accept`, { name: 'Nieuwe Docent', password: 'een-lang-wachtwoord' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships).toEqual([expect.objectContaining({ networkId: nid, institutionId: instId, role: 'teacher' })]);
    expect((await teacher.request('GET', '/api/auth/me')).status).toBe(200);
    const again = await h.client().request('POST', `/api/invitations/${token}/accept`, { name: 'Iemand Anders', password: 'een-lang-wachtwoord' });
    expect(again.body.error.code).toBe('TOKEN_INVALID');
    const fresh = h.client();
    expect((await fresh.login('nieuwe.docent@example.nl', 'een-lang-wachtwoord')).status).toBe(200);
    const [outbox] = await h.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'nieuwe.docent@example.nl'));
    expect(outbox?.status).toBe('sent');
  });

  it('refuses an expired invitation with a clear message', async () => {
    const coordinator = h.client();
    await coordinator.login(coordinatorEmail, PASSWORD);
    await coordinator.request('POST', `/api/networks/${nid}/invitations`, { email: 'laat@example.nl', name: 'Te Laat', role: 'teacher', institutionId: instId });
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes('laat@example.nl')));
    const token = /\/uitnodiging\/(\S+)/.exec(mail.text)![1]!;
    await h.deps.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, 'laat@example.nl'));
    const res = await h.client().request('GET', `/api/invitations/${token}`);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
  });
});

describe('password reset', () => {
  it('sends a link that sets a new password once and ends other sessions', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId, { email: 'vergeten@example.nl' });
    const other = h.client();
    await other.login(person.email, PASSWORD);
    const c = h.client();
    const res = await c.request('POST', '/api/auth/password-reset', { email: 'vergeten@example.nl' });
    expect(res.status).toBe(200);
    const unknown = await c.request('POST', '/api/auth/password-reset', { email: 'bestaat-niet@example.nl' });
    expect(unknown.status).toBe(200);
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes('vergeten@example.nl')));
    const token = /\/wachtwoord-herstellen\/(\S+)/.exec(mail.text)![1]!;
    expect((await c.request('POST', '/api/auth/password-reset/confirm', { token, password: 'nieuw-wachtwoord-123' })).status).toBe(200);
    expect((await c.request('POST', '/api/auth/password-reset/confirm', { token, password: 'nog-een-wachtwoord' })).body.error.code).toBe('TOKEN_INVALID');
    expect((await other.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await h.client().login('vergeten@example.nl', 'nieuw-wachtwoord-123')).status).toBe(200);
    expect(h.mails.some((m) => m.to.includes('bestaat-niet@example.nl'))).toBe(false);
  });
});

describe('outbox without SMTP', () => {
  it('keeps mail in the outbox that a beheerder can read', async () => {
    const h2 = await harnessStart({ smtp: false });
    try {
      const network = await makeNetwork(h2.deps.db);
      const inst = await makeInstitution(h2.deps.db, network.id);
      const admin = await makePerson(h2.deps.db, network.id, 'admin', null);
      const c = h2.client();
      await c.login(admin.email, PASSWORD);
      const invite = await c.request('POST', `/api/networks/${network.id}/invitations`, { email: 'outbox@example.nl', name: 'Out Box', role: 'teacher', institutionId: inst.id });
      expect(invite.status).toBe(201);
      const outbox = await c.request('GET', `/api/networks/${network.id}/outbox`);
      expect(outbox.status).toBe(200);
      expect(outbox.body).toEqual([expect.objectContaining({ to: 'outbox@example.nl', status: 'stored' })]);
      expect(outbox.body[0].text).toMatch(/\/uitnodiging\//);
      const sessionCount = await h2.deps.db.select().from(sessions);
      expect(sessionCount.length).toBe(1);
      const stored = await h2.deps.db.select().from(people).where(eq(people.email, 'outbox@example.nl'));
      expect(stored).toEqual([]);
    } finally {
      await h2.stop();
    }
  });
});
