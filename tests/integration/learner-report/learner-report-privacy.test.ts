import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, makeProgramme, makeLearnerReport } from '../../support/factories.ts';
import { memberships, networkSettings } from '../../../src/db/schema/index.ts';
import type { Role } from '../../../src/domain/foundation/person/schema.ts';
import { sendLearnerReportReminders } from '../../../src/domain/learner-report/report/send-reminders.ts';
import { rawLogin, type RawClient } from './learner-report-support.ts';

// Privacy of learner reports: nobody but the author (and whom they share one report with)
// reads the text through ANY route; team insight shows counts only and only for groups of at
// least five teachers; the research export holds no text, names or e-mail addresses.

const MARKER = 'ZQXPRIVATEMARKER7781';
let h: Harness;
let nid: string;
let instX: string;
let author: RawClient & { email: string; name: string };
let reportId: string;
let draftId: string;
const readers = new Map<Role | 'colleague', RawClient>();

async function person(networkId: string, role: Role, institutionId: string | null, programmeIds?: string[]) {
  const p = await makePerson(h.deps.db, networkId, role, institutionId, { programmeIds });
  return Object.assign(await rawLogin(h, p.email, p.id), { email: p.email, name: p.name });
}

/** Every documented route a reader can call: network routes with every method, other routes GET only. */
async function everyRoute(): Promise<{ method: string; path: string }[]> {
  const doc = (await (await fetch(`${h.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops)
    .map((m) => ({ method: m.toUpperCase(), path }))
    .filter((r) => path.includes('{networkId}') || r.method === 'GET'));
}

async function probeAll(reader: RawClient, ids: { report: string; share?: string }, onlyGet = false): Promise<string[]> {
  const leaks: string[] = [];
  for (const route of await everyRoute()) {
    if (onlyGet && route.method !== 'GET') continue;
    const id = route.path.includes('learner-report-shares') ? ids.share ?? ids.report : ids.report;
    let url = `/api${route.path.replace('{networkId}', nid).replace(/\{id\}/g, id).replace(/\{[a-zA-Z]+\}/g, ids.report)}`;
    if (url.endsWith('/candidates')) url += '?periodStart=2026-09-01&periodEnd=2026-10-19';
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined
      : { revision: 2, activityId: '00000000-0000-4000-8000-000000000000', personId: reader.personId, text: 'workshop gevolgd', maxActivities: 5 };
    const res = await reader.request(route.method, url, body);
    if (res.text.includes(MARKER)) leaks.push(`${route.method} ${route.path} → ${res.status}`);
  }
  return leaks;
}

beforeAll(async () => {
  h = await harnessStart({ smtp: true });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Privacy')).id;
  instX = (await makeInstitution(db, nid, { kind: 'mbo' })).id;
  const company = (await makeInstitution(db, nid, { kind: 'company' })).id;
  const prog = await makeProgramme(db, nid, instX, { iscedCode: '0114' });
  author = await person(nid, 'teacher', instX, [prog.id]);
  readers.set('team_lead', await person(nid, 'team_lead', instX));
  readers.set('network_coordinator', await person(nid, 'network_coordinator', null));
  readers.set('admin', await person(nid, 'admin', null));
  readers.set('school_coordinator', await person(nid, 'school_coordinator', instX));
  readers.set('colleague', await person(nid, 'teacher', instX));
  readers.set('professional', await person(nid, 'professional', company));
  const text = (s: string) => `${s} ${MARKER}`;
  const activity = {
    title: text('Stagebezoek'), description: { goal: text('doel'), involved: text('betrokkenen'), role: text('rol'), setting: text('setting') },
    learningOutcomes: text('geleerd'), impact: text('doorwerking'), explanation: text('verklaring'), type: 'TEACHING_COACHING', typeSource: 'chosen',
  };
  const created = await author.request('POST', `/api/networks/${nid}/learner-reports`, { periodStart: '2026-09-01', periodEnd: '2026-10-19', inventory: [text('lijst')], activities: [activity] });
  expect(created.status).toBe(201);
  reportId = created.json.id;
  expect((await author.request('POST', `/api/networks/${nid}/learner-reports/${reportId}/complete`, { revision: 1 })).status).toBe(200);
  const draft = await author.request('POST', `/api/networks/${nid}/learner-reports`, { periodStart: '2026-09-01', periodEnd: '2026-10-19', inventory: [text('concept')] });
  draftId = draft.json.id;
  // reminders and notifications exist too, so their routes have something to show
  await sendLearnerReportReminders(h.deps, new Date('2026-10-25T08:00:00Z'));
});
afterAll(async () => h?.stop());

describe('the text of a report is private', () => {
  it('is readable by its author (the probe can see a leak)', async () => {
    expect((await author.request('GET', `/api/networks/${nid}/learner-reports/${reportId}`)).text).toContain(MARKER);
    expect((await author.request('GET', `/api/networks/${nid}/learner-reports/${reportId}/revisions`)).text).toContain(MARKER);
    expect((await author.request('GET', `/api/networks/${nid}/learner-reports/portfolio.pdf`)).text).toContain(MARKER);
    expect(await probeAll(author, { report: reportId }, true)).not.toEqual([]);
  });

  it.each(['team_lead', 'network_coordinator', 'admin', 'school_coordinator', 'colleague', 'professional'] as const)(
    'never reaches %s through any route', async (role) => {
      const reader = readers.get(role)!;
      expect(await probeAll(reader, { report: reportId })).toEqual([]);
      expect(await probeAll(reader, { report: draftId })).toEqual([]);
      // the report is still there and unchanged
      const own = await author.request('GET', `/api/networks/${nid}/learner-reports/${reportId}`);
      expect(own.json).toMatchObject({ status: 'completed', revision: 2 });
    });

  it('sharing gives one reader access to one report; withdrawing takes it away', async () => {
    const teamLead = readers.get('team_lead')!;
    const shares = await author.request('POST', `/api/networks/${nid}/learner-reports/${reportId}/shares`, { personId: teamLead.personId });
    const shareId = shares.json[0].id as string;
    const read = await teamLead.request('GET', `/api/networks/${nid}/learner-reports/${reportId}`);
    expect(read.status).toBe(200);
    expect(read.text).toContain(MARKER);
    // only that report, and only reading: the draft stays closed
    expect((await teamLead.request('GET', `/api/networks/${nid}/learner-reports/${draftId}`)).status).toBe(403);
    expect(await probeAll(teamLead, { report: draftId })).toEqual([]);
    expect(await probeAll(readers.get('network_coordinator')!, { report: reportId, share: shareId })).toEqual([]);
    expect((await author.request('DELETE', `/api/networks/${nid}/learner-report-shares/${shareId}`)).status).toBe(200);
    expect((await teamLead.request('GET', `/api/networks/${nid}/learner-reports/${reportId}`)).status).toBe(403);
    expect(await probeAll(teamLead, { report: reportId, share: shareId })).toEqual([]);
  });
});

// The formal types of the article (window 1), written out here so the expected numbers do not
// come from the code under test.
const FORMAL = new Set(['PD_PROGRAMME', 'DEGREE_COURSE', 'STRUCTURAL_COACHING', 'CONFERENCE', 'FORMAL_COLLABORATION']);
const ALL_TYPES = ['TEACHING_COACHING', 'INTERACTION_COLLABORATION', 'TASKS_ROLES', 'INFORMATION_SOURCES', 'EXPERIMENTING_INNOVATING', 'REFLECTING_EVALUATING', ...FORMAL];

describe('team insight: counts only, groups of at least five', () => {
  let net: string;
  let instP: string;
  let instQ: string;
  let leadP: RawClient;
  let leadQ: RawClient;
  let coord: RawClient;
  let teacher: RawClient;
  const written: { personId: string; periodEnd: string; types: string[] }[] = [];

  async function completedReport(personId: string, periodEnd: string, types: string[]) {
    await makeLearnerReport(h.deps.db, net, personId, {
      periodStart: periodEnd.slice(0, 8) + '01', periodEnd, status: 'completed',
      activities: types.map((type) => ({ type, title: `${MARKER} titel`, learningOutcomes: MARKER })),
    });
    written.push({ personId, periodEnd, types });
  }

  beforeAll(async () => {
    const db = h.deps.db;
    net = (await makeNetwork(db)).id;
    instP = (await makeInstitution(db, net, { kind: 'mbo' })).id;
    instQ = (await makeInstitution(db, net, { kind: 'mbo' })).id;
    const pLead = await makePerson(db, net, 'team_lead', instP);
    const qLead = await makePerson(db, net, 'team_lead', instQ);
    const nc = await makePerson(db, net, 'network_coordinator', null);
    leadP = await rawLogin(h, pLead.email, pLead.id);
    leadQ = await rawLogin(h, qLead.email, qLead.id);
    coord = await rawLogin(h, nc.email, nc.id);
    // a simple seeded generator for the types of each activity
    let seed = 20261123;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const teachers = [];
    for (let i = 0; i < 4; i++) teachers.push(await makePerson(db, net, 'teacher', instP));
    const t0 = teachers[0]!;
    teacher = await rawLogin(h, t0.email, t0.id);
    for (const t of teachers) {
      await completedReport(t.id, '2026-10-16', Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => ALL_TYPES[Math.floor(rnd() * 11)]!));
    }
    await completedReport(teachers[1]!.id, '2026-11-27', ['CONFERENCE', 'TEACHING_COACHING']);
    // drafts and other networks do not count
    const drafter = await makePerson(db, net, 'teacher', instP);
    await makeLearnerReport(db, net, drafter.id, { periodEnd: '2026-10-16', activities: [{ type: 'CONFERENCE' }] });
  });

  function expected(filter: (w: (typeof written)[number]) => boolean) {
    const rows = written.filter(filter);
    const types = rows.flatMap((r) => r.types);
    const byType = Object.fromEntries(ALL_TYPES.map((t) => [t, types.filter((x) => x === t).length]));
    const formal = types.filter((t) => FORMAL.has(t)).length;
    return { teachers: new Set(rows.map((r) => r.personId)).size, reports: rows.length, activities: types.length, formal, informal: types.length - formal, byType };
  }

  it('shows no numbers for four teachers', async () => {
    for (const client of [leadP, coord]) {
      const res = await client.request('GET', `/api/networks/${net}/learner-reports/insight`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ ok: false, reason: 'GROUP_TOO_SMALL', minimumGroup: 5 });
    }
  });

  it('shows correct counts for five teachers, and hides months with fewer', async () => {
    const fifth = await makePerson(h.deps.db, net, 'teacher', instP);
    await completedReport(fifth.id, '2026-10-09', ['REFLECTING_EVALUATING', 'PD_PROGRAMME', 'TEACHING_COACHING']);
    const res = await leadP.request('GET', `/api/networks/${net}/learner-reports/insight`);
    const want = expected(() => true);
    expect(want.teachers).toBe(5);
    expect(res.json).toMatchObject({ ok: true, minimumGroup: 5, teachers: 5, reports: want.reports, activities: want.activities, informal: want.informal, formal: want.formal });
    expect(res.json.informalShare).toBeCloseTo(want.informal / want.activities, 3);
    expect(Object.fromEntries(res.json.byType.map((t: { type: string; count: number }) => [t.type, t.count]))).toEqual(want.byType);
    for (const t of res.json.byType) expect(t.formal).toBe(FORMAL.has(t.type));
    const october = expected((w) => w.periodEnd.startsWith('2026-10'));
    expect(res.json.byMonth).toEqual([
      { month: '2026-10', suppressed: false, teachers: 5, activities: october.activities, informal: october.informal, formal: october.formal },
      { month: '2026-11', suppressed: true, teachers: null, activities: null, informal: null, formal: null },
    ]);
    expect(res.text).not.toContain(MARKER);
    expect((await coord.request('GET', `/api/networks/${net}/learner-reports/insight`)).json).toEqual(res.json);
    expect((await coord.request('GET', `/api/networks/${net}/learner-reports/insight?institutionId=${instP}`)).json).toEqual(res.json);
  });

  it('keeps each team lead to their own institution; teachers see no insight', async () => {
    expect((await leadQ.request('GET', `/api/networks/${net}/learner-reports/insight`)).json).toEqual({ ok: false, reason: 'GROUP_TOO_SMALL', minimumGroup: 5 });
    expect((await coord.request('GET', `/api/networks/${net}/learner-reports/insight?institutionId=${instQ}`)).json.ok).toBe(false);
    expect((await leadQ.request('GET', `/api/networks/${net}/learner-reports/insight?institutionId=${instP}`)).status).toBe(403);
    expect((await teacher.request('GET', `/api/networks/${net}/learner-reports/insight`)).status).toBe(403);
    // the research export is the coordinator's
    expect((await leadP.request('GET', `/api/networks/${net}/learner-reports/research-export.csv`)).status).toBe(403);
    expect((await teacher.request('GET', `/api/networks/${net}/learner-reports/research-export.csv`)).status).toBe(403);
  });
});

describe('research export', () => {
  it('is pseudonymous: no text, names or e-mail; stable keys per network, not linkable across networks', async () => {
    const db = h.deps.db;
    const coordinator = readers.get('network_coordinator')!;
    const first = await coordinator.request('GET', `/api/networks/${nid}/learner-reports/research-export.csv`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/csv');
    expect(first.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const lines = first.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('teacher_key;period_start;period_end;type;formal;institution_kind;isced_broad_field;isced_broad_label');
    expect(lines.slice(1)).toHaveLength(1); // one typed activity of one completed report (the draft is left out)
    const [key, start, end, type, formal, kind, field] = lines[1]!.split(';');
    expect([start, end, type, formal, kind, field]).toEqual(['2026-09-01', '2026-10-19', 'TEACHING_COACHING', 'informal', 'mbo', '01']);
    for (const secret of [MARKER, author.name, author.email, author.personId]) expect(first.text).not.toContain(secret);
    const [settings] = await db.select().from(networkSettings).where(eq(networkSettings.networkId, nid));
    expect(key).toBe(createHmac('sha256', settings!.researchSecret).update(author.personId).digest('hex').slice(0, 32));
    const second = await coordinator.request('GET', `/api/networks/${nid}/learner-reports/research-export.csv`);
    expect(second.text).toBe(first.text);

    // the same person in another network gets another key there
    const other = (await makeNetwork(db)).id;
    const otherInst = (await makeInstitution(db, other, { kind: 'hbo' })).id;
    await db.insert(memberships).values({ networkId: other, personId: author.personId, institutionId: otherInst, role: 'teacher' });
    await makeLearnerReport(db, other, author.personId, { status: 'completed', activities: [{ type: 'CONFERENCE' }] });
    const otherCoordinator = await makePerson(db, other, 'network_coordinator', null);
    const oc = await rawLogin(h, otherCoordinator.email, otherCoordinator.id);
    const otherCsv = await oc.request('GET', `/api/networks/${other}/learner-reports/research-export.csv`);
    const otherKey = otherCsv.text.replace(/^\uFEFF/, '').trim().split('\r\n')[1]!.split(';')[0];
    expect(otherKey).toMatch(/^[0-9a-f]{32}$/);
    expect(otherKey).not.toBe(key);
    expect(otherCsv.text).toContain(';CONFERENCE;formal;hbo;;');
    // a coordinator of one network cannot export another
    expect((await oc.request('GET', `/api/networks/${nid}/learner-reports/research-export.csv`)).status).toBe(404);
  });
});
