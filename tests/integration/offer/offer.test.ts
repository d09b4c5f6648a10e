import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { harnessStart, waitFor, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makePerson, makeLearnerReport, PASSWORD } from '../../support/factories.ts';
import { offerRegistrations, offerSessions, timetableBlocks } from '../../../src/db/schema/index.ts';
import { registerForSession, cancelOwnRegistration } from '../../../src/domain/offer/registration/actions.ts';
import { sendSandwichReminders } from '../../../src/domain/offer/sandwich/send-reminders.ts';
import { futureSession, masterclassInput, teacherActor } from './offer-fixture.ts';

// Leren buiten de school through the API: a professional publishes, teachers register, the
// waitlist moves up (also under parallel registrations and cancellations on the real database),
// bad input gets translated answers, the sandwich shows each viewer only their part, and a
// session that took place credits hours, becomes a learner-report candidate and sits in the feed.

let h: Harness;
let nid: string;
let otherNid: string;
let company: string;
let school: string;
let otherSchool: string;
let professional: ApiClient;
let otherProfessional: ApiClient;
const teachers: { id: string; email: string; name: string; client: ApiClient }[] = [];
let colleague: ApiClient;
let outsider: ApiClient;

const api = (path: string) => `/api/networks/${nid}${path}`;

beforeAll(async () => {
  h = await harnessStart({ smtp: true });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Techniek')).id;
  otherNid = (await makeNetwork(db, 'Ander netwerk')).id;
  company = (await makeInstitution(db, nid, { name: 'Installatiebedrijf Noord', kind: 'company' })).id;
  const otherCompany = (await makeInstitution(db, nid, { name: 'Bouwbedrijf Zuid', kind: 'company' })).id;
  school = (await makeInstitution(db, nid, { name: 'ROC Test', kind: 'mbo' })).id;
  otherSchool = (await makeInstitution(db, nid, { name: 'Vmbo Test', kind: 'vmbo' })).id;
  await makeLocation(db, nid, company);
  const login = async (role: 'teacher' | 'professional', inst: string) => {
    const p = await makePerson(db, nid, role, inst);
    const client = h.client();
    expect((await client.login(p.email, PASSWORD)).status).toBe(200);
    return { id: p.id, email: p.email, name: p.name, client };
  };
  professional = (await login('professional', company)).client;
  otherProfessional = (await login('professional', otherCompany)).client;
  for (let i = 0; i < 3; i++) teachers.push(await login('teacher', school));
  colleague = (await login('teacher', school)).client;
  outsider = (await login('teacher', otherSchool)).client;
});

afterAll(async () => {
  await h?.stop();
});

async function publish(overrides: Record<string, unknown> = {}) {
  const res = await professional.request('POST', api('/offers'), { ...masterclassInput(company), hostInstitutionId: undefined, ...overrides });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; sessions: { id: string }[] };
}

describe('company directory', () => {
  it('a professional keeps the company profile; teachers filter the directory', async () => {
    const put = await professional.request('PUT', api(`/companies/${company}`), { sector: 'Installatietechniek', iscedCodes: ['0713'], profile: 'Warmtepompen en zonnepanelen.', takesPupils: true, committedOn: '2026-09-01' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await otherProfessional.request('PUT', api(`/companies/${company}`), { sector: 'x' })).status).toBe(403);
    const list = await teachers[0]!.client.request('GET', api('/companies?field=07'));
    expect(list.body.map((c: { name: string }) => c.name)).toEqual(['Installatiebedrijf Noord']);
    expect(list.body[0]).toMatchObject({ takesPupils: true, committedOn: '2026-09-01', canEdit: false });
  });
});

describe('registration and the waitlist', () => {
  it('gives places up to capacity, then a waitlist that moves up on cancellation (mail + in-app)', async () => {
    const offer = await publish({ capacity: 2 });
    const session = offer.sessions[0]!.id;
    const [a, b, c] = teachers as [typeof teachers[0], typeof teachers[0], typeof teachers[0]];
    for (const t of [a, b]) {
      const res = await t.client.request('POST', api(`/offer-sessions/${session}/registration`), {});
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.status).toBe('confirmed');
    }
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes(a.email) && m.subject.includes('Aangemeld')));
    expect(mail.raw).toContain('BEGIN:VCALENDAR');
    const third = await c.client.request('POST', api(`/offer-sessions/${session}/registration`), {});
    expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const again = await c.client.request('POST', api(`/offer-sessions/${session}/registration`), {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('OFFER_ALREADY_REGISTERED');
    // The host sees who comes and who waits.
    const hostView = await professional.request('GET', api(`/offers/${offer.id}/registrations`));
    expect(hostView.body.map((r: { status: string }) => r.status).sort()).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect((await otherProfessional.request('GET', api(`/offers/${offer.id}/registrations`))).status).toBe(403);
    expect((await a.client.request('DELETE', api(`/offer-sessions/${session}/registration`))).status).toBe(200);
    const promoted = await waitFor(() => h.mails.find((m) => m.to.includes(c.email) && m.subject.includes('plek vrijgekomen')));
    expect(promoted.raw).toContain('BEGIN:VCALENDAR');
    const mine = await c.client.request('GET', api('/my-offers'));
    expect(mine.body[0]).toMatchObject({ status: 'confirmed', promotedUnseen: true });
    expect((await c.client.request('POST', api('/my-offers/seen'))).body.marked).toBe(1);
    expect((await c.client.request('GET', api('/my-offers'))).body[0].promotedUnseen).toBe(false);
  });

  it('answers bad input with translated errors and loses or doubles nothing', async () => {
    const offer = await publish({ capacity: 1 });
    const session = offer.sessions[0]!.id;
    const [a, b] = teachers as [typeof teachers[0], typeof teachers[0]];
    expect((await a.client.request('POST', api(`/offer-sessions/${session}/registration`), {})).body.status).toBe('confirmed');
    const full = await b.client.request('POST', api(`/offer-sessions/${session}/registration`), { waitlist: false });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'OFFER_FULL' });
    expect(full.body.error.message).toContain('wachtlijst');
    // Capacity below the number registered.
    await b.client.request('POST', api(`/offer-sessions/${session}/registration`), {});
    const patchOk = await professional.request('PATCH', api(`/offers/${offer.id}`), { capacity: 2 });
    expect(patchOk.status).toBe(200);
    expect(patchOk.body.sessions[0]).toMatchObject({ confirmed: 2, waitlisted: 0 });
    const lower = await professional.request('PATCH', api(`/offers/${offer.id}`), { capacity: 1 });
    expect(lower.status).toBe(409);
    expect(lower.body.error.code).toBe('OFFER_CAPACITY_BELOW_REGISTERED');
    expect(lower.body.error.message).toContain('2');
    // Deadline passed.
    const late = await publish({ deadline: '2020-01-01' });
    const dl = await a.client.request('POST', api(`/offer-sessions/${late.sessions[0]!.id}/registration`), {});
    expect(dl.body.error.code).toBe('OFFER_DEADLINE_PASSED');
    // Cancelled session: everyone's registration lapses, with a cancellation mail.
    const cancel = await professional.request('POST', api(`/offers/${offer.id}/sessions/${session}/cancel`));
    expect(cancel.status).toBe(200);
    const cs = await teachers[2]!.client.request('POST', api(`/offer-sessions/${session}/registration`), {});
    expect(cs.body.error.code).toBe('OFFER_SESSION_CANCELLED');
    await waitFor(() => h.mails.find((m) => m.to.includes(a.email) && m.subject.startsWith('Afgemeld') && m.raw.includes('METHOD:CANCEL')));
    // Another network's offer does not exist for this network.
    const foreign = await h.client().request('GET', `/api/networks/${otherNid}/offers/${offer.id}`);
    expect(foreign.status).toBe(401);
    const cross = await a.client.request('POST', `/api/networks/${otherNid}/offer-sessions/${session}/registration`, {});
    expect(cross.status).toBe(404);
    // A school visit is offered by a school, not a company.
    const kind = await professional.request('POST', api('/offers'), { ...masterclassInput(company), kind: 'school_visit' });
    expect(kind.body.error.code).toBe('OFFER_KIND_NOT_FOR_HOST');
    const rows = await h.deps.db.select().from(offerRegistrations).where(eq(offerRegistrations.sessionId, session));
    expect(rows.filter((r) => r.status !== 'cancelled')).toEqual([]);
    expect(rows).toHaveLength(2);
  });

  it('shows a clash with the teacher\'s timetable before they confirm', async () => {
    const offer = await publish();
    const s = (await h.deps.db.select().from(offerSessions).where(eq(offerSessions.id, offer.sessions[0]!.id)))[0]!;
    const t = teachers[1]!;
    await h.deps.db.insert(timetableBlocks).values({ networkId: nid, personId: t.id, startAt: new Date(s.startAt.getTime() + 3_600_000), endAt: new Date(s.startAt.getTime() + 6_000_000), kind: 'lesson', summary: 'Elektrotechniek 2B', source: 'test' });
    const clash = await t.client.request('GET', api(`/offer-sessions/${s.id}/clash`));
    expect(clash.body).toMatchObject({ hasTimetable: true, clashes: [{ summary: 'Elektrotechniek 2B', kind: 'lesson' }] });
    const refused = await t.client.request('POST', api(`/offer-sessions/${s.id}/registration`), {});
    expect(refused.body.error.code).toBe('OFFER_TIMETABLE_CLASH');
    expect(refused.body.error.message).toContain('valt samen met 1 blok in je rooster');
    const ok = await t.client.request('POST', api(`/offer-sessions/${s.id}/registration`), { confirmClash: true });
    expect(ok.body.status).toBe('confirmed');
  });
});

describe('concurrency on the real database', () => {
  it('30 parallel registrations for 10 places, then parallel cancellations: never more than capacity, no place lost, no one twice', async () => {
    const db = h.deps.db;
    const people = await Promise.all(Array.from({ length: 30 }, () => makePerson(db, nid, 'teacher', school, { withPassword: false })));
    const actors = people.map((p) => teacherActor(nid, p.id, school));
    const offer = await publish({ capacity: 10 });
    const session = offer.sessions[0]!.id;
    const results = await Promise.all(actors.map((a) => registerForSession(h.deps, a, nid, session, { confirmClash: true, waitlist: true })));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(20);
    expect(new Set(results.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition)).size).toBe(20);
    // Parallel: 6 with a place cancel, 4 on the waitlist cancel, 5 try to register twice.
    const confirmed = results.flatMap((r, i) => (r.status === 'confirmed' ? [actors[i]!] : []));
    const waiting = results.flatMap((r, i) => (r.status === 'waitlisted' ? [{ actor: actors[i]!, position: r.waitlistPosition! }] : []))
      .sort((x, y) => x.position - y.position).map((w) => w.actor);
    expect(results.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await Promise.all([
      ...confirmed.slice(0, 6).map((a) => cancelOwnRegistration(h.deps, a, nid, session)),
      ...waiting.slice(10, 14).map((a) => cancelOwnRegistration(h.deps, a, nid, session)),
      ...confirmed.slice(6, 11).map((a) => registerForSession(h.deps, a, nid, session, { confirmClash: true, waitlist: true }).catch((e: { code: string }) => e.code)),
    ]);
    const rows = await db.select().from(offerRegistrations).where(eq(offerRegistrations.sessionId, session));
    const active = rows.filter((r) => r.status !== 'cancelled');
    expect(active.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(active.filter((r) => r.status === 'waitlisted')).toHaveLength(30 - 10 - 10);
    expect(new Set(active.map((r) => r.personId)).size).toBe(active.length);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(10);
    // The first six in line moved up, in order.
    const firstSix = new Set(waiting.slice(0, 6).map((a) => a.personId));
    expect(active.filter((r) => r.promotedAt).map((r) => r.personId).every((id) => firstSix.has(id))).toBe(true);
    expect(active.filter((r) => r.promotedAt)).toHaveLength(6);
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from offer_registrations where session_id = ${session} and status = 'confirmed'`)).rows as [{ n: number }];
    expect(n).toBe(10);
  });
});

describe('the sandwich, hours and visibility', () => {
  it('leads through before, during and after; each viewer sees their part; the session credits hours', async () => {
    const offer = await publish({ kind: 'company_visit', title: 'Bedrijfsbezoek warmtepompen', capacity: 5, creditedHours: 3 });
    const session = offer.sessions[0]!.id;
    const [a] = teachers as [typeof teachers[0]];
    await a.client.request('POST', api(`/offer-sessions/${session}/registration`), { confirmClash: true });
    // Before
    const q = await a.client.request('PUT', api(`/offer-sessions/${session}/sandwich/mine`), { learningQuestions: 'Hoe leg je een warmtepomp uit aan leerlingen?' });
    expect(q.status, JSON.stringify(q.body)).toBe(200);
    expect(q.body.phase).toBe('before');
    expect((await professional.request('PUT', api(`/offer-sessions/${session}/sandwich/plan`), { agenda: '13:00 rondleiding', tasks: 'Docent A fotografeert' })).status).toBe(200);
    const reminded = await sendSandwichReminders(h.deps);
    expect(reminded).toBe(0); // questions written: no "before" reminder
    // During and after: move the session into the past.
    await h.deps.db.update(offerSessions).set({ startAt: new Date(Date.now() - 5 * 3_600_000), endAt: new Date(Date.now() - 2 * 3_600_000) }).where(eq(offerSessions.id, session));
    await a.client.request('PUT', api(`/offer-sessions/${session}/sandwich/mine`), { notes: 'COP van 4,5 bij 7 °C' });
    const after = await a.client.request('PUT', api(`/offer-sessions/${session}/sandwich/plan`), { takeaways: 'Practicum warmtepomp in leerjaar 2', feedback: 'Heel leerzaam, graag vaker.' });
    expect(after.body).toMatchObject({ phase: 'after', role: 'participant', takeaways: 'Practicum warmtepomp in leerjaar 2' });
    expect(await sendSandwichReminders(h.deps)).toBe(0); // after: both written
    // The company sees the questions and the feedback, never notes or takeaways.
    const host = await professional.request('GET', api(`/offer-sessions/${session}/sandwich`));
    expect(host.body).toMatchObject({ role: 'host', feedback: 'Heel leerzaam, graag vaker.', takeaways: null, mine: null });
    expect(host.body.questions[0].learningQuestions).toContain('warmtepomp');
    expect(JSON.stringify(host.body)).not.toContain('COP van');
    expect((await professional.request('PUT', api(`/offer-sessions/${session}/sandwich/plan`), { takeaways: 'x' })).status).toBe(403);
    // A colleague of the teacher's school sees what the group takes back, nothing else.
    const col = await colleague.request('GET', api(`/offer-sessions/${session}/sandwich`));
    expect(col.body).toMatchObject({ role: 'colleague', takeaways: 'Practicum warmtepomp in leerjaar 2', feedback: null, questions: null, agenda: null });
    expect((await outsider.request('GET', api(`/offer-sessions/${session}/sandwich`))).status).toBe(403);
    // Hours, learner-report candidate and the professional record's port.
    const mine = await a.client.request('GET', api('/my-offers'));
    expect(mine.body.find((m: { sessionId: string }) => m.sessionId === session)).toMatchObject({ hours: 3, phase: 'after', sandwich: true });
    const record = (await Promise.all(h.deps.ports.recordActivitySources.map((s) => s.list(h.deps, nid as never, a.id)))).flat();
    expect(record.find((r) => r.source === 'offer_registration' && r.hours === 3)).toBeDefined();
    const candidates = await a.client.request('GET', `/api/networks/${nid}/learner-reports/candidates`);
    const candidate = candidates.body.find((c: { source: string }) => c.source === 'company_visit');
    expect(candidate.prefill.learningOutcomes).toBe('Practicum warmtepomp in leerjaar 2');
    // A company never sees a teacher's learner report.
    const report = await makeLearnerReport(h.deps.db, nid, a.id);
    expect([403, 404]).toContain((await professional.request('GET', `/api/networks/${nid}/learner-reports/${report.id}`)).status);
  });

  it('puts registrations in the personal calendar feed with a stable UID, cancelled ones as cancelled', async () => {
    const offer = await publish({ title: 'Masterclass in de agenda' });
    const session = offer.sessions[0]!.id;
    const t = teachers[2]!;
    await t.client.request('POST', api(`/offer-sessions/${session}/registration`), { confirmClash: true });
    const feed = await t.client.request('POST', api('/calendar-feed'));
    const url = new URL(feed.body.url as string);
    const first = await (await fetch(`${h.baseUrl}${url.pathname}`)).text();
    expect(first).toContain('SUMMARY:Masterclass in de agenda');
    const uid = /UID:([^\r\n]*)/.exec(first.split('BEGIN:VEVENT').find((e) => e.includes('Masterclass in de agenda'))!)![1]!;
    await t.client.request('DELETE', api(`/offer-sessions/${session}/registration`));
    const second = await (await fetch(`${h.baseUrl}${url.pathname}`)).text();
    const event = second.split('BEGIN:VEVENT').find((e) => e.includes('Masterclass in de agenda'))!;
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toContain(`UID:${uid}`);
    expect(event).toContain('SEQUENCE:1');
  });

  it('an offer on request: a teacher asks, the host accepts with a date and the teacher has a place', async () => {
    const offer = await publish({ kind: 'teacher_internship', title: 'Docentstage op aanvraag', onRequest: true, sessions: [], internshipForm: 'deepening' });
    const t = teachers[0]!;
    const req = await t.client.request('POST', api(`/offers/${offer.id}/requests`), { message: 'Twee dagdelen in maart', preferredDates: ['2027-03-02'] });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    const list = await professional.request('GET', api(`/offers/${offer.id}/requests`));
    expect(list.body).toHaveLength(1);
    const accepted = await professional.request('POST', api(`/offer-requests/${req.body.id}/decision`), { decision: 'accept', ...futureSession(20) });
    expect(accepted.body.status).toBe('accepted');
    const again = await professional.request('POST', api(`/offer-requests/${req.body.id}/decision`), { decision: 'decline' });
    expect(again.body.error.code).toBe('OFFER_REQUEST_DECIDED');
    const mine = await t.client.request('GET', api('/my-offers'));
    expect(mine.body.find((m: { offerId: string }) => m.offerId === offer.id)).toMatchObject({ status: 'confirmed' });
    const rows = await h.deps.db.select().from(offerRegistrations).where(and(eq(offerRegistrations.offerId, offer.id)));
    expect(rows).toHaveLength(1);
  });

  it('reports per company, school and kind; a company sees only its own figures, which match the database', async () => {
    const report = await professional.request('GET', api('/offer-report'));
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.scope).toBe('own');
    expect(report.body.byCompany.map((c: { hostName: string }) => c.hostName)).toEqual(['Installatiebedrijf Noord']);
    expect(report.body.byCompany[0].feedback).toContain('Heel leerzaam, graag vaker.');
    const [{ n }] = (await h.deps.db.execute(sql`select count(*)::int as n from offer_registrations r join offer_sessions s on s.id = r.session_id join offers o on o.id = r.offer_id
      where o.host_institution_id = ${company} and r.status = 'confirmed' and s.status = 'planned' and o.status = 'published'`)).rows as [{ n: number }];
    expect(report.body.totals.confirmed).toBe(n);
    expect(report.body.byKind.find((k: { kind: string }) => k.kind === 'masterclass').offers).toBeGreaterThan(0);
    expect(report.body.bySchool.find((s: { institutionName: string }) => s.institutionName === 'ROC Test').hours).toBeGreaterThanOrEqual(3);
    expect((await otherProfessional.request('GET', api('/offer-report'))).body.byCompany).toEqual([]);
    expect((await teachers[0]!.client.request('GET', api('/offer-report'))).status).toBe(403);
    const csv = await professional.download(api('/offer-report.csv'));
    expect(await csv.text()).toContain('Aanbieder;Aanbod;Bijeenkomsten');
    const xlsx = await professional.download(api('/offer-report.xlsx'));
    expect(xlsx.status).toBe(200);
  });
});
