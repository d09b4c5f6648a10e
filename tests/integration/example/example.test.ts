import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { makeEdition } from '../../support/exchange-fixture.ts';
import { makeExample } from './example-support.ts';
import type { ExampleSearchResult } from '../../../src/domain/example/example/schema.ts';

// The library of practice examples: Dutch stemming and ranking on a fixed corpus, Dutch and English
// examples side by side (each stemmed, matched and highlighted in its own language), facet counts
// equal to a direct count, private and public examples, hostile search strings, the Atom feed,
// and a finished exchange week turned into a draft example.

let h: Harness;
let nid: string;
let otherNid: string;
let coordinator: ApiClient;
let teacher: ApiClient;
let langNid: string;
let langMember: ApiClient;
const anonymous = () => h.client();

const CORPUS = [
  { title: 'Docenten mbo en hbo leren van elkaar', special: 'Een week waarin docenten elkaars lessen bezoeken.', story: 'Docentkoppels van verwante opleidingen kijken mee in de les.', sectors: ['mbo', 'hbo'], themes: ['professionalisering', 'loopbaangesprek'], practice: 'exchange', region: 'Gelderland' },
  { title: 'Leerlab techniek vmbo–mbo', special: 'Leerlingen volgen wekelijks lessen op het ROC.', story: 'Een docent van het mbo geeft gastlessen op de vmbo-school.', sectors: ['vmbo', 'mbo'], themes: ['lob_programma'], practice: 'leerlab', region: 'Utrecht' },
  { title: 'Bedrijfsbezoek zorg', special: 'Een ziekenhuis opent de deuren voor leraren.', story: 'Arbeidsmarktinformatie uit de eerste hand voor loopbaanbegeleiding.', sectors: ['mbo'], themes: ['arbeidsmarktinformatie'], practice: 'company_visit', region: 'Gelderland' },
  { title: 'Ouders in gesprek over studiekeuze', special: 'Ouderavonden over vervolgopleidingen.', story: 'Ouderbetrokkenheid bij de loopbaankeuze van havisten.', sectors: ['havo', 'vwo'], themes: ['ouderbetrokkenheid', 'loopbaankeuze'], practice: 'other', region: 'Noord-Brabant' },
];

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db, 'Netwerk Voorbeelden')).id;
  otherNid = (await makeNetwork(h.deps.db, 'Ander netwerk')).id;
  const inst = (await makeInstitution(h.deps.db, nid, { kind: 'mbo' })).id;
  const c = await makePerson(h.deps.db, nid, 'network_coordinator', null);
  coordinator = h.client();
  await coordinator.login(c.email, PASSWORD);
  const t = await makePerson(h.deps.db, nid, 'teacher', inst);
  teacher = h.client();
  await teacher.login(t.email, PASSWORD);
  for (const [i, e] of CORPUS.entries()) await makeExample(h, nid, { ...e, visibility: i % 2 === 0 ? 'public' : 'network' });
  await makeExample(h, nid, { title: 'Concept docentenpanel', visibility: 'draft', region: 'Gelderland' });
  await makeExample(h, otherNid, { title: 'Docenten elders', visibility: 'network', region: 'Zeeland' });
  // a network with Dutch and English examples side by side
  langNid = (await makeNetwork(h.deps.db, 'Netwerk Talen')).id;
  const m = await makePerson(h.deps.db, langNid, 'network_coordinator', null);
  langMember = h.client();
  await langMember.login(m.email, PASSWORD);
  for (const e of LANG_CORPUS) await makeExample(h, langNid, { ...e, visibility: 'network' });
});

const LANG_CORPUS = [
  { language: 'nl', title: 'Docenten leren van elkaar', special: 'Die week bezoeken docenten elkaars lessen.', story: 'De leraren van het mbo en het hbo kijken mee.', sectors: ['mbo', 'hbo'], themes: ['professionalisering'], practice: 'exchange', region: 'Utrecht' },
  { language: 'nl', title: 'Ouders en de studiekeuze', special: 'Ouderavonden over vervolgopleidingen.', story: 'Mentoren praten met ouders over de keuze.', sectors: ['havo'], themes: ['ouderbetrokkenheid'], practice: 'other', region: 'Utrecht' },
  { language: 'en', title: 'Teachers learn from each other', special: 'During the week teachers visit each other\'s classes.', story: 'Teaching staff of vocational and higher education watch the lessons.', sectors: ['mbo', 'hbo'], themes: ['professionalisering'], practice: 'exchange', region: 'Gelderland' },
  { language: 'en', title: 'Parents and career choices', special: 'Evenings for parents about further studies.', story: 'The mentors are talking with parents about choosing a study.', sectors: ['havo', 'vwo'], themes: ['ouderbetrokkenheid', 'loopbaankeuze'], practice: 'other', region: 'Gelderland' },
];

afterAll(async () => {
  await h?.stop();
});

const search = async (c: ApiClient, path: string, query: string) => (await c.request('GET', `${path}?${query}`)).body as ExampleSearchResult;

describe('the library of practice examples', () => {
  it('finds "docenten" for "docent" (Dutch stemming), ranks the title match first and marks the matches', async () => {
    const res = await search(teacher, `/api/networks/${nid}/examples`, 'q=docent');
    expect(res.results.map((r) => r.title)).toEqual(['Docenten mbo en hbo leren van elkaar', 'Leerlab techniek vmbo–mbo']);
    expect(res.results[0]!.headline).toMatch(/\uE000[Dd]ocent\w*\uE001/);
    const phrase = await search(teacher, `/api/networks/${nid}/examples`, `q=${encodeURIComponent('"kijken mee"')}`);
    expect(phrase.results.map((r) => r.title)).toEqual(['Docenten mbo en hbo leren van elkaar']);
    const not = await search(teacher, `/api/networks/${nid}/examples`, `q=${encodeURIComponent('docent -leerlab')}`);
    expect(not.results.map((r) => r.title)).toEqual(['Docenten mbo en hbo leren van elkaar']);
  });

  it('searches Dutch examples in Dutch and English ones in English: stemming in each, stop words of one not breaking the other', async () => {
    const titles = async (q: string) => (await search(langMember, `/api/networks/${langNid}/examples`, `q=${encodeURIComponent(q)}`)).results.map((r) => r.title);
    expect(await titles('docent')).toEqual(['Docenten leren van elkaar']);
    expect(await titles('teacher')).toEqual(['Teachers learn from each other']);
    // "die" and "de" are Dutch stop words (English words), "the" and "are" English ones
    expect(await titles('die docenten')).toEqual(['Docenten leren van elkaar']);
    expect(await titles('de ouders')).toEqual(['Ouders en de studiekeuze']);
    expect(await titles('the teachers')).toEqual(['Teachers learn from each other']);
    expect(await titles('parents are choosing')).toEqual(['Parents and career choices']);
    // English stems ("lessons" for "lesson") and Dutch stems ("lessen"), each only in its own language
    expect(await titles('lesson')).toEqual(['Teachers learn from each other']);
    expect(await titles('lessen')).toEqual(['Docenten leren van elkaar']);
    expect((await titles('ouders or parents')).sort()).toEqual(['Ouders en de studiekeuze', 'Parents and career choices']);
    const en = await search(langMember, `/api/networks/${langNid}/examples`, 'q=visiting');
    expect(en.results.map((r) => [r.title, r.language])).toEqual([['Teachers learn from each other', 'en']]);
    expect(en.results[0]!.headline).toContain('\uE000visit\uE001');
    const nl = await search(langMember, `/api/networks/${langNid}/examples`, 'q=bezoek');
    expect(nl.results[0]!.headline).toContain('\uE000bezoeken\uE001');
  });

  it('counts facets of a search in both languages as a direct SQL count does', async () => {
    for (const q of ['docent or teacher', 'ouders or parents or mentor', 'week']) {
      const res = await search(langMember, `/api/networks/${langNid}/examples`, `q=${encodeURIComponent(q)}`);
      const matches = sql`network_id = ${langNid} and visibility <> 'draft' and search @@ websearch_to_tsquery((case language when 'en' then 'english' else 'dutch' end)::regconfig, ${q})`;
      const total = ((await h.deps.db.execute(sql`select count(*)::int as n from examples where ${matches}`)).rows[0] as { n: number }).n;
      expect(res.total, q).toBe(total);
      expect(total, q).toBeGreaterThan(1);
      for (const [facet, column] of [['sector', sql`unnest(sectors)`], ['theme', sql`unnest(themes)`], ['region', sql`region`], ['practice', sql`practice`]] as const) {
        const direct = await h.deps.db.execute(sql`select v, count(*)::int as n from (select ${column} as v from examples where ${matches}) x group by v`);
        expect(Object.fromEntries(res.facets[facet].map((f) => [f.value, f.count])), `${q} ${facet}`).toEqual(Object.fromEntries((direct.rows as { v: string; n: number }[]).map((r) => [r.v, r.n])));
      }
    }
  });

  it('keeps the language of an example as the coordinator sets it, and searches it in that language', async () => {
    const created = await langMember.request('POST', `/api/networks/${langNid}/examples`, { title: 'Students visiting companies', practice: 'company_visit', language: 'en', visibility: 'network' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.language).toBe('en');
    expect((await langMember.request('POST', `/api/networks/${langNid}/examples`, { title: 'x', practice: 'other', language: 'de' })).status).toBe(400);
    const find = async (q: string) => (await search(langMember, `/api/networks/${langNid}/examples`, `q=${q}`)).results.map((r) => r.title);
    expect(await find('company')).toContain('Students visiting companies');
    // as Dutch the English stems no longer apply
    expect((await langMember.request('PATCH', `/api/networks/${langNid}/examples/${created.body.id}`, { language: 'nl' })).body.language).toBe('nl');
    expect(await find('company')).not.toContain('Students visiting companies');
    await langMember.request('DELETE', `/api/networks/${langNid}/examples/${created.body.id}`);
  });

  it('facet counts equal a direct SQL count over the same filters', async () => {
    const res = await search(teacher, `/api/networks/${nid}/examples`, 'sector=mbo');
    const direct = await h.deps.db.execute(sql`select s, count(*)::int as n from examples, unnest(sectors) s where network_id = ${nid} and visibility <> 'draft' and sectors && array['mbo']::text[] group by s`);
    const expected = Object.fromEntries((direct.rows as { s: string; n: number }[]).map((r) => [r.s, r.n]));
    expect(Object.fromEntries(res.facets.sector.map((f) => [f.value, f.count]))).toEqual(expected);
    const regions = await h.deps.db.execute(sql`select region, count(*)::int as n from examples where network_id = ${nid} and visibility <> 'draft' and sectors && array['mbo']::text[] group by region`);
    expect(Object.fromEntries(res.facets.region.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries((regions.rows as { region: string; n: number }[]).map((r) => [r.region, r.n])));
    expect(res.total).toBe(3);
    const both = await search(teacher, `/api/networks/${nid}/examples`, 'sector=mbo&theme=arbeidsmarktinformatie&region=Gelderland');
    expect(both.results.map((r) => r.title)).toEqual(['Bedrijfsbezoek zorg']);
    expect(both.facets.practice).toEqual([{ value: 'company_visit', count: 1 }]);
  });

  it('keeps network examples to the network and drafts to coordinators; publishes the public ones to everyone, with a feed', async () => {
    const pub = await search(anonymous(), '/api/public/examples', 'q=docent');
    expect(pub.results.map((r) => r.title)).toEqual(['Docenten mbo en hbo leren van elkaar']);
    const all = await search(anonymous(), '/api/public/examples', '');
    expect(all.total).toBe(2);
    expect(JSON.stringify(all)).not.toContain('Docenten elders');
    expect((await search(teacher, `/api/networks/${nid}/examples`, 'q=docentenpanel')).total).toBe(0);
    expect((await search(coordinator, `/api/networks/${nid}/examples`, 'q=docentenpanel')).total).toBe(1);
    const page = await anonymous().request('GET', `/api/public/examples/${pub.results[0]!.slug}`);
    expect(page.status).toBe(200);
    expect(page.body.networkName).toBe('Netwerk Voorbeelden');
    const hidden = await search(coordinator, `/api/networks/${nid}/examples`, 'q=leerlab');
    const slug = hidden.results[0]!.slug;
    expect((await anonymous().request('GET', `/api/public/examples/${slug}`)).status).toBe(404);
    const feed = await anonymous().download('/api/public/examples.atom');
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('Docenten mbo en hbo leren van elkaar');
    expect(xml).not.toContain('Leerlab techniek');
  });

  it('answers search strings with operators, quotes, SQL or 5,000 characters without a server error', async () => {
    const hostile = [
      "'; drop table examples; --", '"docent', 'docent & | ! ( ) :* <->', '""""', '-', 'or or or', '\\', "docent' or '1'='1",
      'x'.repeat(5000), 'ü€😀 docent', '%_%', 'docent <script>alert(1)</script>',
    ];
    for (const q of hostile) {
      for (const path of ['/api/public/examples', `/api/networks/${nid}/examples`]) {
        const res = await teacher.request('GET', `${path}?q=${encodeURIComponent(q)}`);
        expect(res.status, `${path} ${q.slice(0, 40)}`).toBe(200);
      }
    }
    expect((await teacher.request('GET', `/api/public/examples?q=${'y'.repeat(5001)}`)).status).toBe(400);
    expect((await teacher.request('GET', '/api/public/examples?sector=mbo%27;--')).status).toBe(400);
    const n = ((await h.deps.db.execute(sql`select count(*)::int as n from examples`)).rows[0] as { n: number }).n;
    expect(n).toBeGreaterThan(0);
  });

  it('turns a finished exchange week into a draft example with its facts', async () => {
    const hbo = (await makeInstitution(h.deps.db, nid, { kind: 'hbo' })).id;
    const mbo = (await makeInstitution(h.deps.db, nid, { kind: 'mbo' })).id;
    const running = await makeEdition(h, nid, { a: mbo, b: hbo }, 'running');
    expect((await coordinator.request('POST', `/api/networks/${nid}/editions/${running}/example`)).status).toBe(409);
    const finished = await makeEdition(h, nid, { a: mbo, b: hbo }, 'closed');
    const res = await coordinator.request('POST', `/api/networks/${nid}/editions/${finished}/example`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ visibility: 'draft', practice: 'exchange', origin: { source: 'exchange_edition', sourceId: finished } });
    expect(res.body.sectors.sort()).toEqual(['hbo', 'mbo']);
    expect(res.body.story).toContain('lesbezoeken');
    expect((await teacher.request('POST', `/api/networks/${nid}/editions/${finished}/example`)).status).toBe(403);
    const published = await coordinator.request('PATCH', `/api/networks/${nid}/examples/${res.body.id}`, { visibility: 'public', region: 'Gelderland' });
    expect(published.body.publishedAt).toEqual(expect.any(String));
    expect((await anonymous().request('GET', `/api/public/examples/${res.body.slug}`)).status).toBe(200);
  });
});
