import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, waitFor, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makePerson, PASSWORD } from '../../support/factories.ts';
import type { Comparison, Round } from '../../../src/domain/placement/round/schema.ts';
import type { RecordView } from '../../../src/domain/record/entry/schema.ts';

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
  // The first internship has two dates, the second one, the third none yet (on request) and two places.
  const sessions = [
    [{ startAt: '2027-03-08T08:00:00Z', endAt: '2027-03-08T15:00:00Z' }, { startAt: '2027-03-15T08:00:00Z', endAt: '2027-03-15T15:00:00Z' }],
    [{ startAt: '2027-03-10T08:00:00Z', endAt: '2027-03-10T15:00:00Z' }],
    [],
  ];
  for (const [i, title] of ['Stage warmtepompen', 'Stage zonnepanelen', 'Stage service'].entries()) {
    const res = await professional.request('POST', api('/offers'), { ...internship(title), sessions: sessions[i], onRequest: i === 2, capacity: i === 2 ? 2 : 1 });
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

  it('refuses moving someone to a full offer, publishes a swap by hand with a waitlist and calendar invitations', async () => {
    const [o1, o2] = offers as [string, string];
    const [t1, t2, t3] = teachers as [typeof teachers[0], typeof teachers[0], typeof teachers[0]];
    const full = await coordinator.request('POST', api(`/placement-rounds/${round.id}/publish`), { mode: 'stable', adjustments: [{ teacherId: t2.id, offerId: o1 }] });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('PLACEMENT_OFFER_FULL');
    expect(full.body.error.message).toMatch(/Stage warmtepompen.*zit vol/);
    // Stable gives t3 o1 and t1 o2; the coordinator swaps them (both internships are full: the final state counts).
    const published = await coordinator.request('POST', api(`/placement-rounds/${round.id}/publish`), { mode: 'stable', adjustments: [{ teacherId: t3.id, offerId: o2 }, { teacherId: t1.id, offerId: o1 }] });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const r = published.body as Round;
    expect(r.status).toBe('published');
    expect(r.results.find((x) => x.teacherId === t2.id)).toEqual(expect.objectContaining({ waitlist: true, offerId: null }));
    expect(r.results.find((x) => x.teacherId === t1.id)).toEqual(expect.objectContaining({ offerId: o1, rank: 1, manual: true }));
    const mine = (await t3.client.request('GET', api(`/placement-rounds/${round.id}`))).body as Round;
    expect(mine.myResult).toEqual({ offerId: o2, rank: 2, waitlist: false });
    const waitMail = await waitFor(() => h.mails.find((m) => m.to.includes(t2.email) && /wachtlijst/.test(m.subject)));
    expect(waitMail.text).toContain('Stage service');
    expect(waitMail.raw).not.toContain('BEGIN:VCALENDAR');
    // t1's invitation: one event per date of the internship, stable UIDs, SEQUENCE 0.
    const invite = await waitFor(() => h.mails.find((m) => m.to.includes(t1.email) && m.raw.includes('METHOD:REQUEST')));
    const ics = invite.raw.replace(/=\r?\n/g, '').replace(/\r\n[ \t]/g, '');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`UID:placement-${round.id}-${t1.id}-1@kruispunt`);
    expect(ics).toContain(`UID:placement-${round.id}-${t1.id}-2@kruispunt`);
    expect(ics).toContain('SEQUENCE:0');
    expect(invite.text).toMatch(/De 2 datums staan in de bijgevoegde agenda-uitnodiging/);
    expect((await t1.client.request('PUT', api(`/placement-rounds/${round.id}/ranking`), { offerIds: [offers[2]] })).status).toBe(409);
    expect((await coordinator.request('POST', api(`/placement-rounds/${round.id}/publish`), { mode: 'welfare' })).status).toBe(409);
  });

  it('moves a published place only with the teacher told: SEQUENCE raised on change, METHOD:CANCEL on removal', async () => {
    const [o1, o2, o3] = offers as [string, string, string];
    const [t1, t2, t3] = teachers as [typeof teachers[0], typeof teachers[0], typeof teachers[0]];
    const move = (t: { id: string }, offerId: string | null, client = coordinator) => client.request('PUT', api(`/placement-rounds/${round.id}/results/${t.id}`), { offerId });
    const before = h.mails.length;
    const full = await move(t3, o1);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('PLACEMENT_OFFER_FULL');
    expect((await move(t3, foreignOffer)).body.error.code).toBe('PLACEMENT_OFFER_NOT_IN_ROUND');
    expect((await move(t3, null, t1.client)).status).toBe(403);
    expect(h.mails.length).toBe(before);

    // t1 gives up the place: both dates are cancelled under the same UIDs.
    const removed = await move(t1, null);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((removed.body as Round).results.find((x) => x.teacherId === t1.id)).toEqual(expect.objectContaining({ waitlist: true, offerId: null, rank: null }));
    const cancel = await waitFor(() => h.mails.find((m) => m.to.includes(t1.email) && m.raw.includes('METHOD:CANCEL')));
    const cancelIcs = cancel.raw.replace(/=\r?\n/g, '').replace(/\r\n[ \t]/g, '');
    expect(cancel.subject).toMatch(/vervallen/);
    expect(cancelIcs).toContain(`UID:placement-${round.id}-${t1.id}-1@kruispunt`);
    expect(cancelIcs).toContain('SEQUENCE:1');
    expect(cancelIcs.match(/STATUS:CANCELLED/g)).toHaveLength(2);

    // t3 moves from o2 (one date) to o1 (two dates, now with room): the same first UID, updated.
    const moved = await move(t3, o1);
    expect(moved.status).toBe(200);
    expect((moved.body as Round).results.find((x) => x.teacherId === t3.id)).toEqual(expect.objectContaining({ offerId: o1, rank: 1, manual: true }));
    const update = await waitFor(() => h.mails.find((m) => m.to.includes(t3.email) && /gewijzigd/.test(m.subject)));
    const updateIcs = update.raw.replace(/=\r?\n/g, '').replace(/\r\n[ \t]/g, '');
    expect(updateIcs).toContain('METHOD:REQUEST');
    expect(updateIcs).toContain(`UID:placement-${round.id}-${t3.id}-1@kruispunt`);
    expect(updateIcs).toContain(`UID:placement-${round.id}-${t3.id}-2@kruispunt`);
    expect(updateIcs).toContain('SEQUENCE:1');
    expect(updateIcs).toContain('DTSTART:20270308T080000Z');

    // The waitlisted t2 takes a place left at o3 (not in their ranking: no rank, no dates yet).
    const taken = await move(t2, o3);
    expect((taken.body as Round).results.find((x) => x.teacherId === t2.id)).toEqual(expect.objectContaining({ offerId: o3, rank: null, waitlist: false }));
    const noDates = await waitFor(() => h.mails.find((m) => m.to.includes(t2.email) && /gewijzigd/.test(m.subject)));
    expect(noDates.raw).not.toContain('BEGIN:VCALENDAR');
    expect((await t2.client.request('GET', api(`/placement-rounds/${round.id}`))).body.myResult).toEqual({ offerId: o3, rank: null, waitlist: false });
    expect((await move(t2, o2)).status).toBe(200);

    // The personal calendar feed holds t3's two dates with the raised SEQUENCE.
    const feed = await t3.client.request('POST', api('/calendar-feed'));
    expect(feed.status).toBe(201);
    const feedIcs = (await (await fetch(feed.body.url.replace(/^https?:\/\/[^/]+/, h.baseUrl))).text()).replace(/\r\n[ \t]/g, '');
    expect(feedIcs).toContain(`UID:placement-${round.id}-${t3.id}-1@kruispunt`);
    expect(feedIcs).toContain(`UID:placement-${round.id}-${t3.id}-2@kruispunt`);
    expect(feedIcs).toMatch(/SUMMARY:Docentstage: Stage warmtepompen/);

    // The internship's hours reach t3's professional record only once its last date has passed.
    const placementEntries = async (client: ApiClient) => ((await client.request('GET', api('/record'))).body as RecordView).entries.filter((e) => e.source === 'placement');
    expect(await placementEntries(t3.client)).toEqual([]);
    h.clock.set(new Date('2027-03-16T12:00:00Z'));
    try {
      const later = h.client();
      expect((await later.login(t3.email, PASSWORD)).status).toBe(200);
      expect(await placementEntries(later)).toEqual([expect.objectContaining({
        title: 'Docentstage: Stage warmtepompen (Installatiebedrijf Noord)', date: '2027-03-08', hours: 16, contactHours: 16, link: `/docentstages/${round.id}`,
      })]);
    } finally {
      h.clock.reset();
    }
  });

  it('exports the published result as CSV and XLSX, with the ranks the teachers gave', async () => {
    const csv = await coordinator.download(api(`/placement-rounds/${round.id}/export?format=csv`));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Docent;E-mailadres;Docentstage;Bedrijf;Keuze van de docent;Wachtlijst;Met de hand geplaatst');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes(teachers[2]!.email))).toMatch(/;Stage warmtepompen;Installatiebedrijf Noord;1;nee;ja$/);
    const xlsx = await coordinator.download(api(`/placement-rounds/${round.id}/export?format=xlsx`));
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    expect((await teachers[0]!.client.request('GET', api(`/placement-rounds/${round.id}/export?format=csv`))).status).toBe(403);
    const open = await coordinator.request('POST', api('/placement-rounds'), { title: 'Najaar', maxRanks: 1, offerIds: [offers[0]] });
    const notYet = await coordinator.request('GET', api(`/placement-rounds/${open.body.id}/export?format=csv`));
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('PLACEMENT_NOT_PUBLISHED');
  });
});
