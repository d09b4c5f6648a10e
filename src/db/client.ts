import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as schema from './schema/index.ts';
import { embeddedStart, type EmbeddedOptions } from './embedded.ts';
import type { Logger } from '../lib/logger.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: data.ts and mutations.ts accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  pool: pg.Pool;
  mode: 'embedded' | 'external';
  url: string;
  /** The embedded server's postmaster (undefined with an external database, or while it restarts). */
  embeddedPid(): number | undefined;
  close(): Promise<void>;
}

/** How long a new connection may take before the request fails (a dead server must not hang requests). */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A pool whose clients can never crash the process: a connection that dies (the server was
 * killed, restarted or terminated the session) makes its client emit 'error', also while a
 * request holds it in a transaction between two queries, where the pool itself does not listen.
 * The pool drops such a client and opens new connections on demand, so the app reconnects by
 * itself once the database is back.
 */
export function poolCreate(connectionString: string, max: number, log: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  pool.on('error', (error) => log.warn({ err: error }, 'idle database connection lost'));
  pool.on('connect', (client) => {
    client.on('error', (error) => log.warn({ err: error }, 'database connection lost'));
  });
  return pool;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function databaseOpen(
  options: { databaseUrl?: string | undefined; dataDir: string; poolSize?: number; embedded?: EmbeddedOptions },
  log: Logger,
): Promise<Database> {
  const embedded = options.databaseUrl ? undefined : await embeddedStart(options.dataDir, log, options.embedded);
  const url = options.databaseUrl ?? embedded!.url;
  const pool = poolCreate(url, options.poolSize ?? 10, log);
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    mode: embedded ? 'embedded' : 'external',
    url,
    embeddedPid: () => embedded?.pid(),
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/** Applies the checked-in migrations; an advisory lock keeps parallel app servers in line. */
export async function databaseMigrate(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock(724011)');
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(724011)').catch(() => undefined);
    client.release();
  }
}
