import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, PASSWORD } from '../../support/factories.ts';
import { timetableBlocks } from '../../../src/db/schema/index.ts';

// A hostile timetable (60 events recurring every second) must not stall the server: its
// expansion is bounded and it is parsed on a worker thread, so /api/health keeps answering
// while it is imported, and the import ends with a clear report instead of a frozen process.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const hostile = readFileSync(path.join(root, 'tests/fixtures/ics/hostile-secondly.ics'), 'utf8');

let h: Harness;
let nid: string;
let instId: string;
let teacher: { id: string; email: string };
let me: ApiClient;
let feed: Server;

beforeAll(async () => {
  h = await harnessStart({ smtp: false, env: { KRUISPUNT_ALLOW_PRIVATE_FEEDS: '1' } });
  nid = (await makeNetwork(h.deps.db)).id;
  instId = (await makeInstitution(h.deps.db, nid, { name: 'ROC Vijandig' })).id;
  teacher = await makePerson(h.deps.db, nid, 'teacher', instId);
  me = h.client();
  await me.login(teacher.email, PASSWORD);
  feed = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(hostile));
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  feed?.close();
  await h?.stop();
});

/** Polls /api/health back to back until `work` settles; returns the longest wait for an answer. */
async function healthGapsDuring<T>(work: Promise<T>): Promise<{ result: T; maxGapMs: number; answers: number }> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  let maxGapMs = 0;
  let answers = 0;
  let last = performance.now();
  while (!done) {
    const res = await fetch(`${h.baseUrl}/api/health`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    answers++;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { result: await settled, maxGapMs, answers };
}

describe('a hostile timetable', () => {
  it('does not stop /api/health from answering while a SECONDLY file is imported, and reports the caps', async () => {
    // warm the connection and the health route before measuring
    expect((await fetch(`${h.baseUrl}/api/health`)).status).toBe(200);
    const started = performance.now();
    const { result: res, maxGapMs, answers } = await healthGapsDuring(
      me.request('POST', `/api/networks/${nid}/people/${teacher.id}/timetable/ical`, { ics: hostile, fileName: 'rooster.ics', from: '2026-11-01', to: '2026-11-30' }),
    );
    const tookMs = performance.now() - started;
    expect(answers).toBeGreaterThan(1);
    expect(maxGapMs, `longest wait for /api/health: ${Math.round(maxGapMs)} ms`).toBeLessThan(500);
    // Either a capped report (every event skipped with a reason) or a clear refusal with nothing saved.
    if (res.status === 200) {
      const reasons = new Set(res.body.skipped.map((s: { reason: string }) => s.reason));
      expect([...reasons].every((r) => ['ICAL_RECURRENCE_LIMIT', 'ICAL_WORK_LIMIT'].includes(r as string)), JSON.stringify([...reasons])).toBe(true);
      expect(res.body.skipped).toHaveLength(60);
      expect(res.body.skipped[0].message).toBe('te veel herhalingen');
      expect(res.body.skipped.at(-1).message).toContain('te veel rekenwerk');
      expect(res.body.imported).toBe(0);
    } else {
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('TIMETABLE_UNUSABLE');
      expect(res.body.error.message).toContain('Er is niets veranderd');
      expect(await h.deps.db.select().from(timetableBlocks).where(eq(timetableBlocks.personId, teacher.id))).toHaveLength(0);
    }
    expect(tookMs).toBeLessThan(15_000);
  });

  it('keeps /api/health answering while the same file comes from a feed URL and in a bulk import', async () => {
    const url = `http://127.0.0.1:${(feed.address() as { port: number }).port}/rooster.ics`;
    const coordinator = h.client();
    const c = await makePerson(h.deps.db, nid, 'school_coordinator', instId);
    await coordinator.login(c.email, PASSWORD);
    const { result, maxGapMs } = await healthGapsDuring(Promise.all([
      me.request('POST', `/api/networks/${nid}/people/${teacher.id}/timetable/url`, { url, from: '2026-11-01', to: '2026-11-30' }),
      coordinator.request('POST', `/api/networks/${nid}/institutions/${instId}/timetable/ical`, {
        from: '2026-11-01', to: '2026-11-30',
        files: [{ fileName: `${teacher.email}.ics`, ics: hostile }, { fileName: `${teacher.email}.ics`, ics: hostile }],
      }),
    ]));
    expect(maxGapMs, `longest wait for /api/health: ${Math.round(maxGapMs)} ms`).toBeLessThan(500);
    const [fromUrl, bulk] = result;
    expect(fromUrl.status, JSON.stringify(fromUrl.body)).toBe(200);
    expect(fromUrl.body.imported).toBe(0);
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    expect(bulk.body.imported).toBe(0);
  });

  it('caps the blocks one person holds over all sources, and reports what was left out', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', instId);
    const client = h.client();
    await client.login(person.email, PASSWORD);
    const range = { from: '2026-01-05', to: '2027-12-26' }; // 103 weeks
    const grid = await client.request('PUT', `/api/networks/${nid}/people/${person.id}/timetable/grid`, { ...range, entries: [{ weekday: 1, start: '08:00', end: '09:00', kind: 'lesson', summary: 'Mentoruur', location: '' }] });
    expect(grid.status, JSON.stringify(grid.body)).toBe(200);
    const fromGrid = grid.body.imported as number;
    // 100 weekday rows repeat every week: more than the 10 000 blocks a person may hold.
    const rows = Array.from({ length: 100 }, (_, i) => `${['ma', 'di', 'wo', 'do', 'vr'][i % 5]};${String(8 + Math.floor(i / 5) % 12).padStart(2, '0')}:${i % 2 ? '30' : '00'};${String(8 + Math.floor(i / 5) % 12).padStart(2, '0')}:${i % 2 ? '55' : '25'};Les ${i}`);
    const res = await client.request('POST', `/api/networks/${nid}/people/${person.id}/timetable/csv`, { ...range, csv: `dag;begin;eind;omschrijving\n${rows.join('\n')}\n` });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.imported).toBe(10_000 - fromGrid);
    const limit = res.body.skipped.find((s: { reason: string }) => s.reason === 'PERSON_BLOCK_LIMIT');
    expect(limit).toMatchObject({ count: 100 * 103 - (10_000 - fromGrid) });
    expect(limit.message).toContain('10.000');
    expect(await h.deps.db.select().from(timetableBlocks).where(eq(timetableBlocks.personId, person.id))).toHaveLength(10_000);
  });
});
