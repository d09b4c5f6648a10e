import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, harnessStartPeer, waitFor, type Harness, type ApiClient, type HarnessPeer } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, PASSWORD } from '../../support/factories.ts';
import { speeddateInput } from './speeddate-fixture.ts';

/** Today (Europe/Amsterdam) in 20 minutes, so the test's clock stays within a session's idle time. */
function soon() {
  const at = new Date(Date.now() + 20 * 60_000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, startTime: `${get('hour')}:${get('minute')}` };
}
import { policyAuthorize } from '../../../src/domain/foundation/auth/policy.ts';
import type { Speeddate } from '../../../src/domain/speeddate/event/schema.ts';

// Speeddates through the API: bad input gets translated answers, invitations go out with a
// calendar file, registrations and check-ins recompute the rotation from the first round that
// has not begun (earlier rounds stay as they were), the room clock follows the server's time,
// route cards and exports download, mutual choices notify both, and whoever was there gets hours.

let h: Harness;
let nid: string;
let coordinator: ApiClient;
let coordinatorId: string;
let coordinatorEmail: string;
const pros: { id: string; client: ApiClient; email: string }[] = [];
const teachers: { id: string; client: ApiClient; email: string }[] = [];
let schoolId: string;
const api = (path: string) => `/api/networks/${nid}${path}`;

beforeAll(async () => {
  h = await harnessStart({ smtp: true });
  const db = h.deps.db;
  nid = (await makeNetwork(db, 'Netwerk Speeddate')).id;
  const company = (await makeInstitution(db, nid, { name: 'Bouwbedrijf Oost', kind: 'company' })).id;
  schoolId = (await makeInstitution(db, nid, { name: 'ROC Oost', kind: 'mbo' })).id;
  const login = async (role: 'teacher' | 'professional' | 'network_coordinator', inst: string | null) => {
    const p = await makePerson(db, nid, role, inst);
    const client = h.client();
    expect((await client.login(p.email, PASSWORD)).status).toBe(200);
    return { id: p.id, email: p.email, client };
  };
  const c = await login('network_coordinator', null);
  coordinator = c.client;
  coordinatorId = c.id;
  coordinatorEmail = c.email;
  for (let i = 0; i < 3; i++) pros.push(await login('professional', company));
  for (let i = 0; i < 7; i++) teachers.push(await login('teacher', schoolId));
});

afterAll(async () => {
  h.clock.reset();
  await h?.stop();
});

function checkRotation(event: Speeddate) {
  // No teacher twice in a round, no table over its seats, no pair meeting twice.
  for (const r of event.roundTimes) {
    const seats = event.seats.filter((s) => s.round === r.round);
    expect(new Set(seats.map((s) => s.teacherId)).size).toBe(seats.length);
    for (const p of new Set(seats.map((s) => s.professionalId))) expect(seats.filter((s) => s.professionalId === p).length).toBeLessThanOrEqual(event.seatsPerTable);
  }
  const pairs = event.seats.map((s) => `${s.teacherId}|${s.professionalId}`);
  expect(new Set(pairs).size).toBe(pairs.length);
}

describe('speeddate', () => {
  let event: Speeddate;

  it('answers bad input in the user\'s language', async () => {
    const zero = await coordinator.request('POST', api('/speeddates'), speeddateInput({ roundMinutes: 0 }));
    expect(zero.status).toBe(422);
    expect(zero.body.error.code).toBe('SPEEDDATE_ROUND_LENGTH_ZERO');
    expect(zero.body.error.message).toMatch(/0 minuten/);
    const many = await coordinator.request('POST', api('/speeddates'), speeddateInput({ tableCount: 2, professionalIds: pros.map((p) => p.id) }), { 'accept-language': 'en' });
    expect(many.status).toBe(422);
    expect(many.body.error.code).toBe('SPEEDDATE_TOO_MANY_PROFESSIONALS');
    const wrong = await coordinator.request('POST', api('/speeddates'), speeddateInput({ professionalIds: [teachers[0]!.id] }));
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('FIELD_NOT_A_PROFESSIONAL');
    expect((await teachers[0]!.client.request('POST', api('/speeddates'), speeddateInput())).status).toBe(403);
  });

  it('invites with a calendar file; registrations build the rotation', async () => {
    const res = await coordinator.request('POST', api('/speeddates'), speeddateInput({ ...soon(), tableCount: 4, seatsPerTable: 2, professionalIds: pros.map((p) => p.id), teacherIds: teachers.slice(0, 6).map((t) => t.id) }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    event = res.body;
    expect(event.rounds).toBe(3);
    expect(event.seats).toHaveLength(0);
    const invite = await waitFor(() => h.mails.find((m) => m.to.includes(teachers[0]!.email) && /speeddate/i.test(m.subject)));
    expect(invite.raw).toContain('BEGIN:VCALENDAR');
    expect(invite.raw).toContain('UID:speeddate-');
    for (const t of teachers.slice(0, 5)) {
      const r = await t.client.request('PUT', api(`/speeddates/${event.id}/registration`), { attending: true });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const decline = await teachers[5]!.client.request('PUT', api(`/speeddates/${event.id}/registration`), { attending: false });
    expect(decline.body.myStatus).toBe('declined');
    event = (await coordinator.request('GET', api(`/speeddates/${event.id}`))).body;
    checkRotation(event);
    // 5 teachers × 3 professionals, everyone meets everyone.
    expect(event.seats).toHaveLength(15);
    // A teacher sees only their own route; someone not invited does not see the event.
    const own = (await teachers[0]!.client.request('GET', api(`/speeddates/${event.id}`))).body as Speeddate;
    expect(own.seats.every((s) => s.teacherId === teachers[0]!.id)).toBe(true);
    expect((await teachers[6]!.client.request('GET', api(`/speeddates/${event.id}`))).status).toBe(404);
  });

  it('keeps rounds that began and recomputes the rest at an arrival and a no-show', async () => {
    const r1 = event.roundTimes[0]!;
    h.clock.set(new Date(new Date(r1.startAt).getTime() + 60_000));
    const byTeacher = (a: { teacherId: string }, b: { teacherId: string }) => a.teacherId.localeCompare(b.teacherId);
    const round1 = event.seats.filter((s) => s.round === 1).sort(byTeacher);
    expect((await coordinator.request('POST', api(`/speeddates/${event.id}/check-in`), { personId: teachers[1]!.id, status: 'no_show' })).status).toBe(200);
    const late = await coordinator.request('POST', api(`/speeddates/${event.id}/check-in`), { personId: teachers[5]!.id, status: 'arrived' });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    const after = late.body as Speeddate;
    expect(after.openFromRound).toBe(2);
    expect(after.seats.filter((s) => s.round === 1).sort(byTeacher)).toEqual(round1);
    expect(after.seats.some((s) => s.round >= 2 && s.teacherId === teachers[1]!.id)).toBe(false);
    expect(after.seats.filter((s) => s.teacherId === teachers[5]!.id).length).toBe(2);
    checkRotation(after);
    event = after;
    // The room clock and the server's time.
    const time = await h.client().request('GET', '/api/time');
    expect(time.body.now).toBe(h.clock.now().toISOString());
    const clock = await teachers[0]!.client.request('GET', api(`/speeddates/${event.id}/clock`));
    expect(clock.status).toBe(200);
    expect(clock.body.seating).toHaveLength(3);
    expect(clock.body.tables).toHaveLength(3);
  });

  it('pushes the room clock to every screen on two app servers: pause, resume, a round change and a recompute arrive at once', async () => {
    type Pushed = { event: string; data: any };
    /** Reads a Server-Sent Events stream into a list as it arrives. */
    function sseRead(res: Response) {
      const events: Pushed[] = [];
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buf += decoder.decode(value, { stream: true });
            let i;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              const name = /^event: ?(.*)$/m.exec(block)?.[1];
              const data = /^data: ?(.*)$/m.exec(block)?.[1];
              if (name && data) events.push({ event: name, data: JSON.parse(data) });
            }
          }
        } catch { /* closed */ }
      })();
      return { events, close: () => reader.cancel().catch(() => undefined) };
    }
    const last = (list: Pushed[], test: (e: Pushed) => boolean) => waitFor(() => list.findLast((e) => e.event === 'clock' && test(e)), 8000);
    const peer: HarnessPeer = await harnessStartPeer(h);
    try {
      const path = `/api/speeddates/${event.id}/clock/events`;
      // Screen A: a teacher's phone on server A. Screen B: the coordinator's laptop on server B.
      const resA = await teachers[0]!.client.download(path);
      expect(resA.status).toBe(200);
      expect(resA.headers.get('content-type')).toContain('text/event-stream');
      const a = sseRead(resA);
      const login = await fetch(`${peer.baseUrl}/api/auth/login`, { method: 'POST', headers: { origin: h.baseUrl, 'content-type': 'application/json' }, body: JSON.stringify({ email: coordinatorEmail, password: PASSWORD }) });
      const cookie = login.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ');
      const resB = await fetch(`${peer.baseUrl}${path}`, { headers: { cookie } });
      const b = sseRead(resB);
      try {
        expect(login.status).toBe(200);
        expect(resB.status).toBe(200);
        for (const screen of [a, b]) {
          const first = await last(screen.events, () => true);
          expect(first.data.clock.pausedAt).toBeNull();
          expect(first.data.clock.roundTimes).toEqual(event.roundTimes);
          expect(first.data.serverNow).toBe(h.clock.now().toISOString());
        }
        // Someone not on the list, and a stranger to the event, get a plain answer, not a stream.
        expect((await teachers[6]!.client.download(path)).status).toBe(404);
        expect((await teachers[6]!.client.download(`/api/speeddates/00000000-0000-4000-8000-000000000000/clock/events`)).status).toBe(404);
        // A coordinator of another network learns nothing either: the same 404 as for an unknown event.
        const otherNid = (await makeNetwork(h.deps.db, 'Netwerk Elders')).id;
        const stranger = await makePerson(h.deps.db, otherNid, 'network_coordinator', null);
        const strangerClient = h.client();
        expect((await strangerClient.login(stranger.email, PASSWORD)).status).toBe(200);
        expect((await strangerClient.download(path)).status).toBe(404);

        // Pause on server A: both screens stand still at the same moment.
        const pausedAt = h.clock.now().toISOString();
        expect((await coordinator.request('PUT', api(`/speeddates/${event.id}/pause`), { paused: true })).status).toBe(200);
        for (const screen of [a, b]) await last(screen.events, (e) => e.data.clock.pausedAt === pausedAt);
        // Two minutes later, resume: the rounds that had not ended move two minutes later, on both screens.
        h.clock.set(new Date(h.clock.now().getTime() + 120_000));
        const resumed = await coordinator.request('PUT', api(`/speeddates/${event.id}/pause`), { paused: false });
        expect(resumed.status).toBe(200);
        const shifted = (resumed.body as Speeddate).roundTimes;
        expect(Date.parse(shifted[1]!.startAt) - Date.parse(event.roundTimes[1]!.startAt)).toBe(120_000);
        for (const screen of [a, b]) await last(screen.events, (e) => e.data.clock.pausedAt === null && e.data.clock.roundTimes[1].startAt === shifted[1]!.startAt);
        event = resumed.body as Speeddate;

        // The server's clock reaches round 2: both screens are told without asking.
        const r2 = Date.parse(shifted[1]!.startAt);
        h.clock.set(new Date(r2 + 1000));
        for (const screen of [a, b]) await last(screen.events, (e) => Date.parse(e.data.serverNow) >= r2);

        // A check-in recomputes from round 3 on: the seating reaches both screens.
        const [beforeA, beforeB] = [a.events.length, b.events.length];
        expect((await coordinator.request('POST', api(`/speeddates/${event.id}/check-in`), { personId: teachers[1]!.id, status: 'no_show' })).status).toBe(200);
        const pushed = await waitFor(() => b.events.slice(beforeB).find((e) => e.event === 'clock'), 8000);
        expect(pushed.data.clock.seating).toHaveLength(3);
        await waitFor(() => a.events.slice(beforeA).find((e) => e.event === 'clock'), 8000);
        // Every few seconds the server's time goes out, so a screen can check its offset.
        await waitFor(() => a.events.find((e) => e.event === 'time'), 8000);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await peer.stop();
    }
  });

  it('refuses an arrival after the last round began', async () => {
    h.clock.set(new Date(new Date(event.roundTimes[2]!.startAt).getTime() + 1000));
    const res = await coordinator.request('POST', api(`/speeddates/${event.id}/check-in`), { personId: teachers[1]!.id, status: 'arrived' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SPEEDDATE_AFTER_LAST_ROUND');
    expect(res.body.error.message).toMatch(/laatste ronde/);
  });

  it('prints route cards and exports the rotation', async () => {
    const pdf = await coordinator.download(api(`/speeddates/${event.id}/route-cards.pdf`));
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    const csv = await coordinator.download(api(`/speeddates/${event.id}/rotation?format=csv`));
    const text = await csv.text();
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    const xlsx = await coordinator.download(api(`/speeddates/${event.id}/rotation?format=xlsx`));
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await teachers[0]!.client.download(api(`/speeddates/${event.id}/route-cards.pdf`))).status).toBe(403);
  });

  it('turns mutual choices into a notice for both, only among people who met', async () => {
    h.clock.set(new Date(new Date(event.endAt).getTime() + 60_000));
    const teacher = teachers[0]!;
    const met = (await teacher.client.request('GET', api(`/speeddates/${event.id}`))).body as Speeddate;
    const pro = pros.find((p) => met.met.some((m) => m.personId === p.id))!;
    expect((await teacher.client.request('PUT', api(`/speeddates/${event.id}/choices`), { chosenIds: [teachers[2]!.id] })).status).toBe(422);
    expect((await teacher.client.request('PUT', api(`/speeddates/${event.id}/choices`), { chosenIds: [pro.id] })).status).toBe(200);
    const both = await pro.client.request('PUT', api(`/speeddates/${event.id}/choices`), { chosenIds: [teacher.id] });
    expect(both.status).toBe(200);
    const view = (await coordinator.request('GET', api(`/speeddates/${event.id}`))).body as Speeddate;
    expect(view.mutual).toEqual([expect.objectContaining({ teacherId: teacher.id, professionalId: pro.id })]);
    await waitFor(() => h.mails.find((m) => m.to.includes(teacher.email) && /weer spreken|meet again/.test(m.subject)));
  });

  it('credits hours to whoever was there, once the event is over', async () => {
    const source = h.deps.ports.recordActivitySources.find((s) => s.source === 'speeddate')!;
    const coordinatorActor = { personId: coordinatorId, name: '', email: '', locale: 'nl' as const, memberships: [{ networkId: nid, institutionId: null, role: 'network_coordinator' as const }] };
    const scoped = policyAuthorize(coordinatorActor, nid, 'network:read');
    expect(await source.list(h.deps, scoped, teachers[5]!.id)).toEqual([expect.objectContaining({ source: 'speeddate', hours: 0.5 })]);
    expect(await source.list(h.deps, scoped, teachers[0]!.id)).toEqual([]);
  });
});
