import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';
import { EXAMPLE_PRACTICES, EXAMPLE_SECTORS, EXAMPLE_THEMES } from '../../../src/domain/example/example/schema.ts';

// The demo network as a newcomer meets the library: an example in our own words for every
// practice, complete with the criteria of seed 000, and for every practice that has finished
// something in the demo, a draft example whose numbers are not nought and are what the demo's
// rows hold.

let h: Harness;
let coordinator: ApiClient;
let nid: string;

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
  coordinator = await demoLogin(h, 'network_coordinator');
  nid = await demoNetworkId(coordinator);
});

afterAll(async () => {
  await h?.stop();
});

const rows = async <T>(query: ReturnType<typeof sql>) => (await h.deps.db.execute(query)).rows as T[];
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
const draft = (c: ApiClient, source: string, id: string) => c.request('POST', `/api/networks/${nid}/examples/from/${source}/${id}`, {});
const dec = (n: number) => String(n).replace('.', ',');

function allAboveNought(n: Record<string, number | null>) {
  for (const [key, value] of Object.entries(n)) expect(value, key).toBeGreaterThan(0);
}

/** The participants' evaluation as the demo holds it: figures from three answers, none below. */
async function evaluationOf(source: string, id: string) {
  return one<{ count: number; mean: number | null }>(sql`select count(*)::int as count, round(avg(score)::numeric, 1)::float8 as mean
    from practice_evaluations where network_id = ${nid} and source = ${source} and item_id = ${id}`);
}
const evaluationText = (e: { count: number; mean: number | null }) => `${e.count} deelnemers gaven gemiddeld ${(e.mean ?? 0).toFixed(1).replace('.', ',')} uit 5`;

async function expectDraft(c: ApiClient, source: string, id: string, practice: string) {
  const res = await draft(c, source, id);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body).toMatchObject({ visibility: 'draft', practice, origin: { source, sourceId: id } });
  expect(res.body.institutions.length).toBeGreaterThan(0);
  expect(res.body.sectors.length).toBeGreaterThan(0);
  expect(res.body.themes.length).toBeGreaterThan(0);
  return res.body as { story: string; special: string; institutions: string[]; sectors: string[] };
}

describe('the demo\'s practice examples', () => {
  it('holds one example in our own words for every practice, shared or public, with all its criteria', async () => {
    const examples = await rows<{ title: string; practice: string; visibility: string; sectors: string[]; themes: string[]; tips: string[]; region: string; institutions: string[]; contact_name: string; contact_email: string; special: string; story: string }>(sql`
      select title, practice, visibility, sectors, themes, tips, region, institutions, contact_name, contact_email, special, story from examples where network_id = ${nid}`);
    const names = new Set((await rows<{ name: string }>(sql`select name from institutions where network_id = ${nid}`)).map((i) => i.name));
    for (const practice of EXAMPLE_PRACTICES.filter((p) => p !== 'other')) {
      const shown = examples.filter((e) => e.practice === practice && e.visibility !== 'draft');
      expect(shown.length, `an example of ${practice}`).toBeGreaterThan(0);
    }
    for (const e of examples.filter((x) => x.visibility !== 'draft')) {
      expect(e.special.length, e.title).toBeGreaterThan(20);
      expect(e.story.length, e.title).toBeGreaterThan(100);
      expect(e.sectors.length, e.title).toBeGreaterThan(0);
      for (const s of e.sectors) expect(EXAMPLE_SECTORS as readonly string[], e.title).toContain(s);
      expect(e.themes.length, e.title).toBeGreaterThan(0);
      for (const t of e.themes) expect(EXAMPLE_THEMES as readonly string[], e.title).toContain(t);
      expect(e.tips.length, e.title).toBeGreaterThan(0);
      expect(e.region, e.title).not.toBe('');
      expect(e.contact_name, e.title).not.toBe('');
      expect(e.contact_email, e.title).toMatch(/@/);
      expect(e.institutions.length, e.title).toBeGreaterThan(0);
      for (const i of e.institutions) expect(names.has(i), `${e.title}: ${i} is an institution of the demo`).toBe(true);
    }
    // a visitor without an account sees exactly the public ones
    const publicCount = examples.filter((e) => e.visibility === 'public').length;
    expect(publicCount).toBeGreaterThanOrEqual(4);
    const library = await h.client().request('GET', '/api/public/examples');
    expect(library.status).toBe(200);
    expect(library.body.total).toBe(publicCount);
  });

  it('turns the finished exchange week into a draft with its registrations, pairs, visits and evaluation', async () => {
    const done = await one<{ id: string; name: string }>(sql`select id, name from editions where network_id = ${nid} and status in ('evaluation', 'closed') limit 1`);
    expect(done, 'the demo has a finished exchange week').toBeTruthy();
    const n = await one<{ registered: number; pairs: number; visits: number; evaluations: number; average: number; recommend: number }>(sql`select
      (select count(*)::int from registrations where edition_id = ${done.id} and withdrawn_at is null) as registered,
      (select count(distinct least(observer_id::text, host_id::text) || greatest(observer_id::text, host_id::text))::int from visits where edition_id = ${done.id}) as pairs,
      (select count(*)::int from visits where edition_id = ${done.id} and status = 'done') as visits,
      (select count(*)::int from edition_evaluations where edition_id = ${done.id}) as evaluations,
      (select round(avg(overall)::numeric, 1)::float8 from edition_evaluations where edition_id = ${done.id}) as average,
      (select round(100.0 * count(*) filter (where would_recommend) / count(*))::int from edition_evaluations where edition_id = ${done.id}) as recommend`);
    allAboveNought(n);
    const d = await expectDraft(coordinator, 'exchange_edition', done.id, 'exchange');
    expect(d.story).toContain(`vormden ${n.registered} aangemelde docenten ${n.pairs} koppels; er vonden ${n.visits} lesbezoeken plaats.`);
    expect(d.story).toContain(`${n.evaluations} deelnemers vulden de evaluatie in: gemiddeld ${dec(n.average)} van 5, en ${n.recommend}% raadt het collega's aan.`);
    const insts = await rows<{ name: string }>(sql`select i.name from edition_institutions e join institutions i on i.id = e.institution_id where e.edition_id = ${done.id}`);
    expect([...d.institutions].sort()).toEqual(insts.map((i) => i.name).sort());
    expect([...d.sectors].sort()).toEqual(['hbo', 'mbo']);
    // the week still to come is refused
    const coming = await one<{ id: string }>(sql`select id from editions where network_id = ${nid} and status = 'matching'`);
    expect((await draft(coordinator, 'exchange_edition', coming.id)).status).toBe(409);
  });

  it('turns last week\'s company visit into a draft with the teachers who came and the company\'s feedback', async () => {
    const visit = await one<{ id: string; host: string }>(sql`
      select o.id, i.name as host from offers o join institutions i on i.id = o.host_institution_id
      where o.network_id = ${nid} and o.kind = 'company_visit' and not exists (select 1 from offer_sessions s where s.offer_id = o.id and s.end_at > now()) limit 1`);
    const n = await one<{ teachers: number; sessions: number; feedback: number }>(sql`select
      (select count(distinct r.person_id)::int from offer_registrations r join offer_sessions s on s.id = r.session_id where r.offer_id = ${visit.id} and r.status = 'confirmed' and s.status = 'planned') as teachers,
      (select count(*)::int from offer_sessions where offer_id = ${visit.id} and status = 'planned') as sessions,
      (select count(*)::int from offer_sessions where offer_id = ${visit.id} and status = 'planned' and feedback <> '') as feedback`);
    allAboveNought(n);
    const d = await expectDraft(coordinator, 'company_visit', visit.id, 'company_visit');
    expect(d.story).toContain(`${n.teachers} docenten namen deel aan ${n.sessions} ${n.sessions === 1 ? 'bezoek' : 'bezoeken'} bij ${visit.host}`);
    expect(d.story).toContain(`Bij ${n.feedback} ${n.feedback === 1 ? 'bezoek' : 'bezoeken'} gaf het bedrijf terugkoppeling.`);
    // two colleagues answered the evaluation; the demo docent's answer would be the third that shows figures
    const ev = await evaluationOf('company_visit', visit.id);
    expect(ev.count).toBeGreaterThan(0);
    if (ev.count >= 3) expect(d.story).toContain(evaluationText(ev));
    else expect(d.story).not.toContain('deelnemers gaven gemiddeld');
  });

  it('turns last week\'s speeddate into a draft with those present, rounds and mutual choices', async () => {
    const event = await one<{ id: string }>(sql`select id from speeddate_events where network_id = ${nid} and start_at < now() order by start_at desc limit 1`);
    const n = await one<{ teachers: number; professionals: number; rounds: number; matches: number }>(sql`select
      (select count(*)::int from speeddate_participants where event_id = ${event.id} and role = 'teacher' and status = 'arrived') as teachers,
      (select count(*)::int from speeddate_participants where event_id = ${event.id} and role = 'professional') as professionals,
      (select rounds from speeddate_events where id = ${event.id}) as rounds,
      (select count(*)::int from speeddate_choices a join speeddate_choices b on b.event_id = a.event_id and b.chooser_id = a.chosen_id and b.chosen_id = a.chooser_id
        join speeddate_participants t on t.event_id = a.event_id and t.person_id = a.chooser_id and t.role = 'teacher' where a.event_id = ${event.id}) as matches`);
    allAboveNought(n);
    const d = await expectDraft(coordinator, 'speeddate_event', event.id, 'speeddate');
    expect(d.story).toContain(`spraken ${n.teachers} docenten met ${n.professionals} professionals`);
    expect(d.story).toContain(`in ${n.rounds} rondes`);
    expect(d.story).toContain(`${n.matches === 1 ? 'koos' : 'kozen'} ${n.matches} keer een docent en een professional elkaar`);
    const ev = await evaluationOf('speeddate_event', event.id);
    expect(ev.count).toBeGreaterThanOrEqual(3);
    expect(d.story).toContain(evaluationText(ev));
  });

  it('turns the ended co-creation session into a draft with its participants, statements, proposals and agreements', async () => {
    const session = await one<{ id: string }>(sql`select id from cocreation_sessions where network_id = ${nid} and step = 6`);
    const n = await one<{ participants: number; statements: number; proposals: number; agreed: number; agreements: number; institutions: number }>(sql`select
      (select count(*)::int from cocreation_participants where session_id = ${session.id}) as participants,
      (select count(*)::int from cocreation_statements where session_id = ${session.id}) as statements,
      (select count(*)::int from cocreation_proposals where session_id = ${session.id}) as proposals,
      (select count(*)::int from cocreation_proposals where session_id = ${session.id} and decision in ('accepted', 'amended')) as agreed,
      (select count(*)::int from cocreation_agreements where session_id = ${session.id}) as agreements,
      (select count(distinct institution_id)::int from cocreation_participants where session_id = ${session.id}) as institutions`);
    allAboveNought(n);
    const d = await expectDraft(coordinator, 'cocreation_session', session.id, 'cocreation');
    expect(d.story).toContain(`schreven ${n.participants} deelnemers ${n.statements} uitspraken; daaruit kwamen ${n.proposals} voorstellen, waarvan ${n.agreed} werden aangenomen.`);
    expect(d.story).toContain(`De sessie leverde ${n.agreements} afspraken op.`);
    expect(d.institutions).toHaveLength(n.institutions);
    const ev = await evaluationOf('cocreation_session', session.id);
    expect(ev.count).toBeGreaterThanOrEqual(3);
    expect(d.story).toContain(evaluationText(ev));
  });

  it('turns last school year\'s leerlab into a draft with pupils, teachers, sessions, attendance and evaluation; this year\'s is refused', async () => {
    const lab = await one<{ id: string; name: string }>(sql`select id, name from leerlabs where network_id = ${nid} and last_date < (now() at time zone 'Europe/Amsterdam')::date`);
    expect(lab, 'the demo has a finished leerlab').toBeTruthy();
    const n = await one<{ pupils: number; teachers: number; sessions: number; present: number; answers: number; average: number }>(sql`select
      (select count(*)::int from leerlab_pupils where leerlab_id = ${lab.id}) as pupils,
      (select count(distinct person_id)::int from leerlab_staff where leerlab_id = ${lab.id} and role in ('vo_teacher', 'mbo_teacher')) as teachers,
      (select count(*)::int from leerlab_sessions where leerlab_id = ${lab.id} and status = 'planned') as sessions,
      (select count(*)::int from leerlab_attendance a join leerlab_sessions s on s.id = a.session_id where s.leerlab_id = ${lab.id} and a.status in ('present', 'late')) as present,
      (select count(*)::int from leerlab_evaluation_answers a join leerlab_evaluations e on e.id = a.evaluation_id where e.leerlab_id = ${lab.id}) as answers,
      (select round(avg(v.value::numeric), 1)::float8 from leerlab_evaluation_answers a join leerlab_evaluations e on e.id = a.evaluation_id
        cross join lateral jsonb_each_text(a.ratings) v where e.leerlab_id = ${lab.id} and v.value ~ '^[1-5]$') as average`);
    allAboveNought(n);
    const d = await expectDraft(coordinator, 'leerlab', lab.id, 'leerlab');
    expect(d.story).toContain(`volgden ${n.pupils} leerlingen het leerlab, begeleid door ${n.teachers} docenten van vo en mbo.`);
    expect(d.story).toContain(`Er vonden ${n.sessions} bijeenkomsten plaats, met ${n.present} keer een leerling aanwezig.`);
    expect(d.story).toContain(`${n.answers} deelnemers vulden de evaluatie in: gemiddeld ${dec(n.average)} van 5`);
    expect([...d.institutions].sort()).toEqual(['ROC Eemvallei', 'Vakcollege Eemnes']);
    expect([...d.sectors].sort()).toEqual(['mbo', 'vmbo']);
    const running = await one<{ id: string }>(sql`select id from leerlabs where network_id = ${nid} and last_date >= (now() at time zone 'Europe/Amsterdam')::date`);
    expect((await draft(coordinator, 'leerlab', running.id)).status).toBe(409);
  });
});
