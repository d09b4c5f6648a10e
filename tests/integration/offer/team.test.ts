import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makePerson, PASSWORD } from '../../support/factories.ts';
import { locations, offerTeamMeetings, timetableBlocks } from '../../../src/db/schema/index.ts';
import { zonedToUtc } from '../../../src/lib/time.ts';

// Teacher design teams: a team across two schools and a company, meeting times free in every
// member's timetable with travel, the meeting log, products, and hours for meetings that took place.

let h: Harness;
let nid: string;
let a: ApiClient;
let outsider: ApiClient;
const ids: Record<string, string> = {};
const api = (path: string) => `/api/networks/${nid}${path}`;

beforeAll(async () => {
  h = await harnessStart({ smtp: false });
  const db = h.deps.db;
  nid = (await makeNetwork(db)).id;
  const roc = await makeInstitution(db, nid, { name: 'ROC Amersfoort', kind: 'mbo' });
  const vmbo = await makeInstitution(db, nid, { name: 'Vmbo Utrecht', kind: 'vmbo' });
  const company = await makeInstitution(db, nid, { name: 'Installateur', kind: 'company' });
  for (const [inst, lat, lon] of [[roc.id, 52.1561, 5.3878], [vmbo.id, 52.0907, 5.1214], [company.id, 52.12, 5.25]] as const) {
    const l = await makeLocation(db, nid, inst);
    await db.update(locations).set({ latitude: lat, longitude: lon }).where(eq(locations.id, l.id));
  }
  const ta = await makePerson(db, nid, 'teacher', roc.id);
  const tb = await makePerson(db, nid, 'teacher', vmbo.id);
  const pro = await makePerson(db, nid, 'professional', company.id);
  const other = await makePerson(db, nid, 'teacher', roc.id);
  Object.assign(ids, { a: ta.id, b: tb.id, pro: pro.id });
  a = h.client();
  await a.login(ta.email, PASSWORD);
  outsider = h.client();
  await outsider.login(other.email, PASSWORD);
  // Monday 2027-03-08: A teaches 08:30–12:00, B 13:00–15:00 (Amsterdam).
  await db.insert(timetableBlocks).values([
    { networkId: nid, personId: ta.id, startAt: zonedToUtc('2027-03-08', '08:30'), endAt: zonedToUtc('2027-03-08', '12:00'), kind: 'lesson', source: 'test' },
    { networkId: nid, personId: tb.id, startAt: zonedToUtc('2027-03-08', '13:00'), endAt: zonedToUtc('2027-03-08', '15:00'), kind: 'lesson', source: 'test' },
  ]);
});

afterAll(async () => {
  await h?.stop();
});

describe('teacher design teams', () => {
  it('proposes meeting times free for every member including travel, keeps a log and products, and credits hours', async () => {
    const team = await a.request('POST', api('/design-teams'), { name: 'DOT duurzame installaties', goal: 'Een lessenserie warmtepompen voor vmbo en mbo', memberIds: [ids.b, ids.pro] });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    expect(team.body.members).toHaveLength(3);
    const teamId = team.body.id as string;
    const proposals = await a.request('GET', api(`/design-teams/${teamId}/proposals?from=2027-03-08&days=1&minutes=60`));
    expect(proposals.status, JSON.stringify(proposals.body)).toBe(200);
    const slots = proposals.body.slots as { startAt: string; endAt: string }[];
    expect(slots.length).toBeGreaterThan(0);
    // Meeting at A's school: A is free from 12:00, B (Utrecht → Amersfoort by car) only after 12:00 + travel,
    // and B teaches 13:00–15:00 with travel before it; so nothing starts before 15:00 + travel.
    for (const s of slots) {
      const start = new Date(s.startAt).getTime();
      const end = new Date(s.endAt).getTime();
      expect(start >= zonedToUtc('2027-03-08', '15:00').getTime() || end <= zonedToUtc('2027-03-08', '13:00').getTime()).toBe(true);
      expect(start).toBeGreaterThanOrEqual(zonedToUtc('2027-03-08', '12:00').getTime());
    }
    expect(proposals.body.withoutTimetable).toHaveLength(1);
    const planned = await a.request('POST', api(`/design-teams/${teamId}/meetings`), { startAt: slots[0]!.startAt, endAt: slots[0]!.endAt });
    expect(planned.status).toBe(201);
    const meetingId = planned.body.meetings[0].id as string;
    expect((await a.request('PUT', api(`/design-team-meetings/${meetingId}/log`), { log: 'Leerdoelen en opbouw vastgesteld.' })).body.meetings[0].log).toContain('Leerdoelen');
    expect((await a.request('POST', api(`/design-teams/${teamId}/products`), { title: 'Lessenserie', url: 'https://example.nl/serie' })).body.products).toHaveLength(1);
    expect((await a.request('POST', api(`/design-teams/${teamId}/products`), { title: 'Kwaad', url: 'javascript:alert(1)' })).status).toBe(400);
    // A non-member reads the team but does not run it.
    expect((await outsider.request('GET', api(`/design-teams/${teamId}`))).status).toBe(200);
    expect((await outsider.request('PUT', api(`/design-team-meetings/${meetingId}/log`), { log: 'x' })).status).toBe(403);
    // The meeting takes place: hours for every member, and a learner-report candidate.
    await h.deps.db.update(offerTeamMeetings).set({ startAt: new Date(Date.now() - 3 * 3_600_000), endAt: new Date(Date.now() - 3_600_000) }).where(eq(offerTeamMeetings.id, meetingId));
    for (const person of [ids.a, ids.b, ids.pro]) {
      const record = (await Promise.all(h.deps.ports.recordActivitySources.map((s) => s.list(h.deps, nid as never, person!)))).flat();
      expect(record.find((r) => r.source === 'offer_team_meeting')?.hours).toBe(2);
    }
    const candidates = await a.request('GET', `/api/networks/${nid}/learner-reports/candidates`);
    expect(candidates.body.find((c: { source: string }) => c.source === 'design_team')?.prefill.learningOutcomes).toBe('Leerdoelen en opbouw vastgesteld.');
  });
});
