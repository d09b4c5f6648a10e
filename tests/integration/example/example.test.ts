import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { makeEdition } from '../../support/exchange-fixture.ts';
import { makeExample } from './example-support.ts';
import type { ExampleSearchResult } from '../../../src/domain/example/example/schema.ts';

// The library of practice examples: Dutch stemming and ranking on a fixed corpus, facet counts
// equal to a direct count, private and public examples, hostile search strings, the Atom feed,
// and a finished exchange week turned into a draft example.

let h: Harness;
let nid: string;
let otherNid: string;
let coordinator: ApiClient;
let teacher: ApiClient;
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
});

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
