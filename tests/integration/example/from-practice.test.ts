import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';
import { makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { speeddateInput } from '../speeddate/speeddate-fixture.ts';

// From practice to example, on the demo network: a finished leerlab, company visit, speeddate and
// co-creation session each become a draft example whose numbers equal what the database holds; an
// item that is not over yet is refused with a translated message; another network's item is not found.

let h: Harness;
let coordinator: ApiClient;
let nid: string;
let stranger: ApiClient;
let strangerNid: string;

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
  coordinator = await demoLogin(h, 'network_coordinator');
  nid = await demoNetworkId(coordinator);
  strangerNid = (await makeNetwork(h.deps.db, 'Ander netwerk')).id;
  const other = await makePerson(h.deps.db, strangerNid, 'network_coordinator', null);
  stranger = h.client();
  await stranger.login(other.email, PASSWORD);
});

afterAll(async () => {
  await h?.stop();
});

const one = async <T>(query: ReturnType<typeof sql>) => (await h.deps.db.execute(query)).rows[0] as T;
const draft = (c: ApiClient, network: string, source: string, id: string) => c.request('POST', `/api/networks/${network}/examples/from/${source}/${id}`, {});
const names = async (query: ReturnType<typeof sql>) => ((await h.deps.db.execute(query)).rows as { name: string }[]).map((r) => r.name).sort();

async function refusedAsUnfinished(source: string, id: string, c = coordinator) {
  const res = await draft(c, nid, source, id);
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.body.error.code).toBe('EXAMPLE_SOURCE_NOT_FINISHED');
  expect(res.body.error.message).toContain('pas een praktijkvoorbeeld');
}

async function notFoundElsewhere(source: string, id: string) {
  expect((await draft(stranger, strangerNid, source, id)).status).toBe(404);
}

describe('from practice to example', () => {
  it('turns a finished leerlab into a draft with its partners, pupils, teachers, sessions and evaluation', async () => {
    const [lab] = (await coordinator.request('GET', `/api/networks/${nid}/leerlabs`)).body;
    const row = await one<{ last_date: string }>(sql`select last_date::text from leerlabs where id = ${lab.id}`);
    await refusedAsUnfinished('leerlab', lab.id);
    // on its last day it is still going on; two days later it is over (the server's clock moves,
    // with a login made at that time)
    try {
      h.clock.set(new Date(`${row.last_date}T12:00:00Z`));
      await refusedAsUnfinished('leerlab', lab.id, await demoLogin(h, 'network_coordinator'));
      h.clock.set(new Date(new Date(`${row.last_date}T12:00:00Z`).getTime() + 2 * 86_400_000));
      const res = await draft(await demoLogin(h, 'network_coordinator'), nid, 'leerlab', lab.id);
      expect(res.status).toBe(201);
      const n = await one<{ pupils: number; teachers: number; sessions: number; answers: number }>(sql`select
        (select count(*)::int from leerlab_pupils where leerlab_id = ${lab.id}) as pupils,
        (select count(distinct person_id)::int from leerlab_staff where leerlab_id = ${lab.id} and role in ('vo_teacher', 'mbo_teacher')) as teachers,
        (select count(*)::int from leerlab_sessions where leerlab_id = ${lab.id} and status = 'planned') as sessions,
        (select count(*)::int from leerlab_evaluation_answers a join leerlab_evaluations e on e.id = a.evaluation_id where e.leerlab_id = ${lab.id}) as answers`);
      expect(n.pupils).toBeGreaterThan(0);
      expect(n.answers).toBeGreaterThan(0);
      expect(res.body).toMatchObject({ visibility: 'draft', practice: 'leerlab', origin: { source: 'leerlab', sourceId: lab.id }, title: lab.name });
      expect(res.body.institutions.sort()).toEqual(['ROC Eemvallei', 'Vakcollege Eemnes']);
      expect(res.body.story).toContain(`volgden ${n.pupils} leerlingen`);
      expect(res.body.story).toContain(`${n.teachers} docenten van vo en mbo`);
      expect(res.body.story).toContain(`Er vonden ${n.sessions} bijeenkomsten plaats`);
      const avg = await one<{ average: number | null }>(sql`select round(avg(v.value::numeric), 1)::float8 as average from leerlab_evaluation_answers a
        join leerlab_evaluations e on e.id = a.evaluation_id cross join lateral jsonb_each_text(a.ratings) v where e.leerlab_id = ${lab.id} and v.value ~ '^[1-5]$'`);
      if (n.answers > 0) expect(res.body.story).toContain(`${n.answers} deelnemers vulden de evaluatie in: gemiddeld ${String(avg.average).replace('.', ',')} van 5`);
      else expect(res.body.story).toContain('geen evaluaties');
      expect(res.body.sectors.length).toBeGreaterThan(0);
    } finally {
      h.clock.reset();
    }
    await notFoundElsewhere('leerlab', lab.id);
  });

  it('turns last week\'s company visit into a draft with the company, the schools and the teachers who came; the one going on now is refused', async () => {
    const visits = await h.deps.db.execute<{ id: string; title: string; host: string; last_end: Date }>(sql`
      select o.id, o.title, i.name as host, max(s.end_at) as last_end from offers o join institutions i on i.id = o.host_institution_id join offer_sessions s on s.offer_id = o.id
      where o.network_id = ${nid} and o.kind = 'company_visit' and s.status = 'planned' group by o.id, i.name order by last_end`);
    const done = visits.rows.find((v) => new Date(v.last_end).getTime() < Date.now())!;
    const running = visits.rows.find((v) => new Date(v.last_end).getTime() > Date.now())!;
    await refusedAsUnfinished('company_visit', running.id);
    const res = await draft(coordinator, nid, 'company_visit', done.id);
    expect(res.status).toBe(201);
    const n = await one<{ teachers: number; sessions: number }>(sql`select
      (select count(distinct r.person_id)::int from offer_registrations r join offer_sessions s on s.id = r.session_id where r.offer_id = ${done.id} and r.status = 'confirmed' and s.status = 'planned') as teachers,
      (select count(*)::int from offer_sessions where offer_id = ${done.id} and status = 'planned') as sessions`);
    expect(n.teachers).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ practice: 'company_visit', title: done.title, origin: { source: 'company_visit', sourceId: done.id } });
    expect(res.body.story).toContain(`${n.teachers} docenten namen deel aan ${n.sessions} ${n.sessions === 1 ? 'bezoek' : 'bezoeken'} bij ${done.host}`);
    const schools = await names(sql`select distinct i.name from offer_registrations r join institutions i on i.id = r.institution_id where r.offer_id = ${done.id} and r.status = 'confirmed'`);
    expect(res.body.institutions.sort()).toEqual([done.host, ...schools].sort());
    // a masterclass is no company visit
    const [masterclass] = (await h.deps.db.execute<{ id: string }>(sql`select id from offers where network_id = ${nid} and kind <> 'company_visit' limit 1`)).rows;
    expect((await draft(coordinator, nid, 'company_visit', masterclass!.id)).status).toBe(404);
    await notFoundElsewhere('company_visit', done.id);
  });

  it('turns last week\'s speeddate into a draft with those present, rounds and mutual choices; one still to come is refused', async () => {
    const list = (await coordinator.request('GET', `/api/networks/${nid}/speeddates`)).body as { id: string; title: string }[];
    const past = await one<{ id: string }>(sql`select id from speeddate_events where network_id = ${nid} and start_at < now() order by start_at desc limit 1`);
    const event = list.find((e) => e.id === past.id)!;
    const res = await draft(coordinator, nid, 'speeddate_event', event.id);
    expect(res.status).toBe(201);
    const n = await one<{ teachers: number; professionals: number; rounds: number }>(sql`select
      (select count(*)::int from speeddate_participants where event_id = ${event.id} and role = 'teacher' and status = 'arrived') as teachers,
      (select count(*)::int from speeddate_participants where event_id = ${event.id} and role = 'professional') as professionals,
      (select rounds from speeddate_events where id = ${event.id}) as rounds`);
    expect(n.teachers).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ practice: 'speeddate', title: event.title, origin: { source: 'speeddate_event', sourceId: event.id } });
    expect(res.body.story).toContain(`spraken ${n.teachers} docenten met ${n.professionals} professionals`);
    expect(res.body.story).toContain(`in ${n.rounds} rondes`);
    const future = await coordinator.request('POST', `/api/networks/${nid}/speeddates`, speeddateInput({ title: 'Speeddate volgende maand' }));
    expect(future.status).toBe(201);
    await refusedAsUnfinished('speeddate_event', future.body.id);
    await notFoundElsewhere('speeddate_event', event.id);
  });

  it('turns an ended co-creation session into a draft with its counts; the session still running is refused', async () => {
    const ended = await one<{ id: string; title: string }>(sql`select id, title from cocreation_sessions where network_id = ${nid} and step = 6 limit 1`);
    const live = await one<{ id: string }>(sql`select id from cocreation_sessions where network_id = ${nid} and step < 6 limit 1`);
    await refusedAsUnfinished('cocreation_session', live.id);
    const res = await draft(coordinator, nid, 'cocreation_session', ended.id);
    expect(res.status).toBe(201);
    const n = await one<{ participants: number; statements: number; proposals: number; agreements: number }>(sql`select
      (select count(*)::int from cocreation_participants where session_id = ${ended.id}) as participants,
      (select count(*)::int from cocreation_statements where session_id = ${ended.id}) as statements,
      (select count(*)::int from cocreation_proposals where session_id = ${ended.id}) as proposals,
      (select count(*)::int from cocreation_agreements where session_id = ${ended.id}) as agreements`);
    expect(res.body).toMatchObject({ practice: 'cocreation', title: ended.title, origin: { source: 'cocreation_session', sourceId: ended.id } });
    expect(res.body.story).toContain(`schreven ${n.participants} deelnemers ${n.statements} uitspraken; daaruit kwamen ${n.proposals} voorstellen`);
    expect(res.body.story).toContain(`${n.agreements} ${n.agreements === 1 ? 'afspraak' : 'afspraken'}`);
    await notFoundElsewhere('cocreation_session', ended.id);
  });

  it('answers an unknown practice and a teacher with a clear refusal, never a server error', async () => {
    const lab = await one<{ id: string }>(sql`select id from leerlabs where network_id = ${nid} limit 1`);
    expect((await draft(coordinator, nid, 'onbekend', lab.id)).status).toBe(404);
    expect((await coordinator.request('POST', `/api/networks/${nid}/examples/from/leerlab/geen-uuid`)).status).toBe(400);
    const teacher = await demoLogin(h, 'teacher');
    expect((await draft(teacher, nid, 'leerlab', lab.id)).status).toBe(403);
  });
});
