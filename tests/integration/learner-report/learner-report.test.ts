import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, makeLearnerReport } from '../../support/factories.ts';
import { learnerReports, learnerReportRevisions, notifications, mailOutbox, people } from '../../../src/db/schema/index.ts';
import { sendLearnerReportReminders } from '../../../src/domain/learner-report/report/send-reminders.ts';
import type { LearnerReportCandidateSource } from '../../../src/domain/learner-report/public.ts';
import { rawLogin, type RawClient } from './learner-report-support.ts';

// Learner reports over HTTP on a real database: state changes, autosave conflicts, bad input,
// typology, sharing, PDFs, reminders and candidates. Privacy, insight and the research export
// have their own file (learner-report-privacy.test.ts).

let h: Harness;
let nid: string;
let inst: string;
let author: RawClient;
let colleague: RawClient;
let teamLead: RawClient;
let coordinator: RawClient;
let englishTeacher: RawClient;
let outsider: { id: string };
const base = () => `/api/networks/${nid}/learner-reports`;

function activity(title: string, extra: Record<string, unknown> = {}) {
  return {
    title,
    description: { goal: 'Studenten beter begeleiden', involved: 'Twee collega’s en de praktijkbegeleider', role: 'Coach', setting: 'Stagebezoek' },
    learningOutcomes: 'Ik zie het leerproces van de student nu ook vanuit de werkplek.',
    impact: 'Ik stel in het stagegesprek andere vragen.',
    explanation: 'Het gesprek met de begeleider liet een ander perspectief zien.',
    ...extra,
  };
}

beforeAll(async () => {
  h = await harnessStart({ smtp: true });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Learner Reports')).id;
  inst = (await makeInstitution(db, nid, { kind: 'mbo' })).id;
  const a = await makePerson(db, nid, 'teacher', inst);
  const b = await makePerson(db, nid, 'teacher', inst);
  const tl = await makePerson(db, nid, 'team_lead', inst);
  const nc = await makePerson(db, nid, 'network_coordinator', null);
  const en = await makePerson(db, nid, 'teacher', inst);
  await db.update(people).set({ locale: 'en' }).where(eq(people.id, en.id));
  const other = await makeNetwork(db);
  outsider = await makePerson(db, other.id, 'teacher', (await makeInstitution(db, other.id)).id);
  author = await rawLogin(h, a.email, a.id);
  colleague = await rawLogin(h, b.email, b.id);
  teamLead = await rawLogin(h, tl.email, tl.id);
  coordinator = await rawLogin(h, nc.email, nc.id);
  englishTeacher = await rawLogin(h, en.email, en.id);
});
afterAll(async () => h?.stop());

async function revisionsInDb(reportId: string) {
  return h.deps.db.select().from(learnerReportRevisions).where(eq(learnerReportRevisions.reportId, reportId));
}

describe('writing a learner report', () => {
  it('creates a draft with a default period of seven weeks and lists it', async () => {
    const res = await author.request('POST', base(), { inventory: ['Stagebezoek bij een zorginstelling'] });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'draft', revision: 1, access: 'owner', maxActivities: 5, inventory: ['Stagebezoek bij een zorginstelling'], activities: [] });
    const days = (Date.parse(res.json.periodEnd) - Date.parse(res.json.periodStart)) / 86_400_000;
    expect(days).toBe(48);
    const list = await author.request('GET', base());
    expect(list.json.map((r: { id: string }) => r.id)).toContain(res.json.id);
    // a colleague's list does not show it
    expect((await colleague.request('GET', base())).json.map((r: { id: string }) => r.id)).not.toContain(res.json.id);
  });

  it('autosaves with revisions; a stale save gets 409 with the server version and never overwrites newer text', async () => {
    const created = (await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19' })).json;
    const first = await author.request('PATCH', `${base()}/${created.id}`, { revision: 1, activities: [activity('Tab A: stagebezoek')] });
    expect(first.status).toBe(200);
    expect(first.json.revision).toBe(2);
    const activityId = first.json.activities[0].id;
    expect(activityId).toMatch(/^[0-9a-f-]{36}$/);
    // a second tab still on revision 1
    const stale = await author.request('PATCH', `${base()}/${created.id}`, { revision: 1, activities: [activity('Tab B: oude tekst')] });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('REVISION_CONFLICT');
    expect(stale.json.error.data.current.revision).toBe(2);
    expect(stale.json.error.data.current.activities[0].title).toBe('Tab A: stagebezoek');
    const now = await author.request('GET', `${base()}/${created.id}`);
    expect(now.json.activities[0].title).toBe('Tab A: stagebezoek');
    // the merge: based on the current revision it is stored
    const merged = await author.request('PATCH', `${base()}/${created.id}`, { revision: 2, activities: [{ ...activity('Tab A + B samengevoegd'), id: activityId }] });
    expect(merged.status).toBe(200);
    expect(merged.json.activities[0].id).toBe(activityId);
    const revisions = await author.request('GET', `${base()}/${created.id}/revisions`);
    expect(revisions.json.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
    expect(revisions.json[1].activities[0].title).toBe('Tab A: stagebezoek');
    expect(JSON.stringify(revisions.json)).not.toContain('Tab B: oude tekst');
  });

  it('lets exactly one of two simultaneous saves on the same revision win', async () => {
    const created = (await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19' })).json;
    const results = await Promise.all(['Eerste', 'Tweede', 'Derde'].map((t) => author.request('PATCH', `${base()}/${created.id}`, { revision: 1, inventory: [t] })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.json.inventory[0];
    expect((await author.request('GET', `${base()}/${created.id}`)).json).toMatchObject({ revision: 2, inventory: [winner] });
    expect(await revisionsInDb(created.id)).toHaveLength(2);
  });

  it('keeps the newest 50 revisions', async () => {
    const created = (await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19' })).json;
    for (let rev = 1; rev <= 52; rev++) {
      const res = await author.request('PATCH', `${base()}/${created.id}`, { revision: rev, inventory: [`regel ${rev}`] });
      expect(res.status).toBe(200);
    }
    const kept = (await revisionsInDb(created.id)).map((r) => r.revision).sort((x, y) => x - y);
    expect(kept).toHaveLength(50);
    expect(kept[0]).toBe(4);
    expect(kept.at(-1)).toBe(53);
  });

  it('refuses bad input with translated field errors and writes nothing', async () => {
    const created = (await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19', activities: [activity('Bestaand')] })).json;
    const url = `${base()}/${created.id}`;
    const cases: [unknown, string, string][] = [
      [{ revision: 1, activities: [activity('')] }, 'activities.0.title', 'FIELD_REQUIRED'],
      [{ revision: 1, activities: [activity('Te lang', { learningOutcomes: 'x'.repeat(4001) })] }, 'activities.0.learningOutcomes', 'FIELD_TOO_LONG'],
      [{ revision: 1, activities: [activity('Te lang', { description: { goal: 'y'.repeat(4001) } })] }, 'activities.0.description.goal', 'FIELD_TOO_LONG'],
      [{ revision: 1, activities: [1, 2, 3, 4, 5, 6].map((i) => activity(`Activiteit ${i}`)) }, 'activities', 'FIELD_TOO_MANY_ACTIVITIES'],
      [{ revision: 1, activities: [activity('Onbekend type', { type: 'KOFFIE_DRINKEN', typeSource: 'chosen' })] }, 'activities.0.type', 'FIELD_INVALID_CHOICE'],
      [{ revision: 1, periodEnd: '2026-08-01' }, 'periodEnd', 'FIELD_PERIOD_END_BEFORE_START'],
      [{ revision: 1, periodEnd: '2027-03-01' }, 'periodEnd', 'FIELD_PERIOD_LENGTH'],
      [{ revision: 1, periodEnd: '2026-09-05' }, 'periodEnd', 'FIELD_PERIOD_LENGTH'],
      [{ revision: 1, periodEnd: '2026-02-30' }, 'periodEnd', 'FIELD_INVALID'],
    ];
    for (const [body, path, code] of cases) {
      const res = await author.request('PATCH', url, body, { 'accept-language': 'en' });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const field = res.json.error.fields.find((f: { path: string }) => f.path === path);
      expect(field, `${path} in ${JSON.stringify(res.json.error.fields)}`).toBeDefined();
      expect(field.code.startsWith(code)).toBe(true);
      expect(field.message).not.toContain(field.code); // a translated message, not the code
    }
    const nl = await author.request('PATCH', url, { revision: 1, activities: [1, 2, 3, 4, 5, 6].map((i) => activity(`A${i}`)) }, { 'accept-language': 'nl' });
    expect(nl.json.error.message).toContain('te veel activiteiten (maximaal 5)');
    // the user's own locale decides (before Accept-Language)
    const en = await englishTeacher.request('POST', base(), { activities: [1, 2, 3, 4, 5, 6].map((i) => activity(`A${i}`)) }, { 'accept-language': 'nl' });
    expect(en.json.error.message).toContain('too many activities (at most 5)');
    // nothing half-written
    const after = await author.request('GET', url);
    expect(after.json).toMatchObject({ revision: 1, periodEnd: '2026-10-19' });
    expect(after.json.activities.map((a: { title: string }) => a.title)).toEqual(['Bestaand']);
    expect(await revisionsInDb(created.id)).toHaveLength(1);
    // and a create with bad input creates nothing
    const before = (await author.request('GET', base())).json.length;
    const bad = await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-12-31' });
    expect(bad.status).toBe(400);
    expect((await author.request('GET', base())).json.length).toBe(before);
  });

  it('uses the network setting for the number of activities (coordinator only)', async () => {
    expect((await author.request('GET', `/api/networks/${nid}/learner-report-settings`)).status).toBe(403);
    expect((await author.request('PATCH', `/api/networks/${nid}/learner-report-settings`, { maxActivities: 8 })).status).toBe(403);
    expect((await coordinator.request('PATCH', `/api/networks/${nid}/learner-report-settings`, { maxActivities: 13 })).status).toBe(400);
    const set = await coordinator.request('PATCH', `/api/networks/${nid}/learner-report-settings`, { maxActivities: 2 });
    expect(set.json).toEqual({ maxActivities: 2, typologyLearning: true });
    const three = await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19', activities: [activity('1'), activity('2'), activity('3')] });
    expect(three.status).toBe(400);
    const two = await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19', activities: [activity('1'), activity('2')] });
    expect(two.json.maxActivities).toBe(2);
    await coordinator.request('PATCH', `/api/networks/${nid}/learner-report-settings`, { maxActivities: 5 });
    expect((await coordinator.request('GET', `/api/networks/${nid}/learner-report-settings`)).json).toEqual({ maxActivities: 5, typologyLearning: true });
  });

  it('suggests a type with its reasons; the teacher confirms or chooses', async () => {
    const text = 'Ik heb een workshop gevolgd over formatief evalueren tijdens een studiedag';
    const created = (await author.request('POST', base(), {
      periodStart: '2026-09-01', periodEnd: '2026-10-19',
      activities: [{ title: text, description: { goal: 'Nieuwe werkvormen leren' } }],
    })).json;
    const activityId = created.activities[0].id;
    const suggestion = await author.request('POST', `${base()}/${created.id}/suggest-type`, { activityId });
    expect(suggestion.status).toBe(200);
    expect(suggestion.json.type).toBe('PD_PROGRAMME');
    expect(suggestion.json.formal).toBe(true);
    expect(suggestion.json.why.length).toBeGreaterThan(0);
    const stateless = await author.request('POST', `/api/networks/${nid}/typology/suggest`, { text });
    expect(stateless.json.type).toBe(suggestion.json.type);
    expect((await author.request('POST', `${base()}/${created.id}/suggest-type`, { activityId: crypto.randomUUID() })).status).toBe(404);
    // colleagues cannot ask about someone else's report
    expect((await colleague.request('POST', `${base()}/${created.id}/suggest-type`, { activityId })).status).toBe(403);
    const shown = { type: suggestion.json.type, why: suggestion.json.why, confidence: suggestion.json.confidence };
    const confirmed = await author.request('PATCH', `${base()}/${created.id}`, {
      revision: 1, activities: [{ ...created.activities[0], type: 'PD_PROGRAMME', typeSource: 'suggested', suggestion: shown }],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.activities[0]).toMatchObject({ type: 'PD_PROGRAMME', typeSource: 'suggested', suggestion: shown });
    const wrong = await author.request('PATCH', `${base()}/${created.id}`, {
      revision: 2, activities: [{ ...created.activities[0], type: 'CONFERENCE', typeSource: 'suggested', suggestion: shown }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.fields[0]).toMatchObject({ path: 'activities.0.typeSource', code: 'FIELD_TYPE_NOT_SUGGESTED' });
    const chosen = await author.request('PATCH', `${base()}/${created.id}`, {
      revision: 2, activities: [{ ...created.activities[0], type: 'CONFERENCE', typeSource: 'chosen', suggestion: shown }],
    });
    expect(chosen.json.activities[0]).toMatchObject({ type: 'CONFERENCE', typeSource: 'chosen', suggestion: { type: 'PD_PROGRAMME' } });
  });

  it('completes only a full report; a completed report is read-only until reopened; the author can delete it', async () => {
    const created = (await author.request('POST', base(), {
      periodStart: '2026-09-01', periodEnd: '2026-10-19', activities: [activity('Zonder type'), { title: 'Alleen een titel', type: 'CONFERENCE', typeSource: 'chosen' }],
    })).json;
    const url = `${base()}/${created.id}`;
    const incomplete = await author.request('POST', `${url}/complete`, { revision: 1 });
    expect(incomplete.status).toBe(400);
    const paths = incomplete.json.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['activities.0.type', 'activities.1.description', 'activities.1.learningOutcomes', 'activities.1.impact', 'activities.1.explanation']));
    expect((await author.request('GET', url)).json.status).toBe('draft');
    const fixed = await author.request('PATCH', url, {
      revision: 1, activities: [activity('Met type', { type: 'TEACHING_COACHING', typeSource: 'chosen' }), activity('Conferentie', { type: 'CONFERENCE', typeSource: 'chosen' })],
    });
    expect((await author.request('POST', `${url}/complete`, { revision: 1 })).status).toBe(409); // stale
    const done = await author.request('POST', `${url}/complete`, { revision: fixed.json.revision });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'completed', revision: 3 });
    expect(done.json.completedAt).not.toBeNull();
    const edit = await author.request('PATCH', url, { revision: 3, inventory: ['nog iets'] });
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe('LEARNER_REPORT_COMPLETED');
    expect((await colleague.request('POST', `${url}/reopen`, { revision: 3 })).status).toBe(403);
    const reopened = await author.request('POST', `${url}/reopen`, { revision: 3 });
    expect(reopened.json).toMatchObject({ status: 'draft', revision: 4, completedAt: null });
    expect((await author.request('PATCH', url, { revision: 4, inventory: ['nog iets'] })).status).toBe(200);
    expect((await colleague.request('DELETE', url)).status).toBe(403);
    expect((await author.request('DELETE', url)).status).toBe(200);
    expect((await author.request('GET', url)).status).toBe(404);
    expect(await revisionsInDb(created.id)).toHaveLength(0);
  });
});

describe('sharing one report', () => {
  it('gives a named colleague read-only access until the author withdraws it', async () => {
    const created = (await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19', activities: [activity('Gedeeld verslag')] })).json;
    const url = `${base()}/${created.id}`;
    expect((await colleague.request('GET', url)).status).toBe(403);
    expect((await author.request('POST', `${url}/shares`, { personId: outsider.id })).status).toBe(400);
    expect((await author.request('POST', `${url}/shares`, { personId: author.personId })).status).toBe(400);
    expect((await colleague.request('POST', `${url}/shares`, { personId: colleague.personId })).status).toBe(403);
    const shared = await author.request('POST', `${url}/shares`, { personId: colleague.personId });
    expect(shared.status).toBe(200);
    expect(shared.json).toHaveLength(1);
    const shareId = shared.json[0].id;
    const read = await colleague.request('GET', url);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ access: 'shared', activities: [{ title: 'Gedeeld verslag' }] });
    expect((await colleague.request('GET', `${base()}/shared-with-me`)).json.map((r: { id: string }) => r.id)).toContain(created.id);
    // read-only: no saving, no revisions, no re-sharing, no suggestion
    expect((await colleague.request('PATCH', url, { revision: 1, inventory: ['overschreven'] })).status).toBe(403);
    expect((await colleague.request('GET', `${url}/revisions`)).status).toBe(403);
    expect((await colleague.request('POST', `${url}/shares`, { personId: teamLead.personId })).status).toBe(403);
    expect((await colleague.request('DELETE', `/api/networks/${nid}/learner-report-shares/${shareId}`)).status).toBe(403);
    // the team lead has no access through the colleague's share
    expect((await teamLead.request('GET', url)).status).toBe(403);
    expect((await author.request('POST', `${url}/shares`, { personId: teamLead.personId })).json).toHaveLength(2);
    expect((await teamLead.request('GET', url)).status).toBe(200);
    expect((await author.request('GET', base())).json.find((r: { id: string }) => r.id === created.id).shares).toHaveLength(2);
    // withdraw
    expect((await author.request('DELETE', `/api/networks/${nid}/learner-report-shares/${shareId}`)).status).toBe(200);
    expect((await colleague.request('GET', url)).status).toBe(403);
    expect((await colleague.request('GET', `${base()}/shared-with-me`)).json.map((r: { id: string }) => r.id)).not.toContain(created.id);
    expect((await teamLead.request('GET', url)).status).toBe(200);
  });
});

describe('history and PDFs', () => {
  it('counts the teacher’s own activities per type and per period', async () => {
    const db = h.deps.db;
    const person = await makePerson(db, nid, 'teacher', inst);
    await makeLearnerReport(db, nid, person.id, { periodStart: '2026-01-05', periodEnd: '2026-02-20', status: 'completed', activities: [{ type: 'TEACHING_COACHING' }, { type: 'TEACHING_COACHING' }, { type: 'CONFERENCE' }] });
    await makeLearnerReport(db, nid, person.id, { periodStart: '2026-03-02', periodEnd: '2026-04-17', activities: [{ type: 'REFLECTING_EVALUATING' }, { type: null }] });
    const me = await rawLogin(h, person.email, person.id);
    const history = (await me.request('GET', `${base()}/history`)).json;
    const count = (type: string) => history.byType.find((t: { type: string }) => t.type === type).count;
    expect([count('TEACHING_COACHING'), count('CONFERENCE'), count('REFLECTING_EVALUATING'), count('PD_PROGRAMME')]).toEqual([2, 1, 1, 0]);
    expect(history.byType).toHaveLength(11);
    expect(history.byPeriod).toEqual([
      expect.objectContaining({ periodStart: '2026-03-02', status: 'draft', activities: 2, informal: 1, formal: 0, untyped: 1 }),
      expect.objectContaining({ periodStart: '2026-01-05', status: 'completed', activities: 3, informal: 2, formal: 1, untyped: 0 }),
    ]);
  });

  it('renders the portfolio of completed reports in the actor’s language', async () => {
    const created = (await englishTeacher.request('POST', base(), {
      periodStart: '2026-09-01', periodEnd: '2026-10-19',
      activities: [activity('Portfolio-activiteit', { type: 'STRUCTURAL_COACHING', typeSource: 'chosen', explanation: 'PORTFOLIOMARKER42' })],
    })).json;
    const draftOnly = await englishTeacher.request('GET', `${base()}/portfolio.pdf`);
    expect(draftOnly.status).toBe(200);
    expect(draftOnly.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(draftOnly.text).toContain('You have no completed learner reports yet.');
    expect(draftOnly.text).not.toContain('PORTFOLIOMARKER42');
    await englishTeacher.request('POST', `${base()}/${created.id}/complete`, { revision: 1 });
    const res = await englishTeacher.request('GET', `${base()}/portfolio.pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    for (const s of ['My professional development', 'Taking stock', 'Describing', 'Learning outcomes', 'Impact', 'Explaining', 'Structural coaching (formal)', 'PORTFOLIOMARKER42', 'Portfolio-activiteit']) {
      expect(res.text, s).toContain(s);
    }
    const nl = await author.request('GET', `${base()}/portfolio.pdf`);
    expect(nl.text).not.toContain('PORTFOLIOMARKER42');
  });

  it('renders the conversation sheet in Dutch or English', async () => {
    const nl = await colleague.request('GET', `${base()}/conversation-sheet.pdf?locale=nl`);
    expect(nl.status).toBe(200);
    expect(nl.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const s of ['Inventariseren', 'Beschrijven', 'Leeropbrengsten', 'Doorwerking', 'Verklaren', 'Hoe leer jij (het liefst)?', 'Professionaliseringsprogramma']) expect(nl.text, s).toContain(s);
    const en = await colleague.request('GET', `${base()}/conversation-sheet.pdf?locale=en`);
    for (const s of ['Taking stock', 'Learning outcomes', 'Explaining', 'How do you (like to) learn?', 'Conference (formal)']) expect(en.text, s).toContain(s);
    expect((await colleague.request('GET', `${base()}/conversation-sheet.pdf?locale=de`)).status).toBe(400);
  });
});

describe('reminders', () => {
  it('reminds once per ended period and every seven weeks without a report; idempotent', async () => {
    const db = h.deps.db;
    const net = await makeNetwork(db);
    const school = await makeInstitution(db, net.id);
    const late = await makePerson(db, net.id, 'teacher', school.id);
    const done = await makePerson(db, net.id, 'teacher', school.id);
    const busy = await makePerson(db, net.id, 'teacher', school.id);
    const ended = await makeLearnerReport(db, net.id, late.id, { periodStart: '2026-09-01', periodEnd: '2026-10-19' });
    await makeLearnerReport(db, net.id, done.id, { periodStart: '2026-08-01', periodEnd: '2026-09-15', status: 'completed' });
    await makeLearnerReport(db, net.id, busy.id, { periodStart: '2026-10-20', periodEnd: '2026-12-07' });
    const mine = async (personId: string) => db.select().from(notifications).where(and(eq(notifications.networkId, net.id), eq(notifications.personId, personId)));
    const mails = async (email: string) => db.select().from(mailOutbox).where(and(eq(mailOutbox.networkId, net.id), eq(mailOutbox.to, email)));

    // 2026-10-20: only the late draft has ended; the completed one ended 35 days ago (< 7 weeks)
    await sendLearnerReportReminders(h.deps, new Date('2026-10-20T08:00:00Z'));
    expect((await mine(late.id)).map((n) => n.kind)).toEqual(['LEARNER_REPORT_PERIOD_ENDED']);
    expect((await mine(late.id))[0]!.payload).toMatchObject({ reportId: ended.id, periodEnd: '2026-10-19' });
    expect(await mine(done.id)).toHaveLength(0);
    expect(await mine(busy.id)).toHaveLength(0);
    expect(await mails(late.email)).toHaveLength(1);
    expect((await mails(late.email))[0]!.subject).toBe('Je learner report: de periode is voorbij');

    // the hourly run again, and a day later: nothing new
    await sendLearnerReportReminders(h.deps, new Date('2026-10-20T09:00:00Z'));
    await sendLearnerReportReminders(h.deps, new Date('2026-10-21T09:00:00Z'));
    await Promise.all([sendLearnerReportReminders(h.deps, new Date('2026-10-22T09:00:00Z')), sendLearnerReportReminders(h.deps, new Date('2026-10-22T09:00:00Z'))]);
    expect(await mine(late.id)).toHaveLength(1);
    expect(await mails(late.email)).toHaveLength(1);

    // 2026-11-03: the completed report ended 49 days ago → one "due" reminder
    await sendLearnerReportReminders(h.deps, new Date('2026-11-03T08:00:00Z'));
    await sendLearnerReportReminders(h.deps, new Date('2026-11-04T08:00:00Z'));
    expect((await mine(done.id)).map((n) => n.kind)).toEqual(['LEARNER_REPORT_DUE']);
    expect(await mine(late.id)).toHaveLength(1);
    // seven weeks later again
    await sendLearnerReportReminders(h.deps, new Date('2026-12-22T08:00:00Z'));
    expect(await mine(done.id)).toHaveLength(2);
    // a changed period end is a new period end
    await db.update(learnerReports).set({ periodEnd: '2026-11-01' }).where(eq(learnerReports.id, ended.id));
    await sendLearnerReportReminders(h.deps, new Date('2026-12-22T09:00:00Z'));
    expect(await mine(late.id)).toHaveLength(2);
    // the busy teacher's period ended on 2026-12-07
    expect((await mine(busy.id)).map((n) => n.kind)).toEqual(['LEARNER_REPORT_PERIOD_ENDED']);

    // the notification routes: list mine, mark read
    const me = await rawLogin(h, late.email, late.id);
    const list = await me.request('GET', `/api/networks/${net.id}/notifications`);
    expect(list.json).toHaveLength(2);
    expect(list.json.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    const other = await rawLogin(h, done.email, done.id);
    expect((await other.request('POST', `/api/networks/${net.id}/notifications/read`, { ids: [list.json[0].id] })).json).toEqual({ marked: 0 });
    expect((await me.request('POST', `/api/networks/${net.id}/notifications/read`, { ids: [list.json[0].id] })).json).toEqual({ marked: 1 });
    expect((await me.request('POST', `/api/networks/${net.id}/notifications/read`, {})).json).toEqual({ marked: 1 });
    expect((await me.request('GET', `/api/networks/${net.id}/notifications`)).json.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
  });
});

describe('the home page card', () => {
  it('shows a person their own open and overdue drafts and when a new report is due, on the server clock', async () => {
    const db = h.deps.db;
    const net = await makeNetwork(db);
    const school = await makeInstitution(db, net.id);
    const teacher = await makePerson(db, net.id, 'teacher', school.id);
    const colleague2 = await makePerson(db, net.id, 'teacher', school.id);
    const lead = await makePerson(db, net.id, 'team_lead', school.id);
    const ended = await makeLearnerReport(db, net.id, teacher.id, { periodStart: '2026-09-01', periodEnd: '2026-10-19', activities: [{ title: 'Stagebezoek' }, { title: 'Intervisie' }] });
    const running = await makeLearnerReport(db, net.id, teacher.id, { periodStart: '2026-10-20', periodEnd: '2026-12-07' });
    await makeLearnerReport(db, net.id, teacher.id, { periodStart: '2026-06-01', periodEnd: '2026-07-13', status: 'completed' });
    await makeLearnerReport(db, net.id, colleague2.id, { periodStart: '2026-09-01', periodEnd: '2026-10-19' });
    const me = await rawLogin(h, teacher.email, teacher.id);
    const url = `/api/networks/${net.id}/learner-report-home`;
    try {
      // 2026-10-19 is the last day of the first period: both drafts are open, the one ending first on top
      h.clock.set(new Date('2026-10-19T12:00:00Z'));
      let home = (await me.request('GET', url)).json;
      expect(home).toEqual({
        open: [
          { id: ended.id, periodStart: '2026-09-01', periodEnd: '2026-10-19', activityCount: 2, state: 'open' },
          { id: running.id, periodStart: '2026-10-20', periodEnd: '2026-12-07', activityCount: 1, state: 'open' },
        ],
        newReportDue: false,
        insight: null,
      });
      // the next day (Amsterdam) its reminder date has passed: overdue; no text in the answer
      h.clock.set(new Date('2026-10-19T22:30:00Z'));
      home = (await me.request('GET', url)).json;
      expect(home.open.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([[ended.id, 'overdue'], [running.id, 'open']]);
      expect(JSON.stringify(home)).not.toContain('Stagebezoek');
      // completing both leaves nothing open; seven weeks after the last period ended a new report is due
      await db.update(learnerReports).set({ status: 'completed' }).where(eq(learnerReports.personId, teacher.id));
      // (sessions expire on the same clock, so log in again at each later time)
      h.clock.set(new Date('2027-01-24T12:00:00Z'));
      const later = await rawLogin(h, teacher.email, teacher.id);
      expect((await later.request('GET', url)).json).toEqual({ open: [], newReportDue: false, insight: null });
      h.clock.set(new Date('2027-01-24T23:30:00Z')); // 00:30 on the 25th in Amsterdam
      expect((await (await rawLogin(h, teacher.email, teacher.id)).request('GET', url)).json).toEqual({ open: [], newReportDue: true, insight: null });
      // a team lead who is no teacher and has no reports is never asked for one; team insight
      // says it needs five teachers, and gives their numbers once five completed a report
      let leadClient = await rawLogin(h, lead.email, lead.id);
      expect((await leadClient.request('GET', url)).json).toEqual({ open: [], newReportDue: false, insight: { ready: false, minimumGroup: 5 } });
      for (let i = 0; i < 4; i++) {
        const other = await makePerson(db, net.id, 'teacher', school.id);
        await makeLearnerReport(db, net.id, other.id, { status: 'completed', activities: [{ title: 'Stagebezoek' }, { title: 'Webinar', type: 'PD_PROGRAMME' }] });
      }
      leadClient = await rawLogin(h, lead.email, lead.id);
      expect((await leadClient.request('GET', url)).json).toEqual({ open: [], newReportDue: false, insight: { ready: true, teachers: 5, reports: 7 } });
      // someone from another network does not see this network's home
      const elsewhere = await makeNetwork(db);
      const strangerPerson = await makePerson(db, elsewhere.id, 'teacher', (await makeInstitution(db, elsewhere.id)).id);
      const stranger = await rawLogin(h, strangerPerson.email, strangerPerson.id);
      expect((await stranger.request('GET', url)).status).toBe(404);
    } finally {
      h.clock.reset();
    }
  });
});

describe('candidates from activities in Kruispunt', () => {
  it('returns nothing without sources, and pre-filled proposals from a registered source', async () => {
    const q = `${base()}/candidates?periodStart=2026-09-01&periodEnd=2026-10-19`;
    expect((await author.request('GET', q)).json).toEqual([]);
    // an area offering activities through the learnerActivitySources port (here: a test area)
    const sources = h.deps.ports.learnerActivitySources;
    const testSource: LearnerReportCandidateSource = {
      source: 'company_visit',
      async list(_deps, networkId, personId) {
        expect(networkId).toBe(nid);
        return personId !== author.personId ? [] : [
          { sourceId: 'visit-1', title: 'Bedrijfsbezoek bij een zorginstelling met collega’s', date: '2026-09-10', prefill: { description: { setting: 'Zorginstelling', involved: 'Praktijkopleider' } } },
          { sourceId: 'visit-2', title: 'Bezoek buiten de periode', date: '2026-11-10', prefill: { description: {} } },
          { sourceId: 'visit-3', title: 'Workshop bij een bedrijf gevolgd', date: '2026-10-01', prefill: { description: {}, learningOutcomes: 'Nieuwe technieken' } },
        ];
      },
    };
    h.deps.ports = { ...h.deps.ports, learnerActivitySources: [...sources, testSource] };
    try {
      const res = await author.request('GET', q);
      expect(res.status).toBe(200);
      expect(res.json.map((c: { sourceId: string }) => c.sourceId)).toEqual(['visit-3', 'visit-1']);
      expect(res.json[1]).toEqual({
        source: 'company_visit', sourceId: 'visit-1', title: 'Bedrijfsbezoek bij een zorginstelling met collega’s', date: '2026-09-10',
        suggestedType: expect.any(String), prefill: { description: { setting: 'Zorginstelling', involved: 'Praktijkopleider' } },
      });
      expect((await colleague.request('GET', q)).json).toEqual([]);
      // once used in a report, a candidate is not offered again
      await author.request('POST', base(), { periodStart: '2026-09-01', periodEnd: '2026-10-19', activities: [{ title: 'Bedrijfsbezoek', origin: { source: 'company_visit', sourceId: 'visit-1' } }] });
      expect((await author.request('GET', q)).json.map((c: { sourceId: string }) => c.sourceId)).toEqual(['visit-3']);
      expect((await author.request('GET', `${base()}/candidates?periodStart=2026-10-19&periodEnd=2026-09-01`)).status).toBe(400);
    } finally {
      h.deps.ports = { ...h.deps.ports, learnerActivitySources: sources };
    }
    expect((await author.request('GET', q)).json).toEqual([]);
  });
});
