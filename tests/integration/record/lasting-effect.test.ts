import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { recordFollowUps } from '../../../src/db/schema/index.ts';

// "What changed?" in the practices' own reports, on the demo network: teachers answer the
// lasting-effect question about an exchange week, a company visit and a leerlab; the edition
// report, the offer report (in total and per host) and the leerlab's page show the counts equal to
// a direct SQL count — only from three answers on — and the draft examples say them in a sentence.
// Another network answers about the very same items, and none of its answers ever shows here.

let h: Harness;
let coordinator: ApiClient;
let nid: string;
let inst: string;
let otherNid: string;
let otherInst: string;

type Effect = 'changed' | 'partly' | 'unchanged';

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
  coordinator = await demoLogin(h, 'network_coordinator');
  nid = await demoNetworkId(coordinator);
  inst = (await one<{ id: string }>(sql`select id from institutions where network_id = ${nid} order by name limit 1`)).id;
  otherNid = (await makeNetwork(h.deps.db, 'Ander netwerk')).id;
  otherInst = (await makeInstitution(h.deps.db, otherNid)).id;
});

afterAll(async () => {
  await h?.stop();
});

async function one<T>(query: ReturnType<typeof sql>) {
  return (await h.deps.db.execute(query)).rows[0] as T;
}

/**
 * A teacher of `network` who was asked the lasting-effect question about (source, sourceId) — as the
 * hourly tick asks it — answers it in the app with `effect`.
 */
async function answer(network: string, institution: string, source: string, sourceId: string, effect: Effect) {
  const person = await makePerson(h.deps.db, network, 'teacher', institution);
  const client = h.client();
  expect((await client.login(person.email, PASSWORD)).status).toBe(200);
  const [row] = await h.deps.db.insert(recordFollowUps).values({
    networkId: network, personId: person.id, source, sourceId, title: 'Activiteit', activityDate: '2026-03-01', askedAt: h.deps.now(),
  }).returning();
  const res = await client.request('POST', `/api/networks/${network}/record/follow-ups/${row!.id}/answer`, { impact: 'Ik laat leerlingen nu vaker zelf kiezen.', effect });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The question asked of a teacher who has not answered (yet). */
async function askOnly(network: string, institution: string, source: string, sourceId: string) {
  const person = await makePerson(h.deps.db, network, 'teacher', institution);
  await h.deps.db.insert(recordFollowUps).values({ networkId: network, personId: person.id, source, sourceId, title: 'Activiteit', activityDate: '2026-03-01', askedAt: h.deps.now() });
}

/** The same figures straight from the tables, for the network's items (source, sourceId). */
async function counted(network: string, items: { source: string; sourceId: string }[]) {
  const json = JSON.stringify(items.map((i) => ({ source: i.source, source_id: i.sourceId })));
  return one<{ asked: number; changed: number; partly: number; unchanged: number }>(sql`
    select (select count(*)::int from record_follow_ups f join jsonb_to_recordset(${json}::jsonb) as i(source text, source_id text) on f.source = i.source and f.source_id = i.source_id where f.network_id = ${network}) as asked,
      coalesce(sum(c.changed), 0)::int as changed, coalesce(sum(c.partly), 0)::int as partly, coalesce(sum(c.unchanged), 0)::int as unchanged
    from record_effect_counts c join jsonb_to_recordset(${json}::jsonb) as i(source text, source_id text) on c.source = i.source and c.source_id = i.source_id
    where c.network_id = ${network}`);
}

function expectEffect(effect: { asked: number; answered: number; counts: null | { changed: number; partly: number; unchanged: number } }, sqlCount: { asked: number; changed: number; partly: number; unchanged: number }) {
  const answered = sqlCount.changed + sqlCount.partly + sqlCount.unchanged;
  expect(effect.asked).toBe(sqlCount.asked);
  expect(effect.answered).toBe(answered);
  if (answered >= 3) expect(effect.counts).toEqual({ changed: sqlCount.changed, partly: sqlCount.partly, unchanged: sqlCount.unchanged });
  else expect(effect.counts).toBeNull();
}

const draft = (id: string, source: string) => coordinator.request('POST', `/api/networks/${nid}/examples/from/${source}/${id}`, {});

describe('what changed, in the practice reports', () => {
  it("the edition report shows an exchange week's answers only from three on, equal to the database; the draft example says them", async () => {
    const edition = await one<{ id: string }>(sql`select id from editions where network_id = ${nid} and status in ('evaluation', 'closed') limit 1`);
    const item = [{ source: 'exchange_edition', sourceId: edition.id }];
    const report = async () => (await coordinator.request('GET', `/api/networks/${nid}/editions/${edition.id}/report`)).body;
    // another network answers about the same id: it never counts here
    for (const e of ['changed', 'changed', 'changed', 'unchanged'] as const) await answer(otherNid, otherInst, 'exchange_edition', edition.id, e);
    expect((await report()).lastingEffect).toMatchObject({ asked: 0, answered: 0, counts: null, afterDays: 91 });
    expect((await draft(edition.id, 'exchange_edition')).body.story).not.toContain('later');

    await answer(nid, inst, 'exchange_edition', edition.id, 'changed');
    await answer(nid, inst, 'exchange_edition', edition.id, 'partly');
    await askOnly(nid, inst, 'exchange_edition', edition.id);
    let effect = (await report()).lastingEffect;
    expect(effect).toEqual({ afterDays: 91, asked: 3, answered: 2, counts: null });
    expectEffect(effect, await counted(nid, item));
    expect((await draft(edition.id, 'exchange_edition')).body.story).toContain('3 maanden later antwoordden 2 docenten op de vraag wat ze nu anders denken of doen; te weinig om de antwoorden te tellen.');

    await answer(nid, inst, 'exchange_edition', edition.id, 'unchanged');
    await answer(nid, inst, 'exchange_edition', edition.id, 'changed');
    effect = (await report()).lastingEffect;
    expect(effect).toEqual({ afterDays: 91, asked: 5, answered: 4, counts: { changed: 2, partly: 1, unchanged: 1 } });
    expectEffect(effect, await counted(nid, item));
    const story = (await draft(edition.id, 'exchange_edition')).body.story as string;
    expect(story).toContain('3 maanden later zeiden 3 van de 4 docenten die antwoordden dat ze iets anders denken of doen (2 duidelijk, 1 deels).');

    // the network's own delay sets the words
    expect((await coordinator.request('PATCH', `/api/networks/${nid}/record/settings`, { followUpDays: 30 })).status).toBe(200);
    expect((await report()).lastingEffect.afterDays).toBe(30);
    expect((await draft(edition.id, 'exchange_edition')).body.story).toContain('4 weken later zeiden 3 van de 4 docenten');
    expect((await coordinator.request('PATCH', `/api/networks/${nid}/record/settings`, { followUpDays: 91 })).status).toBe(200);
  });

  it("the offer report counts every host's registrations, in total and per host, equal to the database; a company visit's draft says them", async () => {
    const visits = await h.deps.db.execute<{ id: string; host_id: string; last_end: Date }>(sql`
      select o.id, o.host_institution_id as host_id, max(s.end_at) as last_end from offers o join offer_sessions s on s.offer_id = o.id
      where o.network_id = ${nid} and o.kind = 'company_visit' and s.status = 'planned' group by o.id order by last_end`);
    const done = visits.rows.find((v) => new Date(v.last_end).getTime() < Date.now())!;
    const registrations = (await h.deps.db.execute<{ id: string }>(sql`select id from offer_registrations where network_id = ${nid} and offer_id = ${done.id} order by id`)).rows;
    expect(registrations.length).toBeGreaterThan(0);
    const effects: Effect[] = ['changed', 'partly', 'changed', 'unchanged', 'changed'];
    for (const [i, e] of effects.entries()) await answer(nid, inst, 'offer_registration', registrations[i % registrations.length]!.id, e);
    await answer(otherNid, otherInst, 'offer_registration', registrations[0]!.id, 'unchanged');

    const report = (await coordinator.request('GET', `/api/networks/${nid}/offer-report`)).body;
    const all = (await h.deps.db.execute<{ id: string }>(sql`select id from offer_registrations where network_id = ${nid}`)).rows.map((r) => ({ source: 'offer_registration', sourceId: r.id }));
    const total = await counted(nid, all);
    expect(total.changed + total.partly + total.unchanged).toBe(5);
    expectEffect(report.totals.lastingEffect, total);
    expect(report.totals.lastingEffect.counts).toEqual({ changed: 3, partly: 1, unchanged: 1 });
    const hostRegs = (await h.deps.db.execute<{ id: string }>(sql`select r.id from offer_registrations r join offers o on o.id = r.offer_id where r.network_id = ${nid} and o.host_institution_id = ${done.host_id}`)).rows;
    const host = report.byCompany.find((c: { hostInstitutionId: string }) => c.hostInstitutionId === done.host_id);
    expectEffect(host.lastingEffect, await counted(nid, hostRegs.map((r) => ({ source: 'offer_registration', sourceId: r.id }))));
    // hosts without answers show zeros, never another host's
    for (const c of report.byCompany.filter((x: { hostInstitutionId: string }) => x.hostInstitutionId !== done.host_id)) expect(c.lastingEffect.answered).toBe(0);

    const csv = await coordinator.download(`/api/networks/${nid}/offer-report.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Doorwerking: beantwoord');

    const res = await draft(done.id, 'company_visit');
    expect(res.status).toBe(201);
    expect(res.body.story).toContain('3 maanden later zeiden 4 van de 5 docenten die antwoordden dat ze iets anders denken of doen (3 duidelijk, 1 deels).');
  });

  it("a speeddate's draft example counts the answers of its participants ('<event>:<person>')", async () => {
    const event = await one<{ id: string }>(sql`select id from speeddate_events where network_id = ${nid} and start_at < now() order by start_at desc limit 1`);
    const people = (await h.deps.db.execute<{ person_id: string }>(sql`select person_id from speeddate_participants where network_id = ${nid} and event_id = ${event.id} and role = 'teacher' order by person_id limit 3`)).rows;
    expect(people.length).toBe(3);
    for (const [i, p] of people.entries()) await answer(nid, inst, 'speeddate', `${event.id}:${p.person_id}`, i === 0 ? 'unchanged' : 'changed');
    const res = await draft(event.id, 'speeddate_event');
    expect(res.status).toBe(201);
    expect(res.body.story).toContain('3 maanden later zeiden 2 van de 3 docenten die antwoordden dat ze iets anders denken of doen (2 duidelijk, 0 deels).');
  });

  it("a leerlab's page shows its teachers' answers about guest lessons and sessions together, equal to the database; its draft says them", async () => {
    const lab = await one<{ id: string; last_date: string }>(sql`select id, last_date::text from leerlabs where network_id = ${nid} order by name limit 1`);
    const items = [{ source: 'leerlab_guest_lesson', sourceId: `${lab.id}:leerlab_guest_lesson` }, { source: 'leerlab_session', sourceId: `${lab.id}:leerlab_session` }];
    await answer(nid, inst, 'leerlab_guest_lesson', items[0]!.sourceId, 'partly');
    await answer(nid, inst, 'leerlab_session', items[1]!.sourceId, 'unchanged');
    const read = async (c = coordinator, network = nid) => c.request('GET', `/api/networks/${network}/leerlabs/${lab.id}/lasting-effect`);
    expect((await read()).body).toEqual({ afterDays: 91, asked: 2, answered: 2, counts: null });
    await answer(nid, inst, 'leerlab_session', items[1]!.sourceId, 'changed');
    await answer(otherNid, otherInst, 'leerlab_session', items[1]!.sourceId, 'changed');
    const res = await read();
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ changed: 1, partly: 1, unchanged: 1 });
    expectEffect(res.body, await counted(nid, items));
    // another network's coordinator does not reach this leerlab
    const stranger = await makePerson(h.deps.db, otherNid, 'network_coordinator', null);
    const strangerClient = h.client();
    await strangerClient.login(stranger.email, PASSWORD);
    expect([403, 404]).toContain((await read(strangerClient, otherNid)).status);
    try {
      h.clock.set(new Date(new Date(`${lab.last_date}T12:00:00Z`).getTime() + 2 * 86_400_000));
      const later = await demoLogin(h, 'network_coordinator');
      const made = await later.request('POST', `/api/networks/${nid}/examples/from/leerlab/${lab.id}`, {});
      expect(made.status).toBe(201);
      expect(made.body.story).toContain('3 maanden later zeiden 2 van de 3 docenten die antwoordden dat ze iets anders denken of doen (1 duidelijk, 1 deels).');
    } finally {
      h.clock.reset();
    }
  });
});
