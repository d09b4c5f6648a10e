import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, harnessStartPeer, type Harness, type HarnessPeer } from '../../support/harness.ts';
import { makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { sseOpen } from './support.ts';

// Two Kruispunt app servers on ONE database, as behind a load balancer: a participant's phone is
// connected (Server-Sent Events) to server B while another participant votes through server A.
// The vote reaches B's screen within a second — through PostgreSQL LISTEN/NOTIFY, not memory.

let a: Harness;
let b: HarnessPeer;

beforeAll(async () => {
  a = await harnessStart();
  b = await harnessStartPeer(a);
});

afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

/** Requests against either server with one cookie jar (same origin, as behind one load balancer). */
function phone(origin: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    cookie,
    async request(server: string, method: string, url: string, body?: unknown) {
      const res = await fetch(`${server}${url}`, {
        method,
        headers: { origin, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(jar.size ? { cookie: cookie() } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const [k = '', v = ''] = pair.split('=');
        jar.set(k, v);
      }
      return { status: res.status, body: await res.json().catch(() => undefined) as any };
    },
  };
}

describe('live updates across app servers', () => {
  it('shows a vote cast on server A on a screen connected to server B within a second', async () => {
    const nid = (await makeNetwork(a.deps.db)).id;
    const coordinator = await makePerson(a.deps.db, nid, 'network_coordinator', null);
    const origin = a.baseUrl;
    const facilitator = phone(origin);
    expect((await facilitator.request(a.baseUrl, 'POST', '/api/auth/login', { email: coordinator.email, password: PASSWORD })).status).toBe(200);
    const session = (await facilitator.request(a.baseUrl, 'POST', `/api/networks/${nid}/cocreation-sessions`, { title: 'Twee servers', profileName: 'startende docent' })).body;
    const voter = phone(origin);
    const watcher = phone(origin);
    expect((await voter.request(a.baseUrl, 'POST', '/api/cocreation/join', { code: session.code, displayName: 'Stemmer' })).status).toBe(200);
    expect((await watcher.request(b.baseUrl, 'POST', '/api/cocreation/join', { code: session.code, displayName: 'Kijker' })).status).toBe(200);
    const board = (await facilitator.request(b.baseUrl, 'POST', `/api/networks/${nid}/cocreation-sessions/${session.id}/step`, { step: 4 })).body;
    const proposal = board.proposals[0].id;

    const screen = await sseOpen(`${b.baseUrl}/api/cocreation/sessions/${session.id}/events`, { cookie: watcher.cookie() });
    try {
      await screen.waitForBoard((x) => x.step === 4);
      const started = performance.now();
      const vote = await voter.request(a.baseUrl, 'PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposal}/dots`, { dots: 2 });
      expect(vote.status).toBe(200);
      const arrived = await screen.waitForBoard((x) => x.proposals.find((p: any) => p.id === proposal)?.dots === 2, 5000);
      expect(arrived.board.seq).toBeGreaterThanOrEqual(vote.body.seq);
      expect(arrived.at - started).toBeLessThan(1000);
      // The facilitator's projector on server A sees the same.
      const projector = await sseOpen(`${a.baseUrl}/api/cocreation/sessions/${session.id}/events`, { cookie: facilitator.cookie() });
      try {
        await projector.waitForBoard((x) => x.proposals.find((p: any) => p.id === proposal)?.dots === 2, 2000);
        await watcher.request(b.baseUrl, 'PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposal}/dots`, { dots: 1 });
        await projector.waitForBoard((x) => x.proposals.find((p: any) => p.id === proposal)?.dots === 3, 2000);
      } finally {
        projector.close();
      }
    } finally {
      screen.close();
    }
  });

  it('sends a vote as a small delta with the proposal only, in order, and lets a reconnecting screen skip the board it has', async () => {
    const nid = (await makeNetwork(a.deps.db)).id;
    const coordinator = await makePerson(a.deps.db, nid, 'network_coordinator', null);
    const origin = a.baseUrl;
    const facilitator = phone(origin);
    await facilitator.request(a.baseUrl, 'POST', '/api/auth/login', { email: coordinator.email, password: PASSWORD });
    const session = (await facilitator.request(a.baseUrl, 'POST', `/api/networks/${nid}/cocreation-sessions`, { title: 'Delta', profileName: 'startende docent' })).body;
    const voters = await Promise.all(Array.from({ length: 6 }, async (_, i) => {
      const p = phone(origin);
      expect((await p.request(i % 2 ? b.baseUrl : a.baseUrl, 'POST', '/api/cocreation/join', { code: session.code, displayName: `Deelnemer ${i}` })).status).toBe(200);
      return p;
    }));
    const board = (await facilitator.request(a.baseUrl, 'POST', `/api/networks/${nid}/cocreation-sessions/${session.id}/step`, { step: 4 })).body;
    const proposal = board.proposals[0].id;
    const url = (server: string) => `${server}/api/cocreation/sessions/${session.id}/events`;
    const screen = await sseOpen(url(b.baseUrl), { cookie: voters[0]!.cookie() });
    try {
      const first = await screen.waitForBoard((x) => x.step === 4);
      expect(screen.events[0]!.event).toBe('board');
      // Six votes at once through both servers: every screen ends with all of them, by deltas only.
      const votes = await Promise.all(voters.map((v, i) => v.request(i % 2 ? a.baseUrl : b.baseUrl, 'PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposal}/dots`, { dots: 1 })));
      expect(votes.map((v) => v.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const lastSeq = Math.max(...votes.map((v) => v.body.seq));
      const done = await screen.waitForBoard((x) => x.seq >= lastSeq, 3000);
      expect(done.board.proposals.find((p: any) => p.id === proposal).dots).toBe(6);
      const after = screen.events.slice(1);
      expect(after.length).toBeGreaterThan(0);
      expect(after.length).toBeLessThanOrEqual(6);
      expect(after.every((e) => e.event === 'delta')).toBe(true);
      expect(after.every((e) => e.data.proposals.length === 1 && e.data.statements.length === 0)).toBe(true);
      expect(Math.max(...after.map((e) => e.bytes))).toBeLessThan(screen.events[0]!.bytes);
      // Each delta follows on the one before (the changes from…seq in order, none missed).
      let seq = first.board.seq;
      for (const e of after) {
        expect(e.data.from).toBeLessThanOrEqual(seq + 1);
        expect(e.id).toBe(e.data.seq);
        seq = e.data.seq;
      }
      expect(screen.gaps).toBe(0);
      // What the screen built from deltas is the board as the database has it.
      const fresh = (await voters[0]!.request(b.baseUrl, 'GET', `/api/cocreation/sessions/${session.id}/board`)).body;
      expect({ ...done.board, serverNow: '' }).toEqual({ ...fresh, serverNow: '' });

      // A reconnecting browser that has the newest board (Last-Event-ID) is not sent it again …
      const current = await sseOpen(url(a.baseUrl), { cookie: voters[1]!.cookie(), 'last-event-id': String(fresh.seq) });
      const behind = await sseOpen(url(a.baseUrl), { cookie: voters[2]!.cookie(), 'last-event-id': String(fresh.seq - 3) });
      try {
        await behind.waitForBoard((x) => x.seq === fresh.seq, 3000);
        expect(behind.events[0]!.event).toBe('board');
        expect(current.events).toEqual([]);
        // … but gets the next change.
        await voters[1]!.request(a.baseUrl, 'PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposal}/consent`, { position: 'objection', reason: 'Te vaag' });
        await new Promise((r) => setTimeout(r, 300));
        expect(current.events.map((e) => e.event)).toEqual(['delta']);
        expect(current.events[0]!.data.from).toBe(fresh.seq + 1);
        expect(current.events[0]!.data.proposals[0].objections).toEqual(['Te vaag']);
      } finally {
        current.close();
        behind.close();
      }
    } finally {
      screen.close();
    }
  });
});
