import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, harnessStartPeer, waitFor, type Harness, type HarnessPeer } from '../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makeProgramme, makePerson, PASSWORD } from '../support/factories.ts';
import { makeEdition, makeRegistration, makeLessons, placeLocation } from '../support/exchange-fixture.ts';
import { jobHandlersCreate, HOURLY_JOB } from '../../src/server/jobs.ts';
import type { Deps } from '../../src/domain/foundation/auth/types.ts';
import type { JobHandler } from '../../src/lib/jobs.ts';

// Two Kruispunt app servers on ONE database, as N app processes behind a load balancer: each has
// its own pg pool, its own job runner and its own port; nothing is shared but PostgreSQL. A
// session made on one works on the other, login throttling counts across both, a job runs once,
// and a change made through one is read through the other at once.

const calls: { server: string; job: string }[] = [];
function counting(server: string) {
  return (deps: Deps): Record<string, JobHandler> => {
    const handlers = jobHandlersCreate(deps);
    return Object.fromEntries(Object.entries(handlers).map(([job, run]) => [job, async (data: Record<string, unknown>) => {
      calls.push({ server, job });
      await run(data);
    }]));
  };
}

/** A client with its own cookies that can talk to either server (the same origin, as behind one load balancer). */
function clientCreate(origin: string) {
  const jar = new Map<string, string>();
  return async (baseUrl: string, method: string, url: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        origin,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [k = '', v = ''] = pair.split('=');
      if (/Max-Age=0/i.test(line) || v === '') jar.delete(k);
      else jar.set(k, v);
    }
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
}

/**
 * Reads through the other server until `ok` holds, for at most 2 s. A change reaches another
 * server as a notification, and the writer answers only once its own has come back (a fence),
 * so the first read almost always sees it; the bound only absorbs a busy machine's scheduling.
 * It stays far below the caches' own lifetime (10 s for reads, 30 s for sessions), so a change
 * that is not heard still fails here.
 */
async function settled<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (ok(value) || performance.now() - started > 2000) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let a: Harness;
let b: HarnessPeer;
let f: { nid: string; inst: string; coordinatorEmail: string; edition: string };

beforeAll(async () => {
  a = await harnessStart({ jobs: true, jobHandlers: counting('A'), env: { LOGIN_MAX_ATTEMPTS: '4' } });
  b = await harnessStartPeer(a, { jobs: true, jobHandlers: counting('B') });
  const db = a.deps.db;
  const network = await makeNetwork(db);
  const instA = await makeInstitution(db, network.id, { kind: 'mbo' });
  const instB = await makeInstitution(db, network.id, { kind: 'hbo' });
  const locA = await makeLocation(db, network.id, instA.id);
  const locB = await makeLocation(db, network.id, instB.id);
  await placeLocation(a, locA.id, 52.1583, 5.4057);
  await placeLocation(a, locB.id, 52.1531, 5.3739);
  const progA = await makeProgramme(db, network.id, instA.id, { iscedCode: '0613' });
  const progB = await makeProgramme(db, network.id, instB.id, { iscedCode: '0613', level: 'bachelor' });
  const teacherA = await makePerson(db, network.id, 'teacher', instA.id, { programmeIds: [progA.id] });
  const teacherB = await makePerson(db, network.id, 'teacher', instB.id, { programmeIds: [progB.id] });
  await makeLessons(a, network.id, teacherA.id, locA.id, ['08:30', '13:00']);
  await makeLessons(a, network.id, teacherB.id, locB.id, ['10:30', '15:00']);
  const edition = await makeEdition(a, network.id, { a: instA.id, b: instB.id }, 'registration_open');
  await makeRegistration(a, network.id, edition, { personId: teacherA.id, institutionId: instA.id, side: 'a', programmeId: progA.id, locationId: locA.id });
  await makeRegistration(a, network.id, edition, { personId: teacherB.id, institutionId: instB.id, side: 'b', programmeId: progB.id, locationId: locB.id });
  const coordinator = await makePerson(db, network.id, 'network_coordinator', null);
  f = { nid: network.id, inst: instA.id, coordinatorEmail: coordinator.email, edition };
}, 180_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe('two app servers on one database', () => {
  it('accepts a session made on one server on the other, and a logout on one ends it on both', async () => {
    const call = clientCreate(a.baseUrl);
    expect((await call(a.baseUrl, 'POST', '/api/auth/login', { email: f.coordinatorEmail, password: PASSWORD })).status).toBe(200);
    const me = await call(b.baseUrl, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(f.coordinatorEmail);
    expect((await call(b.baseUrl, 'POST', '/api/auth/logout')).status).toBe(200);
    const other = clientCreate(a.baseUrl);
    await other(a.baseUrl, 'POST', '/api/auth/login', { email: f.coordinatorEmail, password: PASSWORD });
    expect((await other(b.baseUrl, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await other(a.baseUrl, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('counts login throttling across both servers', async () => {
    const email = (await makePerson(a.deps.db, f.nid, 'teacher', f.inst)).email;
    const call = clientCreate(a.baseUrl);
    const statuses: number[] = [];
    // four wrong passwords, alternating servers: each server saw only two
    for (let i = 0; i < 4; i++) statuses.push((await call(i % 2 ? b.baseUrl : a.baseUrl, 'POST', '/api/auth/login', { email, password: 'wrong-password-1' })).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    // the fifth is refused on either server, even with the right password
    for (const server of [a.baseUrl, b.baseUrl]) {
      const res = await call(server, 'POST', '/api/auth/login', { email, password: PASSWORD });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('runs a matching run started on one server exactly once, and the other shows it done', async () => {
    const call = clientCreate(a.baseUrl);
    expect((await call(a.baseUrl, 'POST', '/api/auth/login', { email: f.coordinatorEmail, password: PASSWORD })).status).toBe(200);
    const before = calls.filter((c) => c.job === 'matching-run').length;
    const started = await call(a.baseUrl, 'POST', `/api/networks/${f.nid}/editions/${f.edition}/runs`);
    expect(started.status).toBe(202);
    const run = await (async () => {
      for (let i = 0; i < 200; i++) {
        const r = await call(b.baseUrl, 'GET', `/api/networks/${f.nid}/editions/${f.edition}/runs/${started.body.id}`);
        if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the matching run did not finish');
    })();
    expect(run.status).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a second pick-up would have happened by now
    expect(calls.filter((c) => c.job === 'matching-run').length - before).toBe(1);
  }, 60_000);

  it('runs the hourly job once when it is due on both servers', async () => {
    const before = calls.filter((c) => c.job === HOURLY_JOB).length;
    // both servers' schedulers would send the tick; the queue hands it to one worker
    await a.deps.jobs!.send(HOURLY_JOB, {});
    await waitFor(() => calls.filter((c) => c.job === HOURLY_JOB).length > before, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(calls.filter((c) => c.job === HOURLY_JOB).length - before).toBe(1);
  }, 30_000);

  it('ends a cached session on the other server at once when one server renames the person, removes them or logs them out', async () => {
    const teacher = await makePerson(a.deps.db, f.nid, 'teacher', f.inst);
    const coordinator = clientCreate(a.baseUrl);
    expect((await coordinator(a.baseUrl, 'POST', '/api/auth/login', { email: f.coordinatorEmail, password: PASSWORD })).status).toBe(200);
    const t = clientCreate(a.baseUrl);
    expect((await t(a.baseUrl, 'POST', '/api/auth/login', { email: teacher.email, password: PASSWORD })).status).toBe(200);
    // B reads the session a few times: from then on it answers from its in-process cache
    for (let i = 0; i < 3; i++) expect((await t(b.baseUrl, 'GET', '/api/auth/me')).status).toBe(200);
    const name = `Andere Naam ${Date.now()}`;
    expect((await coordinator(a.baseUrl, 'PATCH', `/api/networks/${f.nid}/people/${teacher.id}`, { name })).status).toBe(200);
    expect((await settled(() => t(b.baseUrl, 'GET', '/api/auth/me'), (r) => r.body.name === name)).body.name).toBe(name);
    expect((await coordinator(a.baseUrl, 'DELETE', `/api/networks/${f.nid}/people/${teacher.id}`)).status).toBe(200);
    expect((await settled(() => t(b.baseUrl, 'GET', '/api/auth/me'), (r) => r.status === 401)).status).toBe(401);

    // a logout on A ends the session that B has cached (the cookie replayed, as a stolen copy would be)
    const login = await fetch(`${a.baseUrl}/api/auth/login`, { method: 'POST', headers: { origin: a.baseUrl, 'content-type': 'application/json' }, body: JSON.stringify({ email: f.coordinatorEmail, password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ');
    for (let i = 0; i < 3; i++) expect((await fetch(`${b.baseUrl}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${a.baseUrl}/api/auth/logout`, { method: 'POST', headers: { origin: a.baseUrl, cookie } })).status).toBe(200);
    expect((await settled(() => fetch(`${b.baseUrl}/api/auth/me`, { headers: { cookie } }), (r) => r.status === 401)).status).toBe(401);
  });

  it('shows changes to the cached main reads (editions, registrations) on the other server at once', async () => {
    const call = clientCreate(a.baseUrl);
    expect((await call(a.baseUrl, 'POST', '/api/auth/login', { email: f.coordinatorEmail, password: PASSWORD })).status).toBe(200);
    const editionsUrl = `/api/networks/${f.nid}/editions`;
    const registrationsUrl = `${editionsUrl}/${f.edition}/registrations`;
    for (let i = 0; i < 3; i++) {
      expect((await call(b.baseUrl, 'GET', editionsUrl)).status).toBe(200);
      expect((await call(b.baseUrl, 'GET', registrationsUrl)).status).toBe(200);
    }
    const before = (await call(b.baseUrl, 'GET', registrationsUrl)).body as { personId: string }[];
    expect(before.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      const name = `Uitwisseling ${i} ${Date.now()}`;
      expect((await call(a.baseUrl, 'PATCH', `${editionsUrl}/${f.edition}`, { name })).status).toBe(200);
      const editionName = (r: { body: { id: string; name: string }[] }) => r.body.find((e) => e.id === f.edition)?.name;
      const read = await settled(() => call(b.baseUrl, 'GET', editionsUrl), (r) => editionName(r) === name);
      expect(editionName(read)).toBe(name);
    }
    const gone = before[0]!.personId;
    expect((await call(a.baseUrl, 'DELETE', `${registrationsUrl}/${gone}`)).status).toBe(200);
    const after = (await settled(() => call(b.baseUrl, 'GET', registrationsUrl), (r) => !(r.body as { personId: string }[]).some((x) => x.personId === gone))).body as { personId: string }[];
    expect(after.map((r) => r.personId)).not.toContain(gone);
    expect(after.length).toBe(before.length - 1);
  });

  it('shows a change made through one server on the other at once', async () => {
    const call = clientCreate(a.baseUrl);
    expect((await call(b.baseUrl, 'POST', '/api/auth/login', { email: f.coordinatorEmail, password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const name = `Hernoemd ${i} ${Date.now()}`;
      const [writer, reader] = i % 2 ? [b.baseUrl, a.baseUrl] : [a.baseUrl, b.baseUrl];
      expect((await call(writer, 'PATCH', `/api/networks/${f.nid}/institutions/${f.inst}`, { name })).status).toBe(200);
      const read = await settled(() => call(reader, 'GET', `/api/networks/${f.nid}/institutions/${f.inst}`), (r) => r.body.name === name);
      expect(read.status).toBe(200);
      expect(read.body.name).toBe(name);
    }
  });
});
