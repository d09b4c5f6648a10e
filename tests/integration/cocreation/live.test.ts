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
});
