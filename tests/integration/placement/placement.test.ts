import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, waitFor, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makePerson, PASSWORD } from '../../support/factories.ts';
import type { Comparison, Round } from '../../../src/domain/placement/round/schema.ts';

// Placement of teacher internships through the API: bad rankings get translated answers, the
// companies' answers feed the engine, both modes are compared side by side with the ranks the
// teachers stated, an adjustment to a full offer is refused, publishing puts the unplaced on the
// waitlist with the places left, and nothing published changes.

let h: Harness;
let nid: string;
let coordinator: ApiClient;
let professional: ApiClient;
const teachers: { id: string; email: string; client: ApiClient }[] = [];
const offers: string[] = [];
let foreignOffer: string;
let masterclass: string;
const api = (path: string) => `/api/networks/${nid}${path}`;

beforeAll(async () => {
  h = await harnessStart({ smtp: true });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Stages')).id;
  const otherNid = (await makeNetwork(db, 'Ander netwerk')).id;
  const company = (await makeInstitution(db, nid, { name: 'Installatiebedrijf Noord', kind: 'company' })).id;
  const otherCompany = (await makeInstitution(db, otherNid, { name: 'Elders B.V.', kind: 'company' })).id;
  const school = (await makeInstitution(db, nid, { name: 'ROC Stage', kind: 'mbo' })).id;
  await makeLocation(db, nid, company);
  const login = async (n: string, role: 'teacher' | 'professional' | 'network_coordinator', inst: string | null) => {
    const p = await makePerson(db, n, role, inst);
    const client = h.client();
    expect((await client.login(p.email, PASSWORD)).status).toBe(200);
    return { id: p.id, email: p.email, client };
  };
  coordinator = (await login(nid, 'network_coordinator', null)).client;
  professional = (await login(nid, 'professional', company)).client;
  for (let i = 0; i < 3; i++) teachers.push(await login(nid, 'teacher', school));
  const internship = (title: string) => ({ kind: 'teacher_internship', title, description: '', iscedCodes: ['0713'], onRequest: true, capacity: 1, creditedHours: 16, preparation: '', internshipForm: 'exploratory', sessions: [] });
  for (const title of ['Stage warmtepompen', 'Stage zonnepanelen', 'Stage service']) {
    const res = await professional.request('POST', api('/offers'), internship(title));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    offers.push(res.body.id);
  }
  const mc = await professional.request('POST', api('/offers'), { ...internship('Masterclass'), kind: 'masterclass', internshipForm: null, onRequest: true });
  masterclass = mc.body.id;
  const otherPro = await login(otherNid, 'professional', otherCompany);
  foreignOffer = (await otherPro.client.request('POST', `/api/networks/${otherNid}/offers`, internship('Elders'))).body.id;
});

afterAll(async () => {
  await h?.stop();
});

describe('placement of teacher internships', () => {
  let round: Round;

  it('opens a round only over internships of the network', async () => {
    const wrong = await coordinator.request('POST', api('/placement-rounds'), { title: 'Voorjaar', maxRanks: 3, offerIds: [offers[0], masterclass, foreignOffer] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.map((f: { code: string }) => f.code)).toEqual(['FIELD_NOT_AN_INTERNSHIP', 'FIELD_UNKNOWN_OFFER']);
    const res = await coordinator.request('POST', api('/placement-rounds'), { title: 'Docentstages voorjaar', maxRanks: 3, offerIds: offers });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    round = res.body;
    expect((await teachers[0]!.client.request('POST', api('/placement-rounds'), { title: 'x y z', maxRanks: 3, offerIds: offers })).status).toBe(403);
  });

  it('answers bad rankings in the teacher\'s language', async () => {
    const twice = await teachers[0]!.client.request('PUT', api(`/placement-rounds/${round.id}/ranking`), { offerIds: [offers[0], offers[0]] });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('PLACEMENT_RANK_TWICE');
    expect(twice.body.error.message).toMatch(/twee keer/);
    const foreign = await teachers[0]!.client.request('PUT', api(`/placement-rounds/${round.id}/ranking`), { offerIds: [foreignOffer] });
    expect(foreign.body.error.code).toBe('PLACEMENT_OFFER_NOT_IN_ROUND');
  });

  it('compares both modes with the ranks the teachers stated', async () => {
    const [o1, o2, o3] = offers as [string, string, string];
    const [t1, t2, t3] = teachers as [typeof teachers[0], typeof teachers[0], typeof teachers[0]];
    await t1.client.request('PUT', api(`/placement-rounds/${round.id}/ranking`), { offerIds: [o1, o2] });
    await t2.client.request('PUT', api(`/placement-rounds/${round.id}/ranking`), { offerIds: [o1] });
    await t3.client.request('PUT', api(`/placement-rounds/${round.id}/ranking`), { offerIds: [o1, o2, o3] });
    // The company ranks the applicants of o1 and o2 (o3 takes anyone).
    for (const [offer, teacher, rank] of [[o1, t3, 1], [o1, t1, 2], [o1, t2, 3], [o2, t1, 1], [o2, t3, 2]] as const) {
      const res = await professional.request('PUT', api(`/placement-rounds/${round.id}/offers/${offer}/response`), { teacherId: teacher.id, decision: 'accept', rank });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const cmp = (await coordinator.request('GET', api(`/placement-rounds/${round.id}/comparison`))).body as Comparison;
    expect(cmp.stable.byRank).toEqual([1, 1, 0]);
    expect(cmp.stable.unplaced).toBe(1);
    expect(cmp.welfare.byRank).toEqual([1, 1, 1]);
    expect(cmp.welfare.unplaced).toBe(0);
    expect(cmp.differences.map((d) => [d.teacherId, d.stableRank, d.welfareRank, d.betterIn]).sort()).toEqual([
      [t2.id, null, 1, 'welfare'], [t3.id, 1, 3, 'stable'],
    ].sort());
  });

  it('refuses moving someone to a full offer, publishes with a waitlist and changes nothing after', async () => {
    const [o1] = offers as [string];
    const full = await coordinator.request('POST', api(`/placement-rounds/${round.id}/publish`), { mode: 'stable', adjustments: [{ teacherId: teachers[1]!.id, offerId: o1 }] });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('PLACEMENT_OFFER_FULL');
    const published = await coordinator.request('POST', api(`/placement-rounds/${round.id}/publish`), { mode: 'stable' });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const r = published.body as Round;
    expect(r.status).toBe('published');
    expect(r.results.find((x) => x.teacherId === teachers[1]!.id)).toEqual(expect.objectContaining({ waitlist: true, offerId: null }));
    expect(r.results.find((x) => x.teacherId === teachers[0]!.id)).toEqual(expect.objectContaining({ rank: 2 }));
    const mine = (await teachers[2]!.client.request('GET', api(`/placement-rounds/${round.id}`))).body as Round;
    expect(mine.myResult).toEqual({ offerId: offers[0], rank: 1, waitlist: false });
    const waitMail = await waitFor(() => h.mails.find((m) => m.to.includes(teachers[1]!.email) && /wachtlijst/.test(m.subject)));
    expect(waitMail.text).toContain('Stage service');
    expect((await teachers[0]!.client.request('PUT', api(`/placement-rounds/${round.id}/ranking`), { offerIds: [offers[2]] })).status).toBe(409);
    expect((await coordinator.request('POST', api(`/placement-rounds/${round.id}/publish`), { mode: 'welfare' })).status).toBe(409);
  });
});
