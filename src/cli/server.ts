import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { configParse, ConfigError, setConfig, type Config } from '../lib/config.ts';
import { getLogger } from '../lib/logger.ts';
import { mailerCreate } from '../lib/mailer.ts';
import { databaseOpen, databaseMigrate, type Database } from '../db/client.ts';
import { EmbeddedStartError } from '../db/embedded.ts';
import { demoSeed, demoExists, DEMO_SLUG } from '../db/seed/demo.ts';
import { getNetworkBySlug } from '../domain/foundation/network/data.ts';
import { seedDemoProviders } from '../domain/foundation/identity-provider/actions.ts';
import { randomBytes } from 'node:crypto';
import { countNetworks } from '../domain/foundation/network/data.ts';
import { appCreate } from '../server/app.ts';
import { HOURLY_JOB, jobHandlersCreate } from '../server/jobs.ts';
import { areasPorts } from '../server/modules.ts';
import { jobsStart } from '../lib/jobs.ts';
import type { Deps } from '../domain/foundation/auth/types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function loadConfig(): Config | undefined {
  try {
    const config = configParse(process.env);
    setConfig(config);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Kruispunt cannot start: ${error.message}\n(Kruispunt kan niet starten: controleer de instellingen hierboven.)\n`);
      return undefined;
    }
    throw error;
  }
}

const oneLine = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');

async function openAndMigrate(config: Config): Promise<Database> {
  const log = getLogger();
  const database = await databaseOpen({ databaseUrl: config.DATABASE_URL, dataDir: config.KRUISPUNT_DATA_DIR }, log);
  await databaseMigrate(database);
  return database;
}

export async function runServerCommand(command: 'start' | 'migrate' | 'seed-demo' | 'worker', _args: string[]): Promise<number> {
  const config = loadConfig();
  if (!config) return 1;
  const log = getLogger();
  let database: Database;
  try {
    database = await openAndMigrate(config);
  } catch (error) {
    // One line that says what to do; never a stack trace (LOG_LEVEL=debug logs the details).
    log.debug({ err: error }, 'database unavailable');
    process.stderr.write(error instanceof EmbeddedStartError
      ? `Kruispunt cannot start: ${oneLine(error.message)}\n`
      : `Kruispunt cannot reach its database: ${oneLine((error as Error).message)}${config.DATABASE_URL ? ' (check DATABASE_URL and that the server runs)' : ''}\n`);
    return 1;
  }
  if (command === 'migrate') {
    log.info('migrations applied');
    await database.close();
    return 0;
  }
  if (command === 'seed-demo') {
    const result = await demoSeed(database.db, new Date());
    log.info(result, 'demo network created');
    await database.close();
    return 0;
  }
  if (config.KRUISPUNT_DEMO && (await countNetworks(database.db)) === 0) {
    const result = await demoSeed(database.db, new Date());
    log.info(result, 'empty database: demo network created (KRUISPUNT_DEMO=0 turns this off)');
  } else if (config.KRUISPUNT_DEMO && !(await demoExists(database.db))) {
    log.info('demo mode is on but this database has its own networks; run `kruispunt seed-demo` to add the demo');
  }

  const deps: Deps = { db: database.db, mailer: mailerCreate(config.SMTP_URL, config.MAIL_FROM), config, log, now: () => new Date(), jobs: null, ports: areasPorts() };
  // KRUISPUNT_DEMO_OIDC=1: a local OpenID provider with SURFconext- and Entree-like accounts, for trying the federated login.
  const demoNetwork = config.KRUISPUNT_DEMO && config.KRUISPUNT_DEMO_OIDC ? await getNetworkBySlug(database.db, DEMO_SLUG) : undefined;
  const localProvider = demoNetwork && command === 'start'
    ? await (async () => {
      // Loaded only here: oidc-provider warns on stderr about Node 20 as soon as it is imported.
      const { localProviderStart, demoLocalAccounts } = await import('./demo-identity-provider.ts');
      const client = { clientId: 'kruispunt-demo', clientSecret: randomBytes(24).toString('base64url') };
      const op = await localProviderStart({
        port: config.KRUISPUNT_DEMO_OIDC_PORT,
        clients: [{ ...client, redirectUris: [`${config.PUBLIC_URL}/api/auth/oidc/callback`], postLogoutRedirectUris: [`${config.PUBLIC_URL}/`] }],
      });
      await seedDemoProviders(deps, demoNetwork.id, op.issuer, client);
      log.info({ issuer: op.issuer, accounts: demoLocalAccounts.map((a) => a.login) }, 'demo identity provider is running: log in with any of these account names and any password');
      return op;
    })()
    : undefined;
  const jobs = await jobsStart(database.url, jobHandlersCreate(deps), log, { work: true, schedules: { [HOURLY_JOB]: '17 * * * *' } });
  deps.jobs = jobs;
  // `worker` only works background jobs (for deployments that separate them); `start` serves HTTP and works jobs.
  const server = command === 'worker'
    ? undefined
    : serve({ fetch: appCreate(deps, { webRoot: path.join(repoRoot, 'dist/web') }).fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      log.info({ url: `http://${info.address === '127.0.0.1' ? 'localhost' : info.address}:${info.port}`, database: database.mode }, 'Kruispunt is running');
    });
  if (!server) log.info({ database: database.mode }, 'worker started: background jobs run here');
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    server?.close();
    await localProvider?.stop();
    await jobs.stop();
    await database.close();
    log.info('stopped cleanly');
    process.exit(code);
  };
  // A port in use (or not allowed) ends the start with one readable line, and the embedded
  // database is stopped as on any other stop.
  server?.on('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? 'the port is already in use: stop the program that uses it, or set PORT to another port'
      : error.code === 'EACCES' ? 'this user may not open the port: set PORT to a port above 1023'
      : error.message;
    log.error({ host: config.HOST, port: config.PORT }, `Kruispunt cannot listen on ${config.HOST}:${config.PORT}: ${reason}`);
    void stop('listen failed', 1);
  });
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return 0;
}
