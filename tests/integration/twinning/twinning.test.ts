import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, waitFor, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, PASSWORD } from '../../support/factories.ts';
import { policyAuthorize } from '../../../src/domain/foundation/auth/policy.ts';
import { timetableBlocks } from '../../../src/db/schema/index.ts';
import type { Twin, TwinningOverview } from '../../../src/domain/twinning/twin/schema.ts';
import { personActor } from './twinning-fixture.ts';

// Job Twinning through the API: profiles and goals lead to suggestions with a score and a visible
// reason, computed over all candidates at once (not greedy); a proposal needs the other's
// confirmation; meetings are planned in the teacher's free time with a calendar invitation,
// logged, credited in hours and offered to the learner report; both evaluate, then it is closed.

let h: Harness;
let nid: string;
let coordinator: ApiClient;
const people: Record<string, { id: string; email: string; client: ApiClient }> = {};
const api = (path: string) => `/api/networks/${nid}${path}`;

beforeAll(async () => {
  // Sessions stay valid while the test's clock moves a few days ahead.
  h = await harnessStart({ smtp: true, env: { SESSION_IDLE_MINUTES: '43200' } });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Twinning')).id;
  const company = (await makeInstitution(db, nid, { name: 'Installateur West', kind: 'company' })).id;
  const school = (await makeInstitution(db, nid, { name: 'ROC West', kind: 'mbo' })).id;
  const login = async (key: string, role: 'teacher' | 'professional' | 'network_coordinator', inst: string | null) => {
    const p = await makePerson(db, nid, role, inst);
    const client = h.client();
    expect((await client.login(p.email, PASSWORD)).status).toBe(200);
    people[key] = { id: p.id, email: p.email, client };
  };
  await login('coordinator', 'network_coordinator', null);
  coordinator = people.coordinator!.client;
  await login('t1', 'teacher', school);
  await login('t2', 'teacher', school);
  await login('p1', 'professional', company);
  await login('p2', 'professional', company);
});

afterAll(async () => {
  await h?.stop();
});

async function profile(key: string, iscedCodes: string[], goal: string) {
  const c = people[key]!.client;
  expect((await c.request('PUT', api('/twinning/profile'), { iscedCodes, about: '', available: true })).status).toBe(200);
  expect((await c.request('POST', api('/twinning/goals'), { text: goal })).status).toBe(201);
}

describe('job twinning', () => {
  let twin: Twin;

  it('suggests partners globally, with a score and the reason', async () => {
    // t1 fits p1 a bit better than p2, but t2 fits only p1: the global optimum pairs t1–p2 and t2–p1.
    await profile('t1', ['0713'], 'Warmtepompen en duurzame installaties in de les');
    await profile('t2', ['0713'], 'Warmtepompen inregelen met studenten');
    await profile('p1', ['0713'], 'Warmtepompen: wat leren studenten op school?');
    await profile('p2', ['0713'], 'Duurzame installaties en nieuwe collega\'s opleiden');
    const overview = (await coordinator.request('GET', api('/twinning'))).body as TwinningOverview;
    const pairs = overview.suggestions.map((s) => `${s.teacherId}|${s.professionalId}`).sort();
    expect(pairs).toEqual([`${people.t1!.id}|${people.p2!.id}`, `${people.t2!.id}|${people.p1!.id}`].sort());
    const s = overview.suggestions.find((x) => x.teacherId === people.t2!.id)!;
    expect(s.score).toBeGreaterThan(0);
    expect(s.reason.fields).toEqual(['0713']);
    expect(s.reason.words.length).toBeGreaterThan(0);
    // A teacher sees only the suggestions with themselves.
    const own = (await people.t1!.client.request('GET', api('/twinning'))).body as TwinningOverview;
    expect(own.suggestions.every((x) => x.teacherId === people.t1!.id)).toBe(true);
  });

  it('a proposal by one needs the other\'s confirmation; one twin at a time', async () => {
    const res = await people.t2!.client.request('POST', api('/twins'), { teacherId: people.t2!.id, professionalId: people.p1!.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    twin = res.body;
    expect(twin.status).toBe('proposed');
    expect((await people.t2!.client.request('POST', api(`/twins/${twin.id}/meetings`), { form: 'coffee', startAt: new Date().toISOString(), endAt: new Date(Date.now() + 3_600_000).toISOString() })).status).toBe(409);
    expect((await people.t1!.client.request('GET', api(`/twins/${twin.id}`))).status).toBe(404);
    const confirmed = await people.p1!.client.request('POST', api(`/twins/${twin.id}/confirm`));
    expect(confirmed.body.status).toBe('active');
    await waitFor(() => h.mails.find((m) => m.to.includes(people.p1!.email) && /twin/i.test(m.subject)));
    const again = await coordinator.request('POST', api('/twins'), { teacherId: people.t2!.id, professionalId: people.p2!.id });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/al een lopende Job Twinning/);
    const wrong = await coordinator.request('POST', api('/twins'), { teacherId: people.p2!.id, professionalId: people.t1!.id });
    expect(wrong.status).toBe(422);
  });

  it('proposes free time from the teacher\'s timetable and plans a meeting with a calendar invitation', async () => {
    const slots = (await people.t2!.client.request('GET', api(`/twins/${twin.id}/free-time?minutes=120&days=7`))).body as { startAt: string; endAt: string }[];
    expect(slots.length).toBeGreaterThan(0);
    // A lesson over the first proposal moves it.
    await h.deps.db.insert(timetableBlocks).values({ networkId: nid, personId: people.t2!.id, startAt: new Date(slots[0]!.startAt), endAt: new Date(slots[0]!.endAt), summary: 'Les', kind: 'lesson', source: 'test' } as never);
    const after = (await people.t2!.client.request('GET', api(`/twins/${twin.id}/free-time?minutes=120&days=7`))).body as { startAt: string }[];
    expect(after[0]!.startAt).not.toBe(slots[0]!.startAt);
    const planned = await people.t2!.client.request('POST', api(`/twins/${twin.id}/meetings`), { form: 'workplace_visit', title: 'Rondleiding werkplaats', startAt: after[0]!.startAt, endAt: new Date(Date.parse(after[0]!.startAt) + 7_200_000).toISOString(), location: 'Werkplaats' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    twin = planned.body;
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes(people.p1!.email) && m.raw.includes('UID:twin-meeting-')));
    expect(mail.raw).toContain('BEGIN:VCALENDAR');
    // Not logged before it began.
    const early = await people.t2!.client.request('PUT', api(`/twin-meetings/${twin.meetingList[0]!.id}/log`), { notes: '', learned: 'x', hours: 2 });
    expect(early.status).toBe(409);
  });

  it('calls off a planned meeting: both get METHOD:CANCEL with the same UID and a raised SEQUENCE', async () => {
    const at = new Date(Date.now() + 30 * 86_400_000);
    const planned = await people.t2!.client.request('POST', api(`/twins/${twin.id}/meetings`), { form: 'coffee', title: 'Koffie', startAt: at.toISOString(), endAt: new Date(at.getTime() + 3_600_000).toISOString(), location: '' });
    expect(planned.status).toBe(201);
    const meeting = (planned.body as typeof twin).meetingList.find((m) => m.title === 'Koffie')!;
    const cancelled = await people.p1!.client.request('POST', api(`/twin-meetings/${meeting.id}/cancel`));
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes(people.t2!.email) && m.raw.includes('METHOD:CANCEL')));
    const ics = mail.raw.replace(/=\r?\n/g, '').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`UID:twin-meeting-${meeting.id}@kruispunt`);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('STATUS:CANCELLED');
    const again = await people.p1!.client.request('POST', api(`/twin-meetings/${meeting.id}/cancel`));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TWINNING_MEETING_NOT_PLANNED');
  });

  it('logs a meeting, credits hours to both and offers it to the learner report; goal progress; evaluation closes it', async () => {
    const meeting = twin.meetingList[0]!;
    h.clock.set(new Date(Date.parse(meeting.endAt) + 60_000));
    const logged = await people.p1!.client.request('PUT', api(`/twin-meetings/${meeting.id}/log`), { notes: 'Rondleiding en gesprek', learned: 'Hoe een warmtepomp wordt ingeregeld', hours: 2 });
    expect(logged.status, JSON.stringify(logged.body)).toBe(200);
    expect(logged.body.hours).toBe(2);
    const actor = personActor(nid, people.t2!.id, 'teacher');
    const scoped = policyAuthorize(actor, nid, 'network:read');
    const record = h.deps.ports.recordActivitySources.find((s) => s.source === 'twin_meeting')!;
    expect(await record.list(h.deps, scoped, people.t2!.id)).toEqual([expect.objectContaining({ hours: 2 })]);
    expect(await record.list(h.deps, scoped, people.p1!.id)).toEqual([expect.objectContaining({ hours: 2 })]);
    const candidates = h.deps.ports.learnerActivitySources.find((s) => s.source === 'job_twinning')!;
    const entries = await candidates.list(h.deps, scoped, people.t2!.id, { periodStart: '2000-01-01', periodEnd: '2100-01-01' });
    expect(entries[0]!.prefill.learningOutcomes).toBe('Hoe een warmtepomp wordt ingeregeld');
    const goalId = ((await people.t2!.client.request('GET', api('/twinning'))).body as TwinningOverview).goals[0]!.id;
    const progress = await people.t2!.client.request('PATCH', api(`/twinning/goals/${goalId}`), { progress: 60, progressNote: 'Eerste les gegeven' });
    expect(progress.body.progress).toBe(60);
    expect((await people.p1!.client.request('PATCH', api(`/twinning/goals/${goalId}`), { progress: 100 })).status).toBe(404);
    await people.t2!.client.request('PUT', api(`/twins/${twin.id}/evaluation`), { text: 'Veel geleerd.' });
    const closed = await people.p1!.client.request('PUT', api(`/twins/${twin.id}/evaluation`), { text: 'Een frisse blik op opleiden.' });
    expect(closed.body.status).toBe('closed');
    const xlsx = await coordinator.download(api('/twinning/export?format=csv'));
    expect(await xlsx.text()).toContain('2');
    h.clock.reset();
  });
});
