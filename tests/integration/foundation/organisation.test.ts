import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, makeProgramme, PASSWORD } from '../../support/factories.ts';
import { programmes, memberships, people } from '../../../src/db/schema/index.ts';
import { demoSeed } from '../../../src/db/seed/demo.ts';

let h: Harness;
let nid: string;
let c: ApiClient;

beforeAll(async () => {
  h = await harnessStart({ smtp: false });
  nid = (await makeNetwork(h.deps.db, 'Netwerk Organisatie')).id;
  const coordinator = await makePerson(h.deps.db, nid, 'network_coordinator', null);
  c = h.client();
  await c.login(coordinator.email, PASSWORD);
});
afterAll(async () => h?.stop());

describe('institutions, locations and programmes', () => {
  it('creates, reads, updates and deletes with counts', async () => {
    const created = await c.request('POST', `/api/networks/${nid}/institutions`, { name: 'Hogeschool Noord', kind: 'hbo', brin: '22nd' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Hogeschool Noord', kind: 'hbo', brin: '22ND', locationCount: 0 });
    const id = created.body.id;
    const loc = await c.request('POST', `/api/networks/${nid}/institutions/${id}/locations`, { name: 'Campus', address: 'Zernikeplein 1', postcode: '9747as', city: 'Groningen', latitude: 53.24, longitude: 6.53 });
    expect(loc.status).toBe(201);
    expect(loc.body.postcode).toBe('9747 AS');
    const prog = await c.request('POST', `/api/networks/${nid}/programmes`, { institutionId: id, name: 'HBO-ICT', iscedCode: '0613', level: 'bachelor' });
    expect(prog.status).toBe(201);
    expect(prog.body.iscedLabel).toBe('Ontwikkeling en analyse van software en toepassingen');
    const read = await c.request('GET', `/api/networks/${nid}/institutions/${id}`);
    expect(read.body).toMatchObject({ locationCount: 1, programmeCount: 1 });
    const patched = await c.request('PATCH', `/api/networks/${nid}/institutions/${id}`, { name: 'Hanzehogeschool Noord' });
    expect(patched.body.name).toBe('Hanzehogeschool Noord');
    expect((await c.request('DELETE', `/api/networks/${nid}/institutions/${id}`)).status).toBe(200);
    expect((await c.request('GET', `/api/networks/${nid}/institutions/${id}`)).status).toBe(404);
  });

  it('answers bad input with specific, translated field errors and writes nothing', async () => {
    const before = (await c.request('GET', `/api/networks/${nid}/institutions`)).body.length;
    const bad = await c.request('POST', `/api/networks/${nid}/institutions`, { name: ' ', kind: 'university', brin: 'X' }, { 'accept-language': 'en' });
    expect(bad.status).toBe(400);
    const codes = Object.fromEntries(bad.body.error.fields.map((f: { path: string; code: string }) => [f.path, f.code]));
    expect(codes).toEqual({ name: 'FIELD_TOO_SHORT', kind: 'FIELD_INVALID_CHOICE', brin: 'FIELD_INVALID_BRIN' });
    const inst = await makeInstitution(h.deps.db, nid);
    const loc = await c.request('POST', `/api/networks/${nid}/institutions/${inst.id}/locations`, { name: 'X', address: 'Weg 1', postcode: '0123 AB', city: 'Utrecht' });
    expect(loc.body.error.fields[0]).toMatchObject({ path: 'postcode', code: 'FIELD_INVALID_POSTCODE' });
    const prog = await c.request('POST', `/api/networks/${nid}/programmes`, { institutionId: inst.id, name: 'Onbekend', iscedCode: '0777', level: 'bachelor' });
    expect(prog.body.error.fields[0]).toMatchObject({ path: 'iscedCode', code: 'FIELD_UNKNOWN_ISCED' });
    const dup = await c.request('POST', `/api/networks/${nid}/institutions`, { name: inst.name.toUpperCase(), kind: 'mbo' });
    expect(dup.status).toBe(409);
    expect((await c.request('GET', `/api/networks/${nid}/institutions`)).body.length).toBe(before + 1);
    const notUuid = await c.request('GET', `/api/networks/${nid}/institutions/not-a-uuid`);
    expect(notUuid.status).toBe(400);
  });

  it('refuses to delete an institution that still has people, and a programme still in use', async () => {
    const inst = await makeInstitution(h.deps.db, nid);
    const prog = await makeProgramme(h.deps.db, nid, inst.id);
    await makePerson(h.deps.db, nid, 'teacher', inst.id, { programmeIds: [prog.id] });
    const del = await c.request('DELETE', `/api/networks/${nid}/institutions/${inst.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('INSTITUTION_IN_USE');
    expect((await c.request('DELETE', `/api/networks/${nid}/programmes/${prog.id}`)).body.error.code).toBe('PROGRAMME_IN_USE');
  });

  it('keeps the last network coordinator', async () => {
    const me = (await c.request('GET', '/api/auth/me')).body;
    const res = await c.request('DELETE', `/api/networks/${nid}/people/${me.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_COORDINATOR');
  });
});

describe('CSV import', () => {
  it('imports programmes from a semicolon file with a BOM and Dutch headers, reporting every row', async () => {
    const inst = await makeInstitution(h.deps.db, nid, { name: 'ROC Midden' });
    const csv = '\uFEFFInstelling;Opleiding;ISCED-code;Niveau;Crebo\r\n'
      + 'ROC Midden;Software developer;0613;mbo 4;25998\r\n'
      + 'ROC Midden;Verpleegkundige;0913 Verpleegkunde;4;25655\r\n'
      + 'ROC Midden;Onbekend veld;0777;4;\r\n'
      + 'Niet bestaand;Iets;0613;4;\r\n'
      + 'ROC Midden;Kok;1013;niveau 9;\r\n';
    const res = await c.request('POST', `/api/networks/${nid}/imports/programmes`, { csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, delimiter: ';', accepted: 2, rejected: 3, created: 2 });
    expect(res.body.rows.map((r: { row: number; status: string }) => `${r.row}:${r.status}`)).toEqual(['2:accepted', '3:accepted', '4:rejected', '5:rejected', '6:rejected']);
    expect(res.body.rows[2].reasons[0]).toMatchObject({ code: 'FIELD_UNKNOWN_ISCED', column: 'ISCED-code' });
    expect(res.body.rows[3].reasons[0].code).toBe('FIELD_UNKNOWN_INSTITUTION');
    expect(res.body.rows[4].reasons[0].code).toBe('FIELD_INVALID_CHOICE');
    const stored = await h.deps.db.select().from(programmes).where(eq(programmes.institutionId, inst.id));
    expect(stored.map((p) => p.name).sort()).toEqual(['Software developer', 'Verpleegkundige']);
    const again = await c.request('POST', `/api/networks/${nid}/imports/programmes`, { csv });
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
  });

  it('imports people from a comma file with English headers; a dry run writes nothing', async () => {
    const inst = await makeInstitution(h.deps.db, nid, { name: 'Vathorst College' });
    await makeProgramme(h.deps.db, nid, inst.id, { name: 'Informatica', level: 'havo' });
    const csv = 'Name,E-mail,Role,Institution,Programmes\n'
      + 'Ada Lovelace,ada@example.nl,teacher,Vathorst College,Informatica\n'
      + '"Grace Hopper, jr.",grace@example.nl,docent,vathorst college,\n'
      + 'Geen Mail,,teacher,Vathorst College,\n'
      + 'Dubbel,ada@example.nl,teacher,Vathorst College,\n'
      + 'Rol Fout,rol@example.nl,koning,Vathorst College,\n';
    const dry = await c.request('POST', `/api/networks/${nid}/imports/people`, { csv, dryRun: true });
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, accepted: 2, rejected: 3, created: 0 });
    expect(await h.deps.db.select().from(people).where(eq(people.email, 'ada@example.nl'))).toEqual([]);
    const res = await c.request('POST', `/api/networks/${nid}/imports/people`, { csv });
    expect(res.body).toMatchObject({ ok: true, accepted: 2, rejected: 3, created: 2 });
    expect(res.body.rows.find((r: { row: number }) => r.row === 4).reasons[0].code).toBe('FIELD_REQUIRED');
    expect(res.body.rows.find((r: { row: number }) => r.row === 5).reasons[0].code).toBe('FIELD_DUPLICATE');
    expect(res.body.rows.find((r: { row: number }) => r.row === 6).reasons[0].code).toBe('FIELD_UNKNOWN_ROLE');
    const list = (await c.request('GET', `/api/networks/${nid}/people`)).body as { email: string; programmeIds: string[] }[];
    expect(list.find((p) => p.email === 'ada@example.nl')?.programmeIds).toHaveLength(1);
    expect(list.find((p) => p.email === 'grace@example.nl')).toBeTruthy();
  });

  it('imports nothing when the file is unusable, and says why', async () => {
    const count = async () => (await h.deps.db.select().from(memberships).where(eq(memberships.networkId, nid))).length;
    const before = await count();
    const missing = await c.request('POST', `/api/networks/${nid}/imports/people`, { csv: 'Voornaam;Telefoon\nJan;0612345678\n' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.missing).toEqual(['name', 'email', 'institution']);
    expect(missing.body.error.message).toContain('Er is niets geïmporteerd');
    const empty = await c.request('POST', `/api/networks/${nid}/imports/people`, { csv: '\uFEFF  \n' });
    expect(empty.body.error.code).toBe('CSV_EMPTY');
    const broken = await c.request('POST', `/api/networks/${nid}/imports/people`, { csv: 'naam,email,instelling\n"Jan,jan@x.nl,ROC\n' });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('CSV_MALFORMED');
    expect(await count()).toBe(before);
  });
});

describe('demo data', () => {
  it('seeds a realistic network: 2 mbo, 1 hbo, 2 vo, 3 companies, 60 teachers, one school week', async () => {
    const result = await demoSeed(h.deps.db, new Date('2026-11-25T10:00:00Z'));
    expect(result.teachers).toBe(60);
    // the server lives on the day the demo was made, so its exchange week lies ahead
    h.clock.set(new Date('2026-11-25T10:00:00Z'));
    const coordinator = h.client();
    expect((await coordinator.login('coordinator@demo.kruispunt.nl', 'kruispunt-demo')).status).toBe(200);
    const institutions_ = (await coordinator.request('GET', `/api/networks/${result.networkId}/institutions`)).body as { kind: string; locationCount: number }[];
    const kinds = institutions_.map((i) => i.kind).sort();
    expect(kinds).toEqual(['company', 'company', 'company', 'havo', 'hbo', 'mbo', 'mbo', 'vmbo']);
    expect(institutions_.every((i) => i.locationCount >= 1)).toBe(true);
    const teacher = h.client();
    expect((await teacher.login('docent@demo.kruispunt.nl', 'kruispunt-demo')).status).toBe(200);
    // The demo's exchange week is ready to match on the demo timetables; the one half a year ago is closed.
    const editionsList = (await coordinator.request('GET', `/api/networks/${result.networkId}/editions`)).body as { id: string; status: string; registrations: number }[];
    expect(editionsList.map((e) => e.status).sort()).toEqual(['closed', 'matching']);
    const coming = editionsList.find((e) => e.status === 'matching')!;
    expect(coming.registrations).toBe(result.registrations);
    const run = await coordinator.request('POST', `/api/networks/${result.networkId}/editions/${coming.id}/runs`);
    expect(run.body.status).toBe('done');
    expect(run.body.summary.pairs, JSON.stringify(run.body.summary)).toBeGreaterThan(12);
    expect(run.body.summary).toMatchObject({ optimal: true, violations: 0 });
    const again = await demoSeed(h.deps.db, new Date('2026-11-28T10:00:00Z'));
    expect(again.teachers).toBe(60);
    expect((await teacher.request('GET', '/api/auth/me')).status).toBe(401);
    h.clock.reset();
  });
});
