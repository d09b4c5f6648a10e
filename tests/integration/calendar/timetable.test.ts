import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, PASSWORD } from '../../support/factories.ts';
import { timetableBlocks } from '../../../src/db/schema/index.ts';
import { refreshTimetableFeeds } from '../../../src/domain/calendar/timetable/actions.ts';

// Stored timetables: bulk CSV per institution, the hourly refresh of subscribed feeds, the week grid.
let h: Harness;
let nid: string;
let instId: string;
let coordinator: ApiClient;
let teacher: { id: string; email: string };
let other: { id: string; email: string };
let server: Server;
let feedBody = '';
let feedStatus = 200;

const event = (uid: string, start: string) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', `DTSTART;TZID=W. Europe Standard Time:${start}`, 'DURATION:PT50M', 'SUMMARY:NE - 2C - 0.14', 'END:VEVENT'];
const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Microsoft Corporation//Outlook 16.0//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n');

beforeAll(async () => {
  h = await harnessStart({ smtp: false, env: { KRUISPUNT_ALLOW_PRIVATE_FEEDS: '1' } });
  nid = (await makeNetwork(h.deps.db)).id;
  instId = (await makeInstitution(h.deps.db, nid, { name: 'ROC Bulk' })).id;
  const c = await makePerson(h.deps.db, nid, 'school_coordinator', instId);
  coordinator = h.client();
  await coordinator.login(c.email, PASSWORD);
  teacher = await makePerson(h.deps.db, nid, 'teacher', instId);
  other = await makePerson(h.deps.db, nid, 'teacher', instId);
  server = createServer((_req, res) => res.writeHead(feedStatus, { 'content-type': 'text/calendar' }).end(feedBody));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  server?.close();
  await h?.stop();
});

describe('stored timetables', () => {
  it('imports one CSV for a whole institution, per teacher, and reports unknown teachers', async () => {
    const csv = `Docent;Datum;Begin;Eind;Omschrijving\n${teacher.email};2026-11-24;08:30;09:20;NE 2C\n${teacher.email};2026-11-24;10:00;10:50;NE 3A\n${other.email.toUpperCase()};25-11-2026;9.00;9.50;WI 1B\nonbekend@example.nl;2026-11-24;08:30;09:20;X\n${teacher.email};2026-11-31;08:30;09:20;fout\n`;
    const res = await coordinator.request('POST', `/api/networks/${nid}/institutions/${instId}/timetable/csv`, { csv, from: '2026-11-23', to: '2026-11-27' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.imported).toBe(3);
    expect(Object.fromEntries(res.body.teachers.map((t: { personId: string; imported: number }) => [t.personId, t.imported]))).toEqual({ [teacher.id]: 2, [other.id]: 1 });
    expect(res.body.skipped.map((s: { ref: string; reason: string }) => `${s.ref}:${s.reason}`).sort()).toEqual(['rij 5 (docent):UNKNOWN_TEACHER', 'rij 6 (datum):CSV_BAD_DATE']);
    const again = await coordinator.request('POST', `/api/networks/${nid}/institutions/${instId}/timetable/csv`, { csv: `docent;datum;begin;eind\n${teacher.email};2026-11-26;11:00;11:50\n`, from: '2026-11-23', to: '2026-11-27' });
    expect(again.body.teachers[0]).toMatchObject({ imported: 1, replaced: 2 });
    const wrongColumns = await coordinator.request('POST', `/api/networks/${nid}/institutions/${instId}/timetable/csv`, { csv: 'naam;telefoon\nJan;06\n' });
    expect(wrongColumns.status).toBe(422);
    expect(wrongColumns.body.error.message).toContain('Er is niets veranderd');
    expect(await h.deps.db.select().from(timetableBlocks).where(eq(timetableBlocks.personId, teacher.id))).toHaveLength(1);
  });

  it('imports one iCalendar file per teacher for a whole institution, matched by file name', async () => {
    const zermelo = (uid: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Zermelo Software//Portal//NL', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z',
      'DTSTART:20261124T073000Z', 'DTEND:20261124T082000Z', 'SUMMARY:HBO-ICT P1 Webtechnologie', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const res = await coordinator.request('POST', `/api/networks/${nid}/institutions/${instId}/timetable/ical`, {
      from: '2026-11-23', to: '2026-11-27',
      files: [
        { fileName: `${teacher.email}.ics`, ics: zermelo('z1') },
        { fileName: `${other.email.toUpperCase()}.ics`, ics: zermelo('z2') },
        { fileName: 'iemand-anders@example.nl.ics', ics: zermelo('z3') },
        { fileName: `${teacher.email}.txt`, ics: 'niet een agenda' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.teachers.map((t: { personId: string; lessons: number }) => `${t.personId}:${t.lessons}`).sort()).toEqual([`${teacher.id}:1`, `${other.id}:1`].sort());
    expect(res.body.skipped.map((s: { ref: string; reason: string }) => s.reason).sort()).toEqual(['ICAL_NOT_CALENDAR', 'UNKNOWN_TEACHER']);
  });

  it('refreshes subscribed feeds, and keeps the last import when a feed fails', async () => {
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/rooster.ics`;
    feedBody = calendar(event('a@outlook', '20261124T083000'));
    const me = h.client();
    await me.login(teacher.email, PASSWORD);
    const first = await me.request('POST', `/api/networks/${nid}/people/${teacher.id}/timetable/url`, { url, from: '2026-11-23', to: '2026-11-27' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.imported).toBe(1);
    feedBody = calendar(event('a@outlook', '20261124T083000'), event('b@outlook', '20261125T100000'));
    h.deps.now = () => new Date('2026-11-23T12:00:00Z');
    expect(await refreshTimetableFeeds(h.deps)).toEqual({ refreshed: 1, failed: 0 });
    const view = await me.request('GET', `/api/networks/${nid}/people/${teacher.id}/timetable?from=2026-11-23&to=2026-11-27`);
    const feedBlocks = view.body.blocks.filter((b: { sourceId: string }) => b.sourceId === first.body.sourceId);
    expect(feedBlocks.map((b: { start: string }) => b.start)).toEqual(['2026-11-24T07:30:00.000Z', '2026-11-25T09:00:00.000Z']);
    feedStatus = 500;
    expect(await refreshTimetableFeeds(h.deps)).toEqual({ refreshed: 0, failed: 1 });
    const after = await me.request('GET', `/api/networks/${nid}/people/${teacher.id}/timetable?from=2026-11-23&to=2026-11-27`);
    expect(after.body.blocks.filter((b: { sourceId: string }) => b.sourceId === first.body.sourceId)).toHaveLength(2);
  });

  it('saves a hand-edited week grid and refuses impossible times', async () => {
    const me = h.client();
    await me.login(other.email, PASSWORD);
    const bad = await me.request('PUT', `/api/networks/${nid}/people/${other.id}/timetable/grid`, { entries: [{ weekday: 2, start: '10:00', end: '09:00', kind: 'lesson', summary: 'X', location: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'entries.0.end', code: 'END_BEFORE_START' });
    const ok = await me.request('PUT', `/api/networks/${nid}/people/${other.id}/timetable/grid`, {
      entries: [{ weekday: 1, start: '08:30', end: '09:15', kind: 'lesson', summary: 'WI 1B', location: '0.12' }, { weekday: 3, start: '15:30', end: '17:00', kind: 'meeting', summary: 'Teamoverleg', location: '' }],
      from: '2026-11-23', to: '2026-12-06',
    });
    expect(ok.body).toMatchObject({ imported: 4, lessons: 2, other: 2, kind: 'grid' });
    const stranger = h.client();
    await stranger.login(teacher.email, PASSWORD);
    expect((await stranger.request('GET', `/api/networks/${nid}/people/${other.id}/timetable`)).status).toBe(403);
  });
});
