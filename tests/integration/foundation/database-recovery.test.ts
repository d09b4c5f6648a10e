import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { harnessStart, waitFor, testDatabaseMode, type Harness } from '../../support/harness.ts';
import { makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { findFreePort } from '../../../src/db/embedded.ts';
import { jobsStart } from '../../../src/lib/jobs.ts';

// The database goes away while Kruispunt runs and comes back: the app must not crash (not even
// with a request holding a connection in a transaction), /api/health answers 503 with a
// translated message while the database is away and 200 when it is back, and requests and
// background jobs work again without a restart of the app. Embedded: the test SIGKILLs the
// postmaster and Kruispunt restarts it itself. External: the test ends every session of the
// app's database and refuses new ones (CONNECTION LIMIT 0), then allows them again — the
// shared server itself is not stopped.

const SECONDS = 1000;

async function pollStatus(url: string, want: number, timeoutMs: number, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(url, { headers });
      const body = await res.json();
      if (res.status === want) return { status: res.status, body };
    } catch { /* not answering yet */ }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer ${want} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Makes the database go away: SIGKILL of the embedded postmaster, or ending every session of the external one. */
async function databaseAway(h: Harness): Promise<{ back(): Promise<void> }> {
  if (h.database.mode === 'embedded') {
    const pid = h.database.embeddedPid();
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');
    return { back: async () => undefined }; // Kruispunt restarts it by itself
  }
  const name = new URL(h.database.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`alter database ${name} connection limit 0`);
  await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
  return {
    async back() {
      await admin.query(`alter database ${name} connection limit -1`);
      await admin.end();
    },
  };
}

describe('the database goes away and comes back', () => {
  let h: Harness | undefined;
  let jobs: Awaited<ReturnType<typeof jobsStart>> | undefined;
  let restore: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await restore?.().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await h?.stop();
  });

  it('keeps running, reports 503 while it is away, and reconnects (requests and jobs) when it is back', async () => {
    h = await harnessStart({ smtp: false });
    const network = await makeNetwork(h.deps.db, 'Netwerk Herstel');
    const email = (await makePerson(h.deps.db, network.id, 'network_coordinator', null)).email;
    const user = h.client();
    expect((await user.login(email, PASSWORD)).status).toBe(200);
    expect((await user.request('GET', '/api/auth/me')).status).toBe(200);

    // pg-boss with its own pool, as the server runs it.
    const done: number[] = [];
    jobs = await jobsStart(h.database.url, { 'recovery-probe': async (data) => void done.push(Number(data.n)) }, pino({ level: 'silent' }));
    await jobs.send('recovery-probe', { n: 1 });
    await waitFor(() => done.includes(1), 30 * SECONDS);

    // A request in the middle of a transaction holds a connection the pool does not watch.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = h.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await gate;
      await tx.execute(sql`select 1`);
    });
    held.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));

    const away = await databaseAway(h);
    restore = away.back;
    const health = `${h.baseUrl}/api/health`;
    const down = await pollStatus(health, 503, 10 * SECONDS);
    expect(down.body).toMatchObject({ status: 'unavailable', database: testDatabaseMode, error: { code: 'DATABASE_UNAVAILABLE' } });
    expect(down.body.error.message).toContain('database');
    const english = await pollStatus(health, 503, 5 * SECONDS, { 'accept-language': 'en' });
    const dutch = await pollStatus(health, 503, 5 * SECONDS, { 'accept-language': 'nl' });
    expect(english.body.error.message).not.toBe(dutch.body.error.message);

    // The held connection died with the server: its transaction fails instead of crashing the process.
    release();
    await expect(held).rejects.toThrow();

    await away.back();
    restore = undefined;
    const up = await pollStatus(health, 200, 90 * SECONDS);
    expect(up.body).toEqual({ status: 'ok', database: testDatabaseMode });

    // Real queries through the same pool: the session from before, a new login (writes), and a job.
    expect((await user.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await h.client().login(email, PASSWORD)).status).toBe(200);
    await jobs.send('recovery-probe', { n: 2 });
    await waitFor(() => done.includes(2), 60 * SECONDS);
  });
});

// The real `kruispunt start` process: it must survive the SIGKILL of its embedded PostgreSQL, restart
// it, and log what happened without dumping connection objects (ports, process ids, cancel keys).
describe.skipIf(testDatabaseMode === 'external')('kruispunt start when its embedded database server is killed', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kruispunt-recovery-'));
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (existsSync(pidFile)) {
      try { process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL'); } catch { /* gone */ }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stays up, answers 503, restarts its database and serves queries again', async () => {
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.resolve('bin/kruispunt.mjs'), 'start'], {
      env: { ...process.env, PORT: String(port), KRUISPUNT_DATA_DIR: dataDir, DATABASE_URL: '', KRUISPUNT_DEMO: '0', PUBLIC_URL: base, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    await pollStatus(`${base}/api/health`, 200, 90 * SECONDS).catch((error) => {
      throw new Error(`${(error as Error).message}\n${output}`);
    });

    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const down = await pollStatus(`${base}/api/health`, 503, 10 * SECONDS);
    expect(down.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(child.exitCode).toBeNull();

    await pollStatus(`${base}/api/health`, 200, 90 * SECONDS);
    const restarted = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(restarted).not.toBe(postmaster);
    const demo = await fetch(`${base}/api/demo`);
    expect(demo.status).toBe(200);
    expect(child.exitCode).toBeNull();

    expect(output).toContain('the embedded database server stopped unexpectedly; restarting it');
    await waitFor(() => output.includes('the embedded database server is running again'), 10 * SECONDS);
    for (const leak of ['secretKey', 'processID', 'connectionParameters', '"_types"']) expect(output).not.toContain(leak);
    expect(output).not.toContain('Unhandled');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
  });
});
