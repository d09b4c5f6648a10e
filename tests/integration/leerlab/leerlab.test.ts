import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { harnessStart, waitFor, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makePerson, PASSWORD } from '../../support/factories.ts';
import { placeLocation } from '../../support/exchange-fixture.ts';
import { leerlabPupils, leerlabs, auditLog, leerlabSessions } from '../../../src/db/schema/index.ts';
import { policyRowNetwork } from '../../../src/domain/foundation/auth/policy.ts';
import { removeExpiredPupils } from '../../../src/domain/leerlab/pupil/actions.ts';
import { sendChecklistReminders } from '../../../src/domain/leerlab/checklist/actions.ts';

// A leerlab end to end through the API: set-up, holidays by CSV, planning the year in both
// directions, moving and cancelling a session, the roster import (extra personal columns dropped
// and reported), a pupil in two classes, attendance, results, the grade CSV, an exemption PDF,
// the retention job, checklist reminders and an anonymous evaluation by code.

let h: Harness;
let coordinator: ApiClient;
let teacherClient: ApiClient;
let nid: string;
let vo: string;
let mbo: string;
let mboTeacher: string;
let voTeacher: string;
let leerlabId: string;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const now = new Date();
const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const monday = today + (14 - ((new Date(today).getUTCDay() + 6) % 7)) * DAY;
const firstDate = iso(monday);
const lastDate = iso(monday + 10 * 7 * DAY - 3 * DAY);

beforeAll(async () => {
  h = await harnessStart({ smtp: true });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Eemland')).id;
  vo = (await makeInstitution(db, nid, { name: 'Vakcollege Test', kind: 'vmbo' })).id;
  mbo = (await makeInstitution(db, nid, { name: 'ROC Test', kind: 'mbo' })).id;
  const voLoc = await makeLocation(db, nid, vo);
  const mboLoc = await makeLocation(db, nid, mbo);
  await placeLocation(h, voLoc.id, 52.2530, 5.2560);
  await placeLocation(h, mboLoc.id, 52.2190, 5.2870);
  const c = await makePerson(db, nid, 'school_coordinator', vo);
  coordinator = h.client();
  await coordinator.login(c.email, PASSWORD);
  const t = await makePerson(db, nid, 'teacher', mbo);
  mboTeacher = t.id;
  teacherClient = h.client();
  await teacherClient.login(t.email, PASSWORD);
  voTeacher = (await makePerson(db, nid, 'teacher', vo)).id;
  const res = await coordinator.request('POST', `/api/networks/${nid}/leerlabs`, {
    name: 'Leerlab IT', pgp: 'IT', keuzedeelName: 'Design thinking', keuzedeelCode: 'K0125', cohortYear: 4, schoolYear: '2026-2027', firstDate, lastDate,
    parts: [{ name: 'Empathie', hours: 10 }, { name: 'Prototype', hours: 14 }], classes: ['4a', '4B'],
    periods: [{ name: 'Periode 1', startDate: firstDate, endDate: iso(monday + 5 * 7 * DAY) }],
    partners: [{ institutionId: vo, side: 'vo' }, { institutionId: mbo, side: 'mbo' }],
    staff: [{ personId: c.id, role: 'vo_coordinator' }, { personId: mboTeacher, role: 'mbo_teacher' }, { personId: voTeacher, role: 'vo_teacher' }],
    voLocationId: voLoc.id, mboLocationId: mboLoc.id, travelMode: 'bike',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  leerlabId = res.body.id;
});

afterAll(async () => {
  await h?.stop();
});

const api = (path = '') => `/api/networks/${nid}/leerlabs/${leerlabId}${path}`;

describe('leerlab set-up', () => {
  it('computes the travel time from the coordinates, keeps an edited one, and starts the checklist from the template', async () => {
    const l = (await coordinator.request('GET', api())).body;
    expect(l.travelComputed).toBeGreaterThan(10);
    expect(l.travelMinutes).toBe(l.travelComputed);
    expect(l.classes.map((c: { name: string }) => c.name)).toEqual(['4A', '4B']);
    expect(l.pupilsRemoveOn > lastDate).toBe(true);
    const edited = await coordinator.request('PATCH', api(), { travelMinutes: 20 });
    expect(edited.body).toMatchObject({ travelMinutes: 20, travelEdited: true });
    const checklist = (await coordinator.request('GET', api('/checklist'))).body as { kind: string }[];
    expect(checklist.map((i) => i.kind)).toEqual(expect.arrayContaining(['financing', 'badges', 'grade_accounts', 'transport', 'evaluation']));
  });

  it('imports holidays and study days from a CSV with a line per row', async () => {
    const csv = `datum;omschrijving\n${iso(monday + 7 * DAY)};${iso(monday + 11 * DAY)};Kerstvakantie\n${iso(monday + 16 * DAY)};studiedag\nmorgen\n2020-01-01\n`;
    const res = await coordinator.request('POST', api('/closed-days/csv'), { csv });
    expect(res.status).toBe(200);
    expect(res.body.added).toBe(6);
    expect(res.body.rows.map((r: { status: string }) => r.status)).toEqual(['added', 'added', 'error', 'skipped']);
    const l = (await coordinator.request('GET', api())).body;
    expect(l.closedDays.find((d: { date: string }) => d.date === iso(monday + 16 * DAY)).kind).toBe('study_day');
  });

  it('keeps pupil data from people outside the leerlab', async () => {
    const other = await makePerson(h.deps.db, nid, 'teacher', mbo);
    const client = h.client();
    await client.login(other.email, PASSWORD);
    expect((await client.request('GET', api('/pupils'))).status).toBe(403);
    expect((await client.request('GET', `/api/networks/${nid}/leerlabs`)).body).toEqual([]);
    expect((await teacherClient.request('GET', api('/pupils'))).status).toBe(200);
  });
});

describe('planning the year', () => {
  it('proposes options for both directions, avoiding the class timetable, holidays and Monday 15–16 h', async () => {
    const l = (await coordinator.request('GET', api())).body;
    const lessons = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '10:00' }));
    for (const c of l.classes) expect((await coordinator.request('PUT', api(`/classes/${c.id}/lessons`), { lessons })).status).toBe(200);
    const plan = (await coordinator.request('GET', api('/plan'))).body;
    expect(plan.directions.map((d: { direction: string }) => d.direction)).toEqual(['pupils_to_mbo', 'teachers_to_vo']);
    for (const d of plan.directions) {
      expect(d.options.length).toBeGreaterThan(0);
      for (const o of d.options) {
        expect(o.weekday === 1 && o.start < '16:00' && o.end > '15:00').toBe(false);
        // Travel after the 10:00 lesson end: pupils cannot start before 10:20.
        if (d.direction === 'pupils_to_mbo') expect(o.start >= '10:20').toBe(true);
        expect(o.sessions.some((s: { date: string }) => s.date === iso(monday + 16 * DAY))).toBe(false);
      }
      expect(d.rejected.some((r: { reason: string }) => r.reason === 'CLASS_BUSY')).toBe(true);
    }
  });

  it('says which constraint removed the last options when nothing fits', async () => {
    const l = (await coordinator.request('GET', api())).body;
    const full = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' }));
    await coordinator.request('PUT', api(`/classes/${l.classes[1].id}/lessons`), { lessons: full });
    const plan = (await coordinator.request('GET', api('/plan'))).body;
    expect(plan.directions[0].options).toEqual([]);
    expect(plan.directions[0].emptiedBy).toBe('CLASS_TIMETABLE');
    expect(plan.directions[0].emptyMessage).toContain('lesrooster van de klas');
    await coordinator.request('PUT', api(`/classes/${l.classes[1].id}/lessons`), { lessons: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '10:00' })) });
  });

  it('creates the sessions of the chosen option, tells the people, moves and cancels single sessions', async () => {
    const plan = (await coordinator.request('GET', api('/plan'))).body;
    const best = plan.directions[0].options[0];
    const mailsBefore = h.mails.length;
    const chosen = await coordinator.request('POST', api('/plan'), { direction: 'pupils_to_mbo', weekday: best.weekday, start: best.start });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.length).toBe(best.sessions.length);
    await waitFor(() => (h.mails.length >= mailsBefore + 3 ? true : undefined));
    const invitation = h.mails.slice(mailsBefore).find((m) => m.to.includes(`${''}`) || true)!;
    expect(invitation.raw).toContain('METHOD:REQUEST');

    const guest = plan.directions[1].options.find((o: { weekday: number; start: string }) => o.weekday !== best.weekday) ?? plan.directions[1].options[0];
    expect((await coordinator.request('POST', api('/plan'), { direction: 'teachers_to_vo', weekday: guest.weekday, start: guest.start })).status).toBe(200);

    const sessions = (await coordinator.request('GET', api('/sessions'))).body as { id: string; start: string; sequence: number; direction: string }[];
    const first = sessions.find((s) => s.direction === 'pupils_to_mbo')!;
    // Onto a lesson of the class (Monday 08:30–10:00): refused with the reason.
    const lessonMonday = new Date(Date.parse(`${firstDate}T08:00:00Z`) + 7 * 3 * DAY).toISOString();
    const refused = await coordinator.request('POST', api(`/sessions/${first.id}/move`), { start: lessonMonday });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('LEERLAB_MOVE_CLASS_BUSY');
    expect(refused.body.error.message).toMatch(/4A|4B/);
    const free = new Date(Date.parse(`${firstDate}T12:00:00Z`) + 7 * 3 * DAY + DAY).toISOString();
    const moved = await coordinator.request('POST', api(`/sessions/${first.id}/move`), { start: free });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.sequence).toBe(first.sequence + 1);
    const cancelled = await coordinator.request('POST', api(`/sessions/${first.id}/cancel`));
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: first.sequence + 2 });
    await waitFor(() => (h.mails.some((m) => m.raw.includes('METHOD:CANCEL')) ? true : undefined));

    // The personal calendar feed of the leerlab's teacher: the same UIDs, the cancelled one as cancelled.
    const feed = await teacherClient.request('POST', `/api/networks/${nid}/calendar-feed`);
    expect(feed.status).toBe(201);
    const ics = await (await fetch(feed.body.url.replace(/^https?:\/\/[^/]+/, h.baseUrl))).text();
    expect(ics).toContain('Leerlab Leerlab IT');
    expect(ics.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(sessions.length);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toMatch(/SEQUENCE:2/);
  });
});

describe('roster, attendance, results', () => {
  it('imports pupils by CSV: only name and class are kept, extra personal columns are dropped and reported', async () => {
    const csv = [
      'Roepnaam;Tussenvoegsel;Achternaam;Klas;Geboortedatum;BSN;Adres',
      'Sam;de;Vries;4A;2011-03-04;123456782;Dorpsstraat 1',
      'Noa;;Jansen;4b;2011-05-06;111222333;Kerkstraat 2',
      ';;;4A;2011-01-01;;',
      'Liam;;Bakker;4C;2011-01-01;;',
      'Sam;de;Vries;4B;2011-03-04;123456782;Dorpsstraat 1',
    ].join('\n');
    const res = await coordinator.request('POST', api('/pupils/csv'), { csv });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.added).toBe(2);
    expect(res.body.droppedColumns).toEqual(['Geboortedatum', 'BSN', 'Adres']);
    expect(res.body.droppedMessage).toContain('Geboortedatum');
    expect(res.body.rows.map((r: { status: string; code: string | null }) => r.code ?? r.status)).toEqual(['added', 'added', 'PUPIL_NAME_MISSING', 'PUPIL_CLASS_UNKNOWN', 'PUPIL_IN_TWO_CLASSES']);
    expect(res.body.rows[4].message).toContain('4A');
    // Nothing of the dropped columns is stored anywhere (pupils, audit log).
    const stored = JSON.stringify([...(await h.deps.db.select().from(leerlabPupils)), ...(await h.deps.db.select().from(auditLog).where(eq(auditLog.networkId, nid)))]);
    for (const secret of ['2011-03-04', '123456782', 'Dorpsstraat']) expect(stored).not.toContain(secret);
  });

  it('answers a pupil added by hand to a second class clearly', async () => {
    const res = await coordinator.request('POST', api('/pupils'), { name: 'Noa Jansen', className: '4A' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PUPIL_IN_TWO_CLASSES');
    expect(res.body.error.message).toContain('4B');
  });

  it('marks attendance, keeps results, exports grades as CSV and issues an exemption PDF', async () => {
    const sessions = (await teacherClient.request('GET', api('/sessions'))).body as { id: string; status: string }[];
    const s = sessions.find((x) => x.status === 'planned')!;
    const att = (await teacherClient.request('GET', api(`/sessions/${s.id}/attendance`))).body;
    expect(att.pupils).toHaveLength(2);
    const marked = await teacherClient.request('PUT', api(`/sessions/${s.id}/attendance`), { marks: att.pupils.map((p: { id: string }, i: number) => ({ pupilId: p.id, status: i === 0 ? 'present' : 'absent' })) });
    expect(marked.body.pupils.map((p: { status: string }) => p.status)).toEqual(['present', 'absent']);

    const l = (await coordinator.request('GET', api())).body;
    const roster = (await coordinator.request('GET', api('/pupils'))).body;
    const sam = roster.pupils.find((p: { name: string }) => p.name === 'Sam de Vries');
    const noa = roster.pupils.find((p: { name: string }) => p.name === 'Noa Jansen');
    const saved = await teacherClient.request('PUT', api('/results'), { results: [
      { pupilId: sam.id, partId: l.parts[0].id, grade: 7.5, completed: true, assessedOn: firstDate },
      { pupilId: sam.id, partId: l.parts[1].id, grade: 5.4, completed: false, assessedOn: null },
    ] });
    expect(saved.status).toBe(200);

    const csv = await coordinator.download(api('/grades.csv'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('leerling;klas;keuzedeel_code;keuzedeel;onderdeel;uren;cijfer;behaald;datum');
    expect(lines).toContain(`Sam de Vries;4A;K0125;Design thinking;Empathie;10;7,5;ja;${firstDate}`);
    expect(lines).toContain('Sam de Vries;4A;K0125;Design thinking;Prototype;14;5,4;nee;');
    expect(lines).toContain('Noa Jansen;4B;K0125;Design thinking;Empathie;10;;nee;');
    expect(lines).toHaveLength(1 + 2 * 2);

    const pdf = await coordinator.download(api(`/pupils/${sam.id}/exemption.pdf`));
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const none = await coordinator.request('GET', api(`/pupils/${noa.id}/exemption.pdf`));
    expect(none.status).toBe(409);
    expect((await coordinator.request('GET', api('/pupils'))).body.pupils.find((p: { id: string }) => p.id === sam.id).exemptionsIssued).toBe(1);
  });
});

describe('teachers\' record', () => {
  it('credits the hours of sessions that took place and offers them as learner-report activities', async () => {
    const start = new Date(Date.now() - 7 * DAY);
    const row = (direction: string, offsetDays: number, minutes: number) => {
      const s = new Date(start.getTime() + offsetDays * DAY);
      return { networkId: nid, leerlabId, direction, startAt: s, endAt: new Date(s.getTime() + minutes * 60_000), leaveAt: s, returnBy: new Date(s.getTime() + minutes * 60_000), uid: `${crypto.randomUUID()}@kruispunt` };
    };
    await h.deps.db.insert(leerlabSessions).values([row('pupils_to_mbo', 0, 90), row('pupils_to_mbo', 1, 90), row('teachers_to_vo', 2, 60)]);
    const n = policyRowNetwork(nid, 'job');
    const record = h.deps.ports.recordActivitySources.find((s) => s.source === 'leerlab')!;
    const mbo = await record.list(h.deps, n, mboTeacher);
    expect(mbo.map((a) => [a.source, a.hours]).sort()).toEqual([['leerlab_guest_lesson', 1], ['leerlab_session', 3]]);
    // The vo teacher taught no guest lesson: only the pupils' sessions count for them.
    expect((await record.list(h.deps, n, voTeacher)).map((a) => [a.source, a.hours])).toEqual([['leerlab_session', 3]]);
    const candidates = h.deps.ports.learnerActivitySources.find((s) => s.source === 'leerlab_guest_lesson')!;
    const today = new Date().toISOString().slice(0, 10);
    const offered = await candidates.list(h.deps, n, mboTeacher, { periodStart: iso(Date.now() - 30 * DAY), periodEnd: today });
    expect(offered).toHaveLength(1);
    expect(offered[0]!.title).toContain('Gastlessen Design thinking');
  });
});

describe('retention, reminders, evaluation', () => {
  it('removes the pupils a configured time after the cohort ends, not before', async () => {
    const l = (await coordinator.request('GET', api())).body;
    expect(await removeExpiredPupils({ ...h.deps, now: () => new Date(Date.parse(`${l.pupilsRemoveOn}T00:00:00Z`) - 2 * DAY) })).toBe(0);
    expect((await h.deps.db.select().from(leerlabPupils).where(eq(leerlabPupils.leerlabId, leerlabId))).length).toBe(2);
    expect(await removeExpiredPupils({ ...h.deps, now: () => new Date(Date.parse(`${l.pupilsRemoveOn}T12:00:00Z`)) })).toBe(2);
    expect((await h.deps.db.select().from(leerlabPupils).where(eq(leerlabPupils.leerlabId, leerlabId))).length).toBe(0);
    const [row] = await h.deps.db.select().from(leerlabs).where(eq(leerlabs.id, leerlabId));
    expect(row!.pupilsRemovedAt).not.toBeNull();
    expect((await coordinator.request('GET', api('/pupils'))).body.pupilsRemovedAt).not.toBeNull();
  });

  it('reminds owners of checklist items due within a week, once', async () => {
    const first = await sendChecklistReminders({ ...h.deps, now: () => new Date(Date.parse(`${firstDate}T08:00:00Z`)) });
    expect(first).toBeGreaterThan(0);
    expect(await sendChecklistReminders({ ...h.deps, now: () => new Date(Date.parse(`${firstDate}T09:00:00Z`)) })).toBe(0);
  });

  it('lets pupils and teachers answer anonymously by code and shows the results per round', async () => {
    const created = await coordinator.request('POST', api('/evaluations'), { name: 'Na periode 1' });
    const ev = created.body[0];
    expect(ev.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const anon = h.client();
    const form = await anon.request('GET', `/api/leerlab-evaluations/${ev.code}`);
    expect(form.body).toMatchObject({ name: 'Na periode 1', leerlabName: 'Leerlab IT', open: true });
    const ratings = { learned: 4, interesting: 5, organisation: 3, travel: 2, recommend: 4 };
    for (const respondent of ['pupil', 'pupil', 'mbo_teacher']) {
      expect((await anon.request('POST', `/api/leerlab-evaluations/${ev.code}/answers`, { respondent, ratings, comment: respondent === 'pupil' ? 'Leuk!' : '' })).status).toBe(200);
    }
    expect((await anon.request('GET', '/api/leerlab-evaluations/AAAAAA')).status).toBe(404);
    const results = (await coordinator.request('PATCH', api(`/evaluations/${ev.id}`), { notes: 'Maandag later beginnen.', open: false })).body[0];
    expect(results.answers).toBe(3);
    expect(results.groups.find((g: { respondent: string }) => g.respondent === 'pupil').answers).toBe(2);
    expect(results.distribution.find((d: { question: string }) => d.question === 'interesting').counts).toEqual([0, 0, 0, 0, 3]);
    expect(results.notes).toBe('Maandag later beginnen.');
    expect((await anon.request('POST', `/api/leerlab-evaluations/${ev.code}/answers`, { respondent: 'pupil', ratings, comment: '' })).status).toBe(409);
    const stored = await h.deps.db.execute(sql`select * from leerlab_evaluation_answers`);
    expect(Object.keys(stored.rows[0] ?? {})).not.toContain('person_id');
  });
});
