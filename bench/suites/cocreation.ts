// A live co-creation session at scale: two app servers on one database (as behind a load
// balancer), 200 participants joined by code, each phone holding the board's event stream (half
// on each server). Votes are cast through both servers (BENCH_COCREATION_VOTES, default 100, at
// BENCH_COCREATION_RATE per second, default 20); for each vote we measure the delay until EVERY
// screen has a board that includes it (board.seq ≥ the vote's seq). Prints one JSON line with
// p50/p95/max of that delay (target: p95 < 1000 ms). Clients run in the same process as the
// servers, so the figure includes their parsing work. Exits 0 whenever it measured.
import { harnessStart, harnessStartPeer } from '../../tests/support/harness.ts';
import { makeNetwork, makePerson, PASSWORD } from '../../tests/support/factories.ts';

const PARTICIPANTS = Number(process.env.BENCH_COCREATION_PARTICIPANTS ?? 200);
const VOTES = Number(process.env.BENCH_COCREATION_VOTES ?? 100);
const RATE = Number(process.env.BENCH_COCREATION_RATE ?? 20);
const line = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify({ suite: 'cocreation', ...o })}\n`);

interface Phone { cookie: string; server: string; arrivals: { seq: number; at: number }[]; abort: AbortController }

async function call(server: string, origin: string, method: string, url: string, body: unknown, cookie = '') {
  const res = await fetch(`${server}${url}`, {
    method, headers: { origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ');
  return { status: res.status, body: await res.json().catch(() => undefined) as any, setCookie };
}

async function listen(phone: Phone, sessionId: string): Promise<void> {
  const res = await fetch(`${phone.server}/api/cocreation/sessions/${sessionId}/events`, { headers: { cookie: phone.cookie, accept: 'text/event-stream' }, signal: phone.abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events → ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let first: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { first = resolve; });
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const id = /^id: ?(\d+)$/m.exec(buffer.slice(0, cut));
          if (id) {
            phone.arrivals.push({ seq: Number(id[1]), at: performance.now() });
            first();
          }
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await ready;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main() {
  const a = await harnessStart({ smtp: false });
  const b = await harnessStartPeer(a);
  const phones: Phone[] = [];
  try {
    const origin = a.baseUrl;
    const nid = (await makeNetwork(a.deps.db)).id;
    const coordinator = await makePerson(a.deps.db, nid, 'network_coordinator', null);
    const login = await call(a.baseUrl, origin, 'POST', '/api/auth/login', { email: coordinator.email, password: PASSWORD });
    const session = (await call(a.baseUrl, origin, 'POST', `/api/networks/${nid}/cocreation-sessions`, { title: 'Bench', profileName: 'bench', dotBudget: 3 }, login.setCookie)).body;
    for (let i = 0; i < PARTICIPANTS; i++) {
      const server = i % 2 === 0 ? a.baseUrl : b.baseUrl;
      const joined = await call(server, origin, 'POST', '/api/cocreation/join', { code: session.code, displayName: `Deelnemer ${i + 1}` });
      if (joined.status !== 200) throw new Error(`join → ${joined.status}`);
      phones.push({ cookie: joined.setCookie, server, arrivals: [], abort: new AbortController() });
    }
    const board = (await call(a.baseUrl, origin, 'POST', `/api/networks/${nid}/cocreation-sessions/${session.id}/step`, { step: 4 }, login.setCookie)).body;
    const proposals: string[] = board.proposals.map((p: { id: string }) => p.id);
    await Promise.all(phones.map((p) => listen(p, session.id)));
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    const votes: { seq: number; sentAt: number; answeredAt: number }[] = [];
    const dots = new Map<number, number>();
    const pending: Promise<void>[] = [];
    for (let v = 0; v < VOTES; v++) {
      const who = (v * 37) % PARTICIPANTS;
      const phone = phones[who]!;
      const value = (dots.get(who) ?? 0) === 0 ? 1 : 0;
      dots.set(who, value);
      const sentAt = performance.now();
      pending.push(call(phone.server, origin, 'PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposals[who % proposals.length]}/dots`, { dots: value }, phone.cookie)
          .then((r) => { if (r.status === 200) votes.push({ seq: r.body.seq, sentAt, answeredAt: performance.now() }); else line({ warning: `vote → ${r.status}` }); }));
      await new Promise((r) => setTimeout(r, 1000 / RATE));
    }
    await Promise.all(pending);
    await new Promise((r) => setTimeout(r, 3000));
    const delays: number[] = [];
    let missing = 0;
    for (const vote of votes) {
      let worst = 0;
      for (const phone of phones) {
        const arrival = phone.arrivals.find((x) => x.seq >= vote.seq);
        if (!arrival) { missing++; worst = Infinity; break; }
        worst = Math.max(worst, arrival.at - vote.sentAt);
      }
      if (Number.isFinite(worst)) delays.push(worst);
    }
    delays.sort((x, y) => x - y);
    const answers = votes.map((v) => v.answeredAt - v.sentAt).sort((x, y) => x - y);
    line({
      participants: PARTICIPANTS, servers: 2, votes: votes.length, screensPerVote: PARTICIPANTS, missing,
      p50Ms: Math.round(pct(delays, 50)), p95Ms: Math.round(pct(delays, 95)), maxMs: Math.round(delays.at(-1) ?? NaN),
      voteAnswerP95Ms: Math.round(pct(answers, 95)), boardsPerScreen: Math.round(phones.reduce((n, p) => n + p.arrivals.length, 0) / phones.length), targetP95Ms: 1000, met: pct(delays, 95) < 1000, seconds: Math.round((performance.now() - started) / 100) / 10,
    });
  } finally {
    for (const p of phones) p.abort.abort();
    await b.stop();
    await a.stop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`cocreation bench failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
