import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as schema from './schema/index.ts';
import { embeddedStart } from './embedded.ts';
import type { Logger } from '../lib/logger.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: data.ts and mutations.ts accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  pool: pg.Pool;
  mode: 'embedded' | 'external';
  url: string;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function databaseOpen(
  options: { databaseUrl?: string | undefined; dataDir: string; poolSize?: number },
  log: Logger,
): Promise<Database> {
  const embedded = options.databaseUrl ? undefined : await embeddedStart(options.dataDir, log);
  const url = options.databaseUrl ?? embedded!.url;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', (error) => log.error({ err: error }, 'idle database connection failed'));
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    mode: embedded ? 'embedded' : 'external',
    url,
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
