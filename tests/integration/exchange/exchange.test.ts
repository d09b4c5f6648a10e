import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { harnessStart, waitFor, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makeProgramme, makePerson, PASSWORD } from '../../support/factories.ts';
import { placeLocation, lastWeek } from '../../support/exchange-fixture.ts';
import { timetableBlocks, visits, registrations, evaluations } from '../../../src/db/schema/index.ts';
import { exchangeSolve, type ExchangeInput } from '../../../src/engine/index.ts';
import { dateAddDays, zonedToUtc } from '../../../src/lib/time.ts';

// The exchange week end to end through the API: edition life cycle, recruitment mail, registration,
// timetable imports (file, feed URL, CSV), a matching run on the real job queue, pins and forbids,
// moving a visit, publication with .ics invitations, the calendar feed, check-in, reflection,
// evaluation, certificate and report.

let h: Harness;
let feedServer: Server;
let feedUrl: string;
let coordinator: ApiClient;
const t: Record<'one' | 'two' | 'three', { id: string; email: string; client: ApiClient }> = {} as never;
let nid: string;
let progMbo: string;
let progHbo: string;
let progNursing: string;
let editionId: string;
let slug: string;
const week = lastWeek();
const ymd = (d: string) => d.replace(/-/g, '');

function ics(lines: string[]) {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Zermelo//NL', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}
const lessonSeries = (uid: string, time: string, summary: string) => [
  'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260901T000000Z', `DTSTART;TZID=Europe/Amsterdam:${ymd(week.monday)}T${time.replace(':', '')}00`,
  `DURATION:PT50M`, 'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=5', `SUMMARY:${summary}`, 'LOCATION:Lokaal 1.12', 'END:VEVENT',
];

async function runUntilDone(editionPath: string, runId: string) {
  const started = Date.now();
  for (;;) {
    const run = (await coordinator.request('GET', `${editionPath}/runs/${runId}`)).body;
    if (run.status === 'done' || run.status === 'failed') return run;
    if (Date.now() - started > 30_000) throw new Error(`run stuck: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  h = await harnessStart({ smtp: true, jobs: true, env: { KRUISPUNT_ALLOW_PRIVATE_FEEDS: '1' } });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Uitwisseling')).id;
  const mbo = await makeInstitution(db, nid, { name: 'ROC Test', kind: 'mbo' });
  const hbo = await makeInstitution(db, nid, { name: 'Hogeschool Test', kind: 'hbo' });
  const locMbo = await makeLocation(db, nid, mbo.id);
  const locHbo = await makeLocation(db, nid, hbo.id);
  await placeLocation(h, locMbo.id, 52.1583, 5.4057);
  await placeLocation(h, locHbo.id, 52.0857, 5.1767);
  progMbo = (await makeProgramme(db, nid, mbo.id, { name: 'Software developer', iscedCode: '0613', level: 'mbo-4' })).id;
  progNursing = (await makeProgramme(db, nid, mbo.id, { name: 'Verpleegkundige', iscedCode: '0913', level: 'mbo-4' })).id;
  progHbo = (await makeProgramme(db, nid, hbo.id, { name: 'HBO-ICT', iscedCode: '0613', level: 'bachelor' })).id;
  const c = await makePerson(db, nid, 'network_coordinator', null);
  coordinator = h.client();
  await coordinator.login(c.email, PASSWORD);
  for (const [key, inst, prog] of [['one', mbo.id, progMbo], ['two', hbo.id, progHbo], ['three', mbo.id, progNursing]] as const) {
    const p = await makePerson(db, nid, 'teacher', inst, { programmeIds: [prog] });
    const client = h.client();
    await client.login(p.email, PASSWORD);
    t[key] = { id: p.id, email: p.email, client };
  }
  const body = ics([...lessonSeries('hbo-a@zermelo', '10:30', 'ICT - 2A - B0.12'), ...lessonSeries('hbo-b@zermelo', '15:00', 'ICT - 3B - B1.04')]);
  feedServer = createServer((req, res) => {
    if (req.url === '/feed.ics') res.writeHead(200, { 'content-type': 'text/calendar' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}/feed.ics`;
});

afterAll(async () => {
  feedServer?.close();
  await h?.stop();
});

describe('an exchange week from announcement to report', () => {
  const base = () => `/api/networks/${nid}/editions/${editionId}`;

  it('creates an edition with validated dates, mbo ↔ hbo by default', async () => {
    const bad = await coordinator.request('POST', `/api/networks/${nid}/editions`, {
      name: 'Te kort', windowStart: week.monday, windowEnd: dateAddDays(week.monday, 1), announcementDate: dateAddDays(week.monday, -30), registrationDeadline: week.monday,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { code: string }) => f.code).sort()).toEqual(['EDITION_DEADLINE_AFTER_WINDOW', 'EDITION_WINDOW_TOO_SHORT']);
    const res = await coordinator.request('POST', `/api/networks/${nid}/editions`, {
      name: 'Week van de docentuitwisseling 2026', windowStart: week.monday, windowEnd: week.friday,
      announcementDate: dateAddDays(week.monday, -60), registrationDeadline: dateAddDays(week.monday, -7), creditedHours: 8,
      rules: { avoid: [{ weekday: 1, start: '15:00', end: '16:00' }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', sideALabel: 'mbo', sideBLabel: 'hbo', allowedTransitions: ['announced'] });
    expect(res.body.institutions.map((i: { name: string; side: string }) => `${i.side}:${i.name}`).sort()).toEqual(['a:ROC Test', 'b:Hogeschool Test']);
    editionId = res.body.id;
    slug = res.body.publicSlug;
    expect((await h.client().request('GET', `/api/public/editions/${slug}`)).status).toBe(404);
    expect((await t.one.client.request('GET', base())).status).toBe(404);
  });

  it('announces (public page without an account) and opens registration with invitation mail', async () => {
    const wrong = await coordinator.request('POST', `${base()}/transition`, { to: 'published' });
    expect(wrong.status).toBe(409);
    expect((await coordinator.request('POST', `${base()}/transition`, { to: 'announced' })).body.status).toBe('announced');
    const page = await h.client().request('GET', `/api/public/editions/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ name: 'Week van de docentuitwisseling 2026', networkName: 'Netwerk Uitwisseling', registrationOpen: false, creditedHours: 8 });
    expect((await coordinator.request('POST', `${base()}/transition`, { to: 'registration_open' })).body.status).toBe('registration_open');
    for (const who of Object.values(t)) {
      const mail = await waitFor(() => h.mails.find((m) => m.to.includes(who.email) && m.subject.includes('Doe mee')));
      expect(mail.text).toContain(`/uitwisseling/${slug}`);
    }
    const funnel = (await coordinator.request('GET', `${base()}/funnel`)).body as { programmeId: string | null; invited: number; institutionName: string }[];
    expect(funnel.filter((r) => r.programmeId === null).map((r) => `${r.institutionName}:${r.invited}`).sort()).toEqual(['Hogeschool Test:1', 'ROC Test:2']);
  });

  it('lets teachers register, with clear errors for bad input', async () => {
    const bad = await t.one.client.request('PUT', `${base()}/registrations/${t.one.id}`, { programmeIds: [progHbo], unavailableDates: [dateAddDays(week.friday, 3)] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual(['programmeIds:FIELD_UNKNOWN_PROGRAMME', 'unavailableDates:FIELD_DATE_OUTSIDE_WINDOW']);
    for (const [who, prog] of [[t.one, progMbo], [t.two, progHbo], [t.three, progNursing]] as const) {
      const res = await who.client.request('PUT', `${base()}/registrations/${who.id}`, { programmeIds: [prog], wishes: ['transition', 'pedagogy'], travelMode: 'car', maxTravelMinutes: 60 });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.lessonsInWindow).toBe(0);
    }
    const other = await t.one.client.request('PUT', `${base()}/registrations/${t.two.id}`, { programmeIds: [progHbo] });
    expect(other.status).toBe(403);
  });

  it('imports timetables from a file, a feed URL and CSV; bad input changes nothing', async () => {
    const range = { from: week.monday, to: week.friday };
    const file = await t.one.client.request('POST', `/api/networks/${nid}/people/${t.one.id}/timetable/ical`, {
      ...range, fileName: 'rooster.ics',
      ics: `\uFEFF${ics([...lessonSeries('mbo-a@untis', '08:30', 'SD - 4A - 1.12'), ...lessonSeries('mbo-b@untis', '13:00', 'SD - 4B - 1.14'),
        'BEGIN:VEVENT', 'UID:kerst@untis', 'DTSTAMP:20260901T000000Z', `DTSTART;VALUE=DATE:${ymd(week.friday)}`, 'SUMMARY:Kerstvakantie', 'END:VEVENT'])}`,
    });
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect(file.body).toMatchObject({ imported: 10, lessons: 10, kind: 'ical-file' });
    expect(file.body.skipped).toEqual([expect.objectContaining({ ref: 'kerst@untis', reason: 'ICAL_HOLIDAY', message: 'vakantie of vrije dag' })]);
    const unreachable = await t.two.client.request('POST', `/api/networks/${nid}/people/${t.two.id}/timetable/url`, { ...range, url: 'http://127.0.0.1:9/none.ics' });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error.code).toBe('TIMETABLE_URL_UNREACHABLE');
    const feed = await t.two.client.request('POST', `/api/networks/${nid}/people/${t.two.id}/timetable/url`, { ...range, url: feedUrl });
    expect(feed.status, JSON.stringify(feed.body)).toBe(200);
    expect(feed.body.imported).toBe(10);
    const malformed = await t.two.client.request('POST', `/api/networks/${nid}/people/${t.two.id}/timetable/ical`, { ...range, ics: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.code).toBe('TIMETABLE_UNUSABLE');
    const csv = await t.three.client.request('POST', `/api/networks/${nid}/people/${t.three.id}/timetable/csv`, { ...range, csv: 'dag;begin;eind;omschrijving;soort\nma;09:00;10:00;VP 2A;les\ndi;09:00;10:00;VP 2B;les\n' });
    expect(csv.status, JSON.stringify(csv.body)).toBe(200);
    expect(csv.body.lessons).toBe(2);
    const blocksOfTwo = await h.deps.db.select().from(timetableBlocks).where(eq(timetableBlocks.personId, t.two.id));
    expect(blocksOfTwo).toHaveLength(10);
    const again = await t.one.client.request('POST', `/api/networks/${nid}/people/${t.one.id}/timetable/ical`, { ...range, ics: ics(lessonSeries('mbo-a@untis', '08:30', 'SD - 4A - 1.12')) });
    expect(again.body).toMatchObject({ imported: 5, replaced: 10 });
    await t.one.client.request('POST', `/api/networks/${nid}/people/${t.one.id}/timetable/ical`, { ...range, ics: ics([...lessonSeries('mbo-a@untis', '08:30', 'SD - 4A - 1.12'), ...lessonSeries('mbo-b@untis', '13:00', 'SD - 4B - 1.14')]) });
    const view = await t.one.client.request('GET', `/api/networks/${nid}/people/${t.one.id}/timetable?from=${week.monday}&to=${week.friday}`);
    expect(view.body.blocks).toHaveLength(10);
    expect(view.body.blocks[0].start).toBe(zonedToUtc(week.monday, '08:30').toISOString());
    const registrationsView = (await coordinator.request('GET', `${base()}/registrations`)).body as { personId: string; lessonsInWindow: number }[];
    expect(Object.fromEntries(registrationsView.map((r) => [r.personId, r.lessonsInWindow]))).toEqual({ [t.one.id]: 10, [t.two.id]: 10, [t.three.id]: 2 });
  });

  let run1: string;
  let run2: string;
  let run3: string;

  it('runs the matching in the background with progress, and explains every outcome', async () => {
    // The coordinator matches on the Sunday before the week (visits are planned from tomorrow on).
    h.clock.set(zonedToUtc(dateAddDays(week.monday, -1), '12:00'));
    expect((await coordinator.request('POST', `${base()}/transition`, { to: 'matching' })).body.status).toBe('matching');
    const started = await coordinator.request('POST', `${base()}/runs`);
    expect(started.status).toBe(202);
    expect(['queued', 'running', 'done']).toContain(started.body.status);
    run1 = started.body.id;
    const run = await runUntilDone(base(), run1);
    expect(run.status).toBe('done');
    expect(run.summary).toMatchObject({ registered: 3, pairs: 1, visits: 2, optimal: true, violations: 0, unmatchedByReason: { NO_RELATED_PARTNER: 1 } });
    const [pair] = run.proposal.pairs;
    expect([pair.a.id, pair.b.id]).toEqual([t.one.id, t.two.id]);
    expect(pair.reasons).toEqual(expect.arrayContaining([{ code: 'SAME_DETAILED_FIELD', params: { isced: '0613' } }, { code: 'SHARED_WISH', params: { wish: 'pedagogy' } }]));
    expect(pair.visits).toHaveLength(2);
    for (const v of pair.visits) {
      expect(v.address).toContain('Utrecht');
      expect(Date.parse(v.leaveAt)).toBeLessThan(Date.parse(v.lessonStart));
    }
    // Monday 15:00–16:00 is avoided by the edition's rule
    expect(pair.visits.some((v: { lessonStart: string }) => v.lessonStart === new Date(`${week.monday}T14:00:00Z`).toISOString())).toBe(false);
    expect(run.proposal.unmatched).toEqual([expect.objectContaining({ reason: 'NO_RELATED_PARTNER', person: expect.objectContaining({ id: t.three.id }) })]);
  });

  it('reproduces a run exactly from its saved input', async () => {
    const input = (await coordinator.request('GET', `${base()}/runs/${run1}/input`)).body as ExchangeInput;
    const stored = (await coordinator.request('GET', `${base()}/runs/${run1}`)).body;
    const again = exchangeSolve(input);
    if (!again.ok) throw new Error(again.reason);
    expect(again.pairs.map((p) => [p.aId, p.bId])).toEqual(stored.proposal.pairs.map((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id]));
    expect(again.visits.map((v) => new Date(v.lessonStart).toISOString()).sort()).toEqual(stored.proposal.pairs[0].visits.map((v: { lessonStart: string }) => v.lessonStart).sort());
    if (existsSync('src/cli/engine.ts')) {
      const dir = mkdtempSync(path.join(tmpdir(), 'kruispunt-run-'));
      writeFileSync(path.join(dir, 'input.json'), JSON.stringify(input));
      const cli = spawnSync(process.execPath, ['bin/kruispunt.mjs', 'engine', 'exchange', '--input', path.join(dir, 'input.json')], { encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout).pairs).toEqual(again.pairs);
    }
  });

  it('keeps a forbidden pair apart on a re-run and compares two runs', async () => {
    const forbid = await coordinator.request('POST', `${base()}/pair-rules`, { aPersonId: t.one.id, bPersonId: t.two.id, kind: 'forbid' });
    expect(forbid.status).toBe(200);
    const wrongSide = await coordinator.request('POST', `${base()}/pair-rules`, { aPersonId: t.two.id, bPersonId: t.one.id, kind: 'pin' });
    expect(wrongSide.status).toBe(400);
    run2 = (await coordinator.request('POST', `${base()}/runs`)).body.id;
    const second = await runUntilDone(base(), run2);
    expect(second.summary.pairs).toBe(0);
    expect(second.proposal.unmatched.filter((u: { reason: string }) => u.reason === 'FORBIDDEN_PAIR')).toHaveLength(2);
    const compare = await coordinator.request('GET', `${base()}/runs/compare?a=${run1}&b=${run2}`);
    expect(compare.body.onlyInA).toHaveLength(1);
    expect(compare.body.kept).toHaveLength(0);
    await coordinator.request('DELETE', `${base()}/pair-rules/${forbid.body[0].id}`);
    await coordinator.request('POST', `${base()}/pair-rules`, { aPersonId: t.one.id, bPersonId: t.two.id, kind: 'pin' });
    run3 = (await coordinator.request('POST', `${base()}/runs`)).body.id;
    const third = await runUntilDone(base(), run3);
    expect(third.proposal.pairs[0]).toMatchObject({ pinned: true });
  });

  it('moves a proposed visit only to a feasible slot', async () => {
    const explained = (await coordinator.request('GET', `${base()}/runs/${run3}/visits/0/options`)).body as { options: { lessonStart: string }[]; hostLessons: number; rejected: Record<string, number> };
    const options = explained.options;
    expect(options.length).toBeGreaterThan(1);
    // Every other lesson of the host is accounted for by a reason.
    expect(explained.hostLessons).toBeGreaterThanOrEqual(options.length);
    expect(Object.values(explained.rejected).every((n) => n > 0)).toBe(true);
    const infeasible = await coordinator.request('POST', `${base()}/runs/${run3}/visits/0/move`, { lessonStart: new Date(`${week.monday}T03:00:00Z`).toISOString() });
    expect(infeasible.status).toBe(422);
    expect(infeasible.body.error.code).toBe('VISIT_SLOT_NOT_FEASIBLE');
    const target = options.at(-1)!.lessonStart;
    const moved = await coordinator.request('POST', `${base()}/runs/${run3}/visits/0/move`, { lessonStart: target });
    expect(moved.status).toBe(200);
    const visit = moved.body.proposal.pairs[0].visits.find((v: { index: number }) => v.index === 0);
    expect(visit).toMatchObject({ lessonStart: target, moved: true });
  });

  let feedPath: string;
  it('publishes: invitations with .ics, the unmatched hear why, teachers see their partner', async () => {
    // Published and lived after the week: the visits lie in the past, so they can be checked in.
    h.clock.reset();
    const before = await coordinator.request('GET', `${base()}/runs/${run3}`);
    expect(before.body.proposal.visitsInPast, 'the coordinator is warned before publishing visits in the past').toBe(2);
    const published = await coordinator.request('POST', `${base()}/runs/${run3}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toEqual({ pairs: 1, visits: 2 });
    expect((await coordinator.request('POST', `${base()}/runs/${run3}/publish`)).status).toBe(409);
    const invite = await waitFor(() => h.mails.find((m) => m.to.includes(t.one.email) && m.raw.includes('METHOD:REQUEST')));
    expect(invite.raw).toMatch(/BEGIN:VCALENDAR/);
    const unmatched = await waitFor(() => h.mails.find((m) => m.to.includes(t.three.email) && m.subject.includes('Geen docentkoppel')));
    expect(unmatched.text).toContain('geen collega van een verwante opleiding');
    const mine = (await t.one.client.request('GET', `${base()}/my-exchange`)).body;
    expect(mine.status).toBe('matched');
    expect(mine.partners).toEqual([expect.objectContaining({ id: t.two.id, email: t.two.email, institutionName: 'Hogeschool Test', programmes: ['HBO-ICT'] })]);
    expect(mine.visits.map((v: { role: string }) => v.role).sort()).toEqual(['host', 'observer']);
    expect((await t.three.client.request('GET', `${base()}/my-exchange`)).body).toMatchObject({ status: 'unmatched', unmatchedReason: 'NO_RELATED_PARTNER' });
    // No dead end: the coordinator's contact, and the waiting list for a next run, which the coordinator sees.
    expect((await t.three.client.request('GET', `${base()}/my-exchange`)).body.contacts.length).toBeGreaterThan(0);
    const onList = await t.three.client.request('PUT', `${base()}/waitlist`, { waitlist: true });
    expect(onList.status).toBe(200);
    expect(onList.body.waitlist).toBe(true);
    expect((await t.three.client.request('GET', `${base()}/my-exchange`)).body.waitlist).toBe(true);
    const waiting = (await coordinator.request('GET', `${base()}/registrations`)).body as { personId: string; waitlist: boolean }[];
    expect(waiting.filter((r) => r.waitlist).map((r) => r.personId)).toEqual([t.three.id]);
    const feed = await t.one.client.request('POST', `/api/networks/${nid}/calendar-feed`);
    expect(feed.status).toBe(201);
    feedPath = new URL(feed.body.url).pathname;
  });

  it('serves a calendar feed whose events update in place and are cancelled, not dropped', async () => {
    const rows = await h.deps.db.select().from(visits).where(eq(visits.editionId, editionId));
    const first = await fetch(`${h.baseUrl}${feedPath}`);
    expect(first.headers.get('content-type')).toContain('text/calendar');
    const text = await first.text();
    for (const v of rows) expect(text).toContain(`UID:${v.uid}`);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const [a, b] = rows;
    type Explained = { options: { lessonStart: string; leaveAt: string }[]; hostLessons: number; rejected: Record<string, number> };
    const optionsUrl = `/api/networks/${nid}/visits/${a!.id}/options`;
    const total = (e: Explained) => e.options.length + Object.values(e.rejected).reduce((x, y) => x + y, 0);
    // The week is over (real clock): no time is offered any more, every lesson of the host is already past.
    const over = (await coordinator.request('GET', optionsUrl)).body as Explained;
    expect(over.options).toEqual([]);
    expect(over.hostLessons).toBeGreaterThan(0);
    expect(over.rejected).toEqual({ ALREADY_PAST: over.hostLessons });
    const tooLate = await coordinator.request('POST', `/api/networks/${nid}/visits/${a!.id}/move`, { lessonStart: a!.lessonStart.toISOString() });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.error.code).toBe('VISIT_SLOT_NOT_FEASIBLE');
    // The day before the week every lesson is still ahead; on Wednesday at noon only the later ones are offered.
    h.clock.set(zonedToUtc(dateAddDays(week.monday, -1), '12:00'));
    const ahead = (await coordinator.request('GET', optionsUrl)).body as Explained;
    expect(ahead.rejected.ALREADY_PAST).toBeUndefined();
    const wednesdayNoon = zonedToUtc(dateAddDays(week.monday, 2), '12:00');
    const begun = ahead.options.filter((o) => Date.parse(o.leaveAt) < wednesdayNoon.getTime());
    expect(begun.length, 'some options lie before Wednesday noon').toBeGreaterThan(0);
    h.clock.set(wednesdayNoon);
    const midweek = (await coordinator.request('GET', optionsUrl)).body as Explained;
    expect(midweek.options).toEqual(ahead.options.filter((o) => Date.parse(o.leaveAt) >= wednesdayNoon.getTime()));
    expect(midweek.options.length).toBeGreaterThan(0);
    expect(midweek.rejected.ALREADY_PAST).toBeGreaterThanOrEqual(begun.length);
    expect(total(midweek)).toBe(midweek.hostLessons);
    const past = await coordinator.request('POST', `/api/networks/${nid}/visits/${a!.id}/move`, { lessonStart: begun[0]!.lessonStart });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('VISIT_SLOT_NOT_FEASIBLE');
    const other = midweek.options.find((o) => o.lessonStart !== a!.lessonStart.toISOString())!;
    const moved = await coordinator.request('POST', `/api/networks/${nid}/visits/${a!.id}/move`, { lessonStart: other.lessonStart });
    h.clock.reset();
    expect(moved.body).toMatchObject({ sequence: 1, lessonStart: other.lessonStart });
    await waitFor(() => h.mails.find((m) => m.subject.startsWith('Gewijzigd') && m.raw.includes(a!.uid.slice(0, 20))));
    const cancelled = await t.two.client.request('POST', `/api/networks/${nid}/visits/${b!.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    const cancelMail = await waitFor(() => h.mails.find((m) => m.subject.startsWith('Afgelast') && m.raw.includes('METHOD:CANCEL')));
    expect(cancelMail).toBeTruthy();
    const after = await (await fetch(`${h.baseUrl}${feedPath}`)).text();
    const unfold = after.replace(/\r\n[ \t]/g, '');
    expect(unfold.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfold).toContain(`UID:${a!.uid}`);
    expect(unfold).toMatch(/SEQUENCE:1/);
    expect(unfold).toContain('STATUS:CANCELLED');
  });

  it('checks in, reflects, evaluates, credits hours, certifies, reports — and the report matches the database', async () => {
    const [done] = (await h.deps.db.select().from(visits).where(and(eq(visits.editionId, editionId), eq(visits.status, 'planned'))));
    const checkin = await t.one.client.request('POST', `/api/networks/${nid}/visits/${done!.id}/check-in`);
    expect(checkin.body).toMatchObject({ status: 'done', checkedIn: true });
    const empty = await t.one.client.request('PUT', `/api/networks/${nid}/visits/${done!.id}/reflection`, {});
    expect(empty.status).toBe(400);
    expect((await t.one.client.request('PUT', `/api/networks/${nid}/visits/${done!.id}/reflection`, { observed: 'Start met een vraag', learned: 'Kortere instructie', apply: 'Morgen proberen' })).status).toBe(200);
    expect((await t.three.client.request('PUT', `${base()}/evaluation`, { overall: 3, partnerFit: 3, organisation: 3, wouldRecommend: false })).status).toBe(422);
    const badEval = await t.one.client.request('PUT', `${base()}/evaluation`, { overall: 7, partnerFit: 5, organisation: 4, wouldRecommend: true });
    expect(badEval.status).toBe(400);
    for (const [who, score] of [[t.one, 5], [t.two, 3]] as const) {
      const res = await who.client.request('PUT', `${base()}/evaluation`, { overall: score, partnerFit: 4, organisation: 4, wouldRecommend: score > 3, bestPart: 'Meekijken' });
      expect(res.status).toBe(200);
    }
    const candidates = (await t.one.client.request('GET', `/api/networks/${nid}/learner-reports/candidates`)).body as { source: string; sourceId: string; title: string; prefill: { learningOutcomes?: string } }[];
    expect(candidates).toEqual([expect.objectContaining({ source: 'exchange_visit', sourceId: done!.id, prefill: expect.objectContaining({ learningOutcomes: 'Kortere instructie' }) })]);
    const mine = (await t.one.client.request('GET', `${base()}/my-exchange`)).body;
    const observed = mine.visits.find((v: { status: string }) => v.status === 'done').role === 'observer';
    expect(mine.creditedHours).toBe(observed ? 8 : 4);
    expect(mine.visits.find((v: { status: string }) => v.status === 'done').reflection.learned).toBe('Kortere instructie');
    const pdf = await t.one.client.download(`${base()}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.three.client.request('GET', `${base()}/certificate.pdf`)).status).toBe(409);

    const report = (await coordinator.request('GET', `${base()}/report`)).body;
    const regs = await h.deps.db.select().from(registrations).where(eq(registrations.editionId, editionId));
    const evals = await h.deps.db.select().from(evaluations).where(eq(evaluations.editionId, editionId));
    const allVisits = await h.deps.db.select().from(visits).where(eq(visits.editionId, editionId));
    expect(report.totals).toEqual({ invited: 3, registered: regs.length, matched: 2, visited: 2, evaluated: evals.length });
    expect(report.visits).toEqual({ planned: allVisits.filter((v) => v.status === 'planned').length, done: 1, cancelled: 1, missed: 0 });
    expect(report.evaluation).toMatchObject({ count: 2, overall: 4, recommendPercent: 50 });
    expect(report.matchedPercent).toBeCloseTo(66.7, 1);
    const xlsx = await coordinator.download(`${base()}/report.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Overzicht', 'Trechter', 'Deelnemers']);
    expect(book.getWorksheet('Deelnemers')!.rowCount).toBe(4);
    const bytes = Buffer.from(await (await coordinator.download(`${base()}/report.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('Naam;E-mail;Instelling')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('runs through to closed; evaluation then closes', async () => {
    for (const to of ['running', 'evaluation', 'closed']) {
      expect((await coordinator.request('POST', `${base()}/transition`, { to })).body.status).toBe(to);
    }
    const late = await t.two.client.request('PUT', `${base()}/evaluation`, { overall: 4, partnerFit: 4, organisation: 4, wouldRecommend: true });
    expect(late.body.error.code).toBe('EVALUATION_CLOSED');
    const copy = await coordinator.request('POST', `${base()}/copy`);
    expect(copy.body).toMatchObject({ status: 'draft', name: 'Week van de docentuitwisseling 2027', windowStart: dateAddDays(week.monday, 364), copiedFromId: editionId });
    expect(copy.body.institutions).toHaveLength(2);
    const revoke = await t.one.client.request('DELETE', `/api/networks/${nid}/calendar-feed`);
    expect(revoke.status).toBe(200);
    expect((await fetch(`${h.baseUrl}${feedPath}`)).status).toBe(404);
  });
});


describe('registration reminders', () => {
  it('reminds invited teachers who have not registered, at most twice and three days apart', async () => {
    const today = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const created = await coordinator.request('POST', `/api/networks/${nid}/editions`, {
      name: 'Voorjaarsuitwisseling', windowStart: iso(new Date(today.getTime() + 20 * 86_400_000)), windowEnd: iso(new Date(today.getTime() + 26 * 86_400_000)),
      announcementDate: iso(today), registrationDeadline: iso(new Date(today.getTime() + 5 * 86_400_000)),
    });
    const id = created.body.id;
    await coordinator.request('POST', `/api/networks/${nid}/editions/${id}/transition`, { to: 'announced' });
    await coordinator.request('POST', `/api/networks/${nid}/editions/${id}/transition`, { to: 'registration_open' });
    await t.one.client.request('PUT', `/api/networks/${nid}/editions/${id}/registrations/${t.one.id}`, { programmeIds: [progMbo] });
    const { sendScheduledReminders } = await import('../../../src/domain/exchange/edition/actions.ts');
    const reminders = () => h.mails.filter((m) => m.subject.includes('meld je aan voor Voorjaarsuitwisseling'));
    const realNow = h.deps.now;
    try {
      expect(await sendScheduledReminders(h.deps)).toBe(2);
      await waitFor(() => reminders().length === 2);
      expect(reminders().map((m) => m.to[0]).sort()).toEqual([t.two.email, t.three.email].sort());
      expect(await sendScheduledReminders(h.deps)).toBe(0);
      h.deps.now = () => new Date(today.getTime() + 3.1 * 86_400_000);
      expect(await sendScheduledReminders(h.deps)).toBe(2);
      h.deps.now = () => new Date(today.getTime() + 4.9 * 86_400_000);
      expect(await sendScheduledReminders(h.deps)).toBe(0);
    } finally {
      h.deps.now = realNow;
    }
  });
});

describe('every state change of an edition', () => {
  it('steps back before publication, locks the plan after it, and deletes only drafts', async () => {
    const e = (await coordinator.request('POST', `/api/networks/${nid}/editions`, {
      name: 'Stappen', windowStart: '2027-05-10', windowEnd: '2027-05-14', announcementDate: '2027-01-10', registrationDeadline: '2027-04-20',
    })).body;
    const to = async (status: string) => coordinator.request('POST', `/api/networks/${nid}/editions/${e.id}/transition`, { to: status });
    expect((await to('announced')).body.allowedTransitions).toEqual(['registration_open', 'draft']);
    expect((await to('draft')).body.status).toBe('draft');
    await to('announced');
    await to('registration_open');
    expect((await to('announced')).body.status).toBe('announced');
    await to('registration_open');
    expect((await to('matching')).body.status).toBe('matching');
    expect((await to('registration_open')).body.status).toBe('registration_open');
    expect((await to('closed')).status).toBe(409);
    const del = await coordinator.request('DELETE', `/api/networks/${nid}/editions/${e.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('EDITION_LOCKED');
    const oneSided = (await coordinator.request('POST', `/api/networks/${nid}/editions`, {
      name: 'Eén kant', windowStart: '2027-05-10', windowEnd: '2027-05-14', announcementDate: '2027-01-10', registrationDeadline: '2027-04-20',
      institutions: [],
    })).body;
    await coordinator.request('POST', `/api/networks/${nid}/editions/${oneSided.id}/transition`, { to: 'announced' });
    const open = await coordinator.request('POST', `/api/networks/${nid}/editions/${oneSided.id}/transition`, { to: 'registration_open' });
    expect(open.body.error.code).toBe('EDITION_NEEDS_TWO_SIDES');
    await coordinator.request('POST', `/api/networks/${nid}/editions/${oneSided.id}/transition`, { to: 'draft' });
    expect((await coordinator.request('DELETE', `/api/networks/${nid}/editions/${oneSided.id}`)).status).toBe(200);
    const locked = await coordinator.request('PATCH', `/api/networks/${nid}/editions/${editionId}`, { windowEnd: dateAddDays(week.friday, 7) });
    expect(locked.body.error.code).toBe('EDITION_LOCKED');
    const teacherTries = await t.one.client.request('POST', `/api/networks/${nid}/editions/${e.id}/transition`, { to: 'matching' });
    expect(teacherTries.status).toBe(403);
  });
});
