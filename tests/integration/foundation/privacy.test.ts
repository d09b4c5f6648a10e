import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { unzipSync, strFromU8 } from 'fflate';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, makeLearnerReport, PASSWORD } from '../../support/factories.ts';
import {
  people, memberships, sessions, editions, registrations, visits, reflections, learnerReports, learnerReportRevisions, auditLog,
} from '../../../src/db/schema/index.ts';
import { eraseOwnData } from '../../../src/domain/foundation/privacy/actions.ts';

// A person's own data: the export holds their rows and no one else's; erasure removes their
// texts, keeps a partner's visit with an anonymous placeholder, refuses the only coordinator, and
// is one transaction (a failure half-way leaves everything as it was).

let h: Harness;
let nid: string;
let inst: string;
let otherInst: string;
let editionId: string;

async function teacherWithHistory(partnerId: string, institutionId: string) {
  const me = await makePerson(h.deps.db, nid, 'teacher', institutionId);
  await h.deps.db.insert(registrations).values({
    networkId: nid, editionId, personId: me.id, institutionId, side: 'a', wishes: ['Doorlopende leerlijnen mbo-hbo'], note: 'Liever niet op vrijdag',
    preferredPersonIds: [partnerId],
  });
  const [visit] = await h.deps.db.insert(visits).values({
    networkId: nid, editionId, observerId: me.id, hostId: partnerId,
    lessonStart: new Date('2026-11-10T09:00:00Z'), lessonEnd: new Date('2026-11-10T10:00:00Z'),
    leaveAt: new Date('2026-11-10T08:30:00Z'), returnBy: new Date('2026-11-10T10:30:00Z'), uid: `visit-${me.id}@kruispunt`,
  }).returning();
  await h.deps.db.insert(reflections).values({ networkId: nid, visitId: visit!.id, personId: me.id, observed: 'Een geheime observatie', learned: 'Veel', apply: 'Morgen' });
  const report = await makeLearnerReport(h.deps.db, nid, me.id, { inventory: ['Mijn eigen leerverhaal'] });
  return { me, visitId: visit!.id, reportId: report.id };
}

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db, 'Netwerk Privacy')).id;
  inst = (await makeInstitution(h.deps.db, nid, { name: 'ROC Privacy' })).id;
  otherInst = (await makeInstitution(h.deps.db, nid, { name: 'Hogeschool Privacy', kind: 'hbo' })).id;
  await makePerson(h.deps.db, nid, 'network_coordinator', null);
  const [edition] = await h.deps.db.insert(editions).values({
    networkId: nid, name: 'Uitwisselweek 2026', windowStart: '2026-11-09', windowEnd: '2026-11-13', announcementDate: '2026-06-01',
    registrationDeadline: '2026-10-01', publicSlug: `week-${Date.now()}`,
  }).returning();
  editionId = edition!.id;
});
afterAll(async () => h?.stop());

describe('export of one\'s own data', () => {
  it('is a ZIP with an HTML summary and JSON per table, holding the person\'s rows and none of others\'', async () => {
    const partner = await makePerson(h.deps.db, nid, 'teacher', otherInst);
    const { me, reportId } = await teacherWithHistory(partner.id, inst);
    const other = await teacherWithHistory(partner.id, inst);
    const c = h.client();
    expect((await c.login(me.email, PASSWORD)).status).toBe(200);
    const res = await c.download('/api/auth/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="kruispunt-gegevens-\d{4}-\d{2}-\d{2}\.zip"/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const read = (name: string) => JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>[];
    const html = strFromU8(files['index.html']!);
    expect(html).toContain('Jouw gegevens in Kruispunt');
    expect(html).toContain(me.email);

    const person = read('people.json');
    expect(person).toEqual([expect.objectContaining({ id: me.id, email: me.email })]);
    expect(person[0]).not.toHaveProperty('password_hash');
    expect(read('sessions.json')[0]).not.toHaveProperty('token_hash');
    expect(read('learner_reports.json').map((r) => r.id)).toEqual([reportId]);
    expect(read('learner_report_revisions.json').map((r) => r.report_id)).toEqual([reportId]);
    expect(read('registrations.json').map((r) => r.person_id)).toEqual([me.id]);
    expect(read('visit_reflections.json').map((r) => r.observed)).toEqual(['Een geheime observatie']);
    expect(read('visits.json').map((r) => r.observer_id)).toEqual([me.id]);
    expect(read('audit_log.json').some((r) => r.action === 'login')).toBe(true);

    // Nothing of the other teacher, anywhere in the ZIP.
    for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes), name).not.toContain(other.me.id);
    expect(Object.keys(files)).toContain('timetable_blocks.json');

    const audit = await h.deps.db.select().from(auditLog).where(eq(auditLog.actorId, me.id));
    expect(audit.map((a) => a.action)).toContain('data_export');
  });

  it('needs a login', async () => {
    expect((await h.client().request('GET', '/api/auth/me/export')).status).toBe(401);
    expect((await h.client().request('GET', '/api/auth/me/erasure')).status).toBe(401);
  });
});

describe('erasure', () => {
  it('tells the person what happens, per table, before they confirm', async () => {
    const partner = await makePerson(h.deps.db, nid, 'teacher', otherInst);
    const { me } = await teacherWithHistory(partner.id, inst);
    const c = h.client();
    await c.login(me.email, PASSWORD);
    const plan = (await c.request('GET', '/api/auth/me/erasure')).body;
    expect(plan.blockedBy).toEqual([]);
    const step = (table: string) => plan.steps.find((s: { table: string }) => s.table === table);
    expect(step('learner_reports')).toMatchObject({ rows: 1, erase: 'delete' });
    expect(step('visits')).toMatchObject({ rows: 1, erase: 'keep-anonymous-placeholder' });
    expect(step('registrations')).toMatchObject({ rows: 1, erase: 'anonymise' });
    expect(step('people')).toMatchObject({ rows: 1, erase: 'anonymise' });
  });

  it('asks the person to confirm with their own e-mail address', async () => {
    const me = await makePerson(h.deps.db, nid, 'teacher', inst);
    const c = h.client();
    await c.login(me.email, PASSWORD);
    const res = await c.request('POST', '/api/auth/me/erasure', { email: 'iemand.anders@example.nl' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'email', code: 'FIELD_CONFIRMATION_MISMATCH' })]);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('removes texts and the account, keeps the partner\'s visit with an anonymous placeholder, and ends the sessions', async () => {
    const partner = await makePerson(h.deps.db, nid, 'teacher', otherInst);
    const { me, visitId, reportId } = await teacherWithHistory(partner.id, inst);
    // The partner prefers this teacher in their own registration: the id goes from the partner's list.
    await h.deps.db.insert(registrations).values({ networkId: nid, editionId, personId: partner.id, institutionId: otherInst, side: 'b', preferredPersonIds: [me.id] });
    const c = h.client();
    await c.login(me.email, PASSWORD);
    const res = await c.request('POST', '/api/auth/me/erasure', { email: me.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(401);

    const [row] = await h.deps.db.select().from(people).where(eq(people.id, me.id));
    expect(row).toMatchObject({ name: 'Verwijderde persoon', email: `verwijderd-${me.id}@kruispunt.invalid`, passwordHash: null });
    expect(row!.erasedAt).toBeInstanceOf(Date);
    expect(await h.deps.db.select().from(memberships).where(eq(memberships.personId, me.id))).toEqual([]);
    expect(await h.deps.db.select().from(sessions).where(eq(sessions.personId, me.id))).toEqual([]);
    expect(await h.deps.db.select().from(learnerReports).where(eq(learnerReports.id, reportId))).toEqual([]);
    expect(await h.deps.db.select().from(learnerReportRevisions).where(eq(learnerReportRevisions.reportId, reportId))).toEqual([]);
    expect(await h.deps.db.select().from(reflections).where(eq(reflections.personId, me.id))).toEqual([]);
    const [reg] = await h.deps.db.select().from(registrations).where(eq(registrations.personId, me.id));
    expect(reg).toMatchObject({ wishes: [], note: '', preferredPersonIds: [] });
    const [partnerReg] = await h.deps.db.select().from(registrations).where(eq(registrations.personId, partner.id));
    expect(partnerReg!.preferredPersonIds).toEqual([]);
    const [visit] = await h.deps.db.select().from(visits).where(eq(visits.id, visitId));
    expect(visit).toMatchObject({ observerId: me.id, hostId: partner.id });
    expect((await h.client().login(me.email, PASSWORD)).status).toBe(401);
    const audit = await h.deps.db.select().from(auditLog).where(eq(auditLog.actorId, me.id));
    expect(audit.map((a) => a.action)).toContain('erasure');
  });

  it('leaves the e-mail address nowhere: login and reset throttling are removed, audit events by others name the placeholder', async () => {
    const email = `throttled.${Date.now()}@example.nl`;
    const coordinator = await makePerson(h.deps.db, nid, 'network_coordinator', null);
    const admin = h.client();
    await admin.login(coordinator.email, PASSWORD);
    expect((await admin.request('POST', `/api/networks/${nid}/invitations`, { email, name: 'Gedrosseld', role: 'teacher', institutionId: inst })).status).toBe(201);
    const me = await makePerson(h.deps.db, nid, 'teacher', inst, { email });
    const c = h.client();
    expect((await c.login(email, PASSWORD)).status).toBe(200);
    // Someone tries a wrong password and asks for a reset mail: throttle rows under the address.
    expect((await h.client().login(email.toUpperCase(), 'not-the-password-at-all')).status).toBe(401);
    expect((await h.client().request('POST', '/api/auth/password-reset', { email })).status).toBe(200);
    const throttles = async () => ((await h.deps.db.execute(sql`select key from auth_throttle where key like ${`%${email}%`}`)).rows as { key: string }[]).map((r) => r.key).sort();
    expect(await throttles()).toEqual([`login ${email}`, `login ${email} 127.0.0.1`, `reset ${email}`]);

    const plan = (await c.request('GET', '/api/auth/me/erasure')).body;
    expect(plan.steps).toContainEqual(expect.objectContaining({ table: 'auth_throttle', rows: 3, erase: 'delete' }));
    expect(plan.steps).toContainEqual(expect.objectContaining({ table: 'audit_log', rows: 1, erase: 'anonymise' }));
    const files = unzipSync(new Uint8Array(await (await c.download('/api/auth/me/export')).arrayBuffer()));
    expect((JSON.parse(strFromU8(files['auth_throttle.json']!)) as { key: string }[]).map((r) => r.key).sort()).toEqual(await throttles());

    expect((await c.request('POST', '/api/auth/me/erasure', { email })).status).toBe(200);
    expect(await throttles()).toEqual([]);
    // No table holds the address any more, in any column.
    const tables = (await h.deps.db.execute(sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).rows as { t: string }[];
    const holding: string[] = [];
    for (const { t } of tables) {
      const n = (await h.deps.db.execute(sql`select count(*)::int as n from ${sql.identifier(t)} x where lower(x::text) like ${`%${email}%`}`)).rows[0] as { n: number };
      if (n.n > 0) holding.push(`${t} (${n.n})`);
    }
    expect(holding).toEqual([]);
    const [invite] = (await h.deps.db.execute(sql`select data from audit_log where action = 'invite' and actor_id = ${coordinator.id}`)).rows as { data: { email: string } }[];
    expect(invite!.data.email).toBe(`verwijderd-${me.id}@kruispunt.invalid`);
  });

  it('refuses the only coordinator of a network with LAST_COORDINATOR, and says so before', async () => {
    const solo = await makeNetwork(h.deps.db, 'Netwerk met één coördinator');
    const coordinator = await makePerson(h.deps.db, solo.id, 'network_coordinator', null);
    const c = h.client();
    await c.login(coordinator.email, PASSWORD);
    const plan = (await c.request('GET', '/api/auth/me/erasure')).body;
    expect(plan.blockedBy).toEqual([{ networkId: solo.id, networkName: 'Netwerk met één coördinator', code: 'LAST_COORDINATOR' }]);
    const res = await c.request('POST', '/api/auth/me/erasure', { email: coordinator.email }, { 'accept-language': 'en' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_COORDINATOR');
    const [row] = await h.deps.db.select().from(people).where(eq(people.id, coordinator.id));
    expect(row!.erasedAt).toBeNull();
    // With a second coordinator the first may go.
    await makePerson(h.deps.db, solo.id, 'network_coordinator', null);
    expect((await c.request('POST', '/api/auth/me/erasure', { email: coordinator.email })).status).toBe(200);
  });

  it('leaves nothing half-done when a step fails part-way', async () => {
    const partner = await makePerson(h.deps.db, nid, 'teacher', otherInst);
    const { me, reportId } = await teacherWithHistory(partner.id, inst);
    const c = h.client();
    await c.login(me.email, PASSWORD);
    // A declaration that fails after the learner reports, reflections and memberships were already deleted.
    const failing = { area: 'test', table: 'no_such_table', personColumns: ['person_id'], erase: 'delete' as const, export: false, note: 'fails' };
    const deps = { ...h.deps, ports: { ...h.deps.ports, privacyTables: [...h.deps.ports.privacyTables, failing] } };
    const actor = { personId: me.id, name: me.name, email: me.email, locale: 'nl' as const, memberships: [] };
    await expect(eraseOwnData(deps, actor, { email: me.email }, { baseUrl: h.baseUrl, locale: 'nl', ip: '127.0.0.1' })).rejects.toThrow();
    expect((await h.deps.db.select().from(learnerReports).where(eq(learnerReports.id, reportId))).length).toBe(1);
    expect((await h.deps.db.select().from(reflections).where(eq(reflections.personId, me.id))).length).toBe(1);
    expect((await h.deps.db.select().from(memberships).where(eq(memberships.personId, me.id))).length).toBe(1);
    const [row] = await h.deps.db.select().from(people).where(eq(people.id, me.id));
    expect(row).toMatchObject({ email: me.email, erasedAt: null });
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
  });
});
