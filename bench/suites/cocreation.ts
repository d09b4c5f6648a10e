// A live co-creation session at scale: two app servers on one database (as behind a load
// balancer), 200 participants joined by code, each phone holding the board's event stream (half
// on each server). Votes are cast through both servers (BENCH_COCREATION_VOTES, default 100, at
// BENCH_COCREATION_RATE per second, default 20); for each vote we measure the delay until EVERY
// screen has APPLIED it: each simulated screen builds its board from the stream as the browser
// does (whole board first, then deltas applied in order, the whole board read again on a gap),
// and a vote counts as arrived on a screen once that board reached the vote's seq. Prints one
// JSON line with p50/p95/max of that delay (target: p95 < 1000 ms), events and bytes per screen,
// how many screens' boards differ from the database's at the end (must be 0), and the machine's
// load average. Clients run in the same process as the servers, so the figure includes their
// parsing work. Exits 0 whenever it measured.
import { harnessStart, harnessStartPeer } from '../../tests/support/harness.ts';
import { makeNetwork, makePerson, PASSWORD } from '../../tests/support/factories.ts';
import { cpus, loadavg } from 'node:os';
import { sessionBoardApply } from '../../src/domain/cocreation/session/rules.ts';
import type { Board, BoardDelta } from '../../src/domain/cocreation/session/schema.ts';

const PARTICIPANTS = Number(process.env.BENCH_COCREATION_PARTICIPANTS ?? 200);
const VOTES = Number(process.env.BENCH_COCREATION_VOTES ?? 100);
const RATE = Number(process.env.BENCH_COCREATION_RATE ?? 20);
const line = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify({ suite: 'cocreation', ...o })}\n`);

interface Phone {
  cookie: string; server: string; abort: AbortController;
  /** The board as this screen shows it, built from the stream like the browser does. */
  board: Board | null;
  /** After each event: the seq the screen's board reached, and when. */
  arrivals: { seq: number; at: number }[];
  events: number; bytes: number; boards: number; gaps: number;
}

async function call(server: string, origin: string, method: string, url: string, body: unknown, cookie = '') {
  const res = await fetch(`${server}${url}`, {
    method, headers: { origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ');
  return { status: res.status, body: await res.json().catch(() => undefined) as any, setCookie };
}

/** Holds one screen's event stream: whole boards replace, deltas are applied, a gap reads the board again. */
async function listen(phone: Phone, sessionId: string): Promise<void> {
  const res = await fetch(`${phone.server}/api/cocreation/sessions/${sessionId}/events`, { headers: { cookie: phone.cookie, accept: 'text/event-stream' }, signal: phone.abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events → ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let first: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { first = resolve; });
  const show = (board: Board) => {
    phone.board = board;
    phone.arrivals.push({ seq: board.seq, at: performance.now() });
    first();
  };
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const lines = buffer.slice(0, cut).split('\n');
          buffer = buffer.slice(cut + 2);
          const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (data) {
            phone.events++;
            phone.bytes += data.length;
            if (event === 'board') {
              phone.boards++;
              show(JSON.parse(data) as Board);
            } else if (event === 'delta' && phone.board) {
              const next = sessionBoardApply(phone.board, JSON.parse(data) as BoardDelta);
              if (next) show(next);
              else {
                phone.gaps++;
                show((await call(phone.server, phone.server, 'GET', `/api/cocreation/sessions/${sessionId}/board`, undefined, phone.cookie)).body as Board);
              }
            }
          }
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
      phones.push({ cookie: joined.setCookie, server, abort: new AbortController(), board: null, arrivals: [], events: 0, bytes: 0, boards: 0, gaps: 0 });
    }
    const board = (await call(a.baseUrl, origin, 'POST', `/api/networks/${nid}/cocreation-sessions/${session.id}/step`, { step: 4 }, login.setCookie)).body;
    const proposals: string[] = board.proposals.map((p: { id: string }) => p.id);
    await Promise.all(phones.map((p) => listen(p, session.id)));
    await new Promise((r) => setTimeout(r, 500));
    for (const p of phones) Object.assign(p, { events: 0, bytes: 0, boards: 0, gaps: 0 });
    const loadBefore = loadavg()[0]!;
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
    // Per vote: from sending it to the last screen having applied it, and (to tell the write from
    // the fan-out) from its answer to that moment.
    const delays: number[] = [];
    const deliveries: number[] = [];
    let missing = 0;
    for (const vote of votes) {
      let last = 0;
      for (const phone of phones) {
        const arrival = phone.arrivals.find((x) => x.seq >= vote.seq);
        if (!arrival) { missing++; last = Infinity; break; }
        last = Math.max(last, arrival.at);
      }
      if (Number.isFinite(last)) {
        delays.push(last - vote.sentAt);
        deliveries.push(Math.max(0, last - vote.answeredAt));
      }
    }
    delays.sort((x, y) => x - y);
    deliveries.sort((x, y) => x - y);
    const answers = votes.map((v) => v.answeredAt - v.sentAt).sort((x, y) => x - y);
    // Every screen's board, built from deltas, must equal the database's board in the end.
    const truth = (await call(a.baseUrl, origin, 'GET', `/api/networks/${nid}/cocreation-sessions/${session.id}/board`, undefined, login.setCookie)).body as Board;
    const shown = (x: Board | null) => JSON.stringify(x && { ...x, serverNow: '' });
    const divergent = phones.filter((p) => shown(p.board) !== shown(truth)).length;
    const per = (k: 'events' | 'bytes' | 'boards' | 'gaps') => Math.round(phones.reduce((n, p) => n + p[k], 0) / phones.length);
    line({
      participants: PARTICIPANTS, servers: 2, votes: votes.length, ratePerS: RATE, screensPerVote: PARTICIPANTS, missing, divergent,
      p50Ms: Math.round(pct(delays, 50)), p95Ms: Math.round(pct(delays, 95)), maxMs: Math.round(delays.at(-1) ?? NaN),
      voteAnswerP50Ms: Math.round(pct(answers, 50)), voteAnswerP95Ms: Math.round(pct(answers, 95)),
      answerToAllScreensP50Ms: Math.round(pct(deliveries, 50)), answerToAllScreensP95Ms: Math.round(pct(deliveries, 95)),
      eventsPerScreen: per('events'), bytesPerScreen: per('bytes'), wholeBoardsPerScreen: per('boards'), gapsPerScreen: per('gaps'),
      targetP95Ms: 1000, met: pct(delays, 95) < 1000, seconds: Math.round((performance.now() - started) / 100) / 10,
      load1Before: Math.round(loadBefore * 100) / 100, load1After: Math.round(loadavg()[0]! * 100) / 100, cpus: cpus().length,
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
