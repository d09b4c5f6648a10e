import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeNetwork, makePerson, makeLearnerReport, PASSWORD } from '../../support/factories.ts';
import { auditLog, mailOutbox, learnerReportRevisions } from '../../../src/db/schema/index.ts';
import { applyRetention } from '../../../src/domain/foundation/retention/actions.ts';

// Retention: the hourly job removes exactly what is older than each period; the beheerder sees
// every period. The audit log filters and its CSV export.

let h: Harness;
let nid: string;
let adminEmail: string;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await harnessStart({ env: { RETENTION_AUDIT_DAYS: '30', RETENTION_OUTBOX_DAYS: '10', RETENTION_REPORT_REVISIONS_DAYS: '20' } });
  nid = (await makeNetwork(h.deps.db, 'Netwerk Bewaren')).id;
  adminEmail = (await makePerson(h.deps.db, nid, 'admin', null)).email;
});
afterAll(async () => h?.stop());

describe('retention', () => {
  it('removes exactly the rows older than their period, and nothing younger', async () => {
    const now = new Date('2027-03-01T12:00:00Z');
    h.clock.set(now);
    const ago = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY + extraMs);
    const audit = await h.deps.db.insert(auditLog).values([
      { networkId: nid, action: 'old', entity: 'test', at: ago(30, -1000) },
      { networkId: nid, action: 'young', entity: 'test', at: ago(30, 1000) },
    ]).returning();
    const mail = await h.deps.db.insert(mailOutbox).values([
      { networkId: nid, to: 'a@example.nl', subject: 'oud', text: 'x', status: 'sent', createdAt: ago(10, -1000) },
      { networkId: nid, to: 'b@example.nl', subject: 'jong', text: 'x', status: 'sent', createdAt: ago(10, 1000) },
    ]).returning();
    const teacher = await makePerson(h.deps.db, nid, 'teacher', null);
    const report = await makeLearnerReport(h.deps.db, nid, teacher.id);
    await h.deps.db.update(learnerReportRevisions).set({ savedAt: ago(20, -1000) }).where(eq(learnerReportRevisions.reportId, report.id));
    await h.deps.db.insert(learnerReportRevisions).values({ networkId: nid, reportId: report.id, revision: 2, state: {}, savedAt: ago(20, 1000) });

    const removed = await applyRetention(h.deps);
    expect(removed).toMatchObject({ audit_log: 1, mail_outbox: 1, learner_report_revisions: 1 });
    const auditLeft = await h.deps.db.select().from(auditLog).where(inArray(auditLog.id, audit.map((a) => a.id)));
    expect(auditLeft.map((a) => a.action)).toEqual(['young']);
    const mailLeft = await h.deps.db.select().from(mailOutbox).where(inArray(mailOutbox.id, mail.map((m) => m.id)));
    expect(mailLeft.map((m) => m.subject)).toEqual(['jong']);
    const revisions = await h.deps.db.select().from(learnerReportRevisions).where(eq(learnerReportRevisions.reportId, report.id));
    expect(revisions.map((r) => r.revision)).toEqual([2]);
    h.clock.reset();
  });

  it('shows the beheerder every period with its setting', async () => {
    const c = h.client();
    await c.login(adminEmail, PASSWORD);
    const res = await c.request('GET', `/api/networks/${nid}/retention`);
    expect(res.status).toBe(200);
    const byTable = Object.fromEntries(res.body.map((e: { table: string }) => [e.table, e]));
    expect(byTable.audit_log).toMatchObject({ period: { value: 30, unit: 'days' }, setting: 'RETENTION_AUDIT_DAYS', appliedBy: 'hourly' });
    expect(byTable.mail_outbox).toMatchObject({ period: { value: 10, unit: 'days' }, setting: 'RETENTION_OUTBOX_DAYS' });
    expect(byTable.learner_report_revisions).toMatchObject({ period: { value: 20, unit: 'days' } });
    expect(byTable.auth_throttle).toMatchObject({ period: { value: 24, unit: 'hours' } });
    expect(byTable.sessions.setting).toBe('SESSION_IDLE_MINUTES');
    expect(byTable.leerlab_pupils).toMatchObject({ area: 'leerlab', appliedBy: 'area', period: null });
  });
});

describe('audit log filters and CSV', () => {
  it('filters by action, entity and period, and exports the same selection as CSV', async () => {
    await h.deps.db.insert(auditLog).values([
      { networkId: nid, action: 'role_change', entity: 'person', entityId: 'p1', data: { role: 'teacher' }, at: new Date('2027-02-10T10:00:00Z') },
      { networkId: nid, action: 'role_change', entity: 'person', entityId: 'p2', data: { role: '=cmd()' }, at: new Date('2027-02-12T10:00:00Z') },
      { networkId: nid, action: 'login', entity: 'account', at: new Date('2027-02-11T10:00:00Z') },
    ]);
    const c = h.client();
    await c.login(adminEmail, PASSWORD);
    const page = await c.request('GET', `/api/networks/${nid}/audit?action=role_change&from=2027-02-11&to=2027-02-12`);
    expect(page.status).toBe(200);
    expect(page.body.entries.map((e: { entityId: string }) => e.entityId)).toEqual(['p2']);
    const kinds = await c.request('GET', `/api/networks/${nid}/audit/kinds`);
    expect(kinds.body.actions).toEqual(expect.arrayContaining(['login', 'role_change']));
    const res = await c.download(`/api/networks/${nid}/audit.csv?action=role_change`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at;actor;action;entity;entity_id;data');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(';role_change;person;p2;');
    expect(csv).not.toContain(';login;');
    const bad = await c.request('GET', `/api/networks/${nid}/audit?from=2027-13-45`);
    expect(bad.status).toBe(400);
  });
});
