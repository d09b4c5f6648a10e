import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../../src/db/embedded.ts';
import { testDatabaseMode } from '../../support/harness.ts';

// The real `kruispunt` command on the embedded database: first start seeds the demo, SIGTERM
// stops PostgreSQL cleanly, and a start after a crash (orphaned server, stale postmaster.pid)
// recovers. Runs in the embedded project only: it is about the embedded database.

const bin = path.resolve('bin/kruispunt.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kruispunt-life-'));
const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts Kruispunt on a free port; when another process took that port in the meantime (tests run in parallel), on the next one. */
async function start(env: Record<string, string> = {}, attempts = 3): Promise<{ child: ChildProcess; port: number; body: any; output: () => string }> {
  try {
    return await startOn(await findFreePort(), env);
  } catch (error) {
    if (attempts > 1 && String(error).includes('the port is already in use')) return start(env, attempts - 1);
    throw error;
  }
}

async function startOn(port: number, env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...process.env, PORT: String(port), KRUISPUNT_DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { child, port, body: await res.json(), output: () => output };
    } catch { /* not yet */ }
    if (child.exitCode !== null) throw new Error(`exited early (${child.exitCode}): ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

describe.skipIf(testDatabaseMode === 'external')('kruispunt start on the embedded database', () => {
  it('first start creates the database and the demo network', async () => {
    const { child, port, body } = await start();
    expect(body).toEqual({ status: 'ok', database: 'embedded' });
    const demo = await (await fetch(`http://127.0.0.1:${port}/api/demo`)).json();
    expect(demo.demo).toBe(true);
    expect(demo.logins.map((l: { email: string }) => l.email)).toContain('coordinator@demo.kruispunt.nl');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('recovers after a crash that left the database server running', async () => {
    const first = await start();
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(existsSync(pidFile)).toBe(true);
    const second = await start();
    expect(second.body.status).toBe('ok');
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
  });

  it('refuses a second server on a data directory that is in use, and leaves the first running', async () => {
    const first = await start();
    const port = await findFreePort();
    const second = spawnSync(process.execPath, [bin, 'start'], { env: { ...process.env, PORT: String(port), KRUISPUNT_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('is in use by another Kruispunt process');
    const health = await fetch(`http://127.0.0.1:${first.port}/api/health`);
    expect(health.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
  });

  it('recovers from a stale postmaster.pid whose process is gone', async () => {
    writeFileSync(pidFile, `999999\n${path.join(dataDir, 'pg')}\n0\n5432\n`);
    const { child, body } = await start();
    expect(body.status).toBe('ok');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('stops with one readable line when its port is in use, and stops its database', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = spawnSync(process.execPath, [bin, 'start'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KRUISPUNT_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
      expect(result.status).toBe(1);
      const output = result.stdout + result.stderr;
      expect(output).toContain(`Kruispunt cannot listen on 127.0.0.1:${port}: the port is already in use`);
      expect(output).not.toMatch(/^\s+at /m); // no stack trace
      expect(existsSync(pidFile)).toBe(false); // the embedded database was stopped too
    } finally {
      blocker.close();
    }
  });

  it('stops at boot with a readable message on bad configuration', () => {
    const result = spawnSync(process.execPath, [bin, 'start'], { env: { ...process.env, PORT: 'abc', SMTP_URL: 'mail.example.nl' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT="abc"');
    expect(result.stderr).toContain('SMTP_URL="mail.example.nl": must start with smtp:// or smtps://');
  });

  it('`kruispunt migrate` applies migrations and exits', () => {
    const result = spawnSync(process.execPath, [bin, 'migrate'], { env: { ...process.env, KRUISPUNT_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('migrations applied');
  });
});
