import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { offerRegistrations, offers, offerSessions } from '../../../src/db/schema/index.ts';

// The participants' evaluation of a finished company visit, speeddate or co-creation session: only
// who took part answers, only once it is over for them, and may change the answer; the organiser sees
// the answers together, equal to the database's own aggregate, and only from three answers on; the
// draft example names the figures; bad input gets a translated 400; erasure empties the takeaway.

let h: Harness;
let nid: string;
let company: string;
let school: string;
let coordinator: ApiClient;
let host: ApiClient;
const teachers: { id: string; email: string; c: ApiClient }[] = [];
let outsider: ApiClient;
let visit: string;
let running: string;

async function login(email: string) {
  const c = h.client();
  expect((await c.login(email, PASSWORD)).status).toBe(200);
  return c;
}

/** A company visit with one session ending `endInHours` from now, the given teachers confirmed. */
async function companyVisit(title: string, endInHours: number, personIds: string[]) {
  const db = h.deps.db;
  const end = new Date(Date.now() + endInHours * 3_600_000);
  const [o] = await db.insert(offers).values({ networkId: nid, hostInstitutionId: company, kind: 'company_visit', title, capacity: 10, creditedHours: '3' }).returning();
  const [s] = await db.insert(offerSessions).values({ networkId: nid, offerId: o!.id, startAt: new Date(end.getTime() - 3 * 3_600_000), endAt: end }).returning();
  for (const personId of personIds) {
    await db.insert(offerRegistrations).values({ networkId: nid, offerId: o!.id, sessionId: s!.id, personId, institutionId: school, status: 'confirmed', uid: `${s!.id}-${personId}@test` });
  }
  return o!.id;
}

const mine = (c: ApiClient, id: string, source = 'company_visit', network = nid) => `/api/networks/${network}/evaluations/${source}/${id}`;
const aggregate = async (source: string, id: string) => (await h.deps.db.execute<{ count: number; mean: string | null }>(sql`
  select count(*)::int as count, round(avg(score), 1)::text as mean from practice_evaluations where source = ${source} and item_id = ${id}`)).rows[0]!;
const distribution = async (source: string, id: string) => {
  const rows = (await h.deps.db.execute<{ score: number; n: number }>(sql`select score, count(*)::int as n from practice_evaluations where source = ${source} and item_id = ${id} group by score`)).rows;
  return [1, 2, 3, 4, 5].map((s) => rows.find((r) => r.score === s)?.n ?? 0);
};

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk evaluaties')).id;
  school = (await makeInstitution(db, nid, { kind: 'mbo' })).id;
  company = (await makeInstitution(db, nid, { kind: 'company', name: 'Zorgbedrijf Test' })).id;
  coordinator = await login((await makePerson(db, nid, 'network_coordinator', null)).email);
  host = await login((await makePerson(db, nid, 'professional', company)).email);
  for (let i = 0; i < 5; i++) {
    const p = await makePerson(db, nid, 'teacher', school);
    teachers.push({ id: p.id, email: p.email, c: await login(p.email) });
  }
  outsider = await login((await makePerson(db, nid, 'teacher', school)).email);
  visit = await companyVisit('Bedrijfsbezoek zorgtechniek', -24, teachers.slice(0, 4).map((t) => t.id));
  running = await companyVisit('Bedrijfsbezoek morgen', 24, [teachers[4]!.id]);
});

afterAll(async () => {
  await h?.stop();
});

describe('a participant evaluates a finished company visit', () => {
  it('refuses someone who did not take part and someone before the end, in Dutch and English', async () => {
    const before = await outsider.request('GET', mine(outsider, visit));
    expect(before.body).toMatchObject({ status: 'not_participant', answer: null, title: 'Bedrijfsbezoek zorgtechniek' });
    const nl = await outsider.request('PUT', mine(outsider, visit), { score: 4 });
    expect(nl.status).toBe(403);
    expect(nl.body.error).toMatchObject({ code: 'EVALUATION_NOT_PARTICIPANT', message: 'Alleen wie hieraan heeft deelgenomen, kan het evalueren.' });
    expect((await outsider.request('PATCH', '/api/auth/me', { locale: 'en' })).status).toBe(200);
    const en = await outsider.request('PUT', mine(outsider, visit), { score: 4 });
    expect(en.body.error.message).toBe('Only those who took part can evaluate this.');
    const early = teachers[4]!.c;
    expect((await early.request('GET', mine(early, running))).body.status).toBe('not_ended');
    const res = await early.request('PUT', mine(early, running), { score: 5 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'EVALUATION_NOT_ENDED', message: 'Je kunt dit evalueren zodra het is afgelopen.' });
    expect((await aggregate('company_visit', running)).count).toBe(0);
    expect((await aggregate('company_visit', visit)).count).toBe(0);
  });

  it('keeps one answer per person, which they may change', async () => {
    const t = teachers[0]!;
    expect((await t.c.request('GET', mine(t.c, visit))).body).toMatchObject({ status: 'open', answer: null });
    const first = await t.c.request('PUT', mine(t.c, visit), { score: 2, takeaway: '  Sensoren in de les.  ' });
    expect(first.status).toBe(200);
    expect(first.body.answer).toMatchObject({ score: 2, takeaway: 'Sensoren in de les.' });
    const second = await t.c.request('PUT', mine(t.c, visit), { score: 5, takeaway: 'Sensoren en privacy in leerjaar 2.' });
    expect(second.body.answer).toMatchObject({ score: 5, takeaway: 'Sensoren en privacy in leerjaar 2.' });
    expect((await t.c.request('GET', mine(t.c, visit))).body.answer.score).toBe(5);
    expect(await aggregate('company_visit', visit)).toEqual({ count: 1, mean: '5.0' });
  });

  it('shows the organiser only the count below three answers, then the figures equal to the database\'s aggregate, without names', async () => {
    await teachers[1]!.c.request('PUT', mine(teachers[1]!.c, visit), { score: 4 });
    const hidden = await coordinator.request('GET', `${mine(coordinator, visit)}/summary`);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({ count: 2, minimum: 3, shown: false, mean: null, distribution: [], takeaways: [] });
    await teachers[2]!.c.request('PUT', mine(teachers[2]!.c, visit), { score: 4, takeaway: 'Een gastles in periode 3.' });
    await teachers[3]!.c.request('PUT', mine(teachers[3]!.c, visit), { score: 3, takeaway: '' });
    const shown = (await host.request('GET', `${mine(host, visit)}/summary`)).body;
    const sqlAgg = await aggregate('company_visit', visit);
    expect(shown.count).toBe(sqlAgg.count);
    expect(shown.mean).toBe(Number(sqlAgg.mean));
    expect(shown.distribution).toEqual(await distribution('company_visit', visit));
    expect(shown.takeaways).toEqual(['Een gastles in periode 3.', 'Sensoren en privacy in leerjaar 2.']);
    expect(JSON.stringify(shown)).not.toMatch(/@|Docent|person/i);
    // A teacher is no organiser.
    const teacher = await teachers[0]!.c.request('GET', `${mine(teachers[0]!.c, visit)}/summary`);
    expect(teacher.status).toBe(403);
  });

  it('names the figures in the company visit\'s draft example', async () => {
    const res = await coordinator.request('POST', `/api/networks/${nid}/examples/from/company_visit/${visit}`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const agg = await aggregate('company_visit', visit);
    expect(res.body.story).toContain(`${agg.count} deelnemers gaven gemiddeld ${agg.mean!.replace('.', ',')} uit 5`);
  });

  it('answers bad input with a translated 400 and an unknown item or practice with 404, never a 500', async () => {
    const c = teachers[0]!.c;
    for (const body of [{ score: 0 }, { score: 6 }, { score: 'x' }, { score: 2.5 }, {}, { score: 3, takeaway: 'x'.repeat(5000) }, { score: 3, takeaway: 'a\u0000b' }, { score: 3, takeaway: 42 }]) {
      const res = await c.request('PUT', mine(c, visit), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.length).toBeGreaterThan(0);
      expect(res.body.error.fields[0].message).toMatch(/is|bevat|moet/);
    }
    expect((await c.request('PUT', mine(c, visit), { score: 3, takeaway: 'x'.repeat(5000) })).body.error.fields[0].message).toContain('is te lang (maximaal 300)');
    expect((await c.request('PUT', mine(c, visit, 'onbekend'), { score: 3 })).status).toBe(404);
    expect((await c.request('PUT', mine(c, visit, 'DROP TABLE'), { score: 3 })).status).toBe(400);
    expect((await c.request('GET', `/api/networks/${nid}/evaluations/company_visit/geen-uuid`)).status).toBe(400);
    expect((await c.request('GET', mine(c, '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    // Another network's coordinator, with their own network in the URL: not found.
    const other = (await makeNetwork(h.deps.db, 'Ander netwerk evaluaties')).id;
    const stranger = await login((await makePerson(h.deps.db, other, 'network_coordinator', null)).email);
    expect((await stranger.request('GET', `${mine(stranger, visit, 'company_visit', other)}/summary`)).status).toBe(404);
    expect((await stranger.request('GET', `${mine(stranger, visit)}/summary`)).status).toBe(404);
  });

  it('empties the takeaway of someone who erased their data, and keeps the score anonymously in the count', async () => {
    const t = teachers[2]!;
    const plan = (await t.c.request('GET', '/api/auth/me/erasure')).body;
    expect(plan.steps).toContainEqual(expect.objectContaining({ table: 'practice_evaluations', rows: 1, erase: 'anonymise' }));
    expect((await t.c.request('POST', '/api/auth/me/erasure', { email: t.email })).status).toBe(200);
    const rows = (await h.deps.db.execute<{ takeaway: string; score: number }>(sql`select takeaway, score from practice_evaluations where person_id = ${t.id}`)).rows;
    expect(rows).toEqual([{ takeaway: '', score: 4 }]);
    const summary = (await coordinator.request('GET', `${mine(coordinator, visit)}/summary`)).body;
    expect(summary.count).toBe(4);
    expect(summary.takeaways).toEqual(['Sensoren en privacy in leerjaar 2.']);
  });
});

describe('the demo\'s speeddate and co-creation session', () => {
  let demo: ApiClient;
  let demoNid: string;
  beforeAll(async () => {
    demo = await demoLogin(h, 'network_coordinator');
    demoNid = await demoNetworkId(demo);
  });

  it('lets the demo docent, who was at last week\'s speeddate, answer; the coordinator\'s summary equals the aggregate; the draft names it', async () => {
    const [event] = (await h.deps.db.execute<{ id: string }>(sql`select id from speeddate_events where network_id = ${demoNid} and start_at < now() order by start_at desc limit 1`)).rows;
    const docent = await demoLogin(h, 'teacher');
    const url = mine(docent, event!.id, 'speeddate_event', demoNid);
    expect((await docent.request('GET', url)).body).toMatchObject({ status: 'open', answer: null });
    expect((await docent.request('PUT', url, { score: 5, takeaway: 'Een vervolgafspraak met Datawerk.' })).status).toBe(200);
    expect((await docent.request('GET', `${url}/summary`)).status).toBe(403);
    const summary = (await demo.request('GET', `${url}/summary`)).body;
    const agg = await aggregate('speeddate_event', event!.id);
    expect(summary).toMatchObject({ shown: true, count: agg.count, mean: Number(agg.mean), distribution: await distribution('speeddate_event', event!.id) });
    expect(summary.takeaways).toContain('Een vervolgafspraak met Datawerk.');
    const draft = await demo.request('POST', `/api/networks/${demoNid}/examples/from/speeddate_event/${event!.id}`, {});
    expect(draft.status).toBe(201);
    expect(draft.body.story).toContain(`${agg.count} deelnemers gaven gemiddeld ${agg.mean!.replace('.', ',')} uit 5`);
  });

  it('knows who joined the ended co-creation session as themselves, and the draft names its figures', async () => {
    const [session] = (await h.deps.db.execute<{ id: string; joined: boolean }>(sql`
      select s.id, exists(select 1 from cocreation_participants p join people x on x.id = p.person_id where p.session_id = s.id and x.email like 'docent@%') as joined
      from cocreation_sessions s where s.network_id = ${demoNid} and s.step = 6 limit 1`)).rows;
    const docent = await demoLogin(h, 'teacher');
    expect((await docent.request('GET', mine(docent, session!.id, 'cocreation_session', demoNid))).body.status).toBe(session!.joined ? 'open' : 'not_participant');
    const agg = await aggregate('cocreation_session', session!.id);
    expect(agg.count).toBeGreaterThanOrEqual(3);
    const draft = await demo.request('POST', `/api/networks/${demoNid}/examples/from/cocreation_session/${session!.id}`, {});
    expect(draft.status).toBe(201);
    expect(draft.body.story).toContain(`${agg.count} deelnemers gaven gemiddeld ${agg.mean!.replace('.', ',')} uit 5`);
    // The session still running is not over for anyone.
    const [live] = (await h.deps.db.execute<{ id: string }>(sql`select id from cocreation_sessions where network_id = ${demoNid} and step < 6 limit 1`)).rows;
    expect((await demo.request('GET', mine(demo, live!.id, 'cocreation_session', demoNid))).body.status).not.toBe('open');
  });
});

describe('the home page\'s list of what to evaluate', () => {
  it('lists the ended items a person took part in and has not evaluated, newest first, and drops one once answered', async () => {
    const db = h.deps.db;
    const p = await makePerson(db, nid, 'teacher', school);
    const c = await login(p.email);
    const older = await companyVisit('Bedrijfsbezoek vorige maand', -24 * 30, [p.id]);
    const newer = await companyVisit('Bedrijfsbezoek eergisteren', -48, [p.id]);
    await companyVisit('Bedrijfsbezoek vorig jaar', -24 * 200, [p.id]);
    await companyVisit('Bedrijfsbezoek volgende week', 24 * 7, [p.id]);
    const list = async () => ((await c.request('GET', `/api/networks/${nid}/evaluations`)).body as { source: string; itemId: string; title: string }[]);
    expect((await list()).map((i) => i.title)).toEqual(['Bedrijfsbezoek eergisteren', 'Bedrijfsbezoek vorige maand']);
    expect((await c.request('PUT', mine(c, newer), { score: 4 })).status).toBe(200);
    expect(await list()).toEqual([expect.objectContaining({ source: 'company_visit', itemId: older })]);
    // Someone else's list does not hold them.
    expect((await outsider.request('GET', `/api/networks/${nid}/evaluations`)).body).toEqual([]);
  });
});
